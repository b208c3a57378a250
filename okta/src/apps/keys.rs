//! An application's signing keys: `/api/v1/apps/{appId}/credentials/keys`.

use crate::Endpoint;
use crate::models::JsonWebKey;

/// Enumerates key credentials for an application.
///
/// `GET /api/v1/apps/{appId}/credentials/keys` → a list of [`JsonWebKey`]s (not paginated by
/// Okta).
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// let keys = client.list_application_keys("0oa1gjh63g214q0Hq0g4").await?;
/// for key in keys.items {
///     if let (Some(kid), Some(expires_at)) = (&key.kid, &key.expires_at) {
///         println!("{kid} expires {expires_at}");
///     }
/// }
/// # Ok(()) }
/// ```
#[doc(alias = "listApplicationKeys")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(GET "/api/v1/apps/{appId}/credentials/keys", response = JsonWebKey, paginated, call = crate::Client::list_application_keys)]
pub struct ListApplicationKeys {
    #[endpoint(path)]
    app_id: String,
}

/// Gets a specific application key credential by `kid`.
///
/// `GET /api/v1/apps/{appId}/credentials/keys/{keyId}` → [`JsonWebKey`].
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// let key = client.get_application_key("0oa1gjh63g214q0Hq0g4", "akm5hvbbevE341ovl0h7").await?;
/// # let _ = key; Ok(()) }
/// ```
#[doc(alias = "getApplicationKey")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(GET "/api/v1/apps/{appId}/credentials/keys/{keyId}", response = JsonWebKey, call = crate::Client::get_application_key)]
pub struct GetApplicationKey {
    #[endpoint(path)]
    app_id: String,
    #[endpoint(path)]
    key_id: String,
}

/// Clones a X.509 certificate for an application key credential from a source application to a
/// target application.
///
/// `POST /api/v1/apps/{appId}/credentials/keys/{keyId}/clone?targetAid=…` →
/// `201 Created` with the target app's new [`JsonWebKey`].
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// let key = client.clone_application_key("0oa1gjh63g214q0Hq0g4", "akm5hvbbevE341ovl0h7", "0oal21k0DVN7DhS3R0g3").await?;
/// # let _ = key; Ok(()) }
/// ```
#[doc(alias = "cloneApplicationKey")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(POST "/api/v1/apps/{appId}/credentials/keys/{keyId}/clone", response = JsonWebKey, call = crate::Client::clone_application_key)]
pub struct CloneApplicationKey {
    #[endpoint(path)]
    app_id: String,
    #[endpoint(path)]
    key_id: String,
    /// Unique key of the target application.
    #[endpoint(query)]
    target_aid: String,
}
