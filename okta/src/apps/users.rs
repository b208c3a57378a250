//! Users assigned to an application: `/api/v1/apps/{appId}/users`.

use crate::Endpoint;
use crate::models::AppUser;

/// Assigns a user to an application with credentials and an app-specific profile. Profile
/// mappings defined for the application are first applied before applying any profile
/// properties specified in the request.
///
/// `POST /api/v1/apps/{appId}/users` with an [`AppUser`] body → the assigned [`AppUser`].
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use okta::models::AppUser;
/// let body = AppUser::new("00u15s1KDETTQMQYABRL").with_user_name("saml.jackson@example.com");
/// let assignment = client.assign_user_to_application("0oa1gjh63g214q0Hq0g4", body).await?;
/// # let _ = assignment; Ok(()) }
/// ```
#[doc(alias = "assignUserToApplication")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(POST "/api/v1/apps/{appId}/users", response = AppUser, call = crate::Client::assign_user_to_application)]
pub struct AssignUserToApplication {
    #[endpoint(path)]
    app_id: String,
    #[endpoint(body)]
    body: AppUser,
}

/// Fetches a specific user assignment for an application by `id`.
///
/// `GET /api/v1/apps/{appId}/users/{userId}` → [`AppUser`].
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// let assignment = client.get_application_user("0oa1gjh63g214q0Hq0g4", "00u15s1KDETTQMQYABRL").await?;
/// if let Some(user_name) = assignment.credentials.and_then(|c| c.user_name) {
///     println!("signs in to the app as {user_name}");
/// }
/// # Ok(()) }
/// ```
#[doc(alias = "getApplicationUser")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(GET "/api/v1/apps/{appId}/users/{userId}", response = AppUser, call = crate::Client::get_application_user)]
pub struct GetApplicationUser {
    #[endpoint(path)]
    app_id: String,
    #[endpoint(path)]
    user_id: String,
    /// `user` embeds the Okta user in `_embedded`.
    #[endpoint(query)]
    expand: Option<String>,
}

/// Updates a user's credentials or profile for an application.
///
/// `POST /api/v1/apps/{appId}/users/{userId}` (POST, not PUT) with an [`AppUser`] body → the
/// updated [`AppUser`].
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use okta::models::AppUser;
/// let body = AppUser::default().with_user_name("saml.jackson@example.com");
/// let assignment = client.update_application_user("0oa1gjh63g214q0Hq0g4", "00u15s1KDETTQMQYABRL", body).await?;
/// # let _ = assignment; Ok(()) }
/// ```
#[doc(alias = "updateApplicationUser")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(POST "/api/v1/apps/{appId}/users/{userId}", response = AppUser, call = crate::Client::update_application_user)]
pub struct UpdateApplicationUser {
    #[endpoint(path)]
    app_id: String,
    #[endpoint(path)]
    user_id: String,
    #[endpoint(body)]
    body: AppUser,
}

/// Removes an assignment for a user from an application.
///
/// `DELETE /api/v1/apps/{appId}/users/{userId}` → `204 No Content`.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// client.delete_application_user("0oa1gjh63g214q0Hq0g4", "00u15s1KDETTQMQYABRL").send_email(true).await?;
/// # Ok(()) }
/// ```
#[doc(alias = "unassignUserFromApplication")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(DELETE "/api/v1/apps/{appId}/users/{userId}", response = (), call = crate::Client::delete_application_user)]
pub struct DeleteApplicationUser {
    #[endpoint(path)]
    app_id: String,
    #[endpoint(path)]
    user_id: String,
    /// Sends a deactivation email to the administrator (server default false).
    #[endpoint(query)]
    send_email: Option<bool>,
}

/// Enumerates all assigned application users for an application.
///
/// `GET /api/v1/apps/{appId}/users` → pages of [`AppUser`]s, following `Link: rel="next"`.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use futures::TryStreamExt;
/// let mut assignments = client.list_application_users("0oa1gjh63g214q0Hq0g4").stream();
/// while let Some(assignment) = assignments.try_next().await? {
///     if let Some(id) = &assignment.id {
///         println!("{id}");
///     }
/// }
/// # Ok(()) }
/// ```
#[doc(alias = "listApplicationUsers")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(GET "/api/v1/apps/{appId}/users", response = AppUser, paginated(page_size = 500), call = crate::Client::list_application_users)]
pub struct ListApplicationUsers {
    #[endpoint(path)]
    app_id: String,
    /// Searches assigned users by `userName`, first name, last name or email prefix.
    #[endpoint(query)]
    q: Option<String>,
    /// Sets the query parameter `query_scope` (only in the 1.x API specification).
    #[endpoint(query, rename = "query_scope")]
    query_scope: Option<String>,
    /// Specifies the pagination cursor for the next page of assignments.
    #[endpoint(query)]
    after: Option<String>,
    /// Specifies the number of results for a page (server default 50, maximum 500; `.stream()`
    /// and `.pages()` ask for 500 unless this is set).
    #[endpoint(query)]
    limit: Option<i32>,
    /// Sets the query parameter `filter` (only in the 1.x API specification).
    #[endpoint(query)]
    filter: Option<String>,
    /// `user` embeds each Okta user in `_embedded`.
    #[endpoint(query)]
    expand: Option<String>,
}
