use serde_json::json;

use crate::common::{Expected, org};
use crate::fixtures::{GROUP_ID, USER_ID, group_json, user_json};
use okta::models::{Group, GroupRule, GroupRuleStatus, GroupType};

const RULE_ID: &str = "0pr3f7zMZZHPgUoWO0g4";

fn rule_json() -> serde_json::Value {
    json!({
        "type": "group_rule",
        "id": RULE_ID,
        "status": "ACTIVE",
        "name": "Engineering group rule",
        "created": "2016-12-01T14:40:04.000Z",
        "lastUpdated": "2016-12-01T14:40:04.000Z",
        "allGroupsValid": true,
        "conditions": {
            "people": {"users": {"exclude": ["00u22w79JPMEeeuLr0g4"]}, "groups": {"exclude": []}},
            "expression": {"value": "user.role==\"Engineer\"", "type": "urn:okta:expression:1.0"}
        },
        "actions": {"assignUserToGroups": {"groupIds": ["00gjitX9HqABSoqTB0g3"]}}
    })
}

fn rule_body_json() -> serde_json::Value {
    json!({
        "type": "group_rule",
        "name": "Engineering group rule",
        "conditions": {
            "people": {"users": {"exclude": ["00u22w79JPMEeeuLr0g4"]}},
            "expression": {"value": "user.role==\"Engineer\"", "type": "urn:okta:expression:1.0"}
        },
        "actions": {"assignUserToGroups": {"groupIds": ["00gjitX9HqABSoqTB0g3"]}}
    })
}

fn rule_body() -> GroupRule {
    GroupRule::new(
        "Engineering group rule",
        r#"user.role=="Engineer""#,
        ["00gjitX9HqABSoqTB0g3"],
    )
    .with_excluded_users(["00u22w79JPMEeeuLr0g4"])
}

#[tokio::test]
async fn create_group() {
    let org = org().await;
    let group = org
        .check(
            Expected {
                op: "create_group",
                method: "POST",
                path: "/api/v1/groups",
                query: &[],
                headers: &[],
                body: Some(
                    json!({"profile": {"name": "West Coast Users", "description": "All Users West of The Rockies"}}),
                ),
                status: 200,
                response: Some(group_json()),
            },
            org.client
                .create_group(Group::new("West Coast Users").with_description("All Users West of The Rockies"))
                .send(),
        )
        .await;
    assert_eq!(group.id.as_deref(), Some(GROUP_ID));
    assert_eq!(group.group_type, Some(GroupType::OktaGroup));
}

#[tokio::test]
async fn get_group() {
    let org = org().await;
    let group = org
        .check(
            Expected {
                op: "get_group",
                method: "GET",
                path: "/api/v1/groups/00g1emaKYZTWRYYRRTSK",
                query: &[("expand", "stats")],
                headers: &[],
                body: None,
                status: 200,
                response: Some(group_json()),
            },
            org.client.get_group(GROUP_ID).expand("stats").send(),
        )
        .await;
    assert_eq!(group.name(), Some("West Coast Users"));
}

#[tokio::test]
async fn update_group() {
    let org = org().await;
    let mut response = group_json();
    response["profile"] = json!({"name": "Western Users", "description": "All Users West of The Rockies"});
    let group = org
        .check(
            Expected {
                op: "update_group",
                method: "PUT",
                path: "/api/v1/groups/00g1emaKYZTWRYYRRTSK",
                query: &[],
                headers: &[],
                body: Some(
                    json!({"profile": {"name": "Western Users", "description": "All Users West of The Rockies"}}),
                ),
                status: 200,
                response: Some(response),
            },
            org.client
                .update_group(
                    GROUP_ID,
                    Group::new("Western Users").with_description("All Users West of The Rockies"),
                )
                .send(),
        )
        .await;
    assert_eq!(group.name(), Some("Western Users"));
}

#[tokio::test]
async fn delete_group() {
    let org = org().await;
    org.check(
        Expected {
            op: "delete_group",
            method: "DELETE",
            path: "/api/v1/groups/00g1emaKYZTWRYYRRTSK",
            query: &[],
            headers: &[],
            body: None,
            status: 204,
            response: None,
        },
        org.client.delete_group(GROUP_ID).send(),
    )
    .await;
}

#[tokio::test]
async fn list_groups() {
    let org = org().await;
    let page = org
        .check(
            Expected {
                op: "list_groups",
                method: "GET",
                path: "/api/v1/groups",
                query: &[
                    ("q", "West"),
                    ("filter", "type eq \"OKTA_GROUP\""),
                    ("after", "00g1"),
                    ("limit", "100"),
                    ("expand", "stats,app"),
                ],
                headers: &[],
                body: None,
                status: 200,
                response: Some(json!([group_json()])),
            },
            org.client
                .list_groups()
                .q("West")
                .filter(r#"type eq "OKTA_GROUP""#)
                .after("00g1")
                .limit(100)
                .expand("stats,app")
                .send(),
        )
        .await;
    assert_eq!(page.items[0].name(), Some("West Coast Users"));
    org.check_stream(
        "list_groups",
        "/api/v1/groups",
        group_json(),
        org.client.list_groups().stream(),
    )
    .await;
}

#[tokio::test]
async fn list_group_users() {
    let org = org().await;
    let page = org
        .check(
            Expected {
                op: "list_group_users",
                method: "GET",
                path: "/api/v1/groups/00g1emaKYZTWRYYRRTSK/users",
                query: &[("after", "00u1"), ("limit", "200"), ("managedBy", "all")],
                headers: &[],
                body: None,
                status: 200,
                response: Some(json!([user_json()])),
            },
            org.client
                .list_group_users(GROUP_ID)
                .after("00u1")
                .limit(200)
                .managed_by("all")
                .send(),
        )
        .await;
    assert_eq!(page.items[0].profile.login, "isaac.brock@example.com");
    org.check_stream(
        "list_group_users",
        "/api/v1/groups/00g1emaKYZTWRYYRRTSK/users",
        user_json(),
        org.client.list_group_users(GROUP_ID).stream(),
    )
    .await;
}

#[tokio::test]
async fn add_user_to_group() {
    let org = org().await;
    org.check(
        Expected {
            op: "add_user_to_group",
            method: "PUT",
            path: "/api/v1/groups/00g1emaKYZTWRYYRRTSK/users/00ub0oNGTSWTBKOLGLNR",
            query: &[],
            headers: &[],
            body: None,
            status: 204,
            response: None,
        },
        org.client.add_user_to_group(GROUP_ID, USER_ID).send(),
    )
    .await;
}

#[tokio::test]
async fn remove_group_user() {
    let org = org().await;
    org.check(
        Expected {
            op: "remove_group_user",
            method: "DELETE",
            path: "/api/v1/groups/00g1emaKYZTWRYYRRTSK/users/00ub0oNGTSWTBKOLGLNR",
            query: &[],
            headers: &[],
            body: None,
            status: 204,
            response: None,
        },
        org.client.remove_group_user(GROUP_ID, USER_ID).send(),
    )
    .await;
}

// ---- rules ----

#[tokio::test]
async fn create_rule() {
    let org = org().await;
    let mut created = rule_json();
    created["status"] = json!("INACTIVE");
    let rule = org
        .check(
            Expected {
                op: "create_rule",
                method: "POST",
                path: "/api/v1/groups/rules",
                query: &[],
                headers: &[],
                body: Some(rule_body_json()),
                status: 200,
                response: Some(created),
            },
            org.client.create_rule(rule_body()).send(),
        )
        .await;
    assert_eq!(rule.id.as_deref(), Some(RULE_ID));
    assert_eq!(rule.status, Some(GroupRuleStatus::Inactive));
}

#[tokio::test]
async fn get_rule() {
    let org = org().await;
    let rule = org
        .check(
            Expected {
                op: "get_rule",
                method: "GET",
                path: "/api/v1/groups/rules/0pr3f7zMZZHPgUoWO0g4",
                query: &[("expand", "groupIdToGroupNameMap")],
                headers: &[],
                body: None,
                status: 200,
                response: Some(rule_json()),
            },
            org.client.get_rule(RULE_ID).expand("groupIdToGroupNameMap").send(),
        )
        .await;
    assert_eq!(rule.name.as_deref(), Some("Engineering group rule"));
    assert_eq!(rule.status, Some(GroupRuleStatus::Active));
}

#[tokio::test]
async fn update_rule() {
    let org = org().await;
    let rule = org
        .check(
            Expected {
                op: "update_rule",
                method: "PUT",
                path: "/api/v1/groups/rules/0pr3f7zMZZHPgUoWO0g4",
                query: &[],
                headers: &[],
                body: Some(rule_body_json()),
                status: 200,
                response: Some(rule_json()),
            },
            org.client.update_rule(RULE_ID, rule_body()).send(),
        )
        .await;
    let groups = rule
        .actions
        .and_then(|a| a.assign_user_to_groups)
        .and_then(|a| a.group_ids);
    assert_eq!(groups, Some(vec!["00gjitX9HqABSoqTB0g3".to_owned()]));
}

#[tokio::test]
async fn delete_rule() {
    let org = org().await;
    org.check(
        Expected {
            op: "delete_rule",
            method: "DELETE",
            path: "/api/v1/groups/rules/0pr3f7zMZZHPgUoWO0g4",
            query: &[("removeUsers", "true")],
            headers: &[],
            body: None,
            status: 202,
            response: None,
        },
        org.client.delete_rule(RULE_ID).remove_users(true).send(),
    )
    .await;
}

#[tokio::test]
async fn list_rules() {
    let org = org().await;
    let page = org
        .check(
            Expected {
                op: "list_rules",
                method: "GET",
                path: "/api/v1/groups/rules",
                query: &[("limit", "50"), ("after", "0pr1"), ("expand", "groupIdToGroupNameMap")],
                headers: &[],
                body: None,
                status: 200,
                response: Some(json!([rule_json()])),
            },
            org.client
                .list_rules()
                .limit(50)
                .after("0pr1")
                .expand("groupIdToGroupNameMap")
                .send(),
        )
        .await;
    assert_eq!(page.items[0].id.as_deref(), Some(RULE_ID));
    org.check_stream(
        "list_rules",
        "/api/v1/groups/rules",
        rule_json(),
        org.client.list_rules().stream(),
    )
    .await;
}

#[tokio::test]
async fn activate_rule() {
    let org = org().await;
    org.check(
        Expected {
            op: "activate_rule",
            method: "POST",
            path: "/api/v1/groups/rules/0pr3f7zMZZHPgUoWO0g4/lifecycle/activate",
            query: &[],
            headers: &[],
            body: None,
            status: 204,
            response: None,
        },
        org.client.activate_rule(RULE_ID).send(),
    )
    .await;
}

#[tokio::test]
async fn deactivate_rule() {
    let org = org().await;
    org.check(
        Expected {
            op: "deactivate_rule",
            method: "POST",
            path: "/api/v1/groups/rules/0pr3f7zMZZHPgUoWO0g4/lifecycle/deactivate",
            query: &[],
            headers: &[],
            body: None,
            status: 204,
            response: None,
        },
        org.client.deactivate_rule(RULE_ID).send(),
    )
    .await;
}

// ---- hostile ids ----

#[tokio::test]
async fn group_ids_are_one_encoded_segment() {
    let org = org().await;
    let group = org
        .check(
            Expected {
                op: "get_group",
                method: "GET",
                path: "/api/v1/groups/a%2Fb%3Fc%23d",
                query: &[],
                headers: &[],
                body: None,
                status: 200,
                response: Some(group_json()),
            },
            org.client.get_group("a/b?c#d").send(),
        )
        .await;
    assert_eq!(group.id.as_deref(), Some(GROUP_ID));
    org.check(
        Expected {
            op: "remove_group_user",
            method: "DELETE",
            path: "/api/v1/groups/a%2Fb/users/c%3Fd%26e%3Df%20g",
            query: &[],
            headers: &[],
            body: None,
            status: 204,
            response: None,
        },
        org.client.remove_group_user("a/b", "c?d&e=f g").send(),
    )
    .await;
    org.check(
        Expected {
            op: "activate_rule",
            method: "POST",
            path: "/api/v1/groups/rules/..%2Fx%23y/lifecycle/activate",
            query: &[],
            headers: &[],
            body: None,
            status: 204,
            response: None,
        },
        org.client.activate_rule("../x#y").send(),
    )
    .await;
    // A whole dot segment would be resolved away (`/groups/../users/x` is `/users/x`): refused
    // before anything is sent.
    org.server.reset().await;
    for id in ["..", "."] {
        let err = org
            .client
            .remove_group_user(id, USER_ID)
            .send()
            .await
            .expect_err("remove_group_user: refused");
        assert!(
            matches!(err, okta::Error::InvalidRequest(_)),
            "remove_group_user: {err}"
        );
    }
    let sent = org.server.received_requests().await.expect("recording is on");
    assert!(sent.is_empty(), "remove_group_user: nothing may reach the server");
}
