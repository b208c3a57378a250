//! User credentials: `/api/v1/users/{userId}/credentials/*`.

use crate::Endpoint;
use crate::models::{ChangePasswordRequest, ForgotPasswordByUserResponse, UserCredentials};

/// Changes a user's password by validating the user's current password. This operation can only
/// be performed on users in `STAGED`, `ACTIVE`, `PASSWORD_EXPIRED`, or `RECOVERY` status that have
/// a valid password credential.
///
/// `POST /api/v1/users/{userId}/credentials/change_password` with a [`ChangePasswordRequest`]
/// body → the user's [`UserCredentials`]. Not the Authentication API's `change_password`.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use okta::models::ChangePasswordRequest;
/// let body = ChangePasswordRequest::new("tlpWENT2m", "uTVM,TPw55");
/// let credentials = client.change_password_by_user("00ub0oNGTSWTBKOLGLNR", body).strict(true).await?;
/// # let _ = credentials; Ok(()) }
/// ```
#[doc(alias = "changePassword")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(POST "/api/v1/users/{userId}/credentials/change_password", response = UserCredentials, call = crate::Client::change_password_by_user)]
pub struct ChangePasswordByUser {
    #[endpoint(path)]
    user_id: String,
    #[endpoint(body)]
    body: ChangePasswordRequest,
    /// Validates the new password against the password policy (history, minimum age, …).
    #[endpoint(query)]
    strict: Option<bool>,
}

/// Changes a user's recovery question & answer credential by validating the user's current
/// password. This operation can only be performed on users in `STAGED`, `ACTIVE` or `RECOVERY`
/// status that have a valid password credential.
///
/// `POST /api/v1/users/{userId}/credentials/change_recovery_question` with a [`UserCredentials`]
/// body (`{password, recovery_question}`) → the user's [`UserCredentials`].
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use okta::models::UserCredentials;
/// let body = UserCredentials::password_and_recovery_question("tlpWENT2m", "How many roads?", "forty two");
/// let credentials = client.change_recovery_question("00ub0oNGTSWTBKOLGLNR", body).await?;
/// # let _ = credentials; Ok(()) }
/// ```
#[doc(alias = "changeRecoveryQuestion")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(POST "/api/v1/users/{userId}/credentials/change_recovery_question", response = UserCredentials, call = crate::Client::change_recovery_question)]
pub struct ChangeRecoveryQuestion {
    #[endpoint(path)]
    user_id: String,
    #[endpoint(body)]
    body: UserCredentials,
}

/// Generates a one-time token (OTT) that can be used to reset a user's password. The user will
/// be required to validate their security question's answer when visiting the reset link. This
/// operation can only be performed on users with a valid recovery question credential and an
/// `ACTIVE` status.
///
/// `POST /api/v1/users/{userId}/credentials/forgot_password` → [`ForgotPasswordByUserResponse`]:
/// without a body, `{}` (the email is sent) or `{resetPasswordUrl}` (`sendEmail=false`); with a
/// [`UserCredentials`] body (`{password: {value}, recovery_question: {answer}}`), the password is
/// reset at once and the user's credentials come back. Not the Authentication API's
/// `forgot_password`.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// let reset = client.forgot_password_by_user("00ub0oNGTSWTBKOLGLNR").send_email(false).await?;
/// let url = reset.reset_password_url().map(|u| u.expose());
/// # let _ = url; Ok(()) }
/// ```
#[doc(alias = "forgotPassword")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(POST "/api/v1/users/{userId}/credentials/forgot_password", response = ForgotPasswordByUserResponse, call = crate::Client::forgot_password_by_user)]
pub struct ForgotPasswordByUser {
    #[endpoint(path)]
    user_id: String,
    /// Emails the reset link to the user (server default true); with false, it is returned.
    #[endpoint(query)]
    send_email: Option<bool>,
    /// The new password and the answer to the recovery question, to reset the password at once.
    #[endpoint(body)]
    body: Option<UserCredentials>,
}
