//! The Authentication API: `/api/v1/authn` (primary authentication and transaction state).
//!
//! Every call answers with an [`AuthenticationTransaction`]: its `status` says what comes next,
//! its `stateToken` carries the transaction to the next call, and its `_links` name the next
//! steps. Calls can be made anonymously (a public application) or, with an API token, as a
//! trusted application, which may pass the end user's `X-Forwarded-For`, `User-Agent` and
//! `X-Device-Fingerprint`.

pub mod factors;
pub mod recovery;

use crate::Endpoint;
use crate::models::{AuthenticationRequest, AuthenticationTransaction, StateTokenRequest};

/// Every authentication transaction starts with primary authentication which validates a
/// user's primary password credential. Password Policy, MFA Policy, and Sign-On Policy are
/// evaluated during primary authentication to determine if the user's password is expired, a
/// factor should be enrolled, or additional verification is required. The transaction state of
/// the response depends on the user's status, group memberships and assigned policies.
///
/// `POST /api/v1/authn` with an [`AuthenticationRequest`] → [`AuthenticationTransaction`]:
/// `SUCCESS` with a one-time `sessionToken`, or `MFA_REQUIRED`, `MFA_ENROLL`,
/// `PASSWORD_EXPIRED`, `PASSWORD_WARN`, `LOCKED_OUT`, … with a `stateToken`. Bad credentials
/// answer `401` (`E0000004`). `client.authentication(body)` and
/// `client.primary_authentication(body)` are the same call.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use okta::models::{AuthenticationRequest, AuthnStatus};
/// let body = AuthenticationRequest::new("dade.murphy@example.com", "correcthorsebatterystaple");
/// let transaction = client.authentication(body).user_agent("Mozilla/5.0 (Macintosh)").await?;
/// if transaction.status == Some(AuthnStatus::MfaRequired) {
///     println!("verify one of {} factors", transaction.factors().len());
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Endpoint)]
#[endpoint(
    POST "/api/v1/authn",
    response = AuthenticationTransaction,
    call = crate::Client::authentication,
    call = crate::Client::primary_authentication
)]
pub struct PrimaryAuthentication {
    #[endpoint(body)]
    body: AuthenticationRequest,
    /// The end user's browser or app (trusted applications).
    #[endpoint(header = "User-Agent")]
    user_agent: Option<String>,
    /// The end user's IP address (honoured for trusted applications only).
    #[endpoint(header = "X-Forwarded-For")]
    x_forwarded_for: Option<String>,
    /// The end user's device fingerprint (honoured for trusted applications only).
    #[endpoint(header = "X-Device-Fingerprint")]
    x_device_fingerprint: Option<String>,
}

/// Retrieves the current state of an authentication (or recovery) transaction, for example to
/// resume it after a page reload.
///
/// `POST /api/v1/authn` with a [`StateTokenRequest`] (`{stateToken}` only) →
/// [`AuthenticationTransaction`] in its current state. It is the same endpoint as primary
/// authentication; the body is what tells them apart.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use okta::models::StateTokenRequest;
/// let transaction = client.get_transaction_state(StateTokenRequest::new("007ucIX7PATyn94hsHfOLVaXAmOBkKHWnOOLG43bsb")).await?;
/// if let Some(status) = &transaction.status {
///     println!("{status}");
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Endpoint)]
#[endpoint(POST "/api/v1/authn", response = AuthenticationTransaction, call = crate::Client::get_transaction_state)]
pub struct GetTransactionState {
    #[endpoint(body)]
    body: StateTokenRequest,
    /// The end user's browser or app.
    #[endpoint(header = "User-Agent")]
    user_agent: Option<String>,
}

/// Moves the current transaction state back to the previous state. For example, when changing
/// state from the start of primary authentication to MFA_ENROLL > ENROLL_ACTIVATE > OTP, the
/// user's phone might stop working. Since the user can't see the QR code, the transaction must
/// return to MFA_ENROLL.
///
/// `POST /api/v1/authn/previous` with a [`StateTokenRequest`] → [`AuthenticationTransaction`]
/// (follows the transaction's `prev` link).
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use okta::models::StateTokenRequest;
/// let transaction = client.previous_transaction_state(StateTokenRequest::new("007ucIX7PATyn94hsHfOLVaXAmOBkKHWnOOLG43bsb")).await?;
/// if let Some(status) = &transaction.status {
///     println!("{status}");
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Endpoint)]
#[endpoint(POST "/api/v1/authn/previous", response = AuthenticationTransaction, call = crate::Client::previous_transaction_state)]
pub struct PreviousTransactionState {
    #[endpoint(body)]
    body: StateTokenRequest,
    /// The end user's browser or app.
    #[endpoint(header = "User-Agent")]
    user_agent: Option<String>,
}

/// Send a skip link to skip the current transaction state and advance to the next state. If
/// the response returns a skip link, then you can advance to the next state without completing
/// the current state (such as changing the password). For example, after being warned that a
/// password will soon expire, the user can skip the change password prompt by clicking a skip
/// link. Another example: a user has enrolled in multiple factors. After enrolling in one the
/// user receives a skip link to skip the other factors. This operation is only available for
/// MFA_ENROLL or PASSWORD_WARN states when published as a link.
///
/// `POST /api/v1/authn/skip` with a [`StateTokenRequest`] → [`AuthenticationTransaction`]
/// (typically `SUCCESS`).
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use okta::models::StateTokenRequest;
/// let transaction = client.skip_transaction_state(StateTokenRequest::new("007ucIX7PATyn94hsHfOLVaXAmOBkKHWnOOLG43bsb")).await?;
/// if let Some(status) = &transaction.status {
///     println!("{status}");
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Endpoint)]
#[endpoint(POST "/api/v1/authn/skip", response = AuthenticationTransaction, call = crate::Client::skip_transaction_state)]
pub struct SkipTransactionState {
    #[endpoint(body)]
    body: StateTokenRequest,
    /// The end user's browser or app.
    #[endpoint(header = "User-Agent")]
    user_agent: Option<String>,
}

/// Cancels the current transaction and revokes the state token.
///
/// `POST /api/v1/authn/cancel` with a [`StateTokenRequest`] → the [`AuthenticationTransaction`]
/// as far as Okta sends one: older orgs answer `{"relayState": …}`, current ones may answer
/// without a body, which reads as `None`.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use okta::models::StateTokenRequest;
/// let cancelled = client.cancel_transaction(StateTokenRequest::new("007ucIX7PATyn94hsHfOLVaXAmOBkKHWnOOLG43bsb")).await?;
/// let relay_state = cancelled.and_then(|t| t.relay_state);
/// # let _ = relay_state; Ok(()) }
/// ```
#[derive(Debug, Clone, Endpoint)]
#[endpoint(POST "/api/v1/authn/cancel", response = Option<AuthenticationTransaction>, call = crate::Client::cancel_transaction)]
pub struct CancelTransaction {
    #[endpoint(body)]
    body: StateTokenRequest,
    /// The end user's browser or app.
    #[endpoint(header = "User-Agent")]
    user_agent: Option<String>,
}
