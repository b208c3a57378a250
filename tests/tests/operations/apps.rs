use serde_json::json;

use crate::common::{Expected, org};
use okta::models::{
    AppUser, AppUserScope, Application, ApplicationGroupAssignment, ApplicationSignOnMode, ApplicationStatus, JsonMap,
};

const APP_ID: &str = "0oa1gjh63g214q0Hq0g4";
const USER_ID: &str = "00u15s1KDETTQMQYABRL";
const GROUP_ID: &str = "00gbkkGFFWZDLCNTAGQR";
const KEY_ID: &str = "SIMcCQNY3uwXoW3y0vf6VxiBb5n9pf8L2fK8d-FIbm4";

fn app_json() -> serde_json::Value {
    json!({
        "id": APP_ID,
        "name": "bookmark",
        "label": "Sample Bookmark App",
        "status": "ACTIVE",
        "lastUpdated": "2015-07-08T20:31:46.000Z",
        "created": "2015-07-08T20:31:46.000Z",
        "accessibility": {"selfService": false, "errorRedirectUrl": null, "loginRedirectUrl": null},
        "visibility": {"autoSubmitToolbar": false, "hide": {"iOS": false, "web": false}, "appLinks": {"login": true}},
        "features": [],
        "signOnMode": "BOOKMARK",
        "credentials": {"userNameTemplate": {"template": "${source.login}", "type": "BUILT_IN"}, "signing": {}},
        "settings": {"app": {"requestIntegration": false, "url": "https://example.com/bookmark.htm"}},
        "_links": {
            "logo": [{"name": "medium", "href": "https://example.okta.com/img/logos/bookmark.png", "type": "image/png"}],
            "users": {"href": "https://example.okta.com/api/v1/apps/0oa1gjh63g214q0Hq0g4/users"},
            "groups": {"href": "https://example.okta.com/api/v1/apps/0oa1gjh63g214q0Hq0g4/groups"},
            "self": {"href": "https://example.okta.com/api/v1/apps/0oa1gjh63g214q0Hq0g4"},
            "deactivate": {"href": "https://example.okta.com/api/v1/apps/0oa1gjh63g214q0Hq0g4/lifecycle/deactivate"}
        }
    })
}

fn bookmark_body_json() -> serde_json::Value {
    json!({
        "name": "bookmark",
        "label": "Sample Bookmark App",
        "signOnMode": "BOOKMARK",
        "settings": {"app": {"requestIntegration": false, "url": "https://example.com/bookmark.htm"}}
    })
}

fn app_user_json() -> serde_json::Value {
    json!({
        "id": USER_ID,
        "externalId": "005o0000000umnEAAQ",
        "created": "2014-08-11T02:24:31.000Z",
        "lastUpdated": "2014-08-11T05:35:22.000Z",
        "scope": "USER",
        "status": "PROVISIONED",
        "statusChanged": "2014-08-11T02:24:32.000Z",
        "passwordChanged": null,
        "syncState": "SYNCHRONIZED",
        "lastSync": "2014-08-11T02:24:32.000Z",
        "credentials": {"userName": "saml.jackson@example.com"},
        "profile": {
            "secondEmail": null, "lastName": "Jackson", "mobilePhone": null, "email": "saml.jackson@example.com",
            "salesforceGroups": ["Employee"], "role": "Developer", "firstName": "Saml", "profile": "Standard User"
        },
        "_links": {
            "app": {"href": "https://example.okta.com/api/v1/apps/0oa1gjh63g214q0Hq0g4"},
            "user": {"href": "https://example.okta.com/api/v1/users/00u15s1KDETTQMQYABRL"}
        }
    })
}

fn app_group_json() -> serde_json::Value {
    json!({
        "id": GROUP_ID,
        "lastUpdated": "2013-10-02T07:38:20.000Z",
        "priority": 0,
        "profile": {"role": "Developer", "profile": "Standard User"},
        "_links": {
            "app": {"href": "https://example.okta.com/api/v1/apps/0oa1gjh63g214q0Hq0g4"},
            "self": {"href": "https://example.okta.com/api/v1/apps/0oa1gjh63g214q0Hq0g4/groups/00gbkkGFFWZDLCNTAGQR"},
            "group": {"href": "https://example.okta.com/api/v1/groups/00gbkkGFFWZDLCNTAGQR"}
        }
    })
}

fn key_json() -> serde_json::Value {
    json!({
        "created": "2015-12-10T18:56:23.000Z",
        "lastUpdated": "2015-12-10T18:56:23.000Z",
        "expiresAt": "2017-12-10T18:56:22.000Z",
        "x5c": ["MIIDqDCCApCgAwIBAgIGAVGNO4qeMA0GCSqGSIb3DQEBBQUAMIGUMQswCQYDVQQGEwJVUzETMBEG"],
        "e": "AQAB",
        "n": "mkC6yAJVvFwUlmM9gKjb2d-YK5qHFt-mXSsbjWKKs4EfNm-BoQeeovBZtSACyaqLc8IYFTPEURFcbDQ9DkAL04uUIRD2gaHYY7uK0jsluEaXGq2RAIsmzAwNTzkiDw4q9pDL_q7n0f_SDt1TsMaMQayB6bU5jWsmqcWJ8MCRJ1aJMjZ16un5UVx51IIeCbe4QRDxEXGAvYNczsBoZxspDt28esSpq5W0dBFxcyGVudyl54Er3FzAguhgfMVjH-bUec9j2Tl40qDTktrYgYfxz9pfjm01Hl4WYP1YQxeETpSL7cQ5Ihz4jGDtHUEOcZ4GfJrPzrGpUrak8Qp5xcwCqQ",
        "kid": KEY_ID,
        "kty": "RSA",
        "use": "sig",
        "x5t#S256": "5LBn5Ll8bCbMQ9ugIJALmDQ0IG8QXhMkW-zygOeH-3A"
    })
}

fn profile(pairs: &[(&str, &str)]) -> JsonMap {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), json!(v))).collect()
}

#[tokio::test]
async fn create_application() {
    let org = org().await;
    let mut created = app_json();
    created["status"] = json!("INACTIVE");
    let app = org
        .check(
            Expected {
                op: "create_application",
                method: "POST",
                path: "/api/v1/apps",
                query: &[("activate", "false")],
                headers: &[],
                body: Some(bookmark_body_json()),
                status: 200,
                response: Some(created),
            },
            org.client
                .create_application(Application::bookmark(
                    "Sample Bookmark App",
                    "https://example.com/bookmark.htm",
                ))
                .activate(false)
                .send(),
        )
        .await;
    assert_eq!(app.id.as_deref(), Some(APP_ID));
    assert_eq!(app.status, Some(ApplicationStatus::Inactive));
}

#[tokio::test]
async fn get_application() {
    let org = org().await;
    let app = org
        .check(
            Expected {
                op: "get_application",
                method: "GET",
                path: "/api/v1/apps/0oa1gjh63g214q0Hq0g4",
                query: &[("expand", "user/00u15s1KDETTQMQYABRL")],
                headers: &[],
                body: None,
                status: 200,
                response: Some(app_json()),
            },
            org.client
                .get_application(APP_ID)
                .expand("user/00u15s1KDETTQMQYABRL")
                .send(),
        )
        .await;
    assert_eq!(app.label.as_deref(), Some("Sample Bookmark App"));
    assert_eq!(app.sign_on_mode, Some(ApplicationSignOnMode::Bookmark));
}

#[tokio::test]
async fn update_application() {
    let org = org().await;
    let mut app: Application = serde_json::from_value(app_json()).expect("app fixture");
    app.label = Some("Renamed Bookmark App".into());
    let mut sent = app_json();
    sent["label"] = json!("Renamed Bookmark App");
    // A typed field sent back as `null` is absent after a round trip; `extra`/maps keep theirs.
    sent["accessibility"] = json!({"selfService": false});
    let updated = org
        .check(
            Expected {
                op: "update_application",
                method: "PUT",
                path: "/api/v1/apps/0oa1gjh63g214q0Hq0g4",
                query: &[],
                headers: &[],
                body: Some(sent.clone()),
                status: 200,
                response: Some(sent),
            },
            org.client.update_application(APP_ID, app).send(),
        )
        .await;
    assert_eq!(updated.label.as_deref(), Some("Renamed Bookmark App"));
}

#[tokio::test]
async fn delete_application() {
    let org = org().await;
    org.check(
        Expected {
            op: "delete_application",
            method: "DELETE",
            path: "/api/v1/apps/0oa1gjh63g214q0Hq0g4",
            query: &[],
            headers: &[],
            body: None,
            status: 204,
            response: None,
        },
        org.client.delete_application(APP_ID).send(),
    )
    .await;
}

#[tokio::test]
async fn list_applications() {
    let org = org().await;
    let page = org
        .check(
            Expected {
                op: "list_applications",
                method: "GET",
                path: "/api/v1/apps",
                query: &[
                    ("q", "Sample"),
                    ("after", "0oa1"),
                    ("limit", "20"),
                    ("filter", "status eq \"ACTIVE\""),
                    ("expand", "user/00u15s1KDETTQMQYABRL"),
                    ("includeNonDeleted", "true"),
                ],
                headers: &[],
                body: None,
                status: 200,
                response: Some(json!([app_json()])),
            },
            org.client
                .list_applications()
                .q("Sample")
                .after("0oa1")
                .limit(20)
                .filter(r#"status eq "ACTIVE""#)
                .expand("user/00u15s1KDETTQMQYABRL")
                .include_non_deleted(true)
                .send(),
        )
        .await;
    assert_eq!(page.items[0].id.as_deref(), Some(APP_ID));
    org.check_stream(
        "list_applications",
        "/api/v1/apps",
        app_json(),
        org.client.list_applications().stream(),
    )
    .await;
}

#[tokio::test]
async fn activate_application() {
    let org = org().await;
    org.check(
        Expected {
            op: "activate_application",
            method: "POST",
            path: "/api/v1/apps/0oa1gjh63g214q0Hq0g4/lifecycle/activate",
            query: &[],
            headers: &[],
            body: None,
            status: 200,
            response: Some(json!({})),
        },
        org.client.activate_application(APP_ID).send(),
    )
    .await;
}

#[tokio::test]
async fn deactivate_application() {
    let org = org().await;
    org.check(
        Expected {
            op: "deactivate_application",
            method: "POST",
            path: "/api/v1/apps/0oa1gjh63g214q0Hq0g4/lifecycle/deactivate",
            query: &[],
            headers: &[],
            body: None,
            status: 200,
            response: Some(json!({})),
        },
        org.client.deactivate_application(APP_ID).send(),
    )
    .await;
}

// ---- users ----

#[tokio::test]
async fn assign_user_to_application() {
    let org = org().await;
    let body = AppUser::new(USER_ID)
        .with_user_name("saml.jackson@example.com")
        .with_profile(profile(&[("role", "Developer"), ("profile", "Standard User")]));
    let assignment = org
        .check(
            Expected {
                op: "assign_user_to_application",
                method: "POST",
                path: "/api/v1/apps/0oa1gjh63g214q0Hq0g4/users",
                query: &[],
                headers: &[],
                body: Some(json!({
                    "id": USER_ID,
                    "scope": "USER",
                    "credentials": {"userName": "saml.jackson@example.com"},
                    "profile": {"role": "Developer", "profile": "Standard User"}
                })),
                status: 200,
                response: Some(app_user_json()),
            },
            org.client.assign_user_to_application(APP_ID, body).send(),
        )
        .await;
    assert_eq!(assignment.id.as_deref(), Some(USER_ID));
    assert_eq!(assignment.scope, Some(AppUserScope::User));
    assert_eq!(
        assignment.profile.as_ref().map(|p| &p["role"]),
        Some(&json!("Developer"))
    );
}

#[tokio::test]
async fn get_application_user() {
    let org = org().await;
    let assignment = org
        .check(
            Expected {
                op: "get_application_user",
                method: "GET",
                path: "/api/v1/apps/0oa1gjh63g214q0Hq0g4/users/00u15s1KDETTQMQYABRL",
                query: &[("expand", "user")],
                headers: &[],
                body: None,
                status: 200,
                response: Some(app_user_json()),
            },
            org.client.get_application_user(APP_ID, USER_ID).expand("user").send(),
        )
        .await;
    let user_name = assignment.credentials.and_then(|c| c.user_name);
    assert_eq!(user_name.as_deref(), Some("saml.jackson@example.com"));
    assert_eq!(assignment.sync_state.as_deref(), Some("SYNCHRONIZED"));
}

#[tokio::test]
async fn update_application_user() {
    let org = org().await;
    let body = AppUser::default()
        .with_user_name("saml.jackson@example.com")
        .with_password("abcd1234");
    let assignment = org
        .check(
            Expected {
                op: "update_application_user",
                method: "POST",
                path: "/api/v1/apps/0oa1gjh63g214q0Hq0g4/users/00u15s1KDETTQMQYABRL",
                query: &[],
                headers: &[],
                body: Some(
                    json!({"credentials": {"userName": "saml.jackson@example.com", "password": {"value": "abcd1234"}}}),
                ),
                status: 200,
                response: Some(app_user_json()),
            },
            org.client.update_application_user(APP_ID, USER_ID, body).send(),
        )
        .await;
    assert_eq!(assignment.external_id.as_deref(), Some("005o0000000umnEAAQ"));
}

#[tokio::test]
async fn delete_application_user() {
    let org = org().await;
    org.check(
        Expected {
            op: "delete_application_user",
            method: "DELETE",
            path: "/api/v1/apps/0oa1gjh63g214q0Hq0g4/users/00u15s1KDETTQMQYABRL",
            query: &[("sendEmail", "true")],
            headers: &[],
            body: None,
            status: 204,
            response: None,
        },
        org.client
            .delete_application_user(APP_ID, USER_ID)
            .send_email(true)
            .send(),
    )
    .await;
}

#[tokio::test]
async fn list_application_users() {
    let org = org().await;
    let page = org
        .check(
            Expected {
                op: "list_application_users",
                method: "GET",
                path: "/api/v1/apps/0oa1gjh63g214q0Hq0g4/users",
                query: &[
                    ("q", "sam"),
                    ("query_scope", "USER"),
                    ("after", "00u1"),
                    ("limit", "50"),
                    ("filter", "scope eq \"USER\""),
                    ("expand", "user"),
                ],
                headers: &[],
                body: None,
                status: 200,
                response: Some(json!([app_user_json()])),
            },
            org.client
                .list_application_users(APP_ID)
                .q("sam")
                .query_scope("USER")
                .after("00u1")
                .limit(50)
                .filter(r#"scope eq "USER""#)
                .expand("user")
                .send(),
        )
        .await;
    assert_eq!(page.items[0].id.as_deref(), Some(USER_ID));
    org.check_stream(
        "list_application_users",
        "/api/v1/apps/0oa1gjh63g214q0Hq0g4/users",
        app_user_json(),
        org.client.list_application_users(APP_ID).stream(),
    )
    .await;
}

// ---- groups ----

#[tokio::test]
async fn create_application_group_assignment() {
    let org = org().await;
    let body = ApplicationGroupAssignment::new(0)
        .with_profile(profile(&[("role", "Developer"), ("profile", "Standard User")]));
    let assignment = org
        .check(
            Expected {
                op: "create_application_group_assignment",
                method: "PUT",
                path: "/api/v1/apps/0oa1gjh63g214q0Hq0g4/groups/00gbkkGFFWZDLCNTAGQR",
                query: &[],
                headers: &[],
                body: Some(json!({"priority": 0, "profile": {"role": "Developer", "profile": "Standard User"}})),
                status: 200,
                response: Some(app_group_json()),
            },
            org.client
                .create_application_group_assignment(APP_ID, GROUP_ID, body)
                .send(),
        )
        .await;
    assert_eq!(assignment.id.as_deref(), Some(GROUP_ID));
    assert_eq!(assignment.priority, Some(0));
}

#[tokio::test]
async fn get_application_group_assignment() {
    let org = org().await;
    let assignment = org
        .check(
            Expected {
                op: "get_application_group_assignment",
                method: "GET",
                path: "/api/v1/apps/0oa1gjh63g214q0Hq0g4/groups/00gbkkGFFWZDLCNTAGQR",
                query: &[("expand", "group")],
                headers: &[],
                body: None,
                status: 200,
                response: Some(app_group_json()),
            },
            org.client
                .get_application_group_assignment(APP_ID, GROUP_ID)
                .expand("group")
                .send(),
        )
        .await;
    assert_eq!(assignment.last_updated.as_deref(), Some("2013-10-02T07:38:20.000Z"));
}

#[tokio::test]
async fn delete_application_group_assignment() {
    let org = org().await;
    org.check(
        Expected {
            op: "delete_application_group_assignment",
            method: "DELETE",
            path: "/api/v1/apps/0oa1gjh63g214q0Hq0g4/groups/00gbkkGFFWZDLCNTAGQR",
            query: &[],
            headers: &[],
            body: None,
            status: 204,
            response: None,
        },
        org.client.delete_application_group_assignment(APP_ID, GROUP_ID).send(),
    )
    .await;
}

#[tokio::test]
async fn list_application_group_assignments() {
    let org = org().await;
    let page = org
        .check(
            Expected {
                op: "list_application_group_assignments",
                method: "GET",
                path: "/api/v1/apps/0oa1gjh63g214q0Hq0g4/groups",
                query: &[("q", "Dev"), ("after", "00g1"), ("limit", "20"), ("expand", "group")],
                headers: &[],
                body: None,
                status: 200,
                response: Some(json!([app_group_json()])),
            },
            org.client
                .list_application_group_assignments(APP_ID)
                .q("Dev")
                .after("00g1")
                .limit(20)
                .expand("group")
                .send(),
        )
        .await;
    assert_eq!(page.items[0].id.as_deref(), Some(GROUP_ID));
    org.check_stream(
        "list_application_group_assignments",
        "/api/v1/apps/0oa1gjh63g214q0Hq0g4/groups",
        app_group_json(),
        org.client.list_application_group_assignments(APP_ID).stream(),
    )
    .await;
}

// ---- keys ----

#[tokio::test]
async fn list_application_keys() {
    let org = org().await;
    let page = org
        .check(
            Expected {
                op: "list_application_keys",
                method: "GET",
                path: "/api/v1/apps/0oa1gjh63g214q0Hq0g4/credentials/keys",
                query: &[],
                headers: &[],
                body: None,
                status: 200,
                response: Some(json!([key_json()])),
            },
            org.client.list_application_keys(APP_ID).send(),
        )
        .await;
    assert_eq!(page.items[0].kid.as_deref(), Some(KEY_ID));
    org.check_stream(
        "list_application_keys",
        "/api/v1/apps/0oa1gjh63g214q0Hq0g4/credentials/keys",
        key_json(),
        org.client.list_application_keys(APP_ID).stream(),
    )
    .await;
}

#[tokio::test]
async fn get_application_key() {
    let org = org().await;
    let key = org
        .check(
            Expected {
                op: "get_application_key",
                method: "GET",
                path: "/api/v1/apps/0oa1gjh63g214q0Hq0g4/credentials/keys/SIMcCQNY3uwXoW3y0vf6VxiBb5n9pf8L2fK8d-FIbm4",
                query: &[],
                headers: &[],
                body: None,
                status: 200,
                response: Some(key_json()),
            },
            org.client.get_application_key(APP_ID, KEY_ID).send(),
        )
        .await;
    assert_eq!(key.kty.as_deref(), Some("RSA"));
    assert_eq!(
        key.x5t_s256.as_deref(),
        Some("5LBn5Ll8bCbMQ9ugIJALmDQ0IG8QXhMkW-zygOeH-3A")
    );
}

#[tokio::test]
async fn clone_application_key() {
    let org = org().await;
    let key = org
        .check(
            Expected {
                op: "clone_application_key",
                method: "POST",
                path: "/api/v1/apps/0oa1gjh63g214q0Hq0g4/credentials/keys/SIMcCQNY3uwXoW3y0vf6VxiBb5n9pf8L2fK8d-FIbm4/clone",
                query: &[("targetAid", "0oal21k0DVN7DhS3R0g3")],
                headers: &[],
                body: None,
                status: 201,
                response: Some(key_json()),
            },
            org.client.clone_application_key(APP_ID, KEY_ID, "0oal21k0DVN7DhS3R0g3").send(),
        )
        .await;
    assert_eq!(key.kid.as_deref(), Some(KEY_ID));
    assert_eq!(key.key_use.as_deref(), Some("sig"));
}

// ---- hostile ids ----

#[tokio::test]
async fn app_ids_are_one_encoded_segment() {
    let org = org().await;
    let app = org
        .check(
            Expected {
                op: "get_application",
                method: "GET",
                path: "/api/v1/apps/a%2Fb%3Fc%23d",
                query: &[],
                headers: &[],
                body: None,
                status: 200,
                response: Some(app_json()),
            },
            org.client.get_application("a/b?c#d").send(),
        )
        .await;
    assert_eq!(app.id.as_deref(), Some(APP_ID));
    org.check(
        Expected {
            op: "delete_application_user",
            method: "DELETE",
            path: "/api/v1/apps/a%2Fb/users/c%3Fd%26e%3Df%20g",
            query: &[],
            headers: &[],
            body: None,
            status: 204,
            response: None,
        },
        org.client.delete_application_user("a/b", "c?d&e=f g").send(),
    )
    .await;
    // A hostile query value stays one query pair.
    org.check(
        Expected {
            op: "clone_application_key",
            method: "POST",
            path: "/api/v1/apps/a%23b/credentials/keys/k%2F1/clone",
            query: &[("targetAid", "0oa&limit=1#x")],
            headers: &[],
            body: None,
            status: 201,
            response: Some(key_json()),
        },
        org.client.clone_application_key("a#b", "k/1", "0oa&limit=1#x").send(),
    )
    .await;
}
