//! Sessions: `/api/v1/sessions`.

use crate::Endpoint;
use crate::models::{CreateSessionRequest, Session};

/// Creates a new session for a user with a valid session token. Use this API if, for example,
/// you want to set the session cookie yourself instead of allowing Okta to set it, or want to
/// hold the session ID in order to delete a session via the API instead of visiting the logout
/// URL.
///
/// `POST /api/v1/sessions` with a [`CreateSessionRequest`] (`{sessionToken}`, from a `SUCCESS`
/// authentication transaction) → the new [`Session`]; `401` when the token is invalid or was
/// already used.
///
/// Deprecated upstream: the current Management API spec no longer lists this operation (the
/// developer docs still do); prefer letting Okta set the session cookie.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use okta::models::CreateSessionRequest;
/// let session = client.create_session(CreateSessionRequest::new("20111sWJ9-Xy_W6dRVrdPaIlJqv0ezk9DSaz")).await?;
/// if let (Some(id), Some(expires_at)) = (&session.id, &session.expires_at) {
///     println!("{id} expires {expires_at}");
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Endpoint)]
#[endpoint(POST "/api/v1/sessions", response = Session, call = crate::Client::create_session)]
pub struct CreateSession {
    #[endpoint(body)]
    body: CreateSessionRequest,
}

/// Get details about a session.
///
/// `GET /api/v1/sessions/{sessionId}` → [`Session`]; `404` when the session is invalid or has
/// expired.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// let session = client.get_session("101W_juydrDRByB7fUdRyE2JQ").await?;
/// if let (Some(login), Some(status)) = (&session.login, &session.status) {
///     println!("{login} {status}");
/// }
/// # Ok(()) }
/// ```
#[doc(alias = "getSession")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(GET "/api/v1/sessions/{sessionId}", response = Session, call = crate::Client::get_session)]
pub struct GetSession {
    #[endpoint(path)]
    session_id: String,
}

/// Refreshes an existing session, extending its lifetime by the session lifetime of the org's
/// sign-on policy.
///
/// `POST /api/v1/sessions/{sessionId}/lifecycle/refresh` (no body) → the refreshed [`Session`]
/// with a new `expiresAt`.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// let session = client.refresh_session("101W_juydrDRByB7fUdRyE2JQ").await?;
/// if let Some(expires_at) = &session.expires_at {
///     println!("now expires {expires_at}");
/// }
/// # Ok(()) }
/// ```
#[doc(alias = "refreshSession")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(POST "/api/v1/sessions/{sessionId}/lifecycle/refresh", response = Session, call = crate::Client::refresh_session)]
pub struct RefreshSession {
    #[endpoint(path)]
    session_id: String,
}

/// Ends (revokes) a session, signing the user out of it.
///
/// `DELETE /api/v1/sessions/{sessionId}` → nothing (204).
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// client.end_session("101W_juydrDRByB7fUdRyE2JQ").await?;
/// # Ok(()) }
/// ```
#[doc(alias = "revokeSession")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(DELETE "/api/v1/sessions/{sessionId}", response = (), call = crate::Client::end_session)]
pub struct EndSession {
    #[endpoint(path)]
    session_id: String,
}
