//! An API service app against local servers: keys, the token's life, DPoP, configuration.

mod config;
mod dpop;
mod jwt;
mod keys;
mod stand_in;
mod tokens;

use std::path::PathBuf;

use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

pub const CLIENT_ID: &str = "0oa1serviceapp";

pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/keys")
        .join(name)
}

pub fn fixture_text(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).expect("fixture")
}

/// A service-app client for `server`, signing with a fresh P-256 key.
pub fn client(server: &MockServer) -> okta::Client {
    client_with(server, okta::PrivateKey::generate_p256().expect("key"))
}

pub fn client_with(server: &MockServer, key: okta::PrivateKey) -> okta::Client {
    okta::Client::builder()
        .org_url(server.uri())
        .private_key_jwt(CLIENT_ID, key)
        .scopes(["okta.users.read"])
        .retry_policy(okta::RetryPolicy::default().base_backoff(std::time::Duration::from_millis(1)))
        .build()
        .expect("service-app client")
}

/// `/oauth2/v1/token` answering `token_type` tokens named `tok-1`, `tok-2`, … in turn.
pub async fn token_endpoint(server: &MockServer, token_type: &'static str, expires_in: u64) {
    let counter = std::sync::atomic::AtomicUsize::new(0);
    Mock::given(method("POST"))
        .and(path("/oauth2/v1/token"))
        .respond_with(move |_: &wiremock::Request| {
            let n = counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1;
            ResponseTemplate::new(200).set_body_json(json!({
                "token_type": token_type,
                "expires_in": expires_in,
                "access_token": format!("tok-{n}"),
                "scope": "okta.users.read",
            }))
        })
        .mount(server)
        .await;
}

/// `GET /api/v1/users/me` answering a user.
pub async fn me_endpoint(server: &MockServer) {
    Mock::given(method("GET"))
        .and(path("/api/v1/users/me"))
        .respond_with(ResponseTemplate::new(200).set_body_json(user("me")))
        .mount(server)
        .await;
}

/// A user document, for resource answers.
pub fn user(id: &str) -> serde_json::Value {
    json!({"id": id, "status": "ACTIVE", "profile": {"login": format!("{id}@example.com"), "email": format!("{id}@example.com"), "firstName": "A", "lastName": "B"}})
}

pub async fn token_requests(server: &MockServer) -> Vec<wiremock::Request> {
    server
        .received_requests()
        .await
        .unwrap_or_default()
        .into_iter()
        .filter(|r| r.url.path() == "/oauth2/v1/token")
        .collect()
}

pub async fn resource_requests(server: &MockServer) -> Vec<wiremock::Request> {
    server
        .received_requests()
        .await
        .unwrap_or_default()
        .into_iter()
        .filter(|r| r.url.path() != "/oauth2/v1/token")
        .collect()
}
