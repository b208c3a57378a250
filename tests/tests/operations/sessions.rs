use serde_json::json;

use crate::common::{Expected, org};
use okta::models::{CreateSessionRequest, SessionAuthenticationMethod, SessionIdentityProviderType, SessionStatus};

const SESSION: &str = "/api/v1/sessions/101W_juydrDRByB7fUdRyE2JQ";

fn session_json(expires_at: &str) -> serde_json::Value {
    json!({
        "id": "101W_juydrDRByB7fUdRyE2JQ",
        "login": "user@example.com",
        "userId": "00ubgaSARVOQDIOXMORI",
        "expiresAt": expires_at,
        "status": "ACTIVE",
        "lastPasswordVerification": "2015-08-27T22:32:08.000Z",
        "lastFactorVerification": null,
        "amr": ["pwd"],
        "idp": {"id": "01a2bcdef3GHIJKLMNOP", "type": "OKTA"},
        "mfaActive": false,
        "_links": {
            "self": {"href": "https://example.okta.com/api/v1/sessions/101W_juydrDRByB7fUdRyE2JQ", "hints": {"allow": ["GET", "DELETE"]}},
            "refresh": {"href": "https://example.okta.com/api/v1/sessions/101W_juydrDRByB7fUdRyE2JQ/lifecycle/refresh", "hints": {"allow": ["POST"]}},
            "user": {"name": "Isaac Brock", "href": "https://example.okta.com/api/v1/users/00ubgaSARVOQDIOXMORI", "hints": {"allow": ["GET"]}}
        }
    })
}

#[tokio::test]
async fn create_session() {
    let org = org().await;
    let session = org
        .check(
            Expected {
                op: "create_session",
                method: "POST",
                path: "/api/v1/sessions",
                query: &[],
                headers: &[],
                body: Some(json!({"sessionToken": "20111sWJ9-Xy_W6dRVrdPaIlJqv0ezk9DSaz"})),
                status: 200,
                response: Some(session_json("2015-08-30T18:41:35.818Z")),
            },
            org.client
                .create_session(CreateSessionRequest::new("20111sWJ9-Xy_W6dRVrdPaIlJqv0ezk9DSaz"))
                .send(),
        )
        .await;
    assert_eq!(session.id.as_deref(), Some("101W_juydrDRByB7fUdRyE2JQ"));
    assert_eq!(session.status, Some(SessionStatus::Active));
    assert_eq!(session.amr, Some(vec![SessionAuthenticationMethod::Pwd]));
}

#[tokio::test]
async fn get_session() {
    let org = org().await;
    let session = org
        .check(
            Expected {
                op: "get_session",
                method: "GET",
                path: SESSION,
                query: &[],
                headers: &[],
                body: None,
                status: 200,
                response: Some(session_json("2015-08-30T18:41:35.818Z")),
            },
            org.client.get_session("101W_juydrDRByB7fUdRyE2JQ").send(),
        )
        .await;
    assert_eq!(session.login.as_deref(), Some("user@example.com"));
    assert_eq!(session.user_id.as_deref(), Some("00ubgaSARVOQDIOXMORI"));
    assert_eq!(
        session.idp.and_then(|idp| idp.idp_type),
        Some(SessionIdentityProviderType::Okta)
    );
    assert_eq!(session.last_factor_verification, None);
}

#[tokio::test]
async fn refresh_session() {
    let org = org().await;
    let session = org
        .check(
            Expected {
                op: "refresh_session",
                method: "POST",
                path: "/api/v1/sessions/101W_juydrDRByB7fUdRyE2JQ/lifecycle/refresh",
                query: &[],
                headers: &[],
                body: None,
                status: 200,
                response: Some(session_json("2015-08-30T20:41:35.818Z")),
            },
            org.client.refresh_session("101W_juydrDRByB7fUdRyE2JQ").send(),
        )
        .await;
    assert_eq!(session.expires_at.as_deref(), Some("2015-08-30T20:41:35.818Z"));
}

#[tokio::test]
async fn end_session() {
    let org = org().await;
    org.check(
        Expected {
            op: "end_session",
            method: "DELETE",
            path: SESSION,
            query: &[],
            headers: &[],
            body: None,
            status: 204,
            response: None,
        },
        org.client.end_session("101W_juydrDRByB7fUdRyE2JQ").send(),
    )
    .await;
}
