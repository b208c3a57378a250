//! Users: `/api/v1/users`.

pub mod credentials;
pub mod factors;
pub mod lifecycle;
pub mod roles;
pub mod sessions;

use crate::Endpoint;
use crate::models::User;

/// Fetches a user from your Okta organization.
///
/// `GET /api/v1/users/{userId}` → [`User`]. `userId` is the user's id, login, or login shortname.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// let user = client.get_user("00ub0oNGTSWTBKOLGLNR").await?;
/// println!("{} is {:?}", user.profile.login, user.status);
/// # Ok(()) }
/// ```
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
#[derive(Debug, Clone, Endpoint)]
#[endpoint(GET "/api/v1/users", response = User, paginated, call = crate::Client::list_users)]
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
