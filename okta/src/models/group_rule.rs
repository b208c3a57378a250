//! Group rules: assign users to groups by expression.

use serde::{Deserialize, Serialize};

use super::open_enum::open_enum;
use super::{JsonMap, Timestamp};

open_enum! {
    /// A group rule's status.
    pub enum GroupRuleStatus {
        Active = "ACTIVE",
        Inactive = "INACTIVE",
        Invalid = "INVALID",
    }
}

/// The expression language of Okta group rules.
pub const OKTA_EXPRESSION_TYPE: &str = "urn:okta:expression:1.0";

/// A group rule (`/api/v1/groups/rules`); also the body of `create_group_rule` /
/// `update_group_rule`.
///
/// ```
/// use okta::models::GroupRule;
///
/// let rule = GroupRule::new("Engineering", r#"user.role=="Engineer""#, ["00gjitX9HqABSoqTB0g3"]);
/// let body = serde_json::to_value(&rule).unwrap();
/// assert_eq!(body["type"], "group_rule");
/// assert_eq!(body["conditions"]["expression"]["type"], "urn:okta:expression:1.0");
/// assert_eq!(body["actions"]["assignUserToGroups"]["groupIds"][0], "00gjitX9HqABSoqTB0g3");
/// ```
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupRule {
    /// Unique id (read-only).
    pub id: Option<String>,
    /// Rule name.
    pub name: Option<String>,
    /// Always `group_rule`.
    #[serde(rename = "type")]
    pub rule_type: Option<String>,
    /// Status (read-only).
    pub status: Option<GroupRuleStatus>,
    /// When the rule was created (read-only).
    pub created: Option<Timestamp>,
    /// Last update (read-only).
    pub last_updated: Option<Timestamp>,
    /// Whether every target group still exists.
    pub all_groups_valid: Option<bool>,
    /// Who the rule applies to.
    pub conditions: Option<GroupRuleConditions>,
    /// What the rule does.
    pub actions: Option<GroupRuleAction>,
    /// Embedded resources (read-only).
    #[serde(rename = "_embedded")]
    pub embedded: Option<JsonMap>,
    /// HAL links (read-only).
    #[serde(rename = "_links")]
    pub links: Option<JsonMap>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

impl GroupRule {
    /// A rule `name` that puts users matching the Okta `expression` into `group_ids`.
    pub fn new<I, S>(name: impl Into<String>, expression: impl Into<String>, group_ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        GroupRule {
            name: Some(name.into()),
            rule_type: Some("group_rule".into()),
            conditions: Some(GroupRuleConditions {
                expression: Some(GroupRuleExpression {
                    value: Some(expression.into()),
                    expression_type: Some(OKTA_EXPRESSION_TYPE.into()),
                    ..Default::default()
                }),
                ..Default::default()
            }),
            actions: Some(GroupRuleAction {
                assign_user_to_groups: Some(GroupRuleGroupAssignment {
                    group_ids: Some(group_ids.into_iter().map(Into::into).collect()),
                    ..Default::default()
                }),
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    /// Sets `conditions.people.users.exclude`: users the rule never assigns.
    pub fn with_excluded_users<I, S>(mut self, user_ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.conditions
            .get_or_insert_with(Default::default)
            .people
            .get_or_insert_with(Default::default)
            .users
            .get_or_insert_with(Default::default)
            .exclude = Some(user_ids.into_iter().map(Into::into).collect());
        self
    }
}

/// A group rule's conditions.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupRuleConditions {
    /// The expression users must match.
    pub expression: Option<GroupRuleExpression>,
    /// Users and groups included or excluded.
    pub people: Option<GroupRulePeopleCondition>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// An Okta expression (`{type, value}`).
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupRuleExpression {
    /// Expression language, normally [`OKTA_EXPRESSION_TYPE`].
    #[serde(rename = "type")]
    pub expression_type: Option<String>,
    /// The expression.
    pub value: Option<String>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// `conditions.people`.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupRulePeopleCondition {
    /// User ids included/excluded.
    pub users: Option<GroupRuleUserCondition>,
    /// Group ids included/excluded.
    pub groups: Option<GroupRuleGroupCondition>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// `conditions.people.users`.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupRuleUserCondition {
    /// User ids included.
    pub include: Option<Vec<String>>,
    /// User ids excluded.
    pub exclude: Option<Vec<String>>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// `conditions.people.groups`.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupRuleGroupCondition {
    /// Group ids included.
    pub include: Option<Vec<String>>,
    /// Group ids excluded.
    pub exclude: Option<Vec<String>>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// A group rule's actions.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupRuleAction {
    /// Groups matching users are added to.
    pub assign_user_to_groups: Option<GroupRuleGroupAssignment>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// `actions.assignUserToGroups`.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupRuleGroupAssignment {
    /// Target group ids.
    pub group_ids: Option<Vec<String>>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::models::test_support::{assert_empty_ok, assert_encodes, assert_round_trip};
    use serde_json::json;

    #[test]
    fn group_rule_round_trips() {
        let r: GroupRule = assert_round_trip(
            r#"{
              "type": "group_rule",
              "id": "0pr3f7zMZZHPgUoWO0g4",
              "status": "SUSPENDED_BY_ADMIN",
              "name": "Engineering group rule",
              "created": "2016-12-01T14:40:04.000Z",
              "lastUpdated": "2016-12-01T14:40:04.000Z",
              "allGroupsValid": true,
              "conditions": {
                "people": {"users": {"exclude": ["00u22w79JPMEeeuLr0g4"]}, "groups": {"exclude": []}, "future": 1},
                "expression": {"value": "user.role==\"Engineer\"", "type": "urn:okta:expression:1.0", "lang": "EL"}
              },
              "actions": {"assignUserToGroups": {"groupIds": ["00gjitX9HqABSoqTB0g3"], "mode": "x"}, "other": {}},
              "_links": {"self": {"href": "https://x"}},
              "unknown": [1, 2]
            }"#,
        );
        assert_eq!(r.status, Some(GroupRuleStatus::from("SUSPENDED_BY_ADMIN")));
        assert!(r.status.as_ref().is_some_and(GroupRuleStatus::is_unknown));
        let _: GroupRule = assert_round_trip(r#"{"status":"INVALID"}"#);
        assert_empty_ok::<GroupRule>();
        assert_empty_ok::<GroupRuleConditions>();
        assert_empty_ok::<GroupRuleExpression>();
        assert_empty_ok::<GroupRulePeopleCondition>();
        assert_empty_ok::<GroupRuleUserCondition>();
        assert_empty_ok::<GroupRuleGroupCondition>();
        assert_empty_ok::<GroupRuleAction>();
        assert_empty_ok::<GroupRuleGroupAssignment>();
    }

    #[test]
    fn new_rule_body_is_exact() {
        let rule = GroupRule::new(
            "Engineering group rule",
            "user.role==\"Engineer\"",
            ["00gjitX9HqABSoqTB0g3"],
        )
        .with_excluded_users(["00u22w79JPMEeeuLr0g4"]);
        assert_encodes(
            &rule,
            json!({
                "type": "group_rule",
                "name": "Engineering group rule",
                "conditions": {
                    "people": {"users": {"exclude": ["00u22w79JPMEeeuLr0g4"]}},
                    "expression": {"value": "user.role==\"Engineer\"", "type": "urn:okta:expression:1.0"}
                },
                "actions": {"assignUserToGroups": {"groupIds": ["00gjitX9HqABSoqTB0g3"]}}
            }),
        );
    }
}
