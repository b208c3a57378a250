//! The SDK against a hand-written reqwest + serde_json loop doing the same work, in one run,
//! against a local server (127.0.0.1) that serves pre-built Okta-shaped bodies.
//!
//! `cargo bench -p okta-sdk --bench sdk_vs_baseline` prints a Markdown table of ratios
//! (SDK time / baseline time; ≤ 1.10 is the target) and the peak memory of streaming 20,000 and
//! 200,000 users, each measured as the high-water mark (`VmHWM`) of a fresh child process.
//! `BENCH_QUICK=1` shrinks every workload 10× for a smoke run. `--profile-child sdk-get 900` (or
//! `baseline-get`, `sdk-create`, `baseline-create`) runs one workload alone, for
//! `valgrind --tool=callgrind`.

use std::convert::Infallible;
use std::net::SocketAddr;
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
}

async fn serve(bodies: Bodies, req: Request<Incoming>) -> Result<Response<Full<Bytes>>, Infallible> {
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
    let page: Vec<Value> = (0..PAGE).map(user_json).collect();
    let bodies = Bodies {
        page: Bytes::from(serde_json::to_vec(&page).expect("page")),
        user: Bytes::from(serde_json::to_vec(&user_json(1)).expect("user")),
        pages: users / PAGE,
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
    for _ in 0..rounds {
        let t = Instant::now();
        sdk_run().await;
        s.push(t.elapsed());
        let t = Instant::now();
        base_run().await;
        b.push(t.elapsed());
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
