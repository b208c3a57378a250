//! The SDK against a hand-written reqwest + serde_json loop doing the same work, in one run,
//! against a local server (127.0.0.1) that serves pre-built Okta-shaped bodies.
//!
//! `cargo bench -p okta-sdk --bench sdk_vs_baseline` prints a Markdown table of ratios
//! (SDK time / baseline time; ≤ 1.10 is the target) and the peak memory of streaming 20,000 and
//! 200,000 users, each measured as the high-water mark (`VmHWM`) of a fresh child process.
//! `BENCH_QUICK=1` shrinks every workload 10× for a smoke run. `--profile-child sdk-get 900` (or
//! `baseline-get`, `sdk-create`, `baseline-create`) runs one workload alone, for
//! `valgrind --tool=callgrind`.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use bytes::Bytes;
use futures::{StreamExt, TryStreamExt};
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use okta::models::{User, UserProfile};
use serde_json::{Value, json};
use tokio::net::TcpListener;

const PAGE: usize = 200;
const TOKEN: &str = "00bench-token";

fn user_json(i: usize) -> Value {
    json!({
        "id": format!("00u{i:017}"),
        "status": "ACTIVE",
        "created": "2024-03-01T10:00:00.000Z",
        "activated": "2024-03-01T10:00:01.000Z",
        "statusChanged": "2024-03-01T10:00:01.000Z",
        "lastLogin": "2024-06-30T08:12:44.000Z",
        "lastUpdated": "2024-06-30T08:12:44.000Z",
        "passwordChanged": "2024-03-01T10:00:01.000Z",
        "type": {"id": "oty1abcdEFGHijklMNOP"},
        "profile": {
            "firstName": "Isaac", "lastName": "Brock", "email": format!("isaac.brock{i}@example.com"),
            "login": format!("isaac.brock{i}@example.com"), "mobilePhone": "+1-555-415-1337",
            "secondEmail": null, "department": "Engineering", "title": "Staff Engineer",
            "city": "San Francisco", "countryCode": "US", "employeeNumber": format!("{i}"),
            "costCenter": "W-42", "organization": "Example Corp"
        },
        "credentials": {
            "password": {},
            "emails": [{"value": format!("isaac.brock{i}@example.com"), "status": "VERIFIED", "type": "PRIMARY"}],
            "recovery_question": {"question": "Who's a major player in the cowboy scene?"},
            "provider": {"type": "OKTA", "name": "OKTA"}
        },
        "_links": {
            "self": {"href": format!("https://example.okta.com/api/v1/users/00u{i:017}")},
            "suspend": {"href": format!("https://example.okta.com/api/v1/users/00u{i:017}/lifecycle/suspend"), "method": "POST"},
            "deactivate": {"href": format!("https://example.okta.com/api/v1/users/00u{i:017}/lifecycle/deactivate"), "method": "POST"}
        }
    })
}

/// Pre-built bodies: one page reused for every page, so the server's memory stays flat.
#[derive(Clone)]
struct Bodies {
    page: Bytes,
    user: Bytes,
    pages: usize,
    /// Requests served so far, when faults are injected: a 503 every 20th, a dropped connection
    /// every 53rd.
    faults: Option<Arc<AtomicUsize>>,
}

/// Makes hyper close the connection without an answer.
#[derive(Debug)]
struct Dropped;

impl std::fmt::Display for Dropped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("dropped")
    }
}

impl std::error::Error for Dropped {}

async fn serve(bodies: Bodies, req: Request<Incoming>) -> Result<Response<Full<Bytes>>, Dropped> {
    if let Some(count) = &bodies.faults {
        let n = count.fetch_add(1, Ordering::Relaxed) + 1;
        if n % 53 == 0 {
            return Err(Dropped);
        }
        if n % 20 == 0 {
            let body = r#"{"errorCode":"E0000010","errorSummary":"Service is temporarily unavailable"}"#;
            return Ok(Response::builder()
                .status(503)
                .header("content-type", "application/json")
                .body(Full::new(Bytes::from_static(body.as_bytes())))
                .unwrap_or_else(|_| Response::new(Full::new(Bytes::new()))));
        }
    }
    let path = req.uri().path().to_owned();
    let query = req.uri().query().unwrap_or("").to_owned();
    let method = req.method().clone();
    // Read (and drop) any request body, as a real server would.
    let _ = req.into_body().collect().await;
    let mut response = Response::builder()
        .header("content-type", "application/json")
        .header("x-okta-request-id", "bench")
        .header("x-rate-limit-limit", "600")
        .header("x-rate-limit-remaining", "599")
        .header("x-rate-limit-reset", "1700000000");
    let body = if path == "/api/v1/users" && method == hyper::Method::GET {
        let page: usize = query
            .split('&')
            .find_map(|kv| kv.strip_prefix("after="))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        if page + 1 < bodies.pages {
            response = response.header(
                "link",
                format!("<http://{{host}}/api/v1/users?limit={PAGE}>; rel=\"self\""),
            );
            response = response.header(
                "link",
                format!("</api/v1/users?after={}&limit={PAGE}>; rel=\"next\"", page + 1),
            );
        }
        bodies.page.clone()
    } else {
        bodies.user.clone()
    };
    Ok(response
        .body(Full::new(body))
        .unwrap_or_else(|_| Response::new(Full::new(Bytes::new()))))
}

async fn start_server(users: usize) -> SocketAddr {
    start_server_with(users, None).await
}

async fn start_server_with(users: usize, faults: Option<Arc<AtomicUsize>>) -> SocketAddr {
    let page: Vec<Value> = (0..PAGE).map(user_json).collect();
    let bodies = Bodies {
        page: Bytes::from(serde_json::to_vec(&page).expect("page")),
        user: Bytes::from(serde_json::to_vec(&user_json(1)).expect("user")),
        pages: users / PAGE,
        faults,
    };
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind loopback");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else {
                return;
            };
            let bodies = bodies.clone();
            tokio::spawn(async move {
                let service = service_fn(move |req| serve(bodies.clone(), req));
                let _ = http1::Builder::new()
                    .serve_connection(TokioIo::new(stream), service)
                    .await;
            });
        }
    });
    addr
}

fn sdk(addr: SocketAddr) -> okta::Client {
    okta::Client::builder()
        .org_url(format!("http://{addr}"))
        .api_token(TOKEN)
        .build()
        .expect("client")
}

/// The same transport settings a careful hand-written client would use (and the SDK uses).
fn baseline(_addr: SocketAddr) -> reqwest::Client {
    reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(10))
        .timeout(Duration::from_secs(60))
        .build()
        .expect("reqwest")
}

/// What a careful hand-written loop does: GET, check status, decode, follow `rel="next"`.
async fn baseline_stream(http: &reqwest::Client, addr: SocketAddr) -> usize {
    let mut url = format!("http://{addr}/api/v1/users?limit={PAGE}");
    let mut count = 0;
    loop {
        let response = http
            .get(&url)
            .header("authorization", format!("SSWS {TOKEN}"))
            .header("accept", "application/json")
            .send()
            .await
            .expect("send");
        assert!(response.status().is_success());
        let next = response
            .headers()
            .get_all("link")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.contains("rel=\"next\""))
            .and_then(|v| v.split(['<', '>']).nth(1))
            .map(|href| format!("http://{addr}{href}"));
        let body = response.bytes().await.expect("body");
        let users: Vec<User> = serde_json::from_slice(&body).expect("decode");
        count += users.iter().filter(|u| u.id.is_some()).count();
        match next {
            Some(n) => url = n,
            None => return count,
        }
    }
}

async fn baseline_get(http: &reqwest::Client, addr: SocketAddr) -> User {
    let response = http
        .get(format!("http://{addr}/api/v1/users/00u1"))
        .header("authorization", format!("SSWS {TOKEN}"))
        .header("accept", "application/json")
        .send()
        .await
        .expect("send");
    assert!(response.status().is_success());
    serde_json::from_slice(&response.bytes().await.expect("body")).expect("decode")
}

async fn baseline_create(http: &reqwest::Client, addr: SocketAddr, body: &User) -> User {
    let response = http
        .post(format!("http://{addr}/api/v1/users?activate=false"))
        .header("authorization", format!("SSWS {TOKEN}"))
        .header("accept", "application/json")
        .header("content-type", "application/json")
        .body(serde_json::to_vec(body).expect("encode"))
        .send()
        .await
        .expect("send");
    assert!(response.status().is_success());
    serde_json::from_slice(&response.bytes().await.expect("body")).expect("decode")
}

fn new_user(i: usize) -> User {
    User::new(UserProfile::new(
        format!("new.user{i}@example.com"),
        format!("new.user{i}@example.com"),
        "New",
        "User",
    ))
    .with_password("correct horse battery staple")
}

/// Runs `f` `rounds` times, alternating SDK and baseline so drift hits both, and returns the
/// median of each.
async fn compare<F, G, A, B>(rounds: usize, mut sdk_run: F, mut base_run: G) -> (Duration, Duration)
where
    F: FnMut() -> A,
    G: FnMut() -> B,
    A: Future<Output = ()>,
    B: Future<Output = ()>,
{
    let (mut s, mut b) = (Vec::new(), Vec::new());
    // One warm-up each: connection pools, page cache.
    sdk_run().await;
    base_run().await;
    async fn timed<A: Future<Output = ()>>(run: A, into: &mut Vec<Duration>) {
        let t = Instant::now();
        run.await;
        into.push(t.elapsed());
    }
    // Who goes first alternates: the side that runs first in a round measured a few percent slower.
    for round in 0..rounds {
        if round % 2 == 0 {
            timed(sdk_run(), &mut s).await;
            timed(base_run(), &mut b).await;
        } else {
            timed(base_run(), &mut b).await;
            timed(sdk_run(), &mut s).await;
        }
    }
    s.sort();
    b.sort();
    (s[s.len() / 2], b[b.len() / 2])
}

fn row(name: &str, (sdk, base): (Duration, Duration)) {
    let ratio = sdk.as_secs_f64() / base.as_secs_f64();
    let verdict = if ratio <= 1.10 { "ok" } else { "over target" };
    println!(
        "| {name} | {:.1} ms | {:.1} ms | {ratio:.3} | {verdict} |",
        sdk.as_secs_f64() * 1e3,
        base.as_secs_f64() * 1e3
    );
}

/// Peak resident memory of this process, in KiB (Linux `VmHWM`).
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// Child mode: stream `users` users with `who` ("sdk" or "baseline") and print the peak RSS.
async fn memory_child(who: &str, users: usize) {
    let addr = start_server(users).await;
    let count = if who == "sdk" {
        let client = sdk(addr);
        let mut stream = client.list_users().limit(PAGE as i32).stream();
        let mut n = 0;
        while let Some(user) = stream.try_next().await.expect("stream") {
            n += usize::from(user.id.is_some());
        }
        n
    } else {
        baseline_stream(&baseline(addr), addr).await
    };
    assert_eq!(count, users);
    println!("{}", peak_rss_kib().unwrap_or(0));
}

fn memory_of(who: &str, users: usize) -> Option<u64> {
    let exe = std::env::current_exe().ok()?;
    let out = std::process::Command::new(exe)
        .args(["--memory-child", who, &users.to_string()])
        .output()
        .ok()?;
    String::from_utf8(out.stdout).ok()?.trim().lines().last()?.parse().ok()
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--profile-child") {
        // For `valgrind --tool=callgrind`: one workload, one side, nothing else.
        let workload = args.get(i + 1).map_or("sdk-get", String::as_str);
        let n: usize = args.get(i + 2).and_then(|n| n.parse().ok()).unwrap_or(500);
        let addr = start_server(PAGE).await;
        let (client, http) = (sdk(addr), baseline(addr));
        for k in 0..n {
            match workload {
                "sdk-get" => drop(client.get_user("00u1").await.expect("get")),
                "baseline-get" => drop(baseline_get(&http, addr).await),
                "sdk-create" => drop(client.create_user(new_user(k)).activate(false).await.expect("create")),
                _ => drop(baseline_create(&http, addr, &new_user(k)).await),
            }
        }
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--memory-child") {
        let users = args.get(i + 2).and_then(|n| n.parse().ok()).unwrap_or(20_000);
        return memory_child(&args[i + 1], users).await;
    }
    // `cargo bench` passes `--bench`; anything else that looks like a filter is ignored.
    let scale = if std::env::var_os("BENCH_QUICK").is_some() {
        10
    } else {
        1
    };
    let rounds = if scale > 1 { 3 } else { 7 };
    let stream_users = 20_000 / scale;
    let addr = start_server(stream_users).await;
    let client = sdk(addr);
    let http = baseline(addr);
    let user_size = serde_json::to_vec(&user_json(1)).map(|v| v.len()).unwrap_or(0);

    println!("SDK vs hand-written reqwest + serde_json, median of {rounds} alternating rounds, 127.0.0.1");
    println!("(user documents are {user_size} bytes; both sides decode into okta::models::User)\n");
    println!("| workload | SDK | baseline | ratio | target ≤ 1.10 |");
    println!("|---|---|---|---|---|");

    row(
        &format!("stream {stream_users} users ({} pages × {PAGE})", stream_users / PAGE),
        compare(
            rounds,
            || async {
                let n = client
                    .list_users()
                    .limit(PAGE as i32)
                    .stream()
                    .try_fold(0, |n, u| async move { Ok(n + usize::from(u.id.is_some())) })
                    .await
                    .expect("stream");
                assert_eq!(n, stream_users);
            },
            || async {
                assert_eq!(baseline_stream(&http, addr).await, stream_users);
            },
        )
        .await,
    );

    let gets = 2_000 / scale;
    row(
        &format!("{gets} sequential get_user"),
        compare(
            rounds,
            || async {
                for _ in 0..gets {
                    client.get_user("00u1").await.expect("get");
                }
            },
            || async {
                for _ in 0..gets {
                    baseline_get(&http, addr).await;
                }
            },
        )
        .await,
    );

    let concurrent = 5_000 / scale;
    row(
        &format!("{concurrent} get_user, concurrency 32"),
        compare(
            rounds,
            || async {
                futures::stream::iter(0..concurrent)
                    .map(|_| client.get_user("00u1").send())
                    .buffer_unordered(32)
                    .try_for_each(|_| async { Ok(()) })
                    .await
                    .expect("get");
            },
            || async {
                futures::stream::iter(0..concurrent)
                    .map(|_| baseline_get(&http, addr))
                    .buffer_unordered(32)
                    .for_each(|_| async {})
                    .await;
            },
        )
        .await,
    );

    let creates = 1_000 / scale;
    row(
        &format!("{creates} create_user"),
        compare(
            rounds,
            || async {
                for i in 0..creates {
                    client.create_user(new_user(i)).activate(false).await.expect("create");
                }
            },
            || async {
                for i in 0..creates {
                    baseline_create(&http, addr, &new_user(i)).await;
                }
            },
        )
        .await,
    );

    rate_limit_rows(scale, &user_size).await;

    let (small, large) = (20_000 / scale, 200_000 / scale);
    println!("\nPeak memory (VmHWM of a fresh process) while streaming:\n");
    println!("| users | SDK | baseline |");
    println!("|---|---|---|");
    let mut sdk_peaks = Vec::new();
    for users in [small, large] {
        let s = memory_of("sdk", users);
        let b = memory_of("baseline", users);
        sdk_peaks.push(s);
        let show = |v: Option<u64>| v.map_or("n/a".to_owned(), |k| format!("{:.1} MiB", k as f64 / 1024.0));
        println!("| {users} | {} | {} |", show(s), show(b));
    }
    if let [Some(s), Some(l)] = sdk_peaks[..] {
        println!(
            "\nSDK peak at {large} users / at {small} users: {:.3} (flat is 1.0)",
            l as f64 / s as f64
        );
    }
}

/// What one side of a rate-limit workload came to.
struct Run {
    elapsed: Duration,
    refused: usize,
    errors: usize,
}

impl Run {
    fn show(&self) -> String {
        format!(
            "{:.2} s, {} × 429, {} errors",
            self.elapsed.as_secs_f64(),
            self.refused,
            self.errors
        )
    }
}

/// An org with Okta's per-family limit on `GET /api/v1/users/{id}` of `rate` a second.
async fn limited_org(rate: u32) -> (okta_mock::OktaMock, String) {
    let org = okta_mock::OktaMock::builder()
        .rate_limit_family("GET /api/v1/users/{id}", rate, Duration::from_secs(1))
        .start()
        .await;
    let id = org.seed_users(1).remove(0);
    (org, id)
}

fn sdk_for(org: &okta_mock::OktaMock) -> okta::Client {
    okta::Client::builder()
        .org_url(org.url())
        .api_token(org.token())
        .build()
        .expect("client")
}

/// A careful hand-written loop: on 429 it waits `X-Rate-Limit-Reset − Date + 1 s`, as Okta
/// documents, up to four attempts (what Okta's other SDKs do).
async fn baseline_paced_get(http: &reqwest::Client, url: &str, token: &str) -> Result<(), ()> {
    for _ in 0..4 {
        let response = http
            .get(url)
            .header("authorization", format!("SSWS {token}"))
            .header("accept", "application/json")
            .send()
            .await
            .map_err(|_| ())?;
        if response.status() == 429 {
            let header = |name: &str| {
                response
                    .headers()
                    .get(name)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_owned)
            };
            let reset: u64 = header("x-rate-limit-reset").and_then(|v| v.parse().ok()).unwrap_or(0);
            let date = header("date").and_then(|d| httpdate_secs(&d)).unwrap_or(reset);
            tokio::time::sleep(Duration::from_secs(reset.saturating_sub(date) + 1)).await;
            continue;
        }
        if !response.status().is_success() {
            return Err(());
        }
        let _: User = serde_json::from_slice(&response.bytes().await.map_err(|_| ())?).map_err(|_| ())?;
        return Ok(());
    }
    Err(())
}

/// Epoch seconds of an HTTP date (`Tue, 01 Dec 2026 22:00:00 GMT`), by hand as a loop would.
fn httpdate_secs(date: &str) -> Option<u64> {
    let parts: Vec<&str> = date.split_whitespace().collect();
    let [_, day, month, year, time, _] = parts[..] else {
        return None;
    };
    let month = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    .iter()
    .position(|m| *m == month)? as i64
        + 1;
    let (y, d): (i64, i64) = (year.parse().ok()?, day.parse().ok()?);
    let mut hms = time.split(':').map(|v| v.parse::<i64>().ok());
    let (h, mi, sec) = (hms.next()??, hms.next()??, hms.next()??);
    // Days from the civil date (Howard Hinnant's algorithm).
    let y = if month <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let days = era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468;
    u64::try_from(days * 86_400 + h * 3600 + mi * 60 + sec).ok()
}

/// Runs `calls` calls of `call` on `tasks` tasks and counts what the org refused.
async fn run_on<F, Fut>(org: &okta_mock::OktaMock, calls: usize, tasks: usize, call: F) -> Run
where
    F: Fn() -> Fut,
    Fut: Future<Output = bool>,
{
    org.clear_requests();
    let started = Instant::now();
    let errors = futures::stream::iter(0..calls)
        .map(|_| call())
        .buffer_unordered(tasks)
        .filter(|ok| futures::future::ready(!ok))
        .count()
        .await;
    let elapsed = started.elapsed();
    let refused = org.requests().iter().filter(|r| r.status == Some(429)).count();
    Run {
        elapsed,
        refused,
        errors,
    }
}

/// Under a rate limit: the SDK (paced by default) and a hand-written loop, each on a fresh org.
async fn limited_row(name: &str, calls: usize, tasks: usize, rate: u32) {
    let ideal = Duration::from_secs_f64(calls as f64 / f64::from(rate));
    let (org, id) = limited_org(rate).await;
    let client = sdk_for(&org);
    let sdk_run = run_on(&org, calls, tasks, || async {
        client.get_user(&id).send().await.is_ok()
    })
    .await;
    let (org, id) = limited_org(rate).await;
    let http = baseline(org.addr());
    let url = format!("{}/api/v1/users/{id}", org.url());
    let token = org.token().to_owned();
    let base = run_on(&org, calls, tasks, || async {
        baseline_paced_get(&http, &url, &token).await.is_ok()
    })
    .await;
    let ratio = sdk_run.elapsed.as_secs_f64() / ideal.as_secs_f64();
    let windows = (calls as f64 / f64::from(rate)).ceil() as usize;
    let verdict = if ratio <= 1.10 && sdk_run.errors == 0 && sdk_run.refused <= windows {
        "ok"
    } else {
        "over target"
    };
    println!(
        "| {name} | {:.2} s | {} | {ratio:.3} | {} | {verdict} |",
        ideal.as_secs_f64(),
        sdk_run.show(),
        base.show()
    );
}

/// The rate-limit and fault workloads, each beside a hand-written loop and the ideal.
async fn rate_limit_rows(scale: usize, _user_size: &usize) {
    println!("\nRate limits (okta-mock, Okta's per-family limits, 1-s windows; one run each):\n");
    println!(
        "| workload | ideal (N / rate) | SDK | SDK / ideal | hand-written loop | target ≤ 1.10, ≤ 1 429 a window, 0 errors |"
    );
    println!("|---|---|---|---|---|---|");
    let n = 1_000 / scale;
    limited_row(&format!("{n} sequential get_user, 200 req/s"), n, 1, 200).await;
    let n = 5_000 / scale;
    limited_row(&format!("{n} get_user, concurrency 32, 200 req/s"), n, 32, 200).await;
    let n = 200 / scale;
    limited_row(&format!("20 tasks, {n} get_user between them, 5 req/s"), n, 20, 5).await;

    // Faults: a 503 every 20th request and a dropped connection every 53rd.
    let n = 1_000 / scale;
    let clean = start_server(PAGE).await;
    let count = Arc::new(AtomicUsize::new(0));
    let faulty = start_server_with(PAGE, Some(Arc::clone(&count))).await;
    let time = |addr: SocketAddr| async move {
        let client = sdk(addr);
        let started = Instant::now();
        let mut ok = 0;
        for _ in 0..n {
            ok += usize::from(client.get_user("00u1").await.is_ok());
        }
        (started.elapsed(), ok)
    };
    let (free, _) = time(clean).await;
    let (hit, ok) = time(faulty).await;
    let http = baseline(faulty);
    count.store(0, Ordering::Relaxed);
    let mut base_ok = 0;
    let started = Instant::now();
    for _ in 0..n {
        let response = http
            .get(format!("http://{faulty}/api/v1/users/00u1"))
            .header("authorization", format!("SSWS {TOKEN}"))
            .send()
            .await;
        base_ok += usize::from(response.is_ok_and(|r| r.status().is_success()));
    }
    let base_time = started.elapsed();
    let extra = hit.saturating_sub(free);
    println!("\nFaults (a 503 every 20th request, a dropped connection every 53rd):\n");
    println!(
        "| workload | fault-free | SDK with faults | SDK extra | hand-written loop | target: all succeed, ≤ +1.0 s |"
    );
    println!("|---|---|---|---|---|---|");
    println!(
        "| {n} sequential get_user | {:.3} s | {:.3} s, {ok}/{n} | +{:.3} s | {:.3} s, {base_ok}/{n} | {} |",
        free.as_secs_f64(),
        hit.as_secs_f64(),
        extra.as_secs_f64(),
        base_time.as_secs_f64(),
        if ok == n && extra <= Duration::from_secs(1) {
            "ok"
        } else {
            "over target"
        }
    );

    // A sustained outage: every request 503 for 10 s (1 s with BENCH_QUICK), 32 tasks.
    // A limit no outage reaches: this is about retries, not pacing.
    let org = okta_mock::OktaMock::builder()
        .rate_limit(u32::MAX, Duration::from_secs(60))
        .start()
        .await;
    let id = org.seed_users(1).remove(0);
    org.fail_next(usize::MAX / 2, 503);
    let client = sdk_for(&org);
    let outage = Duration::from_secs(10 / scale.min(10) as u64);
    let started = Instant::now();
    let (mut calls, mut budget, mut longest) = (0usize, 0usize, Duration::ZERO);
    let mut tasks = futures::stream::FuturesUnordered::new();
    let one = |client: okta::Client, id: String| async move {
        let t = Instant::now();
        let result = client.get_user(&id).await;
        (t.elapsed(), result)
    };
    for _ in 0..32 {
        tasks.push(one(client.clone(), id.clone()));
    }
    while let Some((took, result)) = tasks.next().await {
        calls += 1;
        longest = longest.max(took);
        if matches!(result, Err(okta::Error::RetryBudgetExhausted { .. })) {
            budget += 1;
        }
        if started.elapsed() < outage {
            tasks.push(one(client.clone(), id.clone()));
        }
    }
    let sent = org.request_count();
    println!(
        "\nOutage ({:.0} s of 503, 32 tasks): {calls} calls, {sent} requests ({:.2} a call), {budget} stopped by the \
         retry budget, longest call {:.2} s (deadline 300 s)",
        outage.as_secs_f64(),
        sent as f64 / calls.max(1) as f64,
        longest.as_secs_f64()
    );
}
