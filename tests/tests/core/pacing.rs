//! Proactive pacing, the concurrent limit and the retry budget, against the stand-in org with
//! Okta's per-family limits. Time is tokio's paused clock, which the stand-in follows too, so a
//! one-second window passes without anyone waiting for it.

use std::time::Duration;

use futures::StreamExt;
use okta::{Client, Error, Pacing, RetryPolicy};
use okta_mock::OktaMock;
use tokio::time::Instant;

const USER_FAMILY: &str = "GET /api/v1/users/{id}";

fn client(org: &OktaMock, pacing: Pacing) -> Client {
    Client::builder()
        .org_url(org.url())
        .api_token(org.token())
        .pacing(pacing)
        .build()
        .expect("client")
}

fn refusals(org: &OktaMock) -> usize {
    org.requests().iter().filter(|r| r.status == Some(429)).count()
}

#[tokio::test(start_paused = true)]
async fn a_spent_bucket_waits_for_its_reset_instead_of_meeting_a_429() {
    let org = OktaMock::builder()
        .rate_limit_family(USER_FAMILY, 5, Duration::from_secs(1))
        .start()
        .await;
    let id = org.seed_users(1).remove(0);
    let client = client(&org, Pacing::default());
    let started = Instant::now();
    for _ in 0..20 {
        client.get_user(&id).await.expect("paced, never refused");
    }
    let elapsed = started.elapsed();
    assert_eq!(refusals(&org), 0, "the client waited before the window was spent");
    // 20 requests at 5 a window: the first window (part of a second) and three more, plus a
    // second at most of not knowing the server's clock to the millisecond yet.
    assert!(
        elapsed >= Duration::from_secs(3) && elapsed <= Duration::from_secs(5),
        "{elapsed:?}"
    );
    let bucket = client
        .rate_limits()
        .into_iter()
        .find(|b| b.path == "/api/v1/users/{userId}")
        .expect("the bucket is keyed by the declared template");
    assert_eq!((bucket.limit, bucket.in_flight), (Some(5), 0));
}

#[tokio::test(start_paused = true)]
async fn without_pacing_the_same_job_meets_429s_and_still_finishes() {
    let org = OktaMock::builder()
        .rate_limit_family(USER_FAMILY, 5, Duration::from_secs(1))
        .start()
        .await;
    let id = org.seed_users(1).remove(0);
    let client = client(&org, Pacing::off());
    for _ in 0..20 {
        client.get_user(&id).await.expect("429s are waited out");
    }
    assert!(refusals(&org) >= 3, "one refusal a window at least: {}", refusals(&org));
}

#[tokio::test(start_paused = true)]
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
    let started = Instant::now();
    for _ in 0..5 {
        client.list_groups().await.expect("another family is not held up");
    }
    assert_eq!(started.elapsed(), Duration::ZERO);
    let buckets = client.rate_limits();
    let users = buckets
        .iter()
        .find(|b| b.path == "/api/v1/users/{userId}")
        .expect("users");
    let groups = buckets.iter().find(|b| b.path == "/api/v1/groups").expect("groups");
    assert_eq!((users.remaining, groups.remaining), (Some(0), Some(95)));
}

#[tokio::test(start_paused = true)]
async fn concurrent_tasks_share_one_bucket_and_do_not_fire_into_a_spent_window() {
    let org = OktaMock::builder()
        .rate_limit_family(USER_FAMILY, 10, Duration::from_secs(1))
        .start()
        .await;
    let id = org.seed_users(1).remove(0);
    let client = client(&org, Pacing::default());
    // 32 tasks on clones of the client, 100 calls between them.
    let results: Vec<Result<_, Error>> = futures::stream::iter(0..100)
        .map(|_| {
            let client = client.clone();
            let id = id.clone();
            async move { client.get_user(&id).await }
        })
        .buffer_unordered(32)
        .collect()
        .await;
    assert!(results.iter().all(Result::is_ok));
    // The first window is met blind by the first 32: at most those beyond its 10 are refused.
    assert!(refusals(&org) <= 22, "{}", refusals(&org));
    let later = org.requests().iter().skip(40).filter(|r| r.status == Some(429)).count();
    assert!(later <= 2, "once the bucket is known, windows are not overrun: {later}");
}

#[tokio::test(start_paused = true)]
async fn the_concurrent_limit_is_learnt_and_respected() {
    let org = OktaMock::builder().concurrent_limit(4).start().await;
    let id = org.seed_users(1).remove(0);
    org.delay_next(1_000, Duration::from_millis(100));
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

#[tokio::test(start_paused = true)]
async fn the_retry_budget_stops_a_retry_storm_and_says_so() {
    let org = OktaMock::start().await;
    let id = org.seed_users(1).remove(0);
    org.fail_next(100_000, 503);
    let client = Client::builder()
        .org_url(org.url())
        .api_token(org.token())
        .retry_policy(RetryPolicy::default().max_retries(5))
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
