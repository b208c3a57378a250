//! Group rules: `/api/v1/groups/rules`.

use crate::Endpoint;
use crate::models::GroupRule;

/// Creates a group rule to dynamically add users to the specified group if they match the
/// condition. Rules are created `INACTIVE`; activate them with `activate_rule`.
///
/// `POST /api/v1/groups/rules` with a [`GroupRule`] body → the created [`GroupRule`].
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use okta::models::GroupRule;
/// let rule = GroupRule::new("Engineering", r#"user.role=="Engineer""#, ["00gjitX9HqABSoqTB0g3"]);
/// let rule = client.create_rule(rule).await?;
/// # let _ = rule; Ok(()) }
/// ```
#[doc(alias = "createGroupRule")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(POST "/api/v1/groups/rules", response = GroupRule, call = crate::Client::create_rule)]
pub struct CreateRule {
    #[endpoint(body)]
    body: GroupRule,
}

/// Fetches a specific group rule by id from your organization.
///
/// `GET /api/v1/groups/rules/{ruleId}` → [`GroupRule`].
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// let rule = client.get_rule("0pr3f7zMZZHPgUoWO0g4").expand("groupIdToGroupNameMap").await?;
/// if let (Some(name), Some(status)) = (&rule.name, &rule.status) {
///     println!("{name} is {status}");
/// }
/// # Ok(()) }
/// ```
#[doc(alias = "getGroupRule")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(GET "/api/v1/groups/rules/{ruleId}", response = GroupRule, call = crate::Client::get_rule)]
pub struct GetRule {
    #[endpoint(path)]
    rule_id: String,
    /// `groupIdToGroupNameMap` embeds the names of the rule's groups.
    #[endpoint(query)]
    expand: Option<String>,
}

/// Updates a group rule. Only `INACTIVE` rules can be updated.
///
/// `PUT /api/v1/groups/rules/{ruleId}` with a [`GroupRule`] body → the updated [`GroupRule`].
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// let mut rule = client.get_rule("0pr3f7zMZZHPgUoWO0g4").await?;
/// rule.name = Some("Engineering (all)".into());
/// let rule = client.update_rule("0pr3f7zMZZHPgUoWO0g4", rule).await?;
/// # let _ = rule; Ok(()) }
/// ```
#[doc(alias = "replaceGroupRule")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(PUT "/api/v1/groups/rules/{ruleId}", response = GroupRule, call = crate::Client::update_rule)]
pub struct UpdateRule {
    #[endpoint(path)]
    rule_id: String,
    #[endpoint(body)]
    body: GroupRule,
}

/// Removes a specific group rule by id from your organization.
///
/// `DELETE /api/v1/groups/rules/{ruleId}` → `202 Accepted` (no body).
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// client.delete_rule("0pr3f7zMZZHPgUoWO0g4").remove_users(true).await?;
/// # Ok(()) }
/// ```
#[doc(alias = "deleteGroupRule")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(DELETE "/api/v1/groups/rules/{ruleId}", response = (), call = crate::Client::delete_rule)]
pub struct DeleteRule {
    #[endpoint(path)]
    rule_id: String,
    /// Also removes the users the rule added from its groups (server default false).
    #[endpoint(query)]
    remove_users: Option<bool>,
}

/// Lists all group rules for your organization.
///
/// `GET /api/v1/groups/rules` → pages of [`GroupRule`]s, following `Link: rel="next"`.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use futures::TryStreamExt;
/// let rules: Vec<_> = client.list_rules().limit(50).stream().try_collect().await?;
/// # let _ = rules; Ok(()) }
/// ```
#[doc(alias = "listGroupRules")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(GET "/api/v1/groups/rules", response = GroupRule, paginated, call = crate::Client::list_rules)]
pub struct ListRules {
    /// Specifies the number of rule results in a page.
    #[endpoint(query)]
    limit: Option<i32>,
    /// Specifies the pagination cursor for the next page of rules.
    #[endpoint(query)]
    after: Option<String>,
    /// `groupIdToGroupNameMap` embeds the names of each rule's groups.
    #[endpoint(query)]
    expand: Option<String>,
}

/// Activates a specific group rule by id from your organization.
///
/// `POST /api/v1/groups/rules/{ruleId}/lifecycle/activate` → `204 No Content`.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// client.activate_rule("0pr3f7zMZZHPgUoWO0g4").await?;
/// # Ok(()) }
/// ```
#[doc(alias = "activateGroupRule")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(POST "/api/v1/groups/rules/{ruleId}/lifecycle/activate", response = (), call = crate::Client::activate_rule)]
pub struct ActivateRule {
    #[endpoint(path)]
    rule_id: String,
}

/// Deactivates a specific group rule by id from your organization.
///
/// `POST /api/v1/groups/rules/{ruleId}/lifecycle/deactivate` → `204 No Content`.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// client.deactivate_rule("0pr3f7zMZZHPgUoWO0g4").await?;
/// # Ok(()) }
/// ```
#[doc(alias = "deactivateGroupRule")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(POST "/api/v1/groups/rules/{ruleId}/lifecycle/deactivate", response = (), call = crate::Client::deactivate_rule)]
pub struct DeactivateRule {
    #[endpoint(path)]
    rule_id: String,
}
