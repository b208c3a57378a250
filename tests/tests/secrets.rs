//! Secrets never show: not in `Debug`, `Display`, errors, nor in trace output (API tokens, and a
//! service app's key, assertions, access tokens and DPoP proofs). In a test binary
//! of its own, because the trace test sets a subscriber for its thread only (see there).

use std::io::Write;
use std::sync::{Arc, Mutex};

use okta::{Error, Method};
use serde_json::Value;
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
    let captured = Captured::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_span_events(FmtSpan::CLOSE)
        .with_ansi(false)
        .with_writer(captured.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    // With a single subscriber registered, tracing decides a callsite's interest from the
    // subscriber of whichever thread reaches it first: a test beside this one, with none,
    // would make the request span "never" for good. A second one makes it ask each time.
    let _second = tracing::Dispatch::new(tracing::subscriber::NoSubscriber::default());
    let org = org().await;

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
    // A dropped connection is retried too, and its event must not quote the URL either.
    let stand_in = okta_mock::OktaMock::start().await;
    let ids = stand_in.seed_users(1);
    stand_in.drop_next(1);
    let dropped = okta::Client::builder()
        .org_url(stand_in.url())
        .api_token(stand_in.token())
        .retry_policy(okta::RetryPolicy::default().base_backoff(std::time::Duration::from_millis(1)))
        .build()
        .expect("client");
    dropped.get_user(&ids[0]).await.expect("after one retry");

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
    // Retry events name the path template, like the span: never the ids in the URL.
    assert!(!trace.contains("/api/v1/users/00u1"), "an id in the trace: {trace}");
    assert!(!trace.contains(ids[0].as_str()), "an id in the trace: {trace}");

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

/// Everything an error shows: `Display`, `Debug`, and the snippet it quotes.
fn shown(err: &Error) -> String {
    let snippet = match err {
        Error::Decode(decode) => decode.body_snippet.clone(),
        Error::Api(api) => api.body_snippet.clone().unwrap_or_default(),
        _ => String::new(),
    };
    format!("{err}\n{err:?}\n{snippet}")
}

#[track_caller]
fn assert_hidden(shown: &str, secrets: &[&str]) {
    for secret in secrets {
        assert!(!shown.contains(secret), "{secret} leaked:\n{shown}");
    }
}

#[tokio::test]
async fn a_raw_request_shows_neither_its_body_nor_its_header_values() {
    let client = fast_retry_client("https://dev-1.okta.com");
    let request = client
        .request(Method::POST, "/api/v1/authn?stateToken=st4te-in-path")
        .query("limit", "2")
        .query("recoveryToken", "r3covery")
        .header("X-Device-Fingerprint", "f1ngerprint")
        .json(&json!({"username": "a@example.com", "password": "pa55word"}));
    let printed = format!("{request:?}");
    assert_hidden(
        &printed,
        &["st4te-in-path", "r3covery", "f1ngerprint", "pa55word", TOKEN],
    );
    for kept in [
        "POST",
        "/api/v1/authn",
        "limit=2",
        "x-device-fingerprint",
        "Body { bytes: 50",
    ] {
        assert!(printed.contains(kept), "{kept}: {printed}");
    }
}

#[tokio::test]
async fn a_decode_error_masks_secrets_even_in_invalid_or_truncated_json() {
    let org = org().await;
    for body in [
        // An authn reply cut short, and one with garbage after it.
        r#"{"status":"MFA_REQUIRED","stateToken":"007st4te","_embedded":{"factors":[{"id":"f1"}]"#,
        r#"{"status":"SUCCESS","sessionToken":"20111s3ss"} {"stateToken":"007st4te"}"#,
        r#"{"status":"SUCCESS","sessionToken":"20111s3ss","stateToken":"007st4te",}"#,
    ] {
        org.server.reset().await;
        Mock::given(method("POST"))
            .respond_with(ResponseTemplate::new(200).set_body_string(body))
            .mount(&org.server)
            .await;
        let err = org
            .client
            .request(Method::POST, "/api/v1/authn")
            .send_json::<Value>()
            .await
            .expect_err("not one JSON value");
        assert!(matches!(err, Error::Decode(_)), "{body}: {err:?}");
        let shown = shown(&err);
        assert_hidden(&shown, &["007st4te", "20111s3ss"]);
        assert!(shown.contains("status"), "{shown}");
    }
}

#[tokio::test]
async fn masking_covers_links_arrays_app_secrets_keys_and_password_hashes() {
    let org = org().await;
    // Each body fails to decode as a user (`profile` is not an object), so it is quoted.
    let cases: [(Value, &[&str]); 6] = [
        (
            json!({"activationUrl": "https://dev-1.okta.com/welcome/XE6wE17zmphl3K", "activationToken": "XE6wE17zmphl3K"}),
            &["XE6wE17zmphl3K"],
        ),
        (
            json!({"answers": ["f1rst-answer", "s3cond-answer"], "sessionToken": ["arr4y-token"]}),
            &["f1rst-answer", "s3cond-answer", "arr4y-token"],
        ),
        (
            json!({"settings": {"app": {"secretKey": "wJalrXUtnFEMI", "apiToken": "ap1token"}}}),
            &["wJalrXUtnFEMI", "ap1token"],
        ),
        (
            json!({"credentials": {"password": {"hash": {"algorithm": "BCRYPT", "workFactor": 10,
                "salt": "rwh3vH166HCH", "value": "4tVs5sYC2iTu"}}}}),
            &["rwh3vH166HCH", "4tVs5sYC2iTu"],
        ),
        (
            json!({"access_token": "eyJacc3ss", "id_token": "eyJ1d", "refresh_token": "r3fresh",
                "client_assertion": "eyJass3rt", "DPoP": "eyJdp0p", "passCode": "123456"}),
            &["eyJacc3ss", "eyJ1d", "r3fresh", "eyJass3rt", "eyJdp0p", "123456"],
        ),
        (
            json!({"keys": [{"kty": "RSA", "kid": "k1", "e": "AQAB", "d": "pr1vate-d", "p": "pr1me-p",
                "q": "pr1me-q", "dp": "exp-dp", "dq": "exp-dq", "qi": "coeff-qi"}]}),
            &["pr1vate-d", "pr1me-p", "pr1me-q", "exp-dp", "exp-dq", "coeff-qi"],
        ),
    ];
    for (mut body, secrets) in cases {
        body["profile"] = json!(1);
        org.server.reset().await;
        Mock::given(method("GET"))
            .respond_with(ResponseTemplate::new(200).set_body_json(&body))
            .mount(&org.server)
            .await;
        let err = org.client.get_user("00u1").await.expect_err("not a user");
        let Error::Decode(decode) = &err else { panic!("{err:?}") };
        assert!(decode.body_snippet.contains("profile"), "{}", decode.body_snippet);
        assert_hidden(&shown(&err), secrets);
        // The models' `Debug` of the same JSON, kept in their free-form maps, hides the same
        // values by the same rule.
        body.as_object_mut().expect("object").remove("profile");
        let user: okta::models::User = serde_json::from_value(body.clone()).expect("a user");
        let app: okta::models::Application = serde_json::from_value(body).expect("an app");
        assert_hidden(&format!("{user:?}\n{app:?}"), secrets);
    }

    // The models' `Debug` hides an app's own secrets and an imported hash, by the same rule.
    let app: okta::models::Application = serde_json::from_value(json!({
        "name": "aws", "settings": {"app": {"accessKey": "AKIAX", "secretKey": "wJalrXUtnFEMI"}}
    }))
    .expect("an app");
    let user: okta::models::User = serde_json::from_value(json!({
        "profile": {"login": "a@example.com"},
        "credentials": {"password": {"hash": {"algorithm": "BCRYPT", "salt": "rwh3vH166HCH", "value": "4tVs5sYC2iTu"}}}
    }))
    .expect("a user");
    let printed = format!("{app:?}\n{user:?}");
    assert_hidden(&printed, &["wJalrXUtnFEMI", "rwh3vH166HCH", "4tVs5sYC2iTu"]);
    assert!(
        printed.contains("AKIAX") && printed.contains("a@example.com"),
        "{printed}"
    );

    // An error page from a proxy, with a token in a link.
    org.server.reset().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(400).set_body_string(
                "<html><a href=\"/login/step-up?fromURI=%2Fapp&stateToken=007pr0xy\">retry</a></html>",
            ),
        )
        .mount(&org.server)
        .await;
    let err = org.client.get_user("00u1").await.expect_err("400");
    assert_hidden(&shown(&err), &["007pr0xy"]);
    assert!(shown(&err).contains("fromURI"), "{err}");
}

#[test]
fn configuration_errors_and_the_builder_do_not_echo_credentials() {
    for url in [
        "https://admin:hunter2@dev-1.okta.com",
        "https:admin:hunter2@dev-1.okta.com",
        "admin:hunter2@dev-1.okta.com",
        "https://admin:hunter2@dev-1-admin.okta.com",
        "https://dev-1.okta.com/?token=hunter2",
    ] {
        let builder = okta::Client::builder().org_url(url).api_token(TOKEN);
        let printed = format!("{builder:?}");
        let err = builder.build().expect_err(url);
        assert!(matches!(err, Error::Config(_)), "{err:?}");
        assert_hidden(&format!("{printed}\n{err}\n{err:?}"), &["hunter2", TOKEN]);
    }
    // Userinfo is refused, saying why, before any request could carry it as Basic auth.
    let err = okta::Client::builder()
        .org_url("https://admin:hunter2@dev-1.okta.com")
        .api_token(TOKEN)
        .build()
        .expect_err("userinfo");
    assert!(
        err.to_string().contains("credentials do not belong in the URL"),
        "{err}"
    );
}

/// A service app's secrets: the private key, the client assertion, the access token, DPoP proofs.
const ACCESS_TOKEN: &str = "eyJraWQiOiJhY2Nlc3MtdG9rZW4tbmV2ZXItcHJpbnRlZCJ9";

#[tokio::test]
async fn no_key_assertion_token_or_proof_in_any_output() {
    let captured = Captured::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(captured.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    // As in the test above: a second dispatcher, so callsite interest is asked per event.
    let _second = tracing::Dispatch::new(tracing::subscriber::NoSubscriber::default());

    let server = wiremock::MockServer::start().await;
    // A nonce challenge (traced as a retry), a DPoP token, a 401 for the resource, and then a
    // refused token request: every path that builds an error or a trace event.
    Mock::given(wiremock::matchers::path("/oauth2/v1/token"))
        .respond_with(
            ResponseTemplate::new(400)
                .insert_header("DPoP-Nonce", "n-1")
                .set_body_json(serde_json::json!({"error": "use_dpop_nonce", "error_description": "nonce"})),
        )
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(wiremock::matchers::path("/oauth2/v1/token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            serde_json::json!({"token_type": "DPoP", "expires_in": 3600, "access_token": ACCESS_TOKEN, "scope": "okta.users.read"}),
        ))
        .up_to_n_times(1)
        .with_priority(2)
        .mount(&server)
        .await;
    Mock::given(wiremock::matchers::path("/oauth2/v1/token"))
        .respond_with(
            ResponseTemplate::new(401)
                .set_body_json(serde_json::json!({"error": "invalid_client", "error_description": "bad"})),
        )
        .with_priority(3)
        .mount(&server)
        .await;
    Mock::given(wiremock::matchers::path("/api/v1/users/me"))
        .respond_with(
            ResponseTemplate::new(401)
                .insert_header("WWW-Authenticate", r#"DPoP error="invalid_token""#)
                .set_body_json(serde_json::json!({"errorCode": "E0000011", "errorSummary": "Invalid token provided"})),
        )
        .mount(&server)
        .await;

    let pem =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/keys/rsa-pkcs8.pem")).expect("fixture");
    let key = okta::PrivateKey::from_pem(&pem).expect("key");
    let builder = okta::Client::builder()
        .org_url(server.uri())
        .private_key_jwt("0oa1", key.clone())
        .scopes(["okta.users.read"]);
    let builder_debug = format!("{builder:?}");
    let client = builder.build().expect("client");
    // The token goes stale (401 invalid_token), the new token request is refused.
    let err = client.get_user("me").await.expect_err("refused");
    assert!(matches!(err, okta::Error::OAuth(_)), "{err:?}");

    let requests = server.received_requests().await.unwrap_or_default();
    let mut secrets: Vec<String> = vec![ACCESS_TOKEN.into()];
    secrets.extend(
        pem.lines()
            .filter(|l| !l.starts_with("-----"))
            .map(|l| l[..40.min(l.len())].to_owned()),
    );
    for request in &requests {
        if let Some(proof) = request.headers.get("dpop") {
            secrets.push(proof.to_str().expect("ascii").to_owned());
        }
        let form: Vec<(String, String)> = url::form_urlencoded::parse(&request.body).into_owned().collect();
        if let Some((_, assertion)) = form.iter().find(|(k, _)| k == "client_assertion") {
            secrets.push(assertion.clone());
            // Its signature alone is enough to count as a leak.
            secrets.push(assertion.rsplit('.').next().expect("signature").to_owned());
        }
    }
    assert!(secrets.len() > 5, "proofs and assertions were sent: {}", secrets.len());

    let trace = String::from_utf8(captured.0.lock().expect("not poisoned").clone()).expect("utf-8");
    assert!(trace.contains("/oauth2/v1/token"), "token requests are traced: {trace}");
    let everything = format!(
        "{trace}\n{err}\n{err:?}\n{client:?}\n{builder_debug}\n{key:?}\n{:?}\n{}",
        okta::Auth::PrivateKeyJwt {
            client_id: "0oa1".into(),
            key: key.clone()
        },
        client.config()
    );
    for secret in &secrets {
        assert!(!everything.contains(secret.as_str()), "leaked {secret}:\n{everything}");
    }
}
