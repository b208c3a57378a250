//! A user's sessions: `/api/v1/users/{userId}/sessions`.

use crate::Endpoint;

/// Removes all active identity provider sessions of a user. This forces the user to authenticate
/// on the next operation. Optionally revokes OpenID Connect and OAuth refresh and access tokens
/// issued to the user.
///
/// `DELETE /api/v1/users/{userId}/sessions` → `204 No Content`.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// client.end_all_user_sessions("00ub0oNGTSWTBKOLGLNR").oauth_tokens(true).await?;
/// # Ok(()) }
/// ```
#[doc(alias = "revokeUserSessions")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(DELETE "/api/v1/users/{userId}/sessions", response = (), call = crate::Client::end_all_user_sessions)]
pub struct EndAllUserSessions {
    #[endpoint(path)]
    user_id: String,
    /// Revokes issued OpenID Connect and OAuth refresh and access tokens (server default false).
    #[endpoint(query)]
    oauth_tokens: Option<bool>,
}
