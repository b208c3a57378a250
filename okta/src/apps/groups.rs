//! Groups assigned to an application: `/api/v1/apps/{appId}/groups`.

use crate::Endpoint;
use crate::models::ApplicationGroupAssignment;

/// Assigns a group to an application.
///
/// `PUT /api/v1/apps/{appId}/groups/{groupId}` (PUT, not POST) with an
/// [`ApplicationGroupAssignment`] body → the [`ApplicationGroupAssignment`].
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use okta::models::ApplicationGroupAssignment;
/// let assignment = client
///     .create_application_group_assignment("0oa1gjh63g214q0Hq0g4", "00gbkkGFFWZDLCNTAGQR", ApplicationGroupAssignment::new(0))
///     .await?;
/// # let _ = assignment; Ok(()) }
/// ```
#[doc(alias = "assignGroupToApplication")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(PUT "/api/v1/apps/{appId}/groups/{groupId}", response = ApplicationGroupAssignment, call = crate::Client::create_application_group_assignment)]
pub struct CreateApplicationGroupAssignment {
    #[endpoint(path)]
    app_id: String,
    #[endpoint(path)]
    group_id: String,
    #[endpoint(body)]
    body: ApplicationGroupAssignment,
}

/// Fetches an application group assignment.
///
/// `GET /api/v1/apps/{appId}/groups/{groupId}` → [`ApplicationGroupAssignment`].
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// let assignment = client.get_application_group_assignment("0oa1gjh63g214q0Hq0g4", "00gbkkGFFWZDLCNTAGQR").await?;
/// if let Some(priority) = assignment.priority {
///     println!("priority {priority}");
/// }
/// # Ok(()) }
/// ```
#[doc(alias = "getApplicationGroupAssignment")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(GET "/api/v1/apps/{appId}/groups/{groupId}", response = ApplicationGroupAssignment, call = crate::Client::get_application_group_assignment)]
pub struct GetApplicationGroupAssignment {
    #[endpoint(path)]
    app_id: String,
    #[endpoint(path)]
    group_id: String,
    /// `group` embeds the group in `_embedded`.
    #[endpoint(query)]
    expand: Option<String>,
}

/// Removes a group assignment from an application.
///
/// `DELETE /api/v1/apps/{appId}/groups/{groupId}` → `204 No Content`.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// client.delete_application_group_assignment("0oa1gjh63g214q0Hq0g4", "00gbkkGFFWZDLCNTAGQR").await?;
/// # Ok(()) }
/// ```
#[doc(alias = "unassignApplicationFromGroup")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(DELETE "/api/v1/apps/{appId}/groups/{groupId}", response = (), call = crate::Client::delete_application_group_assignment)]
pub struct DeleteApplicationGroupAssignment {
    #[endpoint(path)]
    app_id: String,
    #[endpoint(path)]
    group_id: String,
}

/// Enumerates group assignments for an application.
///
/// `GET /api/v1/apps/{appId}/groups` → pages of [`ApplicationGroupAssignment`]s, following
/// `Link: rel="next"`.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use futures::TryStreamExt;
/// let assignments: Vec<_> = client.list_application_group_assignments("0oa1gjh63g214q0Hq0g4").stream().try_collect().await?;
/// # let _ = assignments; Ok(()) }
/// ```
#[doc(alias = "listApplicationGroupAssignments")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(GET "/api/v1/apps/{appId}/groups", response = ApplicationGroupAssignment, paginated, call = crate::Client::list_application_group_assignments)]
pub struct ListApplicationGroupAssignments {
    #[endpoint(path)]
    app_id: String,
    /// Searches assigned groups by name prefix.
    #[endpoint(query)]
    q: Option<String>,
    /// Specifies the pagination cursor for the next page of assignments.
    #[endpoint(query)]
    after: Option<String>,
    /// Specifies the number of results for a page.
    #[endpoint(query)]
    limit: Option<i32>,
    /// `group` embeds each group in `_embedded`.
    #[endpoint(query)]
    expand: Option<String>,
}
