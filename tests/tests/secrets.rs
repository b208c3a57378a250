//! Secrets never show: not in `Debug`, `Display`, errors, nor in trace output. Alone in its test
//! binary on purpose: a tracing subscriber set for one thread races with callsite interest
//! that other tests, running beside it in other threads, would register first.

use std::io::Write;
use std::sync::{Arc, Mutex};

use serde_json::json;
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::fmt::format::FmtSpan;
use wiremock::matchers::method;
use wiremock::{Mock, ResponseTemplate};

#[path = "common/mod.rs"]
mod common;

use common::{TOKEN, org};

fn fast_retry_client(uri: &str) -> okta::Client {
    okta::Client::builder()
        .org_url(uri)
        .api_token(TOKEN)
        .retry_policy(okta::RetryPolicy::default().base_backoff(std::time::Duration::from_millis(1)))
        .build()
        .expect("client")
}

/// Collects everything a tracing subscriber writes.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("not poisoned").extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Captured {
    type Writer = Captured;
    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

#[tokio::test]
async fn the_token_appears_in_no_debug_display_error_or_trace() {
    let org = org().await;
    let captured = Captured::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_span_events(FmtSpan::CLOSE)
        .with_ansi(false)
        .with_writer(captured.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    // One 429 (a retry event is traced), then a 401 that the caller sees as an error.
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(429).insert_header("X-Okta-Request-Id", "req-1"))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&org.server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(401).insert_header("X-Okta-Request-Id", "req-2").set_body_json(json!({
            "errorCode": "E0000011", "errorSummary": "Invalid token provided", "errorLink": "E0000011", "errorId": "oae2", "errorCauses": []
        })))
        .with_priority(2)
        .mount(&org.server)
        .await;
    let client = fast_retry_client(&org.server.uri());
    let err = client.get_user("00u1").await.expect_err("401");
    assert_eq!(err.error_code(), Some("E0000011"));

    let trace = String::from_utf8(captured.0.lock().expect("not poisoned").clone()).expect("utf-8");
    assert!(trace.contains("okta.request"), "one span per request: {trace}");
    assert!(
        trace.contains("/api/v1/users/{userId}"),
        "the span names the path template: {trace}"
    );
    for field in ["method=GET", "attempt=2", "status=401", "req-2"] {
        assert!(trace.contains(field), "the span records {field}: {trace}");
    }
    assert!(trace.contains("retrying"), "{trace}");

    let builder = okta::Client::builder()
        .org_url("https://dev-1.okta.com")
        .api_token(TOKEN);
    let everything = format!(
        "{trace}\n{err}\n{err:?}\n{client:?}\n{builder:?}\n{:?}\n{:?}",
        okta::Auth::ssws(TOKEN),
        okta::SecretString::new(TOKEN)
    );
    assert!(!everything.contains(TOKEN), "the token leaked:\n{everything}");
    assert!(!everything.to_lowercase().contains("ssws 00"), "{everything}");
}
