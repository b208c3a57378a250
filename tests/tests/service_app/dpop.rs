//! DPoP (RFC 9449) as Okta does it: a proof on the very first token request, the nonce dance at
//! the token endpoint and at the resource server, and a fresh proof for every URL actually sent.

use futures::TryStreamExt;
use serde_json::json;
use wiremock::matchers::{header_exists, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{client, jwt, me_endpoint, resource_requests, token_endpoint, token_requests, user};

async fn nonce_challenge_then_dpop_tokens(server: &MockServer) {
    Mock::given(path("/oauth2/v1/token"))
        .respond_with(
            ResponseTemplate::new(400)
                .insert_header("DPoP-Nonce", "nonce-1")
                .set_body_json(json!({"error": "use_dpop_nonce", "error_description": "Authorization server requires nonce in DPoP proof."})),
        )
        .up_to_n_times(1)
        .with_priority(1)
        .mount(server)
        .await;
    token_endpoint(server, "DPoP", 3600).await;
}

#[tokio::test]
async fn the_first_token_request_carries_a_proof_and_the_nonce_dance_ends_in_a_bound_token() {
    let server = MockServer::start().await;
    nonce_challenge_then_dpop_tokens(&server).await;
    Mock::given(method("GET"))
        .and(path("/api/v1/users/a%40b.com"))
        .respond_with(ResponseTemplate::new(200).set_body_json(user("a")))
        .mount(&server)
        .await;
    let client = client(&server);
    client.get_user("a@b.com").await.expect("call");

    let tokens = token_requests(&server).await;
    assert_eq!(tokens.len(), 2, "one challenge, one token");
    let (first_header, first) = jwt::proof(&tokens[0]);
    let (second_header, second) = jwt::proof(&tokens[1]);
    let token_url = format!("{}/oauth2/v1/token", server.uri());
    for claims in [&first, &second] {
        assert_eq!(claims["htm"], "POST");
        assert_eq!(claims["htu"], token_url);
        assert!(claims["iat"].as_u64().is_some() && claims.get("ath").is_none());
    }
    assert!(first.get("nonce").is_none());
    assert_eq!(second["nonce"], "nonce-1");
    assert_ne!(first["jti"], second["jti"]);
    let (_, a1) = jwt::assertion(&tokens[0]);
    let (_, a2) = jwt::assertion(&tokens[1]);
    assert_ne!(a1["jti"], a2["jti"], "the nonce retry signs a new assertion");

    let resources = resource_requests(&server).await;
    assert_eq!(resources.len(), 1);
    assert_eq!(jwt::header(&resources[0], "authorization"), Some("DPoP tok-1"));
    let (header, claims) = jwt::proof(&resources[0]);
    assert_eq!(
        header["jwk"], second_header["jwk"],
        "the resource proof uses the key the token is bound to"
    );
    assert_eq!(first_header["jwk"], second_header["jwk"]);
    assert_eq!(claims["htm"], "GET");
    assert_eq!(claims["htu"], format!("{}/api/v1/users/a@b.com", server.uri()));
    assert_eq!(claims["ath"], jwt::ath("tok-1"));
    assert!(claims.get("nonce").is_none(), "the token endpoint's nonce stays there");
}

#[tokio::test]
async fn a_resource_nonce_challenge_is_answered_once() {
    let server = MockServer::start().await;
    token_endpoint(&server, "DPoP", 3600).await;
    Mock::given(path("/api/v1/users/me"))
        .respond_with(
            ResponseTemplate::new(401)
                .insert_header(
                    "WWW-Authenticate",
                    r#"DPoP error="use_dpop_nonce", error_description="Resource server requires nonce in DPoP proof""#,
                )
                .insert_header("DPoP-Nonce", "rs-nonce"),
        )
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    me_endpoint(&server).await;
    client(&server).get_user("me").await.expect("after the nonce");
    let resources = resource_requests(&server).await;
    assert_eq!(resources.len(), 2);
    let (_, first) = jwt::proof(&resources[0]);
    let (_, second) = jwt::proof(&resources[1]);
    assert!(first.get("nonce").is_none());
    assert_eq!(second["nonce"], "rs-nonce");
    assert_eq!(
        token_requests(&server).await.len(),
        1,
        "a nonce is no reason for a new token"
    );
}

#[tokio::test]
async fn every_followed_page_and_every_retry_gets_its_own_proof_for_the_url_sent() {
    let server = MockServer::start().await;
    token_endpoint(&server, "DPoP", 3600).await;
    let next = format!("{}/api/v1/users?after=c1&limit=200", server.uri());
    Mock::given(path("/api/v1/users"))
        .and(query_param("after", "c1"))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(path("/api/v1/users"))
        .and(query_param("after", "c1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([user("u2")])))
        .with_priority(2)
        .mount(&server)
        .await;
    Mock::given(path("/api/v1/users"))
        .and(header_exists("dpop"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("Link", format!("<{next}>; rel=\"next\"").as_str())
                .set_body_json(json!([user("u1")])),
        )
        .with_priority(3)
        .mount(&server)
        .await;
    let users: Vec<okta::models::User> = client(&server)
        .list_users()
        .stream()
        .try_collect()
        .await
        .expect("two pages");
    assert_eq!(users.len(), 2);
    let resources = resource_requests(&server).await;
    assert_eq!(resources.len(), 3, "page 1, page 2 refused once, page 2");
    let htu = format!("{}/api/v1/users", server.uri());
    let mut jtis = std::collections::HashSet::new();
    for request in &resources {
        let (_, claims) = jwt::proof(request);
        assert_eq!(claims["htm"], "GET");
        assert_eq!(claims["htu"], htu, "no query in htu");
        assert_eq!(claims["ath"], jwt::ath("tok-1"));
        assert!(jtis.insert(claims["jti"].to_string()), "a fresh jti every time");
    }
}

#[tokio::test]
async fn an_app_without_dpop_gets_plain_bearer() {
    let server = MockServer::start().await;
    token_endpoint(&server, "Bearer", 3600).await;
    me_endpoint(&server).await;
    client(&server).get_user("me").await.expect("call");
    let resources = resource_requests(&server).await;
    assert_eq!(jwt::header(&resources[0], "authorization"), Some("Bearer tok-1"));
    assert!(jwt::header(&resources[0], "dpop").is_none());
}

#[tokio::test]
async fn a_token_endpoint_that_refuses_proofs_for_this_app_is_asked_again_without_one() {
    let server = MockServer::start().await;
    Mock::given(path("/oauth2/v1/token"))
        .and(header_exists("dpop"))
        .respond_with(ResponseTemplate::new(400).set_body_json(
            json!({"error": "invalid_request", "error_description": "DPoP proof is not allowed for this client."}),
        ))
        .with_priority(1)
        .mount(&server)
        .await;
    token_endpoint(&server, "Bearer", 3600).await;
    me_endpoint(&server).await;
    let client = client(&server);
    client.get_user("me").await.expect("call");
    let tokens = token_requests(&server).await;
    assert_eq!(tokens.len(), 2);
    assert!(jwt::header(&tokens[1], "dpop").is_none());
    assert_eq!(
        jwt::header(&resource_requests(&server).await[0], "authorization"),
        Some("Bearer tok-1")
    );
}

#[tokio::test]
async fn rotating_the_dpop_key_binds_a_new_token_to_the_new_key() {
    let server = MockServer::start().await;
    token_endpoint(&server, "DPoP", 3600).await;
    me_endpoint(&server).await;
    let client = client(&server);
    client.get_user("me").await.expect("first");
    client.rotate_dpop_key().expect("rotated");
    client.get_user("me").await.expect("second");
    let tokens = token_requests(&server).await;
    assert_eq!(tokens.len(), 2);
    let (old, _) = jwt::proof(&tokens[0]);
    let (new, _) = jwt::proof(&tokens[1]);
    assert_ne!(old["jwk"], new["jwk"]);
    let resources = resource_requests(&server).await;
    let (last, claims) = jwt::proof(&resources[1]);
    assert_eq!(last["jwk"], new["jwk"]);
    assert_eq!(claims["ath"], jwt::ath("tok-2"));
}
