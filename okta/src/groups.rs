//! Groups and membership: `/api/v1/groups`.

pub mod rules;

use crate::Endpoint;
use crate::models::{Group, User};

/// Adds a new group with `OKTA_GROUP` type to your organization.
///
/// `POST /api/v1/groups` with a [`Group`] body (`{profile: {name, description}}`) → the created
/// [`Group`].
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use okta::models::Group;
/// let group = client.create_group(Group::new("West Coast Users").with_description("All Users West of The Rockies")).await?;
/// # let _ = group; Ok(()) }
/// ```
#[doc(alias = "addGroup")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(POST "/api/v1/groups", response = Group, call = crate::Client::create_group)]
pub struct CreateGroup {
    #[endpoint(body)]
    body: Group,
}

/// Fetches a group from your organization.
///
/// `GET /api/v1/groups/{groupId}` → [`Group`].
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// let group = client.get_group("00g1emaKYZTWRYYRRTSK").await?;
/// if let Some(name) = group.name() {
///     println!("{name}");
/// }
/// # Ok(()) }
/// ```
#[doc(alias = "getGroup")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(GET "/api/v1/groups/{groupId}", response = Group, call = crate::Client::get_group)]
pub struct GetGroup {
    #[endpoint(path)]
    group_id: String,
    /// Sets the query parameter `expand`.
    #[endpoint(query)]
    expand: Option<String>,
}

/// Updates the profile for a group with `OKTA_GROUP` type from your organization.
///
/// `PUT /api/v1/groups/{groupId}` with a [`Group`] body → the updated [`Group`]. PUT replaces the
/// whole profile.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use okta::models::Group;
/// let group = client.update_group("00g1emaKYZTWRYYRRTSK", Group::new("Western Users")).await?;
/// # let _ = group; Ok(()) }
/// ```
#[doc(alias = "replaceGroup")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(PUT "/api/v1/groups/{groupId}", response = Group, call = crate::Client::update_group)]
pub struct UpdateGroup {
    #[endpoint(path)]
    group_id: String,
    #[endpoint(body)]
    body: Group,
}

/// Removes a group with `OKTA_GROUP` type from your organization.
///
/// `DELETE /api/v1/groups/{groupId}` → `204 No Content`.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// client.delete_group("00g1emaKYZTWRYYRRTSK").await?;
/// # Ok(()) }
/// ```
#[doc(alias = "deleteGroup")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(DELETE "/api/v1/groups/{groupId}", response = (), call = crate::Client::delete_group)]
pub struct DeleteGroup {
    #[endpoint(path)]
    group_id: String,
}

/// Enumerates groups in your organization with pagination. A subset of groups can be returned
/// that match a supported filter expression or query.
///
/// `GET /api/v1/groups` → pages of [`Group`]s, following `Link: rel="next"`.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use futures::TryStreamExt;
/// let mut groups = client.list_groups().filter(r#"type eq "OKTA_GROUP""#).stream();
/// while let Some(group) = groups.try_next().await? {
///     if let Some(name) = group.name() {
///         println!("{name}");
///     }
/// }
/// # Ok(()) }
/// ```
#[doc(alias = "listGroups")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(GET "/api/v1/groups", response = Group, paginated, call = crate::Client::list_groups)]
pub struct ListGroups {
    /// Searches the name property of groups for matching value.
    #[endpoint(query)]
    q: Option<String>,
    /// Filter expression for groups.
    #[endpoint(query)]
    filter: Option<String>,
    /// Specifies the pagination cursor for the next page of groups.
    #[endpoint(query)]
    after: Option<String>,
    /// Specifies the number of group results in a page.
    #[endpoint(query)]
    limit: Option<i32>,
    /// Sets the query parameter `expand`.
    #[endpoint(query)]
    expand: Option<String>,
}

/// Enumerates all users that are a member of a group.
///
/// `GET /api/v1/groups/{groupId}/users` → pages of [`User`]s, following `Link: rel="next"`.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use futures::TryStreamExt;
/// let mut members = client.list_group_users("00g1emaKYZTWRYYRRTSK").limit(200).stream();
/// while let Some(user) = members.try_next().await? {
///     println!("{}", user.profile.login);
/// }
/// # Ok(()) }
/// ```
#[doc(alias = "listGroupUsers")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(GET "/api/v1/groups/{groupId}/users", response = User, paginated, call = crate::Client::list_group_users)]
pub struct ListGroupUsers {
    #[endpoint(path)]
    group_id: String,
    /// Specifies the pagination cursor for the next page of users.
    #[endpoint(query)]
    after: Option<String>,
    /// Specifies the number of user results in a page.
    #[endpoint(query)]
    limit: Option<i32>,
    /// Sets the query parameter `managedBy` (only in the 1.x API specification).
    #[endpoint(query)]
    managed_by: Option<String>,
}

/// Adds a user to a group with `OKTA_GROUP` type.
///
/// `PUT /api/v1/groups/{groupId}/users/{userId}` with no body → `204 No Content`.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// client.add_user_to_group("00g1emaKYZTWRYYRRTSK", "00ub0oNGTSWTBKOLGLNR").await?;
/// # Ok(()) }
/// ```
#[doc(alias = "assignUserToGroup")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(PUT "/api/v1/groups/{groupId}/users/{userId}", response = (), call = crate::Client::add_user_to_group)]
pub struct AddUserToGroup {
    #[endpoint(path)]
    group_id: String,
    #[endpoint(path)]
    user_id: String,
}

/// Removes a user from a group with `OKTA_GROUP` type.
///
/// `DELETE /api/v1/groups/{groupId}/users/{userId}` → `204 No Content`.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// client.remove_group_user("00g1emaKYZTWRYYRRTSK", "00ub0oNGTSWTBKOLGLNR").await?;
/// # Ok(()) }
/// ```
#[doc(alias = "unassignUserFromGroup")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(DELETE "/api/v1/groups/{groupId}/users/{userId}", response = (), call = crate::Client::remove_group_user)]
pub struct RemoveGroupUser {
    #[endpoint(path)]
    group_id: String,
    #[endpoint(path)]
    user_id: String,
}
