//! Authentication API recovery: forgot password, unlock, recovery factors (`/api/v1/authn/recovery`), and password changes in a transaction.
//!
//! A recovery answers with a [`RecoveryTransaction`] (the same object as an authentication
//! transaction, with `recoveryToken`, `recoveryType` and `factorType` set).
//!
//! The SMS and call recovery paths use lower-case `sms`/`call`, as Okta's docs do; the `_links`
//! inside responses spell them `SMS`/`CALL` (Okta's official SDKs use both forms).

use crate::Endpoint;
use crate::models::authn::ChangePasswordRequest;
use crate::models::{
    AuthenticationTransaction, RecoverPasswordRequest, RecoveryQuestionAnswerRequest, RecoveryTransaction,
    ResetPasswordRequest, StateTokenRequest, UnlockAccountRequest, VerifyRecoverTokenRequest, VerifyRecoveryRequest,
};

/// Starts a new password recovery transaction for a given user and issues a recovery token that can
/// be used to reset a user's password. Self-service password reset (forgot password) must be
/// permitted via the user's assigned password policy to use this operation.
///
/// `POST /api/v1/authn/recovery/password` with a [`RecoverPasswordRequest`] (`{username,
/// factorType: EMAIL|SMS|CALL, relayState}`) → [`RecoveryTransaction`]. A public application always
/// gets `RECOVERY_CHALLENGE` (even for an unknown username, so as not to reveal it); a trusted
/// application (API token) gets the `recoveryToken` itself, and `403` (`E0000095`) for an unknown
/// user. This is not the Management API's `forgot_password_by_user`.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use okta::models::{RecoverPasswordRequest, RecoveryFactorType};
/// let body = RecoverPasswordRequest::new("dade.murphy@example.com", RecoveryFactorType::Sms);
/// let transaction = client.forgot_password(body).await?;
/// if let Some(status) = &transaction.status {
///     println!("{status}");
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Endpoint)]
#[endpoint(
    POST "/api/v1/authn/recovery/password",
    response = RecoveryTransaction,
    call = crate::Client::forgot_password
)]
pub struct ForgotPassword {
    #[endpoint(body)]
    body: RecoverPasswordRequest,
    /// The end user's browser or app.
    #[endpoint(header = "User-Agent")]
    user_agent: Option<String>,
    /// The end user's IP address (honoured for trusted applications only).
    #[endpoint(header = "X-Forwarded-For")]
    x_forwarded_for: Option<String>,
}

/// Starts a new unlock recovery transaction for a given user and issues a recovery token that can
/// be used to unlock a user's account (with an email or SMS factor, or as a trusted application).
/// Self-service unlock must be permitted via the user's assigned password policy to use this
/// operation.
///
/// `POST /api/v1/authn/recovery/unlock` with an [`UnlockAccountRequest`] (`{username, factorType:
/// EMAIL|SMS, relayState}`; `factorType` may be left out only with an API token) →
/// [`RecoveryTransaction`] (`RECOVERY_CHALLENGE`, or the `recoveryToken` for a trusted
/// application).
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use okta::models::{RecoveryFactorType, UnlockAccountRequest};
/// let body = UnlockAccountRequest::new("dade.murphy@example.com", RecoveryFactorType::Email);
/// let transaction = client.unlock_account(body).await?;
/// if let Some(status) = &transaction.status {
///     println!("{status}");
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Endpoint)]
#[endpoint(POST "/api/v1/authn/recovery/unlock", response = RecoveryTransaction, call = crate::Client::unlock_account)]
pub struct UnlockAccount {
    #[endpoint(body)]
    body: UnlockAccountRequest,
    /// The end user's browser or app.
    #[endpoint(header = "User-Agent")]
    user_agent: Option<String>,
    /// The end user's IP address (honoured for trusted applications only).
    #[endpoint(header = "X-Forwarded-For")]
    x_forwarded_for: Option<String>,
}

/// Validates a recovery token that was distributed to the end user to continue the recovery
/// transaction.
///
/// `POST /api/v1/authn/recovery/token` with a [`VerifyRecoverTokenRequest`] (`{recoveryToken}`) →
/// [`RecoveryTransaction`] in the `RECOVERY` state with a new `stateToken` (answer the recovery
/// question next).
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use okta::models::VerifyRecoverTokenRequest;
/// let transaction = client.verify_recovery_token(VerifyRecoverTokenRequest::new("VBQ0gwBp5LyJJFdbmWCM")).await?;
/// if let Some(status) = &transaction.status {
///     println!("{status}");
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Endpoint)]
#[endpoint(
    POST "/api/v1/authn/recovery/token",
    response = RecoveryTransaction,
    call = crate::Client::verify_recovery_token
)]
pub struct VerifyRecoveryToken {
    #[endpoint(body)]
    body: VerifyRecoverTokenRequest,
    /// The end user's browser or app.
    #[endpoint(header = "User-Agent")]
    user_agent: Option<String>,
}

/// Answers the user's recovery question to ensure only the end user redeemed the recovery token for
/// recovery transaction with a RECOVERY status.
///
/// `POST /api/v1/authn/recovery/answer` with a [`RecoveryQuestionAnswerRequest`] (`{stateToken,
/// answer}`) → [`RecoveryTransaction`]: `PASSWORD_RESET` for a password recovery, `SUCCESS` for an
/// unlock.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use okta::models::RecoveryQuestionAnswerRequest;
/// let body = RecoveryQuestionAnswerRequest::new("00lMJySRYNz3u_rKQrsLvLrzxiARgivP8FB_1gpmVb", "Annie Oakley");
/// let transaction = client.answer_recovery_question(body).await?;
/// if let Some(status) = &transaction.status {
///     println!("{status}");
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Endpoint)]
#[endpoint(
    POST "/api/v1/authn/recovery/answer",
    response = RecoveryTransaction,
    call = crate::Client::answer_recovery_question
)]
pub struct AnswerRecoveryQuestion {
    #[endpoint(body)]
    body: RecoveryQuestionAnswerRequest,
    /// The end user's browser or app.
    #[endpoint(header = "User-Agent")]
    user_agent: Option<String>,
}

/// Verifies a SMS OTP (passCode) sent to the user's mobile phone for primary authentication for a
/// recovery transaction with RECOVERY_CHALLENGE status.
///
/// `POST /api/v1/authn/recovery/factors/sms/verify` with a [`VerifyRecoveryRequest`] (`{stateToken,
/// passCode}`) → [`RecoveryTransaction`] in the `RECOVERY` state (answer the recovery question
/// next).
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use okta::models::VerifyRecoveryRequest;
/// let body = VerifyRecoveryRequest::new("00lMJySRYNz3u_rKQrsLvLrzxiARgivP8FB_1gpmVb", "657866");
/// let transaction = client.verify_sms_recovery_factor(body).await?;
/// if let Some(status) = &transaction.status {
///     println!("{status}");
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Endpoint)]
#[endpoint(
    POST "/api/v1/authn/recovery/factors/sms/verify",
    response = RecoveryTransaction,
    call = crate::Client::verify_sms_recovery_factor
)]
pub struct VerifySmsRecoveryFactor {
    #[endpoint(body)]
    body: VerifyRecoveryRequest,
    /// The end user's browser or app.
    #[endpoint(header = "User-Agent")]
    user_agent: Option<String>,
}

/// Resends a SMS OTP (passCode) to the user's mobile phone.
///
/// `POST /api/v1/authn/recovery/factors/sms/resend` with a [`StateTokenRequest`] (`{stateToken}`) →
/// [`RecoveryTransaction`], still `RECOVERY_CHALLENGE`.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use okta::models::StateTokenRequest;
/// let transaction = client.resend_sms_recovery_challenge(StateTokenRequest::new("00lMJySRYNz3u_rKQrsLvLrzxiARgivP8FB_1gpmVb")).await?;
/// if let Some(status) = &transaction.status {
///     println!("{status}");
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Endpoint)]
#[endpoint(
    POST "/api/v1/authn/recovery/factors/sms/resend",
    response = RecoveryTransaction,
    call = crate::Client::resend_sms_recovery_challenge
)]
pub struct ResendSmsRecoveryChallenge {
    #[endpoint(body)]
    body: StateTokenRequest,
    /// The end user's browser or app.
    #[endpoint(header = "User-Agent")]
    user_agent: Option<String>,
}

/// Verifies a Voice Call OTP (passCode) sent to the user's device for primary authentication for a
/// recovery transaction with RECOVERY_CHALLENGE status.
///
/// `POST /api/v1/authn/recovery/factors/call/verify` with a [`VerifyRecoveryRequest`]
/// (`{stateToken, passCode}`) → [`RecoveryTransaction`] in the `RECOVERY` state (answer the
/// recovery question next).
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use okta::models::VerifyRecoveryRequest;
/// let body = VerifyRecoveryRequest::new("00lMJySRYNz3u_rKQrsLvLrzxiARgivP8FB_1gpmVb", "65786");
/// let transaction = client.verify_call_recovery_factor(body).await?;
/// if let Some(status) = &transaction.status {
///     println!("{status}");
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Endpoint)]
#[endpoint(
    POST "/api/v1/authn/recovery/factors/call/verify",
    response = RecoveryTransaction,
    call = crate::Client::verify_call_recovery_factor
)]
pub struct VerifyCallRecoveryFactor {
    #[endpoint(body)]
    body: VerifyRecoveryRequest,
    /// The end user's browser or app.
    #[endpoint(header = "User-Agent")]
    user_agent: Option<String>,
}

/// Resends a Voice Call with OTP (passCode) to the user's phone.
///
/// `POST /api/v1/authn/recovery/factors/call/resend` with a [`StateTokenRequest`] (`{stateToken}`)
/// → [`RecoveryTransaction`], still `RECOVERY_CHALLENGE`.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use okta::models::StateTokenRequest;
/// let transaction = client.resend_call_recovery_challenge(StateTokenRequest::new("00lMJySRYNz3u_rKQrsLvLrzxiARgivP8FB_1gpmVb")).await?;
/// if let Some(status) = &transaction.status {
///     println!("{status}");
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Endpoint)]
#[endpoint(
    POST "/api/v1/authn/recovery/factors/call/resend",
    response = RecoveryTransaction,
    call = crate::Client::resend_call_recovery_challenge
)]
pub struct ResendCallRecoveryChallenge {
    #[endpoint(body)]
    body: StateTokenRequest,
    /// The end user's browser or app.
    #[endpoint(header = "User-Agent")]
    user_agent: Option<String>,
}

/// This operation changes a user's password by providing the existing password and the new password
/// for authentication transactions with either the PASSWORD_EXPIRED or PASSWORD_WARN state. A user
/// must change their expired password for an authentication transaction with PASSWORD_EXPIRED
/// status to successfully complete the transaction. A user may opt-out of changing their password
/// (skip) when the transaction has a PASSWORD_WARN status.
///
/// `POST /api/v1/authn/credentials/change_password` with an
/// [`authn::ChangePasswordRequest`](ChangePasswordRequest) (`{stateToken, oldPassword,
/// newPassword}`, the passwords as plain strings) → [`AuthenticationTransaction`], `SUCCESS` with a
/// `sessionToken`. This is not the Management API's `change_password_by_user`.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use okta::models::authn::ChangePasswordRequest;
/// let body = ChangePasswordRequest::new("007ucIX7PATyn94hsHfOLVaXAmOBkKHWnOOLG43bsb", "correcthorsebatterystaple", "Ch-ch-ch-ch-Changes!");
/// let transaction = client.change_password(body).await?;
/// if let Some(status) = &transaction.status {
///     println!("{status}");
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Endpoint)]
#[endpoint(
    POST "/api/v1/authn/credentials/change_password",
    response = AuthenticationTransaction,
    call = crate::Client::change_password
)]
pub struct ChangePassword {
    #[endpoint(body)]
    body: ChangePasswordRequest,
    /// The end user's browser or app.
    #[endpoint(header = "User-Agent")]
    user_agent: Option<String>,
}

/// Resets a user's password to complete a recovery transaction with a PASSWORD_RESET state.
///
/// `POST /api/v1/authn/credentials/reset_password` with a [`ResetPasswordRequest`] (`{stateToken,
/// newPassword}`) → [`RecoveryTransaction`], `SUCCESS` with a `sessionToken`. This is not the
/// Management API's `reset_password_by_user`.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use okta::models::ResetPasswordRequest;
/// let body = ResetPasswordRequest::new("00lMJySRYNz3u_rKQrsLvLrzxiARgivP8FB_1gpmVb", "Ch-ch-ch-ch-Changes!");
/// let transaction = client.reset_password(body).await?;
/// if transaction.session_token.is_some() {
///     println!("password reset; signed in");
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Endpoint)]
#[endpoint(
    POST "/api/v1/authn/credentials/reset_password",
    response = RecoveryTransaction,
    call = crate::Client::reset_password
)]
pub struct ResetPassword {
    #[endpoint(body)]
    body: ResetPasswordRequest,
    /// The end user's browser or app.
    #[endpoint(header = "User-Agent")]
    user_agent: Option<String>,
}
