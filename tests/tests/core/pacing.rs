//! Proactive pacing, the concurrent limit and the retry budget.
//!
//! Waiting for a reset is tested on tokio's paused clock against a small Okta-shaped server on
//! the test's own runtime, whose clock (its `Date` and its one-second windows) is that paused
//! clock: a window passes without anyone waiting for it. What needs no waiting is tested against
//! the stand-in org and its per-family limits.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::StreamExt;
use okta::{Client, Error, Pacing, RetryPolicy};
use okta_mock::OktaMock;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio::time::Instant;

const USER_FAMILY: &str = "GET /api/v1/users/{id}";
const USER: &str = r#"{"id":"00u1","status":"ACTIVE","profile":{"login":"a@example.com","email":"a@example.com","firstName":"A","lastName":"B"}}"#;

/// An org allowing `limit` requests per one-second window (aligned on its clock's seconds),
/// its clock starting at `phase_ms` into a second. Returns its URL and the statuses it sent.
async fn windowed_org(limit: u32, phase_ms: u64) -> (String, Arc<Mutex<Vec<u16>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind loopback");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    let statuses = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&statuses);
    let start = Instant::now();
    let window = Arc::new(Mutex::new((0u64, 0u32)));
    tokio::spawn(async move {
        // Bounded: a test opens a few dozen connections at most.
        for _ in 0..256 {
            let Ok((mut socket, _)) = listener.accept().await else {
                return;
            };
            let (log, window) = (Arc::clone(&log), Arc::clone(&window));
            tokio::spawn(async move {
                let mut buf = Vec::new();
                for _ in 0..10_000 {
                    // One GET without a body per request; keep-alive.
                    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
                        let mut chunk = [0u8; 4096];
                        match socket.read(&mut chunk).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => buf.extend_from_slice(&chunk[..n]),
                        }
                    }
                    let end = buf.windows(4).position(|w| w == b"\r\n\r\n").unwrap_or(0) + 4;
                    buf.drain(..end);
                    let now_ms = 1_700_000_000_000 + phase_ms + u64::try_from(start.elapsed().as_millis()).unwrap_or(0);
                    let second = now_ms / 1000;
                    let (status, remaining) = {
                        let mut w = window.lock().expect("window");
                        if w.0 != second {
                            *w = (second, 0);
                        }
                        if w.1 < limit {
                            w.1 += 1;
                            (200, limit - w.1)
                        } else {
                            (429, 0)
                        }
                    };
                    log.lock().expect("log").push(status);
                    let body = if status == 200 {
                        USER
                    } else {
                        r#"{"errorCode":"E0000047","errorSummary":"API call exceeded rate limit due to too many requests."}"#
                    };
                    let date = httpdate::fmt_http_date(std::time::UNIX_EPOCH + Duration::from_millis(now_ms));
                    let response = format!(
                        "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\ndate: {date}\r\n\
                         x-rate-limit-limit: {limit}\r\nx-rate-limit-remaining: {remaining}\r\nx-rate-limit-reset: {}\r\n\r\n{body}",
                        body.len(),
                        second + 1
                    );
                    if socket.write_all(response.as_bytes()).await.is_err() {
                        return;
                    }
                }
            });
        }
    });
    (url, statuses)
}

fn client_for(url: &str, token: &str, pacing: Pacing) -> Client {
    Client::builder()
        .org_url(url)
        .api_token(token)
        .pacing(pacing)
        .build()
        .expect("client")
}

fn client(org: &OktaMock, pacing: Pacing) -> Client {
    client_for(&org.url(), org.token(), pacing)
}

fn refused(statuses: &Mutex<Vec<u16>>) -> usize {
    statuses.lock().expect("log").iter().filter(|s| **s == 429).count()
}

fn refusals(org: &OktaMock) -> usize {
    org.requests().iter().filter(|r| r.status == Some(429)).count()
}

#[tokio::test(start_paused = true)]
async fn a_spent_bucket_waits_for_its_reset_instead_of_meeting_a_429() {
    let (url, statuses) = windowed_org(5, 300).await;
    let client = client_for(&url, "00token", Pacing::default());
    let started = Instant::now();
    for id in 0..20 {
        client.get_user(format!("00u{id}")).await.expect("paced, never refused");
    }
    let elapsed = started.elapsed();
    assert_eq!(refused(&statuses), 0, "the client waited before each window was spent");
    // 20 requests at 5 a window: the rest of the first second and three more, plus at most a
    // second of not knowing the server's clock to the millisecond at first.
    assert!(
        elapsed >= Duration::from_millis(2_700) && elapsed <= Duration::from_millis(4_000),
        "{elapsed:?}"
    );
    let bucket = client
        .rate_limits()
        .into_iter()
        .find(|b| b.path == "/api/v1/users/{userId}")
        .expect("one bucket for every id: the declared template");
    assert_eq!((bucket.limit, bucket.in_flight), (Some(5), 0));
}

#[tokio::test(start_paused = true)]
async fn without_pacing_the_same_job_meets_429s_and_still_finishes() {
    let (url, statuses) = windowed_org(5, 300).await;
    let client = client_for(&url, "00token", Pacing::off());
    for id in 0..20 {
        client.get_user(format!("00u{id}")).await.expect("429s are waited out");
    }
    assert!(
        refused(&statuses) >= 3,
        "one refusal a window at least: {}",
        refused(&statuses)
    );
}

#[tokio::test(start_paused = true)]
async fn a_429_is_waited_out_until_the_reset_on_the_servers_clock() {
    // Paced off, so the 429 comes; the server is 0.9 s into its second.
    let (url, statuses) = windowed_org(1, 900).await;
    let client = client_for(&url, "00token", Pacing::off());
    client.get_user("00u1").await.expect("first");
    let started = Instant::now();
    client.get_user("00u1").await.expect("after the reset");
    let waited = started.elapsed();
    assert_eq!(refused(&statuses), 1, "waited once, exactly long enough");
    // The reset is 100 ms away; one `Date` cannot say more than "within this second".
    assert!(
        waited >= Duration::from_millis(100) && waited <= Duration::from_millis(1_050),
        "{waited:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn concurrent_tasks_share_one_bucket_and_do_not_fire_into_a_spent_window() {
    let (url, statuses) = windowed_org(10, 300).await;
    let client = client_for(&url, "00token", Pacing::default());
    // 32 tasks on clones of the client, 100 calls between them.
    let results: Vec<Result<_, Error>> = futures::stream::iter(0..100)
        .map(|id| {
            let client = client.clone();
            async move { client.get_user(format!("00u{id}")).await }
        })
        .buffer_unordered(32)
        .collect()
        .await;
    assert!(results.iter().all(Result::is_ok));
    // The first window is met blind by the first 32: at most those beyond its 10 are refused.
    assert!(refused(&statuses) <= 22, "{}", refused(&statuses));
    let later = statuses
        .lock()
        .expect("log")
        .iter()
        .skip(40)
        .filter(|s| **s == 429)
        .count();
    assert!(later <= 2, "once the bucket is known, windows are not overrun: {later}");
}

/// The org's clock 30 s off the machine's, either way: its `Date`, its windows and their resets
/// follow it. Paced by the machine's clock, a client would take a reset for 29 s past and meet a
/// 429 (behind), or wait half a minute (ahead); paced by the org's, it waits for the reset (under
/// a second, with 1-s windows) and meets none.
#[tokio::test]
async fn a_spent_bucket_is_waited_for_on_the_orgs_clock_not_the_machines() {
    let off = Duration::from_secs(30);
    for (name, org) in [
        ("behind", OktaMock::builder().clock_behind(off)),
        ("ahead", OktaMock::builder().clock_ahead(off)),
    ] {
        let org = org
            .rate_limit_family(USER_FAMILY, 3, Duration::from_secs(1))
            .start()
            .await;
        let id = org.seed_users(1).remove(0);
        let client = client(&org, Pacing::default());
        let started = std::time::Instant::now();
        tokio::time::timeout(Duration::from_secs(5), async {
            for _ in 0..4 {
                client.get_user(&id).await.expect("paced");
            }
        })
        .await
        .unwrap_or_else(|_| panic!("{name}: still waiting for a reset on the machine's clock"));
        // The reset under a second away, and at most a second of not knowing the org's clock to
        // the millisecond from one window's `Date`s.
        let elapsed = started.elapsed();
        assert!(elapsed < Duration::from_millis(2_100), "{name}: {elapsed:?}");
        assert_eq!(refusals(&org), 0, "{name}: the fourth waited for the window's reset");
        let machine = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .expect("after 1970")
            .as_secs();
        let org_now = if name == "ahead" { machine + 30 } else { machine - 30 };
        let reset = client
            .rate_limits()
            .into_iter()
            .find(|b| b.path == "/api/v1/users/{userId}")
            .and_then(|b| b.reset)
            .expect("a reset");
        assert!(
            reset.abs_diff(org_now) <= 2,
            "{name}: the bucket's reset {reset} is on the org's clock ({org_now}), not the machine's ({machine})"
        );
    }
}

#[tokio::test]
async fn two_buckets_are_independent() {
    let org = OktaMock::builder()
        .rate_limit_family(USER_FAMILY, 2, Duration::from_secs(60))
        .rate_limit_family("GET /api/v1/groups", 100, Duration::from_secs(60))
        .start()
        .await;
    let id = org.seed_users(1).remove(0);
    let client = client(&org, Pacing::default());
    client.get_user(&id).await.expect("first");
    client.get_user(&id).await.expect("second spends the bucket");
    let started = std::time::Instant::now();
    for _ in 0..5 {
        client.list_groups().await.expect("another family is not held up");
    }
    assert!(started.elapsed() < Duration::from_secs(1), "{:?}", started.elapsed());
    let buckets = client.rate_limits();
    let users = buckets
        .iter()
        .find(|b| b.path == "/api/v1/users/{userId}")
        .expect("users");
    let groups = buckets.iter().find(|b| b.path == "/api/v1/groups").expect("groups");
    assert_eq!((users.remaining, groups.remaining), (Some(0), Some(95)));
}

#[tokio::test]
async fn the_concurrent_limit_is_learnt_and_respected() {
    let org = OktaMock::builder().concurrent_limit(4).start().await;
    let id = org.seed_users(1).remove(0);
    org.delay_next(1_000, Duration::from_millis(20));
    let client = client(&org, Pacing::default());
    let results: Vec<Result<_, Error>> = futures::stream::iter(0..40)
        .map(|_| client.get_user(&id).send())
        .buffer_unordered(16)
        .collect()
        .await;
    assert!(
        results.iter().all(Result::is_ok),
        "{:?}",
        results.iter().find(|r| r.is_err())
    );
    let refused = refusals(&org);
    assert!(refused >= 1, "the limit was met");
    // After the first refusals the client keeps at most 4 out.
    assert!(refused <= 16, "{refused}");
    let late = org.requests().iter().skip(24).filter(|r| r.status == Some(429)).count();
    assert!(late <= 2, "{late}");
}

#[tokio::test]
async fn the_first_retry_is_fast() {
    let org = OktaMock::start().await;
    let id = org.seed_users(1).remove(0);
    let client = client(&org, Pacing::default());
    client.get_user(&id).await.expect("warm the pool");
    org.fail_next(1, 503);
    let started = std::time::Instant::now();
    client.get_user(&id).await.expect("the retry succeeds");
    // Backoff from 500 ms used to make this cost a quarter of a second or more.
    assert!(
        started.elapsed() < Duration::from_millis(200),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(org.requests().iter().filter(|r| r.status == Some(503)).count(), 1);
}

#[tokio::test]
async fn the_retry_budget_stops_a_retry_storm_and_says_so() {
    let org = OktaMock::start().await;
    let id = org.seed_users(1).remove(0);
    org.fail_next(100_000, 503);
    let client = Client::builder()
        .org_url(org.url())
        .api_token(org.token())
        .retry_policy(
            RetryPolicy::default()
                .max_retries(5)
                .first_backoff(Duration::from_micros(100))
                .base_backoff(Duration::from_micros(100)),
        )
        .build()
        .expect("client");
    let mut budget_errors = 0;
    for _ in 0..200 {
        match client.get_user(&id).await {
            Err(Error::RetryBudgetExhausted { last }) => {
                assert_eq!(last.status(), Some(okta::StatusCode::SERVICE_UNAVAILABLE));
                budget_errors += 1;
            }
            Err(e) => assert_eq!(e.status(), Some(okta::StatusCode::SERVICE_UNAVAILABLE), "{e}"),
            Ok(_) => panic!("the org is down"),
        }
    }
    // 200 calls × 6 attempts would be 1,200 requests; the budget pays for 100 retries.
    assert!(org.request_count() <= 200 + 100, "{}", org.request_count());
    assert!(budget_errors >= 150, "{budget_errors}");
    let err = client.get_user(&id).await.expect_err("still down");
    assert!(err.to_string().contains("retry budget is spent"), "{err}");
    assert_eq!(err.status(), Some(okta::StatusCode::SERVICE_UNAVAILABLE));
}
