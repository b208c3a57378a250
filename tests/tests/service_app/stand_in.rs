//! The SDK and the stand-in's OAuth together: what the stand-in verifies (signatures, claims,
//! replay, DPoP proofs, scopes) is what Okta verifies, so these are the end-to-end proofs.

use std::time::Duration;

use futures::TryStreamExt;
use okta::PrivateKey;
use okta_mock::{OktaMock, ServiceApp};

use crate::{CLIENT_ID, fixture, fixture_text};

fn client(org: &OktaMock, key: PrivateKey, scopes: &[&str]) -> okta::Client {
    okta::Client::builder()
        .org_url(org.url())
        .private_key_jwt(CLIENT_ID, key)
        .scopes(scopes.iter().copied())
        .build()
        .expect("client")
}

/// Registers the service app `CLIENT_ID` with `key`'s public half.
fn register(org: &OktaMock, key: &PrivateKey, scopes: &[&str], dpop: bool) {
    org.register_service_app(
        ServiceApp::new(CLIENT_ID)
            .public_key(key.public_jwk().to_string())
            .scopes(scopes.iter().copied())
            .require_dpop(dpop),
    );
}

fn token_requests(org: &OktaMock) -> usize {
    org.requests().iter().filter(|r| r.path == "/oauth2/v1/token").count()
}

#[tokio::test]
async fn every_key_format_gets_a_token_the_stand_in_accepts() {
    let keys = [
        PrivateKey::from_pem_file(fixture("rsa-pkcs1.pem")),
        PrivateKey::from_pem_file(fixture("rsa-pkcs8.pem")),
        PrivateKey::from_pem_file(fixture("ec-p256-sec1.pem")),
        PrivateKey::from_pem_file(fixture("ec-p384-pkcs8.pem")),
        PrivateKey::from_jwk(&fixture_text("rsa-private.jwk.json")),
        PrivateKey::from_jwk_file(fixture("ec-p256-private.jwk.json")),
        PrivateKey::generate_rsa(),
    ];
    for (n, key) in keys.into_iter().enumerate() {
        let key = key.expect("parses").with_key_id(format!("kid-{n}"));
        let org = OktaMock::builder().seed_users(3).start().await;
        for dpop in [false, true] {
            let client_id = format!("0oa{n}{dpop}");
            org.register_service_app(
                ServiceApp::new(client_id.as_str())
                    .public_key(key.public_jwk().to_string())
                    .scopes(["okta.users.read"])
                    .require_dpop(dpop),
            );
            let client = okta::Client::builder()
                .org_url(org.url())
                .private_key_jwt(client_id.as_str(), key.clone())
                .scopes(["okta.users.read"])
                .build()
                .expect("client");
            let users: Vec<okta::models::User> = client
                .list_users()
                .limit(2)
                .stream()
                .try_collect()
                .await
                .expect("users");
            assert_eq!(users.len(), 3, "{} dpop={dpop}", key.algorithm());
        }
    }
}

#[tokio::test]
async fn a_dpop_app_pages_through_the_stand_in_with_fresh_proofs_and_nonces() {
    let org = OktaMock::builder().seed_users(7).start().await;
    org.require_dpop_nonce_on_resources(true);
    let key = PrivateKey::generate_p256().expect("key");
    register(&org, &key, &["okta.users.read"], true);
    let client = client(&org, key, &["okta.users.read"]);
    // Every page is a new URL, and the stand-in refuses a proof whose htu, ath, jti or nonce is off.
    let users: Vec<okta::models::User> = client
        .list_users()
        .limit(2)
        .stream()
        .try_collect()
        .await
        .expect("users");
    assert_eq!(users.len(), 7);
    assert_eq!(token_requests(&org), 2, "the nonce challenge and the token");
}

#[tokio::test]
async fn scopes_are_enforced_and_a_wrong_scope_is_a_typed_error() {
    let org = OktaMock::builder().seed_users(2).start().await;
    let key = PrivateKey::generate_p256().expect("key");
    register(&org, &key, &["okta.users.read"], false);
    let reader = client(&org, key.clone(), &["okta.users.read"]);
    reader.list_users().await.expect("may read users");
    let err = reader.list_groups().await.expect_err("no groups scope");
    assert_eq!(err.status(), Some(okta::StatusCode::FORBIDDEN));
    assert_eq!(err.error_code(), Some("E0000006"));

    let greedy = client(&org, key, &["okta.users.manage"]);
    let err = greedy.list_users().await.expect_err("scope not granted");
    let okta::Error::OAuth(oauth) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(oauth.error, "invalid_scope");
}

#[tokio::test]
async fn an_expired_token_is_replaced_once_and_the_call_goes_through() {
    let org = OktaMock::builder().seed_users(1).start().await;
    let key = PrivateKey::generate_p256().expect("key");
    register(&org, &key, &["okta.users.read"], true);
    let client = client(&org, key, &["okta.users.read"]);
    client.list_users().await.expect("first");
    // The org's clock passes the token's hour; the client's does not know.
    org.advance_clock(Duration::from_secs(3601));
    client.list_users().await.expect("after a new token");
    // The nonce challenge, the token, and a new token: the remembered nonce is still good.
    assert_eq!(token_requests(&org), 3);
    let last = org
        .requests()
        .into_iter()
        .rev()
        .find(|r| r.path.starts_with("/api/v1/users"))
        .expect("a call");
    assert_eq!(last.status, Some(200));
}

#[tokio::test]
async fn a_key_the_app_does_not_know_is_invalid_client() {
    let org = OktaMock::start().await;
    org.register_service_app(
        ServiceApp::new(CLIENT_ID)
            .public_key(PrivateKey::generate_p256().expect("key").public_jwk().to_string())
            .scopes(["okta.users.read"]),
    );
    let other = PrivateKey::generate_p256().expect("key");
    let err = client(&org, other, &["okta.users.read"])
        .list_users()
        .await
        .expect_err("refused");
    let okta::Error::OAuth(oauth) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(oauth.error, "invalid_client");
    assert!(
        err.to_string().contains("public key"),
        "the hint says what to check: {err}"
    );
    assert_eq!(token_requests(&org), 1);
}
