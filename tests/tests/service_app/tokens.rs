//! The token's life: cached and shared, one request for many callers, refreshed before it
//! expires, replaced once when Okta calls it invalid, and a refused token request is one typed
//! error, never a loop.

use std::time::Duration;

use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{client, jwt, me_endpoint, resource_requests, token_endpoint, token_requests};

#[tokio::test]
async fn a_hundred_concurrent_calls_and_clones_make_one_token_request() {
    let server = MockServer::start().await;
    token_endpoint(&server, "Bearer", 3600).await;
    me_endpoint(&server).await;
    let client = client(&server);
    let calls = (0..100).map(|_| {
        let client = client.clone();
        tokio::spawn(async move { client.get_user("me").await })
    });
    for call in futures::future::join_all(calls).await {
        call.expect("joined").expect("call");
    }
    assert_eq!(token_requests(&server).await.len(), 1);
    assert_eq!(resource_requests(&server).await.len(), 100);
    for request in resource_requests(&server).await {
        assert_eq!(jwt::header(&request, "authorization"), Some("Bearer tok-1"));
    }
}

#[tokio::test]
async fn the_token_is_refreshed_before_it_expires() {
    let server = MockServer::start().await;
    token_endpoint(&server, "Bearer", 3600).await;
    me_endpoint(&server).await;
    let client = client(&server);
    client.get_user("me").await.expect("first");
    // 54 minutes later the token is still good.
    tokio::time::pause();
    tokio::time::advance(Duration::from_secs(54 * 60)).await;
    tokio::time::resume();
    client.get_user("me").await.expect("second");
    assert_eq!(token_requests(&server).await.len(), 1);
    // Within five minutes of its expiry, the next calls get a new one first: a hundred of them
    // at once still make one token request.
    tokio::time::pause();
    tokio::time::advance(Duration::from_secs(2 * 60)).await;
    tokio::time::resume();
    let calls = (0..100).map(|_| {
        let client = client.clone();
        tokio::spawn(async move { client.get_user("me").await })
    });
    for call in futures::future::join_all(calls).await {
        call.expect("joined").expect("call");
    }
    assert_eq!(token_requests(&server).await.len(), 2);
    let resources = resource_requests(&server).await;
    assert_eq!(resources.len(), 102);
    for request in &resources[2..] {
        assert_eq!(jwt::header(request, "authorization"), Some("Bearer tok-2"));
    }
}

#[tokio::test]
async fn a_401_invalid_token_drops_the_token_and_retries_once() {
    let server = MockServer::start().await;
    token_endpoint(&server, "Bearer", 3600).await;
    Mock::given(method("GET"))
        .and(path("/api/v1/users/me"))
        .and(wiremock::matchers::header("authorization", "Bearer tok-1"))
        .respond_with(
            ResponseTemplate::new(401)
                .insert_header(
                    "WWW-Authenticate",
                    r#"Bearer error="invalid_token", error_description="expired""#,
                )
                .set_body_json(json!({"errorCode": "E0000011", "errorSummary": "Invalid token provided"})),
        )
        .mount(&server)
        .await;
    me_endpoint(&server).await;
    let client = client(&server);
    client.get_user("me").await.expect("recovered");
    assert_eq!(token_requests(&server).await.len(), 2);
    assert_eq!(resource_requests(&server).await.len(), 2);

    // A token that stays invalid is retried once, not forever.
    let server = MockServer::start().await;
    token_endpoint(&server, "Bearer", 3600).await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(401)
                .insert_header("WWW-Authenticate", r#"Bearer error="invalid_token""#)
                .set_body_json(json!({"errorCode": "E0000011", "errorSummary": "Invalid token provided"})),
        )
        .mount(&server)
        .await;
    let err = client_for(&server).get_user("me").await.expect_err("still invalid");
    assert_eq!(err.status(), Some(okta::StatusCode::UNAUTHORIZED));
    assert_eq!(resource_requests(&server).await.len(), 2);
}

fn client_for(server: &MockServer) -> okta::Client {
    client(server)
}

#[tokio::test]
async fn a_refused_token_request_is_a_typed_error_and_is_not_repeated() {
    for (status, error, description) in [
        (401, "invalid_client", "The client_assertion signature is invalid."),
        (
            400,
            "invalid_scope",
            "The following scopes are not allowed: okta.users.manage",
        ),
        (400, "invalid_dpop_proof", "The DPoP proof JWT header is missing."),
    ] {
        let server = MockServer::start().await;
        Mock::given(path("/oauth2/v1/token"))
            .respond_with(
                ResponseTemplate::new(status)
                    .insert_header("X-Okta-Request-Id", "req-9")
                    .set_body_json(json!({"error": error, "error_description": description})),
            )
            .mount(&server)
            .await;
        let err = client(&server).get_user("me").await.expect_err("refused");
        let okta::Error::OAuth(oauth) = &err else {
            panic!("not an OAuth error: {err:?}");
        };
        assert_eq!(oauth.error, error);
        assert_eq!(oauth.error_description.as_deref(), Some(description));
        assert_eq!(oauth.status.as_u16(), status);
        assert_eq!(err.request_id(), Some("req-9"));
        assert!(err.to_string().contains(error), "{err}");
        assert_eq!(token_requests(&server).await.len(), 1, "{error} is not retried");
        assert!(
            resource_requests(&server).await.is_empty(),
            "no resource request without a token"
        );
    }
}

#[tokio::test]
async fn a_rate_limited_token_request_is_retried_with_a_fresh_assertion() {
    let server = MockServer::start().await;
    Mock::given(path("/oauth2/v1/token"))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    token_endpoint(&server, "Bearer", 3600).await;
    me_endpoint(&server).await;
    client(&server).get_user("me").await.expect("after one retry");
    let tokens = token_requests(&server).await;
    assert_eq!(tokens.len(), 2);
    let (_, first) = jwt::assertion(&tokens[0]);
    let (_, second) = jwt::assertion(&tokens[1]);
    assert_ne!(
        first["jti"], second["jti"],
        "a retried token request is a new assertion"
    );
}

#[tokio::test]
async fn the_authentication_api_still_needs_no_credentials() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/v1/authn"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"status": "SUCCESS", "sessionToken": "s"})))
        .mount(&server)
        .await;
    let client = okta::Client::builder()
        .org_url(server.uri())
        .auth(okta::Auth::None)
        .build()
        .expect("anonymous client");
    client
        .request(okta::Method::POST, "/api/v1/authn")
        .json(&json!({"username": "u", "password": "p"}))
        .send()
        .await
        .expect("anonymous authn");
    let requests = server.received_requests().await.unwrap_or_default();
    assert_eq!(requests.len(), 1);
    assert!(requests[0].headers.get("authorization").is_none());
}

/// A public endpoint, as Okta's `/.well-known/okta-organization` is.
#[derive(Debug, Clone, okta::Endpoint)]
#[endpoint(GET "/.well-known/okta-organization", response = serde_json::Value, unauthenticated)]
struct OrganizationMetadata;

#[tokio::test]
async fn a_public_endpoint_is_sent_without_credentials_and_mints_no_token() {
    let server = MockServer::start().await;
    token_endpoint(&server, "Bearer", 3600).await;
    Mock::given(method("GET"))
        .and(path("/.well-known/okta-organization"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": "00o1", "pipeline": "idx"})))
        .mount(&server)
        .await;
    // A 401 from a public endpoint says nothing of the token: no new token, no retry.
    Mock::given(method("GET"))
        .and(path("/.well-known/denied"))
        .respond_with(
            ResponseTemplate::new(401)
                .set_body_json(json!({"errorCode": "E0000011", "errorSummary": "Invalid token provided"})),
        )
        .mount(&server)
        .await;
    let client = client(&server);

    let metadata = client.send(OrganizationMetadata).await.expect("public metadata");
    assert_eq!(metadata["id"], "00o1");
    let requests = server.received_requests().await.expect("recorded");
    assert_eq!(
        requests.len(),
        1,
        "no token request: {:?}",
        requests.iter().map(|r| r.url.path()).collect::<Vec<_>>()
    );
    assert!(requests[0].headers.get("authorization").is_none());
    assert!(requests[0].headers.get("dpop").is_none());

    #[derive(Debug, Clone, okta::Endpoint)]
    #[endpoint(GET "/.well-known/denied", response = serde_json::Value, unauthenticated)]
    struct Denied;
    let err = client.send(Denied).await.expect_err("401");
    assert_eq!(err.status(), Some(okta::StatusCode::UNAUTHORIZED));
    assert_eq!(
        server.received_requests().await.expect("recorded").len(),
        2,
        "sent once, no token"
    );

    // An authenticated call still gets its token.
    me_endpoint(&server).await;
    client.get_user("me").await.expect("me");
    assert_eq!(token_requests(&server).await.len(), 1);
}
