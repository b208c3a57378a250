//! Policies and policy rules.
//!
//! `conditions`, `settings` and `actions` differ by policy type and change between spec versions,
//! so they are kept as `serde_json::Value`.

use serde::{Deserialize, Serialize};

use super::open_enum::open_enum;
use super::{JsonMap, Timestamp};

open_enum! {
    /// A policy's type.
    pub enum PolicyType {
        OktaSignOn = "OKTA_SIGN_ON",
        Password = "PASSWORD",
        OauthAuthorizationPolicy = "OAUTH_AUTHORIZATION_POLICY",
        MfaEnroll = "MFA_ENROLL",
        IdpDiscovery = "IDP_DISCOVERY",
        AccessPolicy = "ACCESS_POLICY",
        ProfileEnrollment = "PROFILE_ENROLLMENT",
    }
}

open_enum! {
    /// A policy rule's type.
    pub enum PolicyRuleType {
        SignOn = "SIGN_ON",
        Password = "PASSWORD",
        MfaEnroll = "MFA_ENROLL",
        IdpDiscovery = "IDP_DISCOVERY",
        AccessPolicy = "ACCESS_POLICY",
        ProfileEnrollment = "PROFILE_ENROLLMENT",
    }
}

open_enum! {
    /// Whether a policy or policy rule is active.
    pub enum PolicyStatus {
        Active = "ACTIVE",
        Inactive = "INACTIVE",
    }
}

/// A policy (`/api/v1/policies`); also the body of `create_policy` / `update_policy`.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Policy {
    /// Unique id (read-only).
    pub id: Option<String>,
    /// Policy type.
    #[serde(rename = "type")]
    pub policy_type: Option<PolicyType>,
    /// Name.
    pub name: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// Status.
    pub status: Option<PolicyStatus>,
    /// Evaluation priority (1 is first).
    pub priority: Option<i64>,
    /// Whether Okta created it (system policies cannot be deleted).
    pub system: Option<bool>,
    /// Conditions (shape depends on the type).
    pub conditions: Option<serde_json::Value>,
    /// Settings (shape depends on the type).
    pub settings: Option<serde_json::Value>,
    /// When it was created (read-only).
    pub created: Option<Timestamp>,
    /// Last update (read-only).
    pub last_updated: Option<Timestamp>,
    /// HAL links (read-only).
    #[serde(rename = "_links")]
    pub links: Option<JsonMap>,
    /// Embedded resources (`rules` with `expand=rules`; read-only).
    #[serde(rename = "_embedded")]
    pub embedded: Option<JsonMap>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

impl Policy {
    /// A policy to create: `{type, name}`.
    pub fn new(policy_type: PolicyType, name: impl Into<String>) -> Self {
        Policy {
            policy_type: Some(policy_type),
            name: Some(name.into()),
            ..Default::default()
        }
    }
}

/// A policy rule; also the body of `add_policy_rule` / `update_policy_rule`.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicyRule {
    /// Unique id.
    pub id: Option<String>,
    /// Rule type.
    #[serde(rename = "type")]
    pub rule_type: Option<PolicyRuleType>,
    /// Name.
    pub name: Option<String>,
    /// Status.
    pub status: Option<PolicyStatus>,
    /// Evaluation priority.
    pub priority: Option<i64>,
    /// Whether Okta created it.
    pub system: Option<bool>,
    /// Conditions (shape depends on the type).
    pub conditions: Option<serde_json::Value>,
    /// Actions (shape depends on the type).
    pub actions: Option<serde_json::Value>,
    /// When it was created (read-only).
    pub created: Option<Timestamp>,
    /// Last update (read-only).
    pub last_updated: Option<Timestamp>,
    /// HAL links (read-only).
    #[serde(rename = "_links")]
    pub links: Option<JsonMap>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

impl PolicyRule {
    /// A rule to create: `{type, name}`.
    pub fn new(rule_type: PolicyRuleType, name: impl Into<String>) -> Self {
        PolicyRule {
            rule_type: Some(rule_type),
            name: Some(name.into()),
            ..Default::default()
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::models::test_support::{assert_empty_ok, assert_encodes, assert_round_trip};
    use serde_json::json;

    #[test]
    fn policy_round_trips() {
        let p: Policy = assert_round_trip(
            r#"{
              "type": "OKTA_SIGN_ON",
              "id": "00plrilJ7jZ66Gn0X0g3",
              "status": "ACTIVE",
              "name": "Default Policy",
              "description": "The default policy applies in all situations if no other policy applies.",
              "priority": 1,
              "system": true,
              "conditions": {"people": {"groups": {"include": ["00glr6bbmCaJ6Kds90g3"]}}},
              "created": "2016-09-21T16:52:48.000Z",
              "lastUpdated": "2016-09-21T16:52:48.000Z",
              "settings": {"factors": {"okta_otp": {"enroll": {"self": "OPTIONAL"}}}},
              "_links": {"self": {"href": "https://example.okta.com/api/v1/policies/00plrilJ7jZ66Gn0X0g3", "hints": {"allow": ["GET", "PUT"]}}},
              "_embedded": {"rules": [{"id": "0prlrilJ7jZ66Gn0X0g3"}]},
              "_future": 1
            }"#,
        );
        assert_eq!(p.policy_type, Some(PolicyType::OktaSignOn));
        let p: Policy = assert_round_trip(r#"{"type":"POST_AUTH_SESSION","status":"DRAFT"}"#);
        assert!(p.policy_type.as_ref().is_some_and(PolicyType::is_unknown));
        assert_empty_ok::<Policy>();
    }

    #[test]
    fn policy_rule_round_trips() {
        let r: PolicyRule = assert_round_trip(
            r#"{
              "type": "SIGN_ON",
              "id": "0prlrilJ7jZ66Gn0X0g3",
              "status": "ACTIVE",
              "name": "Default Rule",
              "priority": 1,
              "system": true,
              "created": "2016-09-21T16:52:48.000Z",
              "lastUpdated": "2016-09-21T16:52:48.000Z",
              "conditions": {"people": {"users": {"exclude": []}}, "network": {"connection": "ANYWHERE"}},
              "actions": {"signon": {"access": "ALLOW", "requireFactor": false, "session": {"maxSessionIdleMinutes": 120}}},
              "_links": {"self": {"href": "https://x"}},
              "ruleNew": true
            }"#,
        );
        assert_eq!(r.rule_type, Some(PolicyRuleType::SignOn));
        let _: PolicyRule = assert_round_trip(r#"{"type":"DEVICE_SIGNAL"}"#);
        assert_empty_ok::<PolicyRule>();
    }

    #[test]
    fn constructors_are_exact() {
        assert_encodes(
            &Policy::new(PolicyType::Password, "Strict"),
            json!({"type": "PASSWORD", "name": "Strict"}),
        );
        assert_encodes(
            &PolicyRule::new(PolicyRuleType::SignOn, "Allow"),
            json!({"type": "SIGN_ON", "name": "Allow"}),
        );
    }
}
