use serde_json::json;

use crate::common::{Expected, org};
use crate::fixtures::{GROUP_ID, USER_ID, group_json, user_json};
use okta::models::{
    AssignRoleRequest, ChangePasswordRequest, ExpirePasswordResponse, ForgotPasswordByUserResponse, PasswordCredential,
    RecoveryQuestionCredential, Role, RoleType, User, UserCredentials, UserProfile, UserStatus,
};

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

const ROLE_ID: &str = "ra1b8aahBZuGJRRa30g4";

fn app_link_json() -> serde_json::Value {
    json!({
        "id": "00ub0oNGTSWTBKOLGLNR",
        "label": "Google Apps Mail",
        "linkUrl": "https://example.okta.com/home/google/0oa3omz2i9XRNSRIHBZO/50",
        "logoUrl": "https://example.okta.com/img/logos/google-mail.png",
        "appName": "google",
        "appInstanceId": "0oa3omz2i9XRNSRIHBZO",
        "appAssignmentId": "0ua3omz7weMMMQJERBKY",
        "credentialsSetup": false,
        "hidden": false,
        "sortOrder": 0
    })
}

fn role_json() -> serde_json::Value {
    json!({
        "id": ROLE_ID,
        "label": "User Administrator",
        "type": "USER_ADMIN",
        "status": "ACTIVE",
        "created": "2019-02-06T16:17:40.000Z",
        "lastUpdated": "2019-02-06T16:17:40.000Z",
        "assignmentType": "USER",
        "_links": {"assignee": {"href": "https://example.okta.com/api/v1/users/00ub0oNGTSWTBKOLGLNR"}}
    })
}

fn credentials_json() -> serde_json::Value {
    json!({
        "password": {},
        "recovery_question": {"question": "How many roads must a man walk down?"},
        "provider": {"type": "OKTA", "name": "OKTA"}
    })
}

#[tokio::test]
async fn update_user() {
    let org = org().await;
    let mut body: User = serde_json::from_value(user_json()).expect("user fixture");
    body.profile.mobile_phone = Some("555-415-1338".into());
    let mut sent = user_json();
    sent["profile"]["mobilePhone"] = json!("555-415-1338");
    let updated = org
        .check(
            Expected {
                op: "update_user",
                method: "PUT",
                path: "/api/v1/users/00ub0oNGTSWTBKOLGLNR",
                query: &[("strict", "true")],
                headers: &[],
                body: Some(sent.clone()),
                status: 200,
                response: Some(sent),
            },
            org.client.update_user(USER_ID, body).strict(true).send(),
        )
        .await;
    assert_eq!(updated.profile.mobile_phone.as_deref(), Some("555-415-1338"));
    assert_eq!(
        updated.profile.extra["costCenter"], "W-42",
        "custom attributes survive GET → PUT"
    );
}

#[tokio::test]
async fn deactivate_or_delete_user() {
    let org = org().await;
    // The first DELETE deactivates, the second deletes: the same request twice, 204 both times.
    for _ in 0..2 {
        org.check(
            Expected {
                op: "deactivate_or_delete_user",
                method: "DELETE",
                path: "/api/v1/users/00ub0oNGTSWTBKOLGLNR",
                query: &[("sendEmail", "true")],
                headers: &[],
                body: None,
                status: 204,
                response: None,
            },
            org.client.deactivate_or_delete_user(USER_ID).send_email(true).send(),
        )
        .await;
    }
}

#[tokio::test]
async fn list_user_groups() {
    let org = org().await;
    let page = org
        .check(
            Expected {
                op: "list_user_groups",
                method: "GET",
                path: "/api/v1/users/00ub0oNGTSWTBKOLGLNR/groups",
                query: &[("after", "00g1"), ("limit", "10")],
                headers: &[],
                body: None,
                status: 200,
                response: Some(json!([group_json()])),
            },
            org.client.list_user_groups(USER_ID).after("00g1").limit(10).send(),
        )
        .await;
    assert_eq!(page.items[0].name(), Some("West Coast Users"));
    org.check_stream(
        "list_user_groups",
        "/api/v1/users/00ub0oNGTSWTBKOLGLNR/groups",
        group_json(),
        org.client.list_user_groups(USER_ID).stream(),
    )
    .await;
}

#[tokio::test]
async fn list_app_links() {
    let org = org().await;
    let page = org
        .check(
            Expected {
                op: "list_app_links",
                method: "GET",
                path: "/api/v1/users/00ub0oNGTSWTBKOLGLNR/appLinks",
                query: &[("showAll", "true")],
                headers: &[],
                body: None,
                status: 200,
                response: Some(json!([app_link_json()])),
            },
            org.client.list_app_links(USER_ID).show_all(true).send(),
        )
        .await;
    assert_eq!(page.items[0].label.as_deref(), Some("Google Apps Mail"));
    assert_eq!(page.items[0].app_instance_id.as_deref(), Some("0oa3omz2i9XRNSRIHBZO"));
    org.check_stream(
        "list_app_links",
        "/api/v1/users/00ub0oNGTSWTBKOLGLNR/appLinks",
        app_link_json(),
        org.client.list_app_links(USER_ID).stream(),
    )
    .await;
}

// ---- lifecycle ----

#[tokio::test]
async fn activate_user() {
    let org = org().await;
    let token = org
        .check(
            Expected {
                op: "activate_user",
                method: "POST",
                path: "/api/v1/users/00ub0oNGTSWTBKOLGLNR/lifecycle/activate",
                query: &[("sendEmail", "false")],
                headers: &[],
                body: None,
                status: 200,
                response: Some(json!({
                    "activationUrl": "https://example.okta.com/welcome/XE6wE17zmphl3KqAPFxO",
                    "activationToken": "XE6wE17zmphl3KqAPFxO"
                })),
            },
            org.client.activate_user(USER_ID, false).send(),
        )
        .await;
    assert_eq!(
        token.activation_token.as_ref().map(|t| t.expose()),
        Some("XE6wE17zmphl3KqAPFxO")
    );
    assert!(token.activation_url.is_some());

    // With sendEmail=true Okta emails the link and answers `{}`.
    let token = org
        .check(
            Expected {
                op: "activate_user",
                method: "POST",
                path: "/api/v1/users/00ub0oNGTSWTBKOLGLNR/lifecycle/activate",
                query: &[("sendEmail", "true")],
                headers: &[],
                body: None,
                status: 200,
                response: Some(json!({})),
            },
            org.client.activate_user(USER_ID, true).send(),
        )
        .await;
    assert!(token.activation_token.is_none() && token.activation_url.is_none());
}

#[tokio::test]
async fn deactivate_user() {
    let org = org().await;
    // Okta answers 200 `{}` or 204 with no body; both are success.
    for (status, response) in [(200, Some(json!({}))), (204, None)] {
        org.check(
            Expected {
                op: "deactivate_user",
                method: "POST",
                path: "/api/v1/users/00ub0oNGTSWTBKOLGLNR/lifecycle/deactivate",
                query: &[("sendEmail", "true")],
                headers: &[],
                body: None,
                status,
                response,
            },
            org.client.deactivate_user(USER_ID).send_email(true).send(),
        )
        .await;
    }
}

#[tokio::test]
async fn suspend_user() {
    let org = org().await;
    org.check(
        Expected {
            op: "suspend_user",
            method: "POST",
            path: "/api/v1/users/00ub0oNGTSWTBKOLGLNR/lifecycle/suspend",
            query: &[],
            headers: &[],
            body: None,
            status: 200,
            response: Some(json!({})),
        },
        org.client.suspend_user(USER_ID).send(),
    )
    .await;
}

#[tokio::test]
async fn unsuspend_user() {
    let org = org().await;
    org.check(
        Expected {
            op: "unsuspend_user",
            method: "POST",
            path: "/api/v1/users/00ub0oNGTSWTBKOLGLNR/lifecycle/unsuspend",
            query: &[],
            headers: &[],
            body: None,
            status: 200,
            response: Some(json!({})),
        },
        org.client.unsuspend_user(USER_ID).send(),
    )
    .await;
}

#[tokio::test]
async fn unlock_user() {
    let org = org().await;
    org.check(
        Expected {
            op: "unlock_user",
            method: "POST",
            path: "/api/v1/users/00ub0oNGTSWTBKOLGLNR/lifecycle/unlock",
            query: &[],
            headers: &[],
            body: None,
            status: 200,
            response: Some(json!({})),
        },
        org.client.unlock_user(USER_ID).send(),
    )
    .await;
}

#[tokio::test]
async fn expire_password() {
    let org = org().await;
    let mut expired = user_json();
    expired["status"] = json!("PASSWORD_EXPIRED");
    let response = org
        .check(
            Expected {
                op: "expire_password",
                method: "POST",
                path: "/api/v1/users/00ub0oNGTSWTBKOLGLNR/lifecycle/expire_password",
                query: &[("tempPassword", "false")],
                headers: &[],
                body: None,
                status: 200,
                response: Some(expired),
            },
            org.client.expire_password(USER_ID).temp_password(false).send(),
        )
        .await;
    let user = response.user().expect("expire_password: a User by default");
    assert_eq!(user.status, Some(UserStatus::PasswordExpired));

    let response = org
        .check(
            Expected {
                op: "expire_password",
                method: "POST",
                path: "/api/v1/users/00ub0oNGTSWTBKOLGLNR/lifecycle/expire_password",
                query: &[("tempPassword", "true")],
                headers: &[],
                body: None,
                status: 200,
                response: Some(json!({"tempPassword": "F8cZ4ro0"})),
            },
            org.client.expire_password(USER_ID).temp_password(true).send(),
        )
        .await;
    assert!(matches!(response, ExpirePasswordResponse::TempPassword(_)));
    assert_eq!(response.temp_password().map(|p| p.expose()), Some("F8cZ4ro0"));
}

#[tokio::test]
async fn reset_password_by_user() {
    let org = org().await;
    let token = org
        .check(
            Expected {
                op: "reset_password_by_user",
                method: "POST",
                path: "/api/v1/users/00ub0oNGTSWTBKOLGLNR/lifecycle/reset_password",
                query: &[("provider", "OKTA"), ("sendEmail", "false")],
                headers: &[],
                body: None,
                status: 200,
                response: Some(json!({
                    "resetPasswordUrl": "https://example.okta.com/reset_password/XE6wE17zmphl3KqAPFxO"
                })),
            },
            org.client
                .reset_password_by_user(USER_ID)
                .provider("OKTA")
                .send_email(false)
                .send(),
        )
        .await;
    assert_eq!(
        token.reset_password_url.as_ref().map(|u| u.expose()),
        Some("https://example.okta.com/reset_password/XE6wE17zmphl3KqAPFxO")
    );
}

#[tokio::test]
async fn reset_all_factors() {
    let org = org().await;
    org.check(
        Expected {
            op: "reset_all_factors",
            method: "POST",
            path: "/api/v1/users/00ub0oNGTSWTBKOLGLNR/lifecycle/reset_factors",
            query: &[],
            headers: &[],
            body: None,
            status: 200,
            response: Some(json!({})),
        },
        org.client.reset_all_factors(USER_ID).send(),
    )
    .await;
}

// ---- credentials ----

#[tokio::test]
async fn change_password_by_user() {
    let org = org().await;
    let credentials = org
        .check(
            Expected {
                op: "change_password_by_user",
                method: "POST",
                path: "/api/v1/users/00ub0oNGTSWTBKOLGLNR/credentials/change_password",
                query: &[("strict", "true")],
                headers: &[],
                body: Some(json!({"oldPassword": {"value": "tlpWENT2m"}, "newPassword": {"value": "uTVM,TPw55"}})),
                status: 200,
                response: Some(credentials_json()),
            },
            org.client
                .change_password_by_user(USER_ID, ChangePasswordRequest::new("tlpWENT2m", "uTVM,TPw55"))
                .strict(true)
                .send(),
        )
        .await;
    let provider = credentials.provider.expect("change_password_by_user: provider");
    assert_eq!(provider.name.as_deref(), Some("OKTA"));
}

#[tokio::test]
async fn change_recovery_question() {
    let org = org().await;
    let body = UserCredentials::password_and_recovery_question(
        "tlpWENT2m",
        "How many roads must a man walk down?",
        "forty two",
    );
    let credentials = org
        .check(
            Expected {
                op: "change_recovery_question",
                method: "POST",
                path: "/api/v1/users/00ub0oNGTSWTBKOLGLNR/credentials/change_recovery_question",
                query: &[],
                headers: &[],
                body: Some(json!({
                    "password": {"value": "tlpWENT2m"},
                    "recovery_question": {"question": "How many roads must a man walk down?", "answer": "forty two"}
                })),
                status: 200,
                response: Some(credentials_json()),
            },
            org.client.change_recovery_question(USER_ID, body).send(),
        )
        .await;
    let question = credentials.recovery_question.and_then(|q| q.question);
    assert_eq!(question.as_deref(), Some("How many roads must a man walk down?"));
}

#[tokio::test]
async fn forgot_password_by_user() {
    let org = org().await;
    // No body, sendEmail=true: Okta emails the link and answers `{}`.
    let response = org
        .check(
            Expected {
                op: "forgot_password_by_user",
                method: "POST",
                path: "/api/v1/users/00ub0oNGTSWTBKOLGLNR/credentials/forgot_password",
                query: &[("sendEmail", "true")],
                headers: &[],
                body: None,
                status: 200,
                response: Some(json!({})),
            },
            org.client.forgot_password_by_user(USER_ID).send_email(true).send(),
        )
        .await;
    assert!(response.is_empty());

    // No body, sendEmail=false: the link comes back.
    let response = org
        .check(
            Expected {
                op: "forgot_password_by_user",
                method: "POST",
                path: "/api/v1/users/00ub0oNGTSWTBKOLGLNR/credentials/forgot_password",
                query: &[("sendEmail", "false")],
                headers: &[],
                body: None,
                status: 200,
                response: Some(json!({
                    "resetPasswordUrl": "https://example.okta.com/signin/reset-password/XE6wE17zmphl3KqAPFxO"
                })),
            },
            org.client.forgot_password_by_user(USER_ID).send_email(false).send(),
        )
        .await;
    assert_eq!(
        response.reset_password_url().map(|u| u.expose()),
        Some("https://example.okta.com/signin/reset-password/XE6wE17zmphl3KqAPFxO")
    );

    // With a body (new password + recovery answer): the password is reset, credentials come back.
    let body = UserCredentials {
        password: Some(PasswordCredential::new("uTVM,TPw55")),
        recovery_question: Some(RecoveryQuestionCredential {
            answer: Some("forty two".into()),
            ..Default::default()
        }),
        ..Default::default()
    };
    let response = org
        .check(
            Expected {
                op: "forgot_password_by_user",
                method: "POST",
                path: "/api/v1/users/00ub0oNGTSWTBKOLGLNR/credentials/forgot_password",
                query: &[("sendEmail", "false")],
                headers: &[],
                body: Some(json!({
                    "password": {"value": "uTVM,TPw55"},
                    "recovery_question": {"answer": "forty two"}
                })),
                status: 200,
                response: Some(credentials_json()),
            },
            org.client
                .forgot_password_by_user(USER_ID)
                .send_email(false)
                .body(body)
                .send(),
        )
        .await;
    assert!(matches!(response, ForgotPasswordByUserResponse::Credentials(_)));
    let provider = response.credentials().and_then(|c| c.provider.as_ref());
    assert_eq!(provider.and_then(|p| p.name.as_deref()), Some("OKTA"));
}

// ---- roles ----

#[tokio::test]
async fn add_role_to_user() {
    let org = org().await;
    let expected = || Expected {
        op: "add_role_to_user",
        method: "POST",
        path: "/api/v1/users/00ub0oNGTSWTBKOLGLNR/roles",
        query: &[],
        headers: &[],
        body: Some(json!({"type": "USER_ADMIN"})),
        status: 201,
        response: Some(role_json()),
    };
    let role = org
        .check(
            expected(),
            org.client
                .add_role_to_user(USER_ID, AssignRoleRequest::new(RoleType::UserAdmin))
                .send(),
        )
        .await;
    assert_eq!(role.id.as_deref(), Some(ROLE_ID));
    assert_eq!(role.role_type, Some(RoleType::UserAdmin));
    // A `Role` body and a bare `RoleType` send the same request.
    org.check(
        expected(),
        org.client
            .add_role_to_user(USER_ID, Role::of_type(RoleType::UserAdmin))
            .send(),
    )
    .await;
    org.check(
        expected(),
        org.client.add_role_to_user(USER_ID, RoleType::UserAdmin).send(),
    )
    .await;
}

#[tokio::test]
async fn list_assigned_roles() {
    let org = org().await;
    let page = org
        .check(
            Expected {
                op: "list_assigned_roles",
                method: "GET",
                path: "/api/v1/users/00ub0oNGTSWTBKOLGLNR/roles",
                query: &[("expand", "targets/groups")],
                headers: &[],
                body: None,
                status: 200,
                response: Some(json!([role_json()])),
            },
            org.client.list_assigned_roles(USER_ID).expand("targets/groups").send(),
        )
        .await;
    assert_eq!(page.items[0].label.as_deref(), Some("User Administrator"));
    org.check_stream(
        "list_assigned_roles",
        "/api/v1/users/00ub0oNGTSWTBKOLGLNR/roles",
        role_json(),
        org.client.list_assigned_roles(USER_ID).stream(),
    )
    .await;
}

#[tokio::test]
async fn remove_role_from_user() {
    let org = org().await;
    org.check(
        Expected {
            op: "remove_role_from_user",
            method: "DELETE",
            path: "/api/v1/users/00ub0oNGTSWTBKOLGLNR/roles/ra1b8aahBZuGJRRa30g4",
            query: &[],
            headers: &[],
            body: None,
            status: 204,
            response: None,
        },
        org.client.remove_role_from_user(USER_ID, ROLE_ID).send(),
    )
    .await;
}

#[tokio::test]
async fn add_group_target_to_role() {
    let org = org().await;
    org.check(
        Expected {
            op: "add_group_target_to_role",
            method: "PUT",
            path: "/api/v1/users/00ub0oNGTSWTBKOLGLNR/roles/ra1b8aahBZuGJRRa30g4/targets/groups/00g1emaKYZTWRYYRRTSK",
            query: &[],
            headers: &[],
            body: None,
            status: 204,
            response: None,
        },
        org.client.add_group_target_to_role(USER_ID, ROLE_ID, GROUP_ID).send(),
    )
    .await;
}

#[tokio::test]
async fn list_group_targets_for_role() {
    let org = org().await;
    let page = org
        .check(
            Expected {
                op: "list_group_targets_for_role",
                method: "GET",
                path: "/api/v1/users/00ub0oNGTSWTBKOLGLNR/roles/ra1b8aahBZuGJRRa30g4/targets/groups",
                query: &[("after", "00g1"), ("limit", "20")],
                headers: &[],
                body: None,
                status: 200,
                response: Some(json!([group_json()])),
            },
            org.client
                .list_group_targets_for_role(USER_ID, ROLE_ID)
                .after("00g1")
                .limit(20)
                .send(),
        )
        .await;
    assert_eq!(page.items[0].id.as_deref(), Some(GROUP_ID));
    org.check_stream(
        "list_group_targets_for_role",
        "/api/v1/users/00ub0oNGTSWTBKOLGLNR/roles/ra1b8aahBZuGJRRa30g4/targets/groups",
        group_json(),
        org.client.list_group_targets_for_role(USER_ID, ROLE_ID).stream(),
    )
    .await;
}

#[tokio::test]
async fn remove_group_target_from_role() {
    let org = org().await;
    org.check(
        Expected {
            op: "remove_group_target_from_role",
            method: "DELETE",
            path: "/api/v1/users/00ub0oNGTSWTBKOLGLNR/roles/ra1b8aahBZuGJRRa30g4/targets/groups/00g1emaKYZTWRYYRRTSK",
            query: &[],
            headers: &[],
            body: None,
            status: 204,
            response: None,
        },
        org.client
            .remove_group_target_from_role(USER_ID, ROLE_ID, GROUP_ID)
            .send(),
    )
    .await;
}

// ---- sessions ----

#[tokio::test]
async fn end_all_user_sessions() {
    let org = org().await;
    org.check(
        Expected {
            op: "end_all_user_sessions",
            method: "DELETE",
            path: "/api/v1/users/00ub0oNGTSWTBKOLGLNR/sessions",
            query: &[("oauthTokens", "true")],
            headers: &[],
            body: None,
            status: 204,
            response: None,
        },
        org.client.end_all_user_sessions(USER_ID).oauth_tokens(true).send(),
    )
    .await;
}

// ---- hostile ids ----

#[tokio::test]
async fn user_ids_are_one_encoded_segment() {
    let org = org().await;
    org.check(
        Expected {
            op: "deactivate_user",
            method: "POST",
            path: "/api/v1/users/a%2Fb%3Fc%23d/lifecycle/deactivate",
            query: &[],
            headers: &[],
            body: None,
            status: 200,
            response: Some(json!({})),
        },
        org.client.deactivate_user("a/b?c#d").send(),
    )
    .await;
    org.check(
        Expected {
            op: "remove_group_target_from_role",
            method: "DELETE",
            path: "/api/v1/users/a%2Fb/roles/c%3Fd%26e%3Df/targets/groups/g%23h%20i",
            query: &[],
            headers: &[],
            body: None,
            status: 204,
            response: None,
        },
        org.client
            .remove_group_target_from_role("a/b", "c?d&e=f", "g#h i")
            .send(),
    )
    .await;
}
