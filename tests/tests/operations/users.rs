use serde_json::json;

use crate::common::{Expected, org};
use okta::models::{User, UserProfile};

fn user_json() -> serde_json::Value {
    json!({
        "id": "00ub0oNGTSWTBKOLGLNR",
        "status": "ACTIVE",
        "created": "2013-06-24T16:39:18.000Z",
        "activated": "2013-06-24T16:39:19.000Z",
        "statusChanged": "2013-06-24T16:39:19.000Z",
        "lastLogin": "2013-06-24T17:39:19.000Z",
        "lastUpdated": "2013-07-02T21:36:25.344Z",
        "passwordChanged": "2013-07-02T21:36:25.344Z",
        "profile": {
            "firstName": "Isaac", "lastName": "Brock", "email": "isaac.brock@example.com",
            "login": "isaac.brock@example.com", "mobilePhone": "555-415-1337", "costCenter": "W-42"
        },
        "credentials": {
            "password": {},
            "recovery_question": {"question": "Who's a major player in the cowboy scene?"},
            "provider": {"type": "OKTA", "name": "OKTA"}
        },
        "_links": {"self": {"href": "https://example.okta.com/api/v1/users/00ub0oNGTSWTBKOLGLNR"}}
    })
}

#[tokio::test]
async fn get_user() {
    let org = org().await;
    let user = org
        .check(
            Expected {
                op: "get_user",
                method: "GET",
                path: "/api/v1/users/00ub0oNGTSWTBKOLGLNR",
                query: &[],
                headers: &[],
                body: None,
                status: 200,
                response: Some(user_json()),
            },
            org.client.get_user("00ub0oNGTSWTBKOLGLNR").send(),
        )
        .await;
    assert_eq!(user.profile.login, "isaac.brock@example.com");
    assert_eq!(user.profile.extra["costCenter"], "W-42");
}

#[tokio::test]
async fn list_users() {
    let org = org().await;
    let page = org
        .check(
            Expected {
                op: "list_users",
                method: "GET",
                path: "/api/v1/users",
                query: &[
                    ("q", "isaac"),
                    ("after", "00u1"),
                    ("limit", "200"),
                    ("filter", "status eq \"ACTIVE\""),
                    ("format", "json"),
                    ("search", "profile.department eq \"Engineering\""),
                    ("expand", "classification"),
                ],
                headers: &[],
                body: None,
                status: 200,
                response: Some(json!([user_json()])),
            },
            org.client
                .list_users()
                .q("isaac")
                .after("00u1")
                .limit(200)
                .filter(r#"status eq "ACTIVE""#)
                .format("json")
                .search(r#"profile.department eq "Engineering""#)
                .expand("classification")
                .send(),
        )
        .await;
    assert_eq!(page.items.len(), 1);
    org.check_stream(
        "list_users",
        "/api/v1/users",
        user_json(),
        org.client.list_users().stream(),
    )
    .await;
}

#[tokio::test]
async fn create_user() {
    let org = org().await;
    let body = User::new(UserProfile::new(
        "isaac.brock@example.com",
        "isaac.brock@example.com",
        "Isaac",
        "Brock",
    ))
    .with_password("tlpWENT2m");
    let created = org
        .check(
            Expected {
                op: "create_user",
                method: "POST",
                path: "/api/v1/users",
                query: &[("activate", "false"), ("provider", "true"), ("nextLogin", "changePassword")],
                headers: &[],
                body: Some(json!({
                    "profile": {"firstName": "Isaac", "lastName": "Brock", "email": "isaac.brock@example.com", "login": "isaac.brock@example.com"},
                    "credentials": {"password": {"value": "tlpWENT2m"}}
                })),
                status: 200,
                response: Some(user_json()),
            },
            org.client.create_user(body).activate(false).provider(true).next_login("changePassword").send(),
        )
        .await;
    assert_eq!(created.id.as_deref(), Some("00ub0oNGTSWTBKOLGLNR"));
}
