//! User lifecycle: `/api/v1/users/{userId}/lifecycle/*`.

use crate::Endpoint;
use crate::models::{ExpirePasswordResponse, ResetPasswordToken, UserActivationToken};

/// Activates a user. This operation can only be performed on users with a `STAGED` status.
/// Activation is asynchronous: the user has `transitioningToStatus: ACTIVE` until it completes,
/// then status `ACTIVE`.
///
/// `POST /api/v1/users/{userId}/lifecycle/activate` → [`UserActivationToken`]
/// (`{activationUrl, activationToken}` only when `sendEmail=false`; `{}` otherwise, so both
/// fields are `None`).
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// let token = client.activate_user("00ub0oNGTSWTBKOLGLNR", false).await?;
/// let url = token.activation_url.as_ref().map(|u| u.expose());
/// # let _ = url; Ok(()) }
/// ```
#[doc(alias = "activateUser")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(POST "/api/v1/users/{userId}/lifecycle/activate", response = UserActivationToken, call = crate::Client::activate_user)]
pub struct ActivateUser {
    #[endpoint(path)]
    user_id: String,
    #[endpoint(query)]
    send_email: bool,
}

/// Deactivates a user. This operation can only be performed on users that do not have a
/// `DEPROVISIONED` status. Deactivation is asynchronous: the user has
/// `transitioningToStatus: DEPROVISIONED` until it completes, then status `DEPROVISIONED`.
///
/// `POST /api/v1/users/{userId}/lifecycle/deactivate` → nothing (Okta answers `200 {}` or
/// `204 No Content`; both are success).
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// client.deactivate_user("00ub0oNGTSWTBKOLGLNR").send_email(true).await?;
/// # Ok(()) }
/// ```
#[doc(alias = "deactivateUser")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(POST "/api/v1/users/{userId}/lifecycle/deactivate", response = (), call = crate::Client::deactivate_user)]
pub struct DeactivateUser {
    #[endpoint(path)]
    user_id: String,
    /// Sends a deactivation email to the administrator (server default false).
    #[endpoint(query)]
    send_email: Option<bool>,
}

/// Suspends a user. This operation can only be performed on users with an `ACTIVE` status. The
/// user will have a status of `SUSPENDED` when the process is complete.
///
/// `POST /api/v1/users/{userId}/lifecycle/suspend` → nothing (`200 {}`).
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// client.suspend_user("00ub0oNGTSWTBKOLGLNR").await?;
/// # Ok(()) }
/// ```
#[doc(alias = "suspendUser")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(POST "/api/v1/users/{userId}/lifecycle/suspend", response = (), call = crate::Client::suspend_user)]
pub struct SuspendUser {
    #[endpoint(path)]
    user_id: String,
}

/// Unsuspends a user and returns them to the `ACTIVE` state. This operation can only be performed
/// on users that have a `SUSPENDED` status.
///
/// `POST /api/v1/users/{userId}/lifecycle/unsuspend` → nothing (`200 {}`).
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// client.unsuspend_user("00ub0oNGTSWTBKOLGLNR").await?;
/// # Ok(()) }
/// ```
#[doc(alias = "unsuspendUser")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(POST "/api/v1/users/{userId}/lifecycle/unsuspend", response = (), call = crate::Client::unsuspend_user)]
pub struct UnsuspendUser {
    #[endpoint(path)]
    user_id: String,
}

/// Unlocks a user with a `LOCKED_OUT` status and returns them to `ACTIVE` status. Users will be
/// able to log in with their current password.
///
/// `POST /api/v1/users/{userId}/lifecycle/unlock` → nothing (`200 {}`).
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// client.unlock_user("00ub0oNGTSWTBKOLGLNR").await?;
/// # Ok(()) }
/// ```
#[doc(alias = "unlockUser")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(POST "/api/v1/users/{userId}/lifecycle/unlock", response = (), call = crate::Client::unlock_user)]
pub struct UnlockUser {
    #[endpoint(path)]
    user_id: String,
}

/// Transitions the user to the status of `PASSWORD_EXPIRED` so that the user is required to
/// change their password at their next login.
///
/// `POST /api/v1/users/{userId}/lifecycle/expire_password` → [`ExpirePasswordResponse`]: the
/// [`User`](crate::models::User) by default, `{tempPassword}` with `tempPassword=true`.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// let expired = client.expire_password("00ub0oNGTSWTBKOLGLNR").temp_password(true).await?;
/// let temp = expired.temp_password().map(|p| p.expose());
/// # let _ = temp; Ok(()) }
/// ```
#[doc(alias = "expirePassword")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(POST "/api/v1/users/{userId}/lifecycle/expire_password", response = ExpirePasswordResponse, call = crate::Client::expire_password)]
pub struct ExpirePassword {
    #[endpoint(path)]
    user_id: String,
    /// Sets the user's password to a temporary password, if true.
    #[endpoint(query)]
    temp_password: Option<bool>,
}

/// Generates a one-time token (OTT) that can be used to reset a user's password. The OTT link can
/// be automatically emailed to the user or returned to the API caller and distributed using a
/// custom flow.
///
/// `POST /api/v1/users/{userId}/lifecycle/reset_password` → [`ResetPasswordToken`]
/// (`{resetPasswordUrl}` only when `sendEmail=false`; `{}` otherwise). Not the Authentication
/// API's `reset_password`.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// let token = client.reset_password_by_user("00ub0oNGTSWTBKOLGLNR").send_email(false).await?;
/// let url = token.reset_password_url.as_ref().map(|u| u.expose());
/// # let _ = url; Ok(()) }
/// ```
#[doc(alias = "resetPassword")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(POST "/api/v1/users/{userId}/lifecycle/reset_password", response = ResetPasswordToken, call = crate::Client::reset_password_by_user)]
pub struct ResetPasswordByUser {
    #[endpoint(path)]
    user_id: String,
    /// Sets the query parameter `provider` (only in the 1.x API specification).
    #[endpoint(query)]
    provider: Option<String>,
    /// Emails the reset link to the user (server default true); with false, it is returned.
    #[endpoint(query)]
    send_email: Option<bool>,
}

/// Resets all factors for the specified user: every MFA factor enrollment returns to the
/// unenrolled state. The user's status remains `ACTIVE`. Only available when the user is enrolled
/// in one or more MFA factors.
///
/// `POST /api/v1/users/{userId}/lifecycle/reset_factors` → nothing (`200 {}`).
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// client.reset_all_factors("00ub0oNGTSWTBKOLGLNR").await?;
/// # Ok(()) }
/// ```
#[doc(alias = "resetFactors")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(POST "/api/v1/users/{userId}/lifecycle/reset_factors", response = (), call = crate::Client::reset_all_factors)]
pub struct ResetAllFactors {
    #[endpoint(path)]
    user_id: String,
}
