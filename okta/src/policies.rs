//! Policies and policy rules: `/api/v1/policies`.

use crate::Endpoint;
use crate::models::{Policy, PolicyRule};

/// Activates a policy.
///
/// `POST /api/v1/policies/{policyId}/lifecycle/activate` → nothing (204).
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// client.activate_policy("00plrilJ7jZ66Gn0X0g3").await?;
/// # Ok(()) }
/// ```
#[doc(alias = "activatePolicy")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(POST "/api/v1/policies/{policyId}/lifecycle/activate", response = (), call = crate::Client::activate_policy)]
pub struct ActivatePolicy {
    #[endpoint(path)]
    policy_id: String,
}

/// Deactivates a policy.
///
/// `POST /api/v1/policies/{policyId}/lifecycle/deactivate` → nothing (204).
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// client.deactivate_policy("00plrilJ7jZ66Gn0X0g3").await?;
/// # Ok(()) }
/// ```
#[doc(alias = "deactivatePolicy")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(POST "/api/v1/policies/{policyId}/lifecycle/deactivate", response = (), call = crate::Client::deactivate_policy)]
pub struct DeactivatePolicy {
    #[endpoint(path)]
    policy_id: String,
}

/// Creates a policy.
///
/// `POST /api/v1/policies` with a [`Policy`] body → the created [`Policy`] (200; the docs'
/// "204" is a documentation error). `activate` defaults to true on the server.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use okta::models::{Policy, PolicyType};
/// let policy = client.create_policy(Policy::new(PolicyType::OktaSignOn, "Contractors")).activate(false).await?;
/// if let Some(id) = &policy.id {
///     println!("created {id}");
/// }
/// # Ok(()) }
/// ```
#[doc(alias = "createPolicy")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(POST "/api/v1/policies", response = Policy, call = crate::Client::create_policy)]
pub struct CreatePolicy {
    #[endpoint(body)]
    body: Policy,
    /// Activates the policy on creation (server default true).
    #[endpoint(query)]
    activate: Option<bool>,
}

/// Fetches a policy.
///
/// `GET /api/v1/policies/{policyId}` → [`Policy`]; with `expand("rules")` its rules come in
/// `_embedded.rules`.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// let policy = client.get_policy("00plrilJ7jZ66Gn0X0g3").expand("rules").await?;
/// if let (Some(name), Some(status)) = (&policy.name, &policy.status) {
///     println!("{name} {status}");
/// }
/// # Ok(()) }
/// ```
#[doc(alias = "getPolicy")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(GET "/api/v1/policies/{policyId}", response = Policy, call = crate::Client::get_policy)]
pub struct GetPolicy {
    #[endpoint(path)]
    policy_id: String,
    /// `rules` embeds the policy's rules in `_embedded.rules`.
    #[endpoint(query)]
    expand: Option<String>,
}

/// Updates a policy (a full replace).
///
/// `PUT /api/v1/policies/{policyId}` with a [`Policy`] body → the updated [`Policy`].
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// let mut policy = client.get_policy("00plrilJ7jZ66Gn0X0g3").await?;
/// policy.description = Some("Applies to contractors".into());
/// let policy = client.update_policy("00plrilJ7jZ66Gn0X0g3", policy).await?;
/// # let _ = policy; Ok(()) }
/// ```
#[doc(alias = "replacePolicy")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(PUT "/api/v1/policies/{policyId}", response = Policy, call = crate::Client::update_policy)]
pub struct UpdatePolicy {
    #[endpoint(path)]
    policy_id: String,
    #[endpoint(body)]
    body: Policy,
}

/// Deletes a policy (system policies cannot be deleted).
///
/// `DELETE /api/v1/policies/{policyId}` → nothing (204).
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// client.delete_policy("00plrilJ7jZ66Gn0X0g3").await?;
/// # Ok(()) }
/// ```
#[doc(alias = "deletePolicy")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(DELETE "/api/v1/policies/{policyId}", response = (), call = crate::Client::delete_policy)]
pub struct DeletePolicy {
    #[endpoint(path)]
    policy_id: String,
}

/// Lists the policies of one type.
///
/// `GET /api/v1/policies?type=…` → a list of [`Policy`]. `type` is required: `OKTA_SIGN_ON`,
/// `PASSWORD`, `MFA_ENROLL`, `OAUTH_AUTHORIZATION_POLICY`, `IDP_DISCOVERY`, `ACCESS_POLICY`,
/// `PROFILE_ENROLLMENT`, …. The spec declares `after`/`limit`, but the docs do not describe
/// paging; `stream()` follows `Link: rel="next"` whenever Okta sends one.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use futures::TryStreamExt;
/// let mut policies = client.list_policies("PASSWORD").status("ACTIVE").stream();
/// while let Some(policy) = policies.try_next().await? {
///     if let (Some(priority), Some(name)) = (&policy.priority, &policy.name) {
///         println!("{priority}. {name}");
///     }
/// }
/// # Ok(()) }
/// ```
#[doc(alias = "listPolicies")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(GET "/api/v1/policies", response = Policy, paginated, call = crate::Client::list_policies)]
pub struct ListPolicies {
    #[endpoint(query, rename = "type")]
    policy_type: String,
    /// Only policies with this status: `ACTIVE` or `INACTIVE`.
    #[endpoint(query)]
    status: Option<String>,
    /// The pagination cursor of the next page.
    #[endpoint(query)]
    after: Option<String>,
    /// The number of policies per page.
    #[endpoint(query)]
    limit: Option<i32>,
    /// `rules` embeds each policy's rules in `_embedded.rules`.
    #[endpoint(query)]
    expand: Option<String>,
}

/// Creates a rule in a policy.
///
/// `POST /api/v1/policies/{policyId}/rules` with a [`PolicyRule`] body → the created
/// [`PolicyRule`]. `activate` defaults to true on the server.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use okta::models::{PolicyRule, PolicyRuleType};
/// let rule = client
///     .add_policy_rule("00plrilJ7jZ66Gn0X0g3", PolicyRule::new(PolicyRuleType::SignOn, "Require MFA off-network"))
///     .await?;
/// if let Some(id) = &rule.id {
///     println!("created {id}");
/// }
/// # Ok(()) }
/// ```
#[doc(alias = "createPolicyRule")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(POST "/api/v1/policies/{policyId}/rules", response = PolicyRule, call = crate::Client::add_policy_rule)]
pub struct AddPolicyRule {
    #[endpoint(path)]
    policy_id: String,
    #[endpoint(body)]
    body: PolicyRule,
    /// Activates the rule on creation (server default true).
    #[endpoint(query)]
    activate: Option<bool>,
}

/// Fetches a rule of a policy.
///
/// `GET /api/v1/policies/{policyId}/rules/{ruleId}` → [`PolicyRule`].
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// let rule = client.get_policy_rule("00plrilJ7jZ66Gn0X0g3", "0prh1sGkX1FKZ2XCD0g3").await?;
/// if let (Some(name), Some(status)) = (&rule.name, &rule.status) {
///     println!("{name} {status}");
/// }
/// # Ok(()) }
/// ```
#[doc(alias = "getPolicyRule")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(GET "/api/v1/policies/{policyId}/rules/{ruleId}", response = PolicyRule, call = crate::Client::get_policy_rule)]
pub struct GetPolicyRule {
    #[endpoint(path)]
    policy_id: String,
    #[endpoint(path)]
    rule_id: String,
}

/// Updates a rule of a policy (a full replace).
///
/// `PUT /api/v1/policies/{policyId}/rules/{ruleId}` with a [`PolicyRule`] body → the updated
/// [`PolicyRule`].
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// let mut rule = client.get_policy_rule("00plrilJ7jZ66Gn0X0g3", "0prh1sGkX1FKZ2XCD0g3").await?;
/// rule.name = Some("Require MFA everywhere".into());
/// let rule = client.update_policy_rule("00plrilJ7jZ66Gn0X0g3", "0prh1sGkX1FKZ2XCD0g3", rule).await?;
/// # let _ = rule; Ok(()) }
/// ```
#[doc(alias = "replacePolicyRule")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(PUT "/api/v1/policies/{policyId}/rules/{ruleId}", response = PolicyRule, call = crate::Client::update_policy_rule)]
pub struct UpdatePolicyRule {
    #[endpoint(path)]
    policy_id: String,
    #[endpoint(path)]
    rule_id: String,
    #[endpoint(body)]
    body: PolicyRule,
}

/// Deletes a rule of a policy.
///
/// `DELETE /api/v1/policies/{policyId}/rules/{ruleId}` → nothing (204).
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// client.delete_policy_rule("00plrilJ7jZ66Gn0X0g3", "0prh1sGkX1FKZ2XCD0g3").await?;
/// # Ok(()) }
/// ```
#[doc(alias = "deletePolicyRule")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(DELETE "/api/v1/policies/{policyId}/rules/{ruleId}", response = (), call = crate::Client::delete_policy_rule)]
pub struct DeletePolicyRule {
    #[endpoint(path)]
    policy_id: String,
    #[endpoint(path)]
    rule_id: String,
}

/// Lists the rules of a policy.
///
/// `GET /api/v1/policies/{policyId}/rules` → a list of [`PolicyRule`] (one page; Okta does not
/// page it).
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// let rules = client.list_policy_rules("00plrilJ7jZ66Gn0X0g3").await?;
/// for rule in &rules.items {
///     if let (Some(priority), Some(name)) = (&rule.priority, &rule.name) {
///         println!("{priority}. {name}");
///     }
/// }
/// # Ok(()) }
/// ```
#[doc(alias = "listPolicyRules")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(GET "/api/v1/policies/{policyId}/rules", response = PolicyRule, paginated, call = crate::Client::list_policy_rules)]
pub struct ListPolicyRules {
    #[endpoint(path)]
    policy_id: String,
}

/// Activates a rule of a policy.
///
/// `POST /api/v1/policies/{policyId}/rules/{ruleId}/lifecycle/activate` → nothing (204).
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// client.activate_policy_rule("00plrilJ7jZ66Gn0X0g3", "0prh1sGkX1FKZ2XCD0g3").await?;
/// # Ok(()) }
/// ```
#[doc(alias = "activatePolicyRule")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(
    POST "/api/v1/policies/{policyId}/rules/{ruleId}/lifecycle/activate",
    response = (),
    call = crate::Client::activate_policy_rule
)]
pub struct ActivatePolicyRule {
    #[endpoint(path)]
    policy_id: String,
    #[endpoint(path)]
    rule_id: String,
}

/// Deactivates a rule of a policy.
///
/// `POST /api/v1/policies/{policyId}/rules/{ruleId}/lifecycle/deactivate` → nothing (204).
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// client.deactivate_policy_rule("00plrilJ7jZ66Gn0X0g3", "0prh1sGkX1FKZ2XCD0g3").await?;
/// # Ok(()) }
/// ```
#[doc(alias = "deactivatePolicyRule")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(
    POST "/api/v1/policies/{policyId}/rules/{ruleId}/lifecycle/deactivate",
    response = (),
    call = crate::Client::deactivate_policy_rule
)]
pub struct DeactivatePolicyRule {
    #[endpoint(path)]
    policy_id: String,
    #[endpoint(path)]
    rule_id: String,
}
