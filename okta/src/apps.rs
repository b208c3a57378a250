//! Applications: `/api/v1/apps`.

pub mod groups;
pub mod keys;
pub mod users;

use crate::Endpoint;
use crate::models::Application;

/// Adds a new application to your Okta organization.
///
/// `POST /api/v1/apps` with an [`Application`] body → the created [`Application`].
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use okta::models::Application;
/// let app = Application::bookmark("Sample Bookmark App", "https://example.com/bookmark.htm");
/// let app = client.create_application(app).activate(false).await?;
/// # let _ = app; Ok(()) }
/// ```
#[doc(alias = "createApplication")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(POST "/api/v1/apps", response = Application, call = crate::Client::create_application)]
pub struct CreateApplication {
    #[endpoint(body)]
    body: Application,
    /// Executes activation lifecycle operation when creating the app (server default true).
    #[endpoint(query)]
    activate: Option<bool>,
}

/// Fetches an application from your Okta organization by `id`.
///
/// `GET /api/v1/apps/{appId}` → [`Application`].
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// let app = client.get_application("0oa1gjh63g214q0Hq0g4").await?;
/// if let (Some(label), Some(status)) = (&app.label, &app.status) {
///     println!("{label} is {status}");
/// }
/// # Ok(()) }
/// ```
#[doc(alias = "getApplication")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(GET "/api/v1/apps/{appId}", response = Application, call = crate::Client::get_application)]
pub struct GetApplication {
    #[endpoint(path)]
    app_id: String,
    /// Traverses the users link relationship and optionally embeds the Application User resource
    /// (`user/{userId}`).
    #[endpoint(query)]
    expand: Option<String>,
}

/// Updates an application in your organization.
///
/// `PUT /api/v1/apps/{appId}` with an [`Application`] body → the updated [`Application`]. PUT
/// replaces the whole application: fetch it, change it, send it back.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// let mut app = client.get_application("0oa1gjh63g214q0Hq0g4").await?;
/// app.label = Some("Renamed App".into());
/// let app = client.update_application("0oa1gjh63g214q0Hq0g4", app).await?;
/// # let _ = app; Ok(()) }
/// ```
#[doc(alias = "replaceApplication")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(PUT "/api/v1/apps/{appId}", response = Application, call = crate::Client::update_application)]
pub struct UpdateApplication {
    #[endpoint(path)]
    app_id: String,
    #[endpoint(body)]
    body: Application,
}

/// Removes an inactive application.
///
/// `DELETE /api/v1/apps/{appId}` → `204 No Content`. Deactivate the app first.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// client.deactivate_application("0oa1gjh63g214q0Hq0g4").await?;
/// client.delete_application("0oa1gjh63g214q0Hq0g4").await?;
/// # Ok(()) }
/// ```
#[doc(alias = "deleteApplication")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(DELETE "/api/v1/apps/{appId}", response = (), call = crate::Client::delete_application)]
pub struct DeleteApplication {
    #[endpoint(path)]
    app_id: String,
}

/// Enumerates apps added to your organization with pagination. A subset of apps can be returned
/// that match a supported filter expression or query.
///
/// `GET /api/v1/apps` → pages of [`Application`]s, following `Link: rel="next"`.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use futures::TryStreamExt;
/// let mut apps = client.list_applications().filter(r#"status eq "ACTIVE""#).stream();
/// while let Some(app) = apps.try_next().await? {
///     if let Some(label) = &app.label {
///         println!("{label}");
///     }
/// }
/// # Ok(()) }
/// ```
#[doc(alias = "listApplications")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(GET "/api/v1/apps", response = Application, paginated(page_size = 200), call = crate::Client::list_applications)]
pub struct ListApplications {
    /// Searches apps by `name` or `label`.
    #[endpoint(query)]
    q: Option<String>,
    /// Specifies the pagination cursor for the next page of apps.
    #[endpoint(query)]
    after: Option<String>,
    /// Specifies the number of results for a page (server default 20, maximum 200; `.stream()`
    /// and `.pages()` ask for 200 unless this is set).
    #[endpoint(query)]
    limit: Option<i32>,
    /// Filters apps by status, user.id, group.id or credentials.signing.kid expression.
    #[endpoint(query)]
    filter: Option<String>,
    /// Traverses users link relationship and optionally embeds Application User resource.
    #[endpoint(query)]
    expand: Option<String>,
    /// Also lists apps in `DELETED` status (server default false).
    #[endpoint(query)]
    include_non_deleted: Option<bool>,
}

/// Activates an inactive application.
///
/// `POST /api/v1/apps/{appId}/lifecycle/activate` → nothing (`200 {}`).
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// client.activate_application("0oa1gjh63g214q0Hq0g4").await?;
/// # Ok(()) }
/// ```
#[doc(alias = "activateApplication")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(POST "/api/v1/apps/{appId}/lifecycle/activate", response = (), call = crate::Client::activate_application)]
pub struct ActivateApplication {
    #[endpoint(path)]
    app_id: String,
}

/// Deactivates an active application.
///
/// `POST /api/v1/apps/{appId}/lifecycle/deactivate` → nothing (`200 {}`).
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// client.deactivate_application("0oa1gjh63g214q0Hq0g4").await?;
/// # Ok(()) }
/// ```
#[doc(alias = "deactivateApplication")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(POST "/api/v1/apps/{appId}/lifecycle/deactivate", response = (), call = crate::Client::deactivate_application)]
pub struct DeactivateApplication {
    #[endpoint(path)]
    app_id: String,
}
