//! A service app's secrets never show: not the private key, the client assertion, the access
//! token nor a DPoP proof, in `Debug`, `Display`, errors or trace output. Alone in its binary for
//! the same reason as `secrets.rs`: a thread's tracing subscriber races with other tests.

use std::io::Write;
use std::sync::{Arc, Mutex};

use serde_json::json;
use tracing_subscriber::fmt::MakeWriter;
use wiremock::matchers::path;
use wiremock::{Mock, MockServer, ResponseTemplate};

const ACCESS_TOKEN: &str = "eyJraWQiOiJhY2Nlc3MtdG9rZW4tbmV2ZXItcHJpbnRlZCJ9";

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
async fn no_key_assertion_token_or_proof_in_any_output() {
    let captured = Captured::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(captured.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let server = MockServer::start().await;
    // A nonce challenge (traced as a retry), a DPoP token, a 401 for the resource, and then a
    // refused token request: every path that builds an error or a trace event.
    Mock::given(path("/oauth2/v1/token"))
        .respond_with(
            ResponseTemplate::new(400)
                .insert_header("DPoP-Nonce", "n-1")
                .set_body_json(json!({"error": "use_dpop_nonce", "error_description": "nonce"})),
        )
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(path("/oauth2/v1/token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"token_type": "DPoP", "expires_in": 3600, "access_token": ACCESS_TOKEN, "scope": "okta.users.read"}),
        ))
        .up_to_n_times(1)
        .with_priority(2)
        .mount(&server)
        .await;
    Mock::given(path("/oauth2/v1/token"))
        .respond_with(
            ResponseTemplate::new(401).set_body_json(json!({"error": "invalid_client", "error_description": "bad"})),
        )
        .with_priority(3)
        .mount(&server)
        .await;
    Mock::given(path("/api/v1/users/me"))
        .respond_with(
            ResponseTemplate::new(401)
                .insert_header("WWW-Authenticate", r#"DPoP error="invalid_token""#)
                .set_body_json(json!({"errorCode": "E0000011", "errorSummary": "Invalid token provided"})),
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
