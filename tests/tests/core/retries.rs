use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use okta::{Error, Method, RetryPolicy};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::common::TOKEN;
use crate::fast_retry_client;

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock after 1970")
        .as_secs()
}

fn too_many(reset: Option<u64>) -> ResponseTemplate {
    let mut r = ResponseTemplate::new(429)
        .insert_header("X-Okta-Request-Id", "req-429")
        .insert_header("X-Rate-Limit-Limit", "600")
        .insert_header("X-Rate-Limit-Remaining", "0")
        .set_body_json(json!({"errorCode": "E0000047", "errorSummary": "API call exceeded rate limit due to too many requests.", "errorLink": "E0000047", "errorId": "oae1", "errorCauses": []}));
    if let Some(reset) = reset {
        r = r
            .insert_header("X-Rate-Limit-Reset", reset.to_string().as_str())
            .insert_header("Date", httpdate::fmt_http_date(SystemTime::now()).as_str());
    }
    r
}

async fn mount_sequence(server: &MockServer, http_method: &str, route: &str, first: ResponseTemplate, times: u64) {
    Mock::given(method(http_method))
        .and(path(route))
        .respond_with(first)
        .up_to_n_times(times)
        .with_priority(1)
        .mount(server)
        .await;
    Mock::given(method(http_method))
        .and(path(route))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": "ok"})))
        .with_priority(2)
        .mount(server)
        .await;
}

async fn get_ok(client: &okta::Client) -> Result<Value, Error> {
    client.request(Method::GET, "/api/v1/thing").send_json::<Value>().await
}

#[tokio::test]
async fn a_rate_limited_429_is_retried_with_retry_headers() {
    let server = MockServer::start().await;
    // A reset that already passed on the server's clock (Date): retried after a short backoff.
    mount_sequence(
        &server,
        "GET",
        "/api/v1/thing",
        too_many(Some(now_secs().saturating_sub(5))),
        2,
    )
    .await;
    let client = fast_retry_client(&server.uri(), 3);
    let started = Instant::now();
    let value = get_ok(&client).await.expect("succeeds after two 429s");
    assert_eq!(value["id"], "ok");
    assert!(started.elapsed() < Duration::from_secs(1), "{:?}", started.elapsed());

    let requests = server.received_requests().await.expect("recorded");
    assert_eq!(requests.len(), 3);
    assert!(requests[0].headers.get("x-okta-retry-count").is_none());
    for (i, r) in requests.iter().enumerate().skip(1) {
        assert_eq!(r.headers["x-okta-retry-count"], i.to_string().as_str());
        assert_eq!(r.headers["x-okta-retry-for"], "req-429");
    }
}

#[tokio::test]
async fn rate_limited_429_without_headers_backs_off_and_retries() {
    let server = MockServer::start().await;
    mount_sequence(&server, "GET", "/api/v1/thing", too_many(None), 2).await;
    let value = get_ok(&fast_retry_client(&server.uri(), 3)).await.expect("succeeds");
    assert_eq!(value["id"], "ok");
    assert_eq!(server.received_requests().await.expect("recorded").len(), 3);
}

#[tokio::test]
async fn post_is_retried_on_429_because_okta_did_not_act_on_it() {
    let server = MockServer::start().await;
    mount_sequence(&server, "POST", "/api/v1/thing", too_many(None), 1).await;
    let client = fast_retry_client(&server.uri(), 2);
    let value: Value = client
        .request(Method::POST, "/api/v1/thing")
        .json(&json!({"a": 1}))
        .send_json()
        .await
        .expect("ok");
    assert_eq!(value["id"], "ok");
    let requests = server.received_requests().await.expect("recorded");
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[1].body, br#"{"a":1}"#, "the retry re-sends the same body");
}

#[tokio::test]
async fn rate_limit_error_after_the_last_retry_says_when_it_resets() {
    let server = MockServer::start().await;
    let reset = now_secs() + 30;
    Mock::given(method("GET"))
        .respond_with(too_many(Some(reset)))
        .mount(&server)
        .await;
    // The policy waits at most 20 ms; a reset 30 s away is not waited for (nor retried into).
    let started = Instant::now();
    let err = get_ok(&fast_retry_client(&server.uri(), 2))
        .await
        .expect_err("rate limited");
    assert!(started.elapsed() < Duration::from_secs(1), "failed at once");
    assert_eq!(
        server.received_requests().await.expect("recorded").len(),
        1,
        "one attempt: the reset lies beyond the longest allowed wait"
    );
    let Error::RateLimited(limited) = &err else {
        panic!("expected RateLimited, got {err:?}")
    };
    assert_eq!(limited.attempts, 1);
    assert_eq!(limited.api.rate_limit.reset, Some(reset));
    assert_eq!(limited.api.rate_limit.remaining, Some(0));
    assert_eq!(err.error_code(), Some("E0000047"));
    let line = err.to_string();
    assert!(line.contains(&format!("resets at epoch second {reset}")), "{line}");
    assert!(!line.contains('\n'));
}

#[tokio::test]
async fn service_unavailable_is_retried_for_get_but_never_for_post() {
    let server = MockServer::start().await;
    let unavailable = ResponseTemplate::new(503).set_body_string("<html>upstream down</html>");
    mount_sequence(&server, "GET", "/api/v1/thing", unavailable.clone(), 2).await;
    assert_eq!(
        get_ok(&fast_retry_client(&server.uri(), 3)).await.expect("ok")["id"],
        "ok"
    );

    let server = MockServer::start().await;
    mount_sequence(&server, "POST", "/api/v1/thing", unavailable, 2).await;
    let err = fast_retry_client(&server.uri(), 3)
        .request(Method::POST, "/api/v1/thing")
        .send()
        .await
        .expect_err("503 on POST is final");
    assert_eq!(err.status(), Some(okta::StatusCode::SERVICE_UNAVAILABLE));
    assert_eq!(
        server.received_requests().await.expect("recorded").len(),
        1,
        "the POST was sent once"
    );
}

#[tokio::test]
async fn retry_policy_none_means_one_attempt() {
    let server = MockServer::start().await;
    mount_sequence(&server, "GET", "/api/v1/thing", too_many(Some(now_secs())), 5).await;
    let client = okta::Client::builder()
        .org_url(server.uri())
        .api_token(TOKEN)
        .retry_policy(RetryPolicy::none())
        .build()
        .expect("client");
    let err = get_ok(&client).await.expect_err("no retry");
    assert!(matches!(err, Error::RateLimited(ref l) if l.attempts == 1), "{err:?}");
    assert_eq!(server.received_requests().await.expect("recorded").len(), 1);
}

#[tokio::test]
async fn the_deadline_bounds_the_whole_call() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_secs(5)))
        .mount(&server)
        .await;
    let client = okta::Client::builder()
        .org_url(server.uri())
        .api_token(TOKEN)
        .retry_policy(RetryPolicy::default().deadline(Some(Duration::from_millis(150))))
        .build()
        .expect("client");
    let err = get_ok(&client).await.expect_err("deadline");
    assert!(matches!(err, Error::DeadlineExceeded { .. }), "{err:?}");
    assert!(err.to_string().contains("GET /api/v1/thing"), "{err}");
}

/// A server that drops the first `drops` connections after reading the request, then answers
/// 200: what a load balancer restarting under the client looks like.
async fn dropping_server(drops: usize) -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind loopback");
    let addr = listener.local_addr().expect("addr");
    let seen = Arc::new(AtomicUsize::new(0));
    let counter = seen.clone();
    tokio::spawn(async move {
        // Bounded: the test makes a handful of connections at most.
        for _ in 0..16 {
            let Ok((mut socket, _)) = listener.accept().await else {
                return;
            };
            let n = counter.fetch_add(1, Ordering::SeqCst);
            let mut buf = vec![0u8; 8192];
            let _ = socket.read(&mut buf).await;
            if n < drops {
                drop(socket);
                continue;
            }
            let body = r#"{"id":"ok"}"#;
            let response = format!(
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = socket.write_all(response.as_bytes()).await;
        }
    });
    (format!("http://{addr}"), seen)
}

#[tokio::test]
async fn a_dropped_connection_is_retried_for_get() {
    let (uri, seen) = dropping_server(1).await;
    let value = get_ok(&fast_retry_client(&uri, 2))
        .await
        .expect("second connection answers");
    assert_eq!(value["id"], "ok");
    assert_eq!(seen.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn a_post_is_never_resent_after_the_server_may_have_received_it() {
    let (uri, seen) = dropping_server(1).await;
    let err = fast_retry_client(&uri, 3)
        .request(Method::POST, "/api/v1/users")
        .json(&json!({"profile": {"login": "x"}}))
        .send()
        .await
        .expect_err("the dropped POST is not re-sent");
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");
    assert_eq!(seen.load(Ordering::SeqCst), 1, "one connection, one POST");
}

#[tokio::test]
async fn a_connection_that_cannot_be_opened_is_an_error_after_the_retries() {
    // Bind then drop, so nothing listens on the port.
    let port = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port();
    let client = fast_retry_client(&format!("http://127.0.0.1:{port}"), 2);
    let err = get_ok(&client).await.expect_err("refused");
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");
    assert!(
        err.to_string().starts_with("GET /api/v1/thing: transport error"),
        "{err}"
    );
}
