//! Authentication API factors: enroll, activate, verify (`/api/v1/authn/factors`).
//!
//! The `verify_*_factor` operations are one endpoint, `POST /api/v1/authn/factors/{factorId}/verify`;
//! they differ only in the body they take. `rememberDevice` and `autoPush` are query parameters
//! (as in Okta's docs; one official SDK sends them in the body instead). `remember_device` is a
//! positional argument because the operation table marks it required; Okta treats it as optional
//! with a default of `false`, so pass `false` for the default behaviour.

use crate::Endpoint;
use crate::models::authn::{ActivateFactorRequest, VerifyFactorRequest};
use crate::models::{
    AuthenticationTransaction, FactorEnrollRequest, VerifyPassCodeFactorRequest, VerifyPushFactorRequest,
    VerifyU2fFactorRequest,
};

/// Enrolls a user with a factor assigned by their MFA Policy (Okta Security Question, SMS,
/// Call, Okta Verify TOTP or Push, Google Authenticator, RSA SecurID, Symantec VIP, YubiKey, Duo,
/// U2F). This operation is only available for users that have not previously enrolled a factor
/// and have transitioned to the MFA_ENROLL state.
///
/// `POST /api/v1/authn/factors` with a [`FactorEnrollRequest`] (`{stateToken, factorType,
/// provider, profile}`) → [`AuthenticationTransaction`], usually `MFA_ENROLL_ACTIVATE` with the
/// factor (and, for TOTP, its shared secret) in `_embedded.factor`. This is not
/// `client.user_factors().enroll_factor` (the Management API's `add_factor`).
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use okta::models::{FactorEnrollRequest, FactorProfile, FactorProvider, FactorType};
/// let body = FactorEnrollRequest::new("007ucIX7PATyn94hsHfOLVaXAmOBkKHWnOOLG43bsb", FactorType::Sms, FactorProvider::Okta)
///     .with_profile(FactorProfile::phone("+1-555-415-1337"));
/// let transaction = client.enroll_factor(body).await?;
/// if let Some(status) = &transaction.status {
///     println!("{status}");
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Endpoint)]
#[endpoint(POST "/api/v1/authn/factors", response = AuthenticationTransaction, call = crate::Client::enroll_factor)]
pub struct EnrollFactor {
    #[endpoint(body)]
    body: FactorEnrollRequest,
    /// The end user's browser or app.
    #[endpoint(header = "User-Agent")]
    user_agent: Option<String>,
}

/// The sms, call and token:software:totp factor types require activation to complete the
/// enrollment process.
///
/// `POST /api/v1/authn/factors/{factorId}/lifecycle/activate` with an
/// [`authn::ActivateFactorRequest`](ActivateFactorRequest) (`{stateToken, passCode}`) →
/// [`AuthenticationTransaction`] (`SUCCESS` when enrolment is complete). Push, U2F and WebAuthn
/// activations send other fields and poll the `/lifecycle/activate/poll` link. This is not
/// [`crate::Client::activate_factor_by_user`] (the Management API).
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use okta::models::authn::ActivateFactorRequest;
/// let body = ActivateFactorRequest::new("007ucIX7PATyn94hsHfOLVaXAmOBkKHWnOOLG43bsb", "123456");
/// let transaction = client.activate_factor("mbl198rKSEWOSKRIVIFT", body).await?;
/// if let Some(status) = &transaction.status {
///     println!("{status}");
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Endpoint)]
#[endpoint(
    POST "/api/v1/authn/factors/{factorId}/lifecycle/activate",
    response = AuthenticationTransaction,
    call = crate::Client::activate_factor
)]
pub struct ActivateFactor {
    #[endpoint(path)]
    factor_id: String,
    #[endpoint(body)]
    body: ActivateFactorRequest,
    /// The end user's browser or app.
    #[endpoint(header = "User-Agent")]
    user_agent: Option<String>,
}

/// Verifies an enrolled factor of an authentication transaction in the `MFA_REQUIRED` or
/// `MFA_CHALLENGE` state: the generic form of the `verify_*_factor` operations, whose body may
/// carry any of the verification fields.
///
/// `POST /api/v1/authn/factors/{factorId}/verify?rememberDevice=…` with an
/// [`authn::VerifyFactorRequest`](VerifyFactorRequest) (`{stateToken, passCode, answer, clientData,
/// signatureData}`: `passCode` is the one-time passcode, `answer` a security-question answer,
/// `clientData`/`signatureData` a U2F signature) → [`AuthenticationTransaction`]. `SUCCESS` with a
/// `sessionToken`, or `MFA_CHALLENGE` while a challenge is pending. A wrong passcode or answer is
/// `403` (`E0000068`). `verify_security_question_factor` is this same request, with
/// `{stateToken, answer}`. This is not `client.user_factors().verify_factor` (the Management
/// API's [`verify_factor_by_user`](crate::Client::verify_factor_by_user)).
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use okta::models::authn::VerifyFactorRequest;
/// let state = "007ucIX7PATyn94hsHfOLVaXAmOBkKHWnOOLG43bsb";
/// let transaction = client.verify_factor("ostfm3hPNYSOIOIVTQWY", false, VerifyFactorRequest::pass_code(state, "657866")).await?;
/// let answered = client
///     .verify_security_question_factor("ufs1pe3ISGKGPYKXRBKK", false, VerifyFactorRequest::answer(state, "mayonnaise"))
///     .await?;
/// if let (Some(first), Some(second)) = (&transaction.status, &answered.status) {
///     println!("{first}, then {second}");
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Endpoint)]
#[endpoint(
    POST "/api/v1/authn/factors/{factorId}/verify",
    response = AuthenticationTransaction,
    call = crate::Client::verify_factor,
    call = crate::Client::verify_security_question_factor
)]
pub struct VerifyFactor {
    #[endpoint(path)]
    factor_id: String,
    /// The user's decision to remember the device (skips MFA on it, within the policy's lifetime).
    #[endpoint(query)]
    remember_device: bool,
    /// The verification data (`stateToken` plus the factor's answer).
    #[endpoint(body)]
    body: VerifyFactorRequest,
    /// The user's decision to send a push to the device automatically from now on.
    #[endpoint(query)]
    auto_push: Option<bool>,
    /// The end user's browser or app.
    #[endpoint(header = "User-Agent")]
    user_agent: Option<String>,
}

/// Verifies an SMS, voice call or TOTP factor of an authentication transaction: the same request
/// for all three (`verify_sms_factor`, `verify_call_factor`, `verify_totp_factor`).
///
/// `POST /api/v1/authn/factors/{factorId}/verify?rememberDevice=…` with a
/// [`VerifyPassCodeFactorRequest`] (`{stateToken, passCode}`) → [`AuthenticationTransaction`].
/// For SMS and voice, sending it without a `passCode` ([`VerifyPassCodeFactorRequest::challenge`])
/// texts or places the call and answers `MFA_CHALLENGE`; send it again with the `passCode` to
/// finish (`SUCCESS` with a `sessionToken`; resend through the transaction's `resend` link). For
/// TOTP (`token:software:totp`: Okta Verify or Google Authenticator) send the code the app shows.
/// A wrong passcode is `403` (`E0000068`).
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use okta::models::VerifyPassCodeFactorRequest;
/// let state = "007ucIX7PATyn94hsHfOLVaXAmOBkKHWnOOLG43bsb";
/// client.verify_sms_factor("sms193zUBEROPBNZKPPE", false, VerifyPassCodeFactorRequest::challenge(state)).await?;
/// let body = VerifyPassCodeFactorRequest::new(state, "657866");
/// let transaction = client.verify_sms_factor("sms193zUBEROPBNZKPPE", true, body).await?;
/// if let Some(status) = &transaction.status {
///     println!("{status}");
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Endpoint)]
#[endpoint(
    POST "/api/v1/authn/factors/{factorId}/verify",
    response = AuthenticationTransaction,
    call = crate::Client::verify_sms_factor,
    call = crate::Client::verify_call_factor,
    call = crate::Client::verify_totp_factor
)]
pub struct VerifyPassCodeFactor {
    #[endpoint(path)]
    factor_id: String,
    /// The user's decision to remember the device (skips MFA on it, within the policy's lifetime).
    #[endpoint(query)]
    remember_device: bool,
    /// `{stateToken}` to send the code (SMS, voice), `{stateToken, passCode}` to verify it.
    #[endpoint(body)]
    body: VerifyPassCodeFactorRequest,
    /// The user's decision to send a push to the device automatically from now on.
    #[endpoint(query)]
    auto_push: Option<bool>,
    /// The end user's browser or app.
    #[endpoint(header = "User-Agent")]
    user_agent: Option<String>,
}

/// Verifies an Okta Verify push factor of an authentication transaction.
///
/// `POST /api/v1/authn/factors/{factorId}/verify?rememberDevice=…` with a
/// [`VerifyPushFactorRequest`] (`{stateToken}`) → [`AuthenticationTransaction`]. The first call
/// sends the push and answers `MFA_CHALLENGE` with `factorResult: WAITING` and a `next` (poll)
/// link; poll by making the same call again until `SUCCESS`, `REJECTED` or `TIMEOUT`. Send the end
/// user's real `User-Agent`. `autoPush` stores the user's choice to push automatically next time.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use okta::models::VerifyPushFactorRequest;
/// let body = VerifyPushFactorRequest::new("007ucIX7PATyn94hsHfOLVaXAmOBkKHWnOOLG43bsb");
/// let transaction = client.verify_push_factor("opfh52xcuft3J4uZc0g3", false, body).auto_push(true).await?;
/// if let Some(result) = &transaction.factor_result {
///     println!("{result}");
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Endpoint)]
#[endpoint(
    POST "/api/v1/authn/factors/{factorId}/verify",
    response = AuthenticationTransaction,
    call = crate::Client::verify_push_factor
)]
pub struct VerifyPushFactor {
    #[endpoint(path)]
    factor_id: String,
    /// The user's decision to remember the device (skips MFA on it, within the policy's lifetime).
    #[endpoint(query)]
    remember_device: bool,
    /// `{stateToken}`.
    #[endpoint(body)]
    body: VerifyPushFactorRequest,
    /// The user's decision to send a push to the device automatically from now on.
    #[endpoint(query)]
    auto_push: Option<bool>,
    /// The end user's browser or app.
    #[endpoint(header = "User-Agent")]
    user_agent: Option<String>,
}

/// Verifies a U2F factor of an authentication transaction.
///
/// `POST /api/v1/authn/factors/{factorId}/verify?rememberDevice=…` with a
/// [`VerifyU2fFactorRequest`] (`{stateToken, clientData, signatureData}`) →
/// [`AuthenticationTransaction`]. The first call with only the `stateToken`
/// ([`VerifyU2fFactorRequest::challenge`]) answers `MFA_CHALLENGE` with the challenge nonce in
/// `_embedded.factor._embedded.challenge`; the second sends the token's base64 `clientData` and
/// `signatureData` and answers `SUCCESS`.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use okta::models::VerifyU2fFactorRequest;
/// let body = VerifyU2fFactorRequest::new("007ucIX7PATyn94hsHfOLVaXAmOBkKHWnOOLG43bsb", "eyJ0eXAiOi…", "AQAAACYwRg…");
/// let transaction = client.verify_u2f_factor("fuf52dhWPdJAbqiUU0g4", false, body).await?;
/// if let Some(status) = &transaction.status {
///     println!("{status}");
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Endpoint)]
#[endpoint(
    POST "/api/v1/authn/factors/{factorId}/verify",
    response = AuthenticationTransaction,
    call = crate::Client::verify_u2f_factor
)]
pub struct VerifyU2fFactor {
    #[endpoint(path)]
    factor_id: String,
    /// The user's decision to remember the device (skips MFA on it, within the policy's lifetime).
    #[endpoint(query)]
    remember_device: bool,
    /// `{stateToken}` for the challenge, then `{stateToken, clientData, signatureData}`.
    #[endpoint(body)]
    body: VerifyU2fFactorRequest,
    /// The user's decision to send a push to the device automatically from now on.
    #[endpoint(query)]
    auto_push: Option<bool>,
    /// The end user's browser or app.
    #[endpoint(header = "User-Agent")]
    user_agent: Option<String>,
}
