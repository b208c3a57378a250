//! Users: `/api/v1/users`.

pub mod credentials;
pub mod factors;
pub mod lifecycle;
pub mod roles;
pub mod sessions;

use crate::Endpoint;
use crate::models::{AppLink, Group, User};

/// Fetches a user from your Okta organization.
///
/// `GET /api/v1/users/{userId}` → [`User`]. `userId` is the user's id, login, or login shortname.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// let user = client.get_user("00ub0oNGTSWTBKOLGLNR").await?;
/// if let Some(status) = &user.status {
///     println!("{} is {status}", user.profile.login);
/// }
/// # Ok(()) }
/// ```
#[doc(alias = "getUser")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(GET "/api/v1/users/{userId}", response = User, call = crate::Client::get_user)]
pub struct GetUser {
    #[endpoint(path)]
    user_id: String,
}

/// Lists users in your organization with pagination in most cases. A subset of users can be
/// returned that match a supported filter expression or search criteria.
///
/// `GET /api/v1/users` → pages of [`User`] (default and maximum `limit` 200), following
/// `Link: rel="next"`.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use futures::TryStreamExt;
/// let mut users = client.list_users().search(r#"profile.department eq "Engineering""#).stream();
/// while let Some(user) = users.try_next().await? {
///     println!("{}", user.profile.login);
/// }
/// # Ok(()) }
/// ```
#[doc(alias = "listUsers")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(GET "/api/v1/users", response = User, paginated(page_size = 200), call = crate::Client::list_users)]
pub struct ListUsers {
    /// Finds a user that matches firstName, lastName, and email properties.
    #[endpoint(query)]
    q: Option<String>,
    /// Specifies the pagination cursor for the next page of users.
    #[endpoint(query)]
    after: Option<String>,
    /// Specifies the number of results returned (default and maximum 200).
    #[endpoint(query)]
    limit: Option<i32>,
    /// Filters users with a supported expression for a subset of properties.
    #[endpoint(query)]
    filter: Option<String>,
    /// Sets the query parameter `format`.
    #[endpoint(query)]
    format: Option<String>,
    /// Searches for users with a supported filtering expression for most properties.
    #[endpoint(query)]
    search: Option<String>,
    /// Sets the query parameter `expand`.
    #[endpoint(query)]
    expand: Option<String>,
}

/// Creates a new user in your Okta organization with or without credentials.
///
/// `POST /api/v1/users` with a [`User`] body → the created [`User`]. `activate` defaults to true
/// on the server.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use okta::models::{User, UserProfile};
/// let profile = UserProfile::new("ada@example.com", "ada@example.com", "Ada", "Lovelace");
/// let user = client.create_user(User::new(profile).with_password("correct horse battery staple")).activate(true).await?;
/// # let _ = user; Ok(()) }
/// ```
#[doc(alias = "createUser")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(POST "/api/v1/users", response = User, call = crate::Client::create_user)]
pub struct CreateUser {
    #[endpoint(body)]
    body: User,
    /// Executes the activation lifecycle operation when creating the user (server default true).
    #[endpoint(query)]
    activate: Option<bool>,
    /// Indicates whether to create a user with a specified authentication provider (default false).
    #[endpoint(query)]
    provider: Option<bool>,
    /// With activate=true, set nextLogin to `changePassword` to have the password expire.
    #[endpoint(query)]
    next_login: Option<String>,
}

/// Updates a user's profile and/or credentials using strict-update semantics.
///
/// `PUT /api/v1/users/{userId}` with a [`User`] body → the updated [`User`]. PUT replaces the
/// whole profile: fetch the user, change it, and send it back (unknown attributes are kept).
/// `strict=true` also validates the password against the password policy.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// let mut user = client.get_user("00ub0oNGTSWTBKOLGLNR").await?;
/// user.profile.mobile_phone = Some("555-415-1337".into());
/// let user = client.update_user("00ub0oNGTSWTBKOLGLNR", user).await?;
/// # let _ = user; Ok(()) }
/// ```
#[doc(alias = "replaceUser")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(PUT "/api/v1/users/{userId}", response = User, call = crate::Client::update_user)]
pub struct UpdateUser {
    #[endpoint(path)]
    user_id: String,
    #[endpoint(body)]
    body: User,
    /// Validates the new password (if any) against the password policy.
    #[endpoint(query)]
    strict: Option<bool>,
}

/// Deactivates a user, or deletes a deactivated one. Deletion is permanent: **this action cannot
/// be recovered!**
///
/// `DELETE /api/v1/users/{userId}` → `204 No Content`. On a user who is not `DEPROVISIONED` the
/// first call deactivates the user; a second call deletes them.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// client.deactivate_or_delete_user("00ub0oNGTSWTBKOLGLNR").await?; // deactivates
/// client.deactivate_or_delete_user("00ub0oNGTSWTBKOLGLNR").await?; // deletes
/// # Ok(()) }
/// ```
#[doc(alias = "deleteUser")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(DELETE "/api/v1/users/{userId}", response = (), call = crate::Client::deactivate_or_delete_user)]
pub struct DeactivateOrDeleteUser {
    #[endpoint(path)]
    user_id: String,
    /// Sends a deactivation email to the administrator (server default false).
    #[endpoint(query)]
    send_email: Option<bool>,
}

/// Fetches the groups of which the user is a member.
///
/// `GET /api/v1/users/{userId}/groups` → a list of [`Group`]s, following `Link: rel="next"`
/// when the server sends one.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use futures::TryStreamExt;
/// let groups: Vec<_> = client.list_user_groups("00ub0oNGTSWTBKOLGLNR").stream().try_collect().await?;
/// # let _ = groups; Ok(()) }
/// ```
#[doc(alias = "listUserGroups")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(GET "/api/v1/users/{userId}/groups", response = Group, paginated, call = crate::Client::list_user_groups)]
pub struct ListUserGroups {
    #[endpoint(path)]
    user_id: String,
    /// Specifies the pagination cursor for the next page of groups.
    #[endpoint(query)]
    after: Option<String>,
    /// Specifies the number of groups in a page.
    #[endpoint(query)]
    limit: Option<i32>,
}

/// Fetches appLinks for all direct or indirect (via group membership) assigned applications.
///
/// `GET /api/v1/users/{userId}/appLinks` → a list of [`AppLink`]s (not paginated by Okta).
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// let links = client.list_app_links("00ub0oNGTSWTBKOLGLNR").show_all(true).await?;
/// for link in links.items {
///     if let (Some(label), Some(url)) = (&link.label, &link.link_url) {
///         println!("{label}: {url}");
///     }
/// }
/// # Ok(()) }
/// ```
#[doc(alias = "listAppLinks")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(GET "/api/v1/users/{userId}/appLinks", response = AppLink, paginated, call = crate::Client::list_app_links)]
pub struct ListAppLinks {
    #[endpoint(path)]
    user_id: String,
    /// Also returns links of hidden apps (server default false).
    #[endpoint(query)]
    show_all: Option<bool>,
}
