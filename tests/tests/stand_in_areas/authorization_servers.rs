//! Authorization servers with their scopes, claims and policies: state, paging, lifecycle, and
//! deletion taking everything of the server with it.

use futures::TryStreamExt;
use okta::StatusCode;
use okta::models::{
    AuthorizationServer, AuthorizationServerPolicy, AuthorizationServerPolicyRuleRequest, LifecycleStatus, OAuth2Claim,
    OAuth2Scope,
};
use okta_mock::OktaMock;
use serde_json::json;

use crate::client;

fn server(name: &str) -> AuthorizationServer {
    serde_json::from_value(json!({ "name": name, "description": "test", "audiences": [format!("api://{name}")] }))
        .expect("a server")
}

#[tokio::test]
async fn a_new_org_has_the_default_server_with_the_reserved_scopes() {
    let org = OktaMock::start().await;
    let client = client(&org);
    let default = client
        .get_authorization_server("default")
        .await
        .expect("the default server");
    assert_eq!(default.audiences, Some(vec!["api://default".to_owned()]));
    assert_eq!(default.issuer, Some(format!("{}/oauth2/default", org.url())));
    let scopes: Vec<OAuth2Scope> = client
        .list_o_auth2_scopes("default")
        .stream()
        .try_collect()
        .await
        .expect("scopes");
    let names: Vec<_> = scopes.iter().filter_map(|s| s.name.as_deref()).collect();
    for reserved in ["openid", "profile", "email", "address", "phone", "offline_access"] {
        assert!(names.contains(&reserved), "{reserved} in {names:?}");
    }
    assert!(scopes.iter().all(|s| s.system == Some(true)));
    let policies = client
        .list_authorization_server_policies("default")
        .await
        .expect("policies");
    assert_eq!(policies.len(), 1);
}

#[tokio::test]
async fn create_list_add_a_scope_and_delete_the_server_with_its_scopes() {
    let org = OktaMock::start().await;
    let client = client(&org);
    let mut ids = Vec::new();
    for name in ["payments", "ledger", "reports"] {
        let created = client.create_authorization_server(server(name)).await.expect("created");
        assert_eq!(created.status, Some(LifecycleStatus::Active));
        assert!(
            created.credentials.and_then(|c| c.signing).is_some(),
            "signing credentials"
        );
        ids.push(created.id.expect("an id"));
    }
    assert!(ids.iter().all(|id| id.starts_with("aus") && id.len() == 20), "{ids:?}");

    // Listed two to a page with `Link` headers: the default server and the three new ones.
    org.clear_requests();
    let all: Vec<AuthorizationServer> = client
        .list_authorization_servers()
        .limit(2)
        .stream()
        .try_collect()
        .await
        .expect("listed");
    let names: Vec<_> = all.iter().filter_map(|s| s.name.as_deref()).collect();
    assert_eq!(names, ["default", "payments", "ledger", "reports"]);
    assert_eq!(org.request_count(), 2, "two pages");
    let found = client.list_authorization_servers().q("led").await.expect("searched");
    assert_eq!(found.into_items().len(), 1);

    let payments = &ids[0];
    let scope: OAuth2Scope =
        serde_json::from_value(json!({ "name": "payments:read", "description": "Read payments" })).expect("a scope");
    let scope = client
        .create_o_auth2_scope(payments, scope)
        .await
        .expect("scope created");
    let scope_id = scope.id.clone().expect("a scope id");
    assert_eq!(scope.system, Some(false));
    let scopes: Vec<OAuth2Scope> = client
        .list_o_auth2_scopes(payments)
        .stream()
        .try_collect()
        .await
        .expect("scopes");
    assert_eq!(scopes, std::slice::from_ref(&scope));
    let got = client.get_o_auth2_scope(payments, &scope_id).await.expect("scope read");
    assert_eq!(got, scope);

    client
        .deactivate_authorization_server(payments)
        .await
        .expect("deactivated");
    let inactive = client.get_authorization_server(payments).await.expect("read");
    assert_eq!(inactive.status, Some(LifecycleStatus::Inactive));
    client.delete_authorization_server(payments).await.expect("deleted");

    let err = client.get_authorization_server(payments).await.expect_err("gone");
    assert!(err.is_not_found());
    assert_eq!(err.error_code(), Some("E0000007"));
    let err = client
        .get_o_auth2_scope(payments, &scope_id)
        .await
        .expect_err("its scope is gone too");
    assert_eq!(
        (err.status(), err.error_code()),
        (Some(StatusCode::NOT_FOUND), Some("E0000007"))
    );
    // The other servers are untouched.
    assert!(client.get_authorization_server(&ids[1]).await.is_ok());
}

#[tokio::test]
async fn claims_policies_and_rules_are_kept_per_server() {
    let org = OktaMock::start().await;
    let client = client(&org);
    let id = client
        .create_authorization_server(server("hr"))
        .await
        .expect("created")
        .id
        .expect("id");

    let claim: OAuth2Claim = serde_json::from_value(json!({
        "name": "department", "claimType": "RESOURCE", "valueType": "EXPRESSION", "value": "user.department",
        "conditions": { "scopes": [] },
    }))
    .expect("a claim");
    let claim = client.create_o_auth2_claim(&id, claim).await.expect("claim created");
    let claim_id = claim.id.clone().expect("claim id");
    let mut renamed = claim.clone();
    renamed.value = Some("user.division".into());
    let replaced = client
        .replace_o_auth2_claim(&id, &claim_id, renamed)
        .await
        .expect("replaced");
    assert_eq!(
        (replaced.value.as_deref(), replaced.id.as_deref()),
        (Some("user.division"), Some(claim_id.as_str()))
    );
    assert_eq!(client.list_o_auth2_claims(&id).await.expect("claims"), [replaced]);
    client
        .delete_o_auth2_claim(&id, &claim_id)
        .await
        .expect("claim deleted");
    assert!(client.list_o_auth2_claims(&id).await.expect("claims").is_empty());

    // A claim needs its type: refused before anything is stored.
    let incomplete: OAuth2Claim = serde_json::from_value(json!({ "name": "x" })).expect("a claim");
    let err = client
        .create_o_auth2_claim(&id, incomplete)
        .await
        .expect_err("no claimType");
    assert_eq!(err.error_code(), Some("E0000001"));

    let policy: AuthorizationServerPolicy = serde_json::from_value(json!({
        "type": "OAUTH_AUTHORIZATION_POLICY", "name": "HR apps", "description": "Only HR apps",
        "conditions": { "clients": { "include": ["ALL_CLIENTS"] } },
    }))
    .expect("a policy");
    let policy = client
        .create_authorization_server_policy(&id, policy)
        .await
        .expect("policy created");
    let policy_id = policy.id.clone().expect("policy id");
    assert_eq!((policy.status.as_deref(), policy.priority), (Some("ACTIVE"), Some(1)));
    let rule: AuthorizationServerPolicyRuleRequest = serde_json::from_value(json!({
        "type": "RESOURCE_ACCESS", "name": "Everyone",
        "conditions": { "people": { "groups": { "include": ["EVERYONE"] } }, "grantTypes": { "include": ["client_credentials"] }, "scopes": { "include": ["*"] } },
    }))
    .expect("a rule");
    let rule = client
        .create_authorization_server_policy_rule(&id, &policy_id, rule)
        .await
        .expect("rule created");
    let rule_id = rule.id.clone().expect("rule id");
    client
        .deactivate_authorization_server_policy(&id, &policy_id)
        .await
        .expect("policy deactivated");
    let read = client
        .get_authorization_server_policy(&id, &policy_id)
        .await
        .expect("policy read");
    assert_eq!(read.status.as_deref(), Some("INACTIVE"));
    assert_eq!(
        client
            .list_authorization_server_policy_rules(&id, &policy_id)
            .await
            .expect("rules")
            .len(),
        1
    );

    // Another server does not see them; deleting the policy takes its rules.
    let err = client
        .get_authorization_server_policy("default", &policy_id)
        .await
        .expect_err("not default's");
    assert!(err.is_not_found());
    client
        .delete_authorization_server_policy(&id, &policy_id)
        .await
        .expect("policy deleted");
    let err = client
        .get_authorization_server_policy_rule(&id, &policy_id, &rule_id)
        .await
        .expect_err("rule gone with its policy");
    assert!(err.is_not_found());
}
