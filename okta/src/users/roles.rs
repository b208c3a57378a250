//! Admin roles of a user and their group targets: `/api/v1/users/{userId}/roles`.

use crate::Endpoint;
use crate::models::{Group, Role};

/// Assigns a role to a user.
///
/// `POST /api/v1/users/{userId}/roles` with `{"type": "…"}` → `201 Created` with the assigned
/// [`Role`]. The body is a [`Role`], or anything that converts into one: an
/// [`AssignRoleRequest`](crate::models::AssignRoleRequest) or a
/// [`RoleType`](crate::models::RoleType).
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use okta::models::RoleType;
/// let role = client.add_role_to_user("00ub0oNGTSWTBKOLGLNR", RoleType::UserAdmin).await?;
/// # let _ = role; Ok(()) }
/// ```
#[doc(alias = "assignRoleToUser")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(POST "/api/v1/users/{userId}/roles", response = Role, call = crate::Client::add_role_to_user)]
pub struct AddRoleToUser {
    #[endpoint(path)]
    user_id: String,
    #[endpoint(body)]
    body: Role,
}

/// Lists all roles assigned to a user.
///
/// `GET /api/v1/users/{userId}/roles` → a list of [`Role`]s (not paginated by Okta).
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// let roles = client.list_assigned_roles("00ub0oNGTSWTBKOLGLNR").await?;
/// for role in roles.items {
///     if let (Some(role_type), Some(assignment)) = (&role.role_type, &role.assignment_type) {
///         println!("{role_type} ({assignment})");
///     }
/// }
/// # Ok(()) }
/// ```
#[doc(alias = "listAssignedRolesForUser")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(GET "/api/v1/users/{userId}/roles", response = Role, paginated, call = crate::Client::list_assigned_roles)]
pub struct ListAssignedRoles {
    #[endpoint(path)]
    user_id: String,
    /// Sets the query parameter `expand`.
    #[endpoint(query)]
    expand: Option<String>,
}

/// Unassigns a role from a user.
///
/// `DELETE /api/v1/users/{userId}/roles/{roleId}` → `204 No Content`. `roleId` is the
/// assignment's `id`, not its type.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// client.remove_role_from_user("00ub0oNGTSWTBKOLGLNR", "ra1b8aahBZuGJRRa30g4").await?;
/// # Ok(()) }
/// ```
#[doc(alias = "unassignRoleFromUser")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(DELETE "/api/v1/users/{userId}/roles/{roleId}", response = (), call = crate::Client::remove_role_from_user)]
pub struct RemoveRoleFromUser {
    #[endpoint(path)]
    user_id: String,
    #[endpoint(path)]
    role_id: String,
}

/// Adds a group target to a user's `USER_ADMIN`, `HELP_DESK_ADMIN` or `GROUP_MEMBERSHIP_ADMIN`
/// role: the role then applies only to the members of its target groups.
///
/// `PUT /api/v1/users/{userId}/roles/{roleId}/targets/groups/{groupId}` with no body →
/// `204 No Content`.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// client.add_group_target_to_role("00ub0oNGTSWTBKOLGLNR", "ra1b8aahBZuGJRRa30g4", "00g1emaKYZTWRYYRRTSK").await?;
/// # Ok(()) }
/// ```
#[doc(alias = "assignGroupTargetToUserRole")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(PUT "/api/v1/users/{userId}/roles/{roleId}/targets/groups/{groupId}", response = (), call = crate::Client::add_group_target_to_role)]
pub struct AddGroupTargetToRole {
    #[endpoint(path)]
    user_id: String,
    #[endpoint(path)]
    role_id: String,
    #[endpoint(path)]
    group_id: String,
}

/// Lists the groups a user's role is limited to (its group targets); an empty list when the role
/// applies to all groups.
///
/// `GET /api/v1/users/{userId}/roles/{roleId}/targets/groups` → pages of [`Group`]s, following
/// `Link: rel="next"`.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use futures::TryStreamExt;
/// let targets: Vec<_> = client
///     .list_group_targets_for_role("00ub0oNGTSWTBKOLGLNR", "ra1b8aahBZuGJRRa30g4")
///     .stream()
///     .try_collect()
///     .await?;
/// # let _ = targets; Ok(()) }
/// ```
#[doc(alias = "listGroupTargetsForRole")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(GET "/api/v1/users/{userId}/roles/{roleId}/targets/groups", response = Group, paginated, call = crate::Client::list_group_targets_for_role)]
pub struct ListGroupTargetsForRole {
    #[endpoint(path)]
    user_id: String,
    #[endpoint(path)]
    role_id: String,
    /// Specifies the pagination cursor for the next page of targets.
    #[endpoint(query)]
    after: Option<String>,
    /// Specifies the number of results in a page (server default 20).
    #[endpoint(query)]
    limit: Option<i32>,
}

/// Removes a group target from a user's role.
///
/// `DELETE /api/v1/users/{userId}/roles/{roleId}/targets/groups/{groupId}` → `204 No Content`.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// client.remove_group_target_from_role("00ub0oNGTSWTBKOLGLNR", "ra1b8aahBZuGJRRa30g4", "00g1emaKYZTWRYYRRTSK").await?;
/// # Ok(()) }
/// ```
#[doc(alias = "unassignGroupTargetFromUserAdminRole")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(DELETE "/api/v1/users/{userId}/roles/{roleId}/targets/groups/{groupId}", response = (), call = crate::Client::remove_group_target_from_role)]
pub struct RemoveGroupTargetFromRole {
    #[endpoint(path)]
    user_id: String,
    #[endpoint(path)]
    role_id: String,
    #[endpoint(path)]
    group_id: String,
}
