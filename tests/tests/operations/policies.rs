use serde_json::json;

use crate::common::{Expected, org};
use okta::models::{Policy, PolicyRule, PolicyRuleType, PolicyStatus, PolicyType};

const POLICY: &str = "/api/v1/policies/00plrilJ7jZ66Gn0X0g3";
const RULES: &str = "/api/v1/policies/00plrilJ7jZ66Gn0X0g3/rules";
const RULE: &str = "/api/v1/policies/00plrilJ7jZ66Gn0X0g3/rules/0prh1sGkX1FKZ2XCD0g3";

fn rule_json() -> serde_json::Value {
    json!({
        "id": "0prh1sGkX1FKZ2XCD0g3",
        "type": "SIGN_ON",
        "name": "Require MFA off-network",
        "status": "ACTIVE",
        "priority": 1,
        "system": false,
        "created": "2017-10-12T22:33:17.000Z",
        "lastUpdated": "2017-10-12T22:33:17.000Z",
        "conditions": {
            "people": {"users": {"exclude": []}},
            "network": {"connection": "ZONE", "exclude": ["nzowc1U5Jh5xuAK0o0g3"]},
            "authContext": {"authType": "ANY"}
        },
        "actions": {
            "signon": {
                "access": "ALLOW",
                "requireFactor": true,
                "factorPromptMode": "ALWAYS",
                "rememberDeviceByDefault": false,
                "session": {"usePersistentCookie": false, "maxSessionIdleMinutes": 120, "maxSessionLifetimeMinutes": 0}
            }
        },
        "_links": {
            "self": {"href": "https://example.okta.com/api/v1/policies/00plrilJ7jZ66Gn0X0g3/rules/0prh1sGkX1FKZ2XCD0g3", "hints": {"allow": ["GET", "PUT", "DELETE"]}},
            "deactivate": {"href": "https://example.okta.com/api/v1/policies/00plrilJ7jZ66Gn0X0g3/rules/0prh1sGkX1FKZ2XCD0g3/lifecycle/deactivate", "hints": {"allow": ["POST"]}}
        }
    })
}

fn policy_json() -> serde_json::Value {
    json!({
        "id": "00plrilJ7jZ66Gn0X0g3",
        "type": "OKTA_SIGN_ON",
        "name": "Contractors",
        "description": "Sign-on policy for contractors",
        "status": "ACTIVE",
        "priority": 1,
        "system": false,
        "conditions": {"people": {"groups": {"include": ["00g1emaKYZTWRYYRRTSK"]}}},
        "created": "2017-10-12T22:33:17.000Z",
        "lastUpdated": "2017-10-12T22:33:17.000Z",
        "_links": {
            "self": {"href": "https://example.okta.com/api/v1/policies/00plrilJ7jZ66Gn0X0g3", "hints": {"allow": ["GET", "PUT", "DELETE"]}},
            "rules": {"href": "https://example.okta.com/api/v1/policies/00plrilJ7jZ66Gn0X0g3/rules", "hints": {"allow": ["GET", "POST"]}}
        }
    })
}

fn policy_with_rules() -> serde_json::Value {
    let mut policy = policy_json();
    policy["_embedded"] = json!({"rules": [rule_json()]});
    policy
}

fn new_policy() -> Policy {
    let mut policy = Policy::new(PolicyType::OktaSignOn, "Contractors");
    policy.description = Some("Sign-on policy for contractors".into());
    policy
}

#[tokio::test]
async fn activate_policy() {
    let org = org().await;
    org.check(
        Expected {
            op: "activate_policy",
            method: "POST",
            path: "/api/v1/policies/00plrilJ7jZ66Gn0X0g3/lifecycle/activate",
            query: &[],
            headers: &[],
            body: None,
            status: 204,
            response: None,
        },
        org.client.activate_policy("00plrilJ7jZ66Gn0X0g3").send(),
    )
    .await;
}

#[tokio::test]
async fn deactivate_policy() {
    let org = org().await;
    org.check(
        Expected {
            op: "deactivate_policy",
            method: "POST",
            path: "/api/v1/policies/00plrilJ7jZ66Gn0X0g3/lifecycle/deactivate",
            query: &[],
            headers: &[],
            body: None,
            status: 204,
            response: None,
        },
        org.client.deactivate_policy("00plrilJ7jZ66Gn0X0g3").send(),
    )
    .await;
}

#[tokio::test]
async fn create_policy() {
    let org = org().await;
    let created = org
        .check(
            Expected {
                op: "create_policy",
                method: "POST",
                path: "/api/v1/policies",
                query: &[("activate", "false")],
                headers: &[],
                body: Some(json!({"type": "OKTA_SIGN_ON", "name": "Contractors", "description": "Sign-on policy for contractors"})),
                status: 200,
                response: Some(policy_json()),
            },
            org.client.create_policy(new_policy()).activate(false).send(),
        )
        .await;
    assert_eq!(created.id.as_deref(), Some("00plrilJ7jZ66Gn0X0g3"));
    assert_eq!(created.policy_type, Some(PolicyType::OktaSignOn));
}

#[tokio::test]
async fn get_policy() {
    let org = org().await;
    let policy = org
        .check(
            Expected {
                op: "get_policy",
                method: "GET",
                path: POLICY,
                query: &[("expand", "rules")],
                headers: &[],
                body: None,
                status: 200,
                response: Some(policy_with_rules()),
            },
            org.client.get_policy("00plrilJ7jZ66Gn0X0g3").expand("rules").send(),
        )
        .await;
    assert_eq!(policy.status, Some(PolicyStatus::Active));
    let rules = &policy.embedded.as_ref().expect("_embedded")["rules"];
    assert_eq!(rules[0]["id"], "0prh1sGkX1FKZ2XCD0g3");
}

#[tokio::test]
async fn update_policy() {
    let org = org().await;
    // What a GET returned, changed and sent back: unknown fields survive.
    let mut policy: Policy = serde_json::from_value(policy_json()).expect("a Policy");
    policy.description = Some("Updated".into());
    let mut expected_body = policy_json();
    expected_body["description"] = json!("Updated");
    let mut response = policy_json();
    response["description"] = json!("Updated");
    let updated = org
        .check(
            Expected {
                op: "update_policy",
                method: "PUT",
                path: POLICY,
                query: &[],
                headers: &[],
                body: Some(expected_body),
                status: 200,
                response: Some(response),
            },
            org.client.update_policy("00plrilJ7jZ66Gn0X0g3", policy).send(),
        )
        .await;
    assert_eq!(updated.description.as_deref(), Some("Updated"));
}

#[tokio::test]
async fn delete_policy() {
    let org = org().await;
    org.check(
        Expected {
            op: "delete_policy",
            method: "DELETE",
            path: POLICY,
            query: &[],
            headers: &[],
            body: None,
            status: 204,
            response: None,
        },
        org.client.delete_policy("00plrilJ7jZ66Gn0X0g3").send(),
    )
    .await;
}

#[tokio::test]
async fn list_policies() {
    let org = org().await;
    let page = org
        .check(
            Expected {
                op: "list_policies",
                method: "GET",
                path: "/api/v1/policies",
                query: &[
                    ("type", "OKTA_SIGN_ON"),
                    ("status", "ACTIVE"),
                    ("after", "00plrilJ7jZ66Gn0X0g3"),
                    ("limit", "20"),
                    ("expand", "rules"),
                ],
                headers: &[],
                body: None,
                status: 200,
                response: Some(json!([policy_with_rules()])),
            },
            org.client
                .list_policies(okta::models::PolicyType::OktaSignOn)
                .status("ACTIVE")
                .after("00plrilJ7jZ66Gn0X0g3")
                .limit(20)
                .expand("rules")
                .send(),
        )
        .await;
    assert_eq!(page.items.len(), 1);
    assert_eq!(page.items[0].name.as_deref(), Some("Contractors"));
    org.check_stream(
        "list_policies",
        "/api/v1/policies",
        policy_json(),
        org.client.list_policies("OKTA_SIGN_ON").stream(),
    )
    .await;
}

#[tokio::test]
async fn add_policy_rule() {
    let org = org().await;
    let mut rule = PolicyRule::new(PolicyRuleType::SignOn, "Require MFA off-network");
    rule.actions = Some(json!({"signon": {"access": "ALLOW", "requireFactor": true}}));
    let created = org
        .check(
            Expected {
                op: "add_policy_rule",
                method: "POST",
                path: RULES,
                query: &[("activate", "true")],
                headers: &[],
                body: Some(json!({
                    "type": "SIGN_ON",
                    "name": "Require MFA off-network",
                    "actions": {"signon": {"access": "ALLOW", "requireFactor": true}}
                })),
                status: 200,
                response: Some(rule_json()),
            },
            org.client
                .add_policy_rule("00plrilJ7jZ66Gn0X0g3", rule)
                .activate(true)
                .send(),
        )
        .await;
    assert_eq!(created.id.as_deref(), Some("0prh1sGkX1FKZ2XCD0g3"));
    assert_eq!(created.rule_type, Some(PolicyRuleType::SignOn));
}

#[tokio::test]
async fn get_policy_rule() {
    let org = org().await;
    let rule = org
        .check(
            Expected {
                op: "get_policy_rule",
                method: "GET",
                path: RULE,
                query: &[],
                headers: &[],
                body: None,
                status: 200,
                response: Some(rule_json()),
            },
            org.client
                .get_policy_rule("00plrilJ7jZ66Gn0X0g3", "0prh1sGkX1FKZ2XCD0g3")
                .send(),
        )
        .await;
    assert_eq!(rule.status, Some(PolicyStatus::Active));
    assert_eq!(rule.actions.expect("actions")["signon"]["requireFactor"], true);
}

#[tokio::test]
async fn update_policy_rule() {
    let org = org().await;
    let mut rule: PolicyRule = serde_json::from_value(rule_json()).expect("a PolicyRule");
    rule.name = Some("Require MFA everywhere".into());
    let mut expected_body = rule_json();
    expected_body["name"] = json!("Require MFA everywhere");
    let updated = org
        .check(
            Expected {
                op: "update_policy_rule",
                method: "PUT",
                path: RULE,
                query: &[],
                headers: &[],
                body: Some(expected_body.clone()),
                status: 200,
                response: Some(expected_body),
            },
            org.client
                .update_policy_rule("00plrilJ7jZ66Gn0X0g3", "0prh1sGkX1FKZ2XCD0g3", rule)
                .send(),
        )
        .await;
    assert_eq!(updated.name.as_deref(), Some("Require MFA everywhere"));
}

#[tokio::test]
async fn delete_policy_rule() {
    let org = org().await;
    org.check(
        Expected {
            op: "delete_policy_rule",
            method: "DELETE",
            path: RULE,
            query: &[],
            headers: &[],
            body: None,
            status: 204,
            response: None,
        },
        org.client
            .delete_policy_rule("00plrilJ7jZ66Gn0X0g3", "0prh1sGkX1FKZ2XCD0g3")
            .send(),
    )
    .await;
}

#[tokio::test]
async fn list_policy_rules() {
    let org = org().await;
    let page = org
        .check(
            Expected {
                op: "list_policy_rules",
                method: "GET",
                path: RULES,
                query: &[],
                headers: &[],
                body: None,
                status: 200,
                response: Some(json!([rule_json()])),
            },
            org.client.list_policy_rules("00plrilJ7jZ66Gn0X0g3").send(),
        )
        .await;
    assert_eq!(page.items[0].priority, Some(1));
    org.check_stream(
        "list_policy_rules",
        RULES,
        rule_json(),
        org.client.list_policy_rules("00plrilJ7jZ66Gn0X0g3").stream(),
    )
    .await;
}

#[tokio::test]
async fn activate_policy_rule() {
    let org = org().await;
    org.check(
        Expected {
            op: "activate_policy_rule",
            method: "POST",
            path: "/api/v1/policies/00plrilJ7jZ66Gn0X0g3/rules/0prh1sGkX1FKZ2XCD0g3/lifecycle/activate",
            query: &[],
            headers: &[],
            body: None,
            status: 204,
            response: None,
        },
        org.client
            .activate_policy_rule("00plrilJ7jZ66Gn0X0g3", "0prh1sGkX1FKZ2XCD0g3")
            .send(),
    )
    .await;
}

#[tokio::test]
async fn deactivate_policy_rule() {
    let org = org().await;
    org.check(
        Expected {
            op: "deactivate_policy_rule",
            method: "POST",
            path: "/api/v1/policies/00plrilJ7jZ66Gn0X0g3/rules/0prh1sGkX1FKZ2XCD0g3/lifecycle/deactivate",
            query: &[],
            headers: &[],
            body: None,
            status: 204,
            response: None,
        },
        org.client
            .deactivate_policy_rule("00plrilJ7jZ66Gn0X0g3", "0prh1sGkX1FKZ2XCD0g3")
            .send(),
    )
    .await;
}
