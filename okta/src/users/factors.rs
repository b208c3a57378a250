//! A user's factors: Okta's User Factors API, `/api/v1/users/{userId}/factors`.
//!
//! Okta's API reference has named these endpoints twice, and both names work here. The Management
//! API v1 reference names them on [`crate::Client`] (`add_factor`, `delete_factor`,
//! `list_factors`, …; `activate_factor_by_user` and `verify_factor_by_user`, since `Client`'s
//! `activate_factor` and `verify_factor` are the Authentication API's). The current UserFactor API
//! reference (`UserFactorApi` in Okta's other SDKs) names them under
//! [`crate::Client::user_factors`] (`enroll_factor`, `unenroll_factor`, `activate_factor`,
//! `verify_factor`, …). One declaration serves both names: `client.list_factors(id)` and
//! `client.user_factors().list_factors(id)` send the same request. `get_factor_transaction_status`
//! and `resend_enroll_factor` exist only under `user_factors()`.

use crate::Endpoint;
use crate::models::{SecurityQuestion, UserFactor, VerifyFactorRequest, VerifyUserFactorResponse};

/// Activates a factor. The `sms` and `token:software:totp` factor types require activation to
/// complete the enrollment process.
///
/// `POST /api/v1/users/{userId}/factors/{factorId}/lifecycle/activate` with an optional
/// [`VerifyFactorRequest`] body → the activated [`UserFactor`]. Also
/// `client.user_factors().activate_factor(user_id, factor_id)` (`UserFactorApi`).
///
/// The body is [`VerifyFactorRequest`] for both names: it is the Management API v1 activation body, and it
/// carries every field of the later `ActivateFactorRequest` (`passCode`, `stateToken`,
/// `attestation`, `clientData`, `registrationData`). Okta allows 5 activation attempts per 5
/// minutes. This is not the Authentication API's [`crate::Client::activate_factor`].
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use okta::models::VerifyFactorRequest;
/// let factor = client
///     .activate_factor_by_user("00u15s1KDETTQMQYABRL", "mbl1nz9JHJGHWRKMTLHP")
///     .body(VerifyFactorRequest::pass_code("123456"))
///     .await?;
/// if let Some(status) = &factor.status {
///     println!("{status}");
/// }
/// # Ok(()) }
/// ```
#[doc(alias = "activateFactor")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(
    POST "/api/v1/users/{userId}/factors/{factorId}/lifecycle/activate",
    response = UserFactor,
    call = crate::Client::activate_factor_by_user,
    call = crate::UserFactors::activate_factor
)]
pub struct ActivateFactorByUser {
    #[endpoint(path)]
    user_id: String,
    #[endpoint(path)]
    factor_id: String,
    /// The activation data: the OTP (`passCode`) for sms/call/email/TOTP, or the WebAuthn/U2F
    /// `attestation`, `clientData` and `registrationData`.
    #[endpoint(body)]
    body: Option<VerifyFactorRequest>,
}

/// Enrolls a user with a supported factor (see
/// [`list_supported_factors`](crate::Client::list_supported_factors)).
///
/// `POST /api/v1/users/{userId}/factors` with a [`UserFactor`] body → the enrolled
/// [`UserFactor`], usually `PENDING_ACTIVATION` with an `activate` link (and, for TOTP, the
/// shared secret in `_embedded.activation`). Also `client.user_factors().enroll_factor(user_id,
/// body)` (`UserFactorApi`). This is not the Authentication API's
/// [`crate::Client::enroll_factor`].
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use okta::models::UserFactor;
/// let factor = client.add_factor("00u15s1KDETTQMQYABRL", UserFactor::sms("+1-555-415-1337")).update_phone(true).await?;
/// if let (Some(id), Some(status)) = (&factor.id, &factor.status) {
///     println!("{id} {status}");
/// }
/// # Ok(()) }
/// ```
#[doc(alias = "enrollFactor")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(
    POST "/api/v1/users/{userId}/factors",
    response = UserFactor,
    call = crate::Client::add_factor,
    call = crate::UserFactors::enroll_factor
)]
pub struct AddFactor {
    #[endpoint(path)]
    user_id: String,
    #[endpoint(body)]
    body: UserFactor,
    /// Replaces the phone number of an already enrolled sms/call factor (server default false).
    #[endpoint(query)]
    update_phone: Option<bool>,
    /// Id of the SMS template to send (sms factors only).
    #[endpoint(query)]
    template_id: Option<String>,
    /// Lifetime of the OTP in seconds (server default 300, range 1..86400).
    #[endpoint(query)]
    token_lifetime_seconds: Option<i32>,
    /// Activates the factor at once, without the OTP step, where the factor type allows it
    /// (server default false).
    #[endpoint(query)]
    activate: Option<bool>,
    /// The language of the SMS or voice message, e.g. `de` (the `Accept-Language` header).
    #[endpoint(header = "Accept-Language")]
    accept_language: Option<String>,
}

/// Unenrolls an existing factor for the specified user, allowing the user to enroll a new
/// factor.
///
/// `DELETE /api/v1/users/{userId}/factors/{factorId}` → nothing (204). Also
/// `client.user_factors().unenroll_factor(user_id, factor_id)` (`UserFactorApi`).
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// client.delete_factor("00u15s1KDETTQMQYABRL", "mbl1nz9JHJGHWRKMTLHP").await?;
/// # Ok(()) }
/// ```
#[doc(alias = "unenrollFactor")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(
    DELETE "/api/v1/users/{userId}/factors/{factorId}",
    response = (),
    call = crate::Client::delete_factor,
    call = crate::UserFactors::unenroll_factor
)]
pub struct DeleteFactor {
    #[endpoint(path)]
    user_id: String,
    #[endpoint(path)]
    factor_id: String,
    /// Also removes the phone number or email from the user's recovery options when it was
    /// enrolled for recovery (server default false).
    #[endpoint(query)]
    remove_recovery_enrollment: Option<bool>,
}

/// Fetches a factor for the specified user.
///
/// `GET /api/v1/users/{userId}/factors/{factorId}` → [`UserFactor`]. Also
/// `client.user_factors().get_factor(user_id, factor_id)` (`UserFactorApi`).
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// let factor = client.get_factor("00u15s1KDETTQMQYABRL", "mbl1nz9JHJGHWRKMTLHP").await?;
/// if let (Some(factor_type), Some(status)) = (&factor.factor_type, &factor.status) {
///     println!("{factor_type} is {status}");
/// }
/// # Ok(()) }
/// ```
#[doc(alias = "getFactor")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(
    GET "/api/v1/users/{userId}/factors/{factorId}",
    response = UserFactor,
    call = crate::Client::get_factor,
    call = crate::UserFactors::get_factor
)]
pub struct GetFactor {
    #[endpoint(path)]
    user_id: String,
    #[endpoint(path)]
    factor_id: String,
}

/// Enumerates all the enrolled factors for the specified user.
///
/// `GET /api/v1/users/{userId}/factors` → a list of [`UserFactor`] (one page; Okta does not page
/// it, and `stream()` follows a `next` link should one appear). Also
/// `client.user_factors().list_factors(user_id)` (`UserFactorApi`).
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// let factors = client.list_factors("00u15s1KDETTQMQYABRL").await?;
/// for factor in &factors.items {
///     if let (Some(factor_type), Some(status)) = (&factor.factor_type, &factor.status) {
///         println!("{factor_type} {status}");
///     }
/// }
/// # Ok(()) }
/// ```
#[doc(alias = "listFactors")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(
    GET "/api/v1/users/{userId}/factors",
    response = UserFactor,
    paginated,
    call = crate::Client::list_factors,
    call = crate::UserFactors::list_factors
)]
pub struct ListFactors {
    #[endpoint(path)]
    user_id: String,
}

/// Enumerates all the supported factors that can be enrolled for the specified user.
///
/// `GET /api/v1/users/{userId}/factors/catalog` → a list of [`UserFactor`] (factor type,
/// provider, `status` `NOT_SETUP` or `ACTIVE`, and an `enroll` link; one page). Also
/// `client.user_factors().list_supported_factors(user_id)` (`UserFactorApi`).
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// let catalog = client.list_supported_factors("00u15s1KDETTQMQYABRL").await?;
/// let can_enroll_sms = catalog.items.iter().any(|f| f.factor_type == Some(okta::models::FactorType::Sms));
/// # let _ = can_enroll_sms; Ok(()) }
/// ```
#[doc(alias = "listSupportedFactors")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(
    GET "/api/v1/users/{userId}/factors/catalog",
    response = UserFactor,
    paginated,
    call = crate::Client::list_supported_factors,
    call = crate::UserFactors::list_supported_factors
)]
pub struct ListSupportedFactors {
    #[endpoint(path)]
    user_id: String,
}

/// Enumerates all available security questions for a user's `question` factor.
///
/// `GET /api/v1/users/{userId}/factors/questions` → a list of [`SecurityQuestion`] (`question`
/// key and `questionText`; one page). Also
/// `client.user_factors().list_supported_security_questions(user_id)` (`UserFactorApi`).
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// let questions = client.list_supported_security_questions("00u15s1KDETTQMQYABRL").await?;
/// for q in &questions.items {
///     if let (Some(question), Some(text)) = (&q.question, &q.question_text) {
///         println!("{question}: {text}");
///     }
/// }
/// # Ok(()) }
/// ```
#[doc(alias = "listSupportedSecurityQuestions")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(
    GET "/api/v1/users/{userId}/factors/questions",
    response = SecurityQuestion,
    paginated,
    call = crate::Client::list_supported_security_questions,
    call = crate::UserFactors::list_supported_security_questions
)]
pub struct ListSupportedSecurityQuestions {
    #[endpoint(path)]
    user_id: String,
}

/// Verifies an OTP for a `token` or `token:hardware` factor, and more generally verifies (or,
/// without a body, challenges) any enrolled factor of a user.
///
/// `POST /api/v1/users/{userId}/factors/{factorId}/verify` with an optional
/// [`VerifyFactorRequest`] body → [`VerifyUserFactorResponse`] (`factorResult`). Without a body
/// Okta issues the challenge (sms, call, email, push, u2f, webauthn). A push verification
/// answers `201` with `factorResult: WAITING` and a `poll` link; poll it with
/// `client.user_factors().get_factor_transaction_status(..)`. Also
/// `client.user_factors().verify_factor(user_id, factor_id)` (`UserFactorApi`). This is not the
/// Authentication API's [`crate::Client::verify_factor`].
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use okta::models::{FactorResultType, VerifyFactorRequest};
/// let result = client
///     .verify_factor_by_user("00u15s1KDETTQMQYABRL", "ostf1fmaMGJLMNGNLIVG")
///     .body(VerifyFactorRequest::pass_code("123456"))
///     .await?;
/// assert_eq!(result.factor_result, Some(FactorResultType::Success));
/// # Ok(()) }
/// ```
#[doc(alias = "verifyFactor")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(
    POST "/api/v1/users/{userId}/factors/{factorId}/verify",
    response = VerifyUserFactorResponse,
    call = crate::Client::verify_factor_by_user,
    call = crate::UserFactors::verify_factor
)]
pub struct VerifyFactorByUser {
    #[endpoint(path)]
    user_id: String,
    #[endpoint(path)]
    factor_id: String,
    /// Id of the SMS template to send (sms challenges only).
    #[endpoint(query)]
    template_id: Option<String>,
    /// Lifetime of the OTP in seconds (server default 300).
    #[endpoint(query)]
    token_lifetime_seconds: Option<i32>,
    /// The end user's IP address, for a request made on their behalf.
    #[endpoint(header = "X-Forwarded-For")]
    x_forwarded_for: Option<String>,
    /// The end user's browser or app (push notifications show it).
    #[endpoint(header = "User-Agent")]
    user_agent: Option<String>,
    /// The language of the SMS or voice challenge, e.g. `de`.
    #[endpoint(header = "Accept-Language")]
    accept_language: Option<String>,
    /// The verification data (`passCode`, `answer`, `clientData` + `signatureData`, …); omit it
    /// to issue the challenge.
    #[endpoint(body)]
    body: Option<VerifyFactorRequest>,
}

/// Retrieves the factor's verification transaction status (poll a push verification).
///
/// `GET /api/v1/users/{userId}/factors/{factorId}/transactions/{transactionId}` →
/// [`VerifyUserFactorResponse`] with `factorResult` `WAITING`, `SUCCESS`, `REJECTED` or
/// `TIMEOUT`. The `poll` link of a `WAITING` verification names this URL.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// let status = client
///     .user_factors()
///     .get_factor_transaction_status("00u15s1KDETTQMQYABRL", "opf3hkfocI4JTLAju0g4", "v2mst.GldKV5VxTrifyeZmWSQguA")
///     .await?;
/// if let Some(result) = &status.factor_result {
///     println!("{result}");
/// }
/// # Ok(()) }
/// ```
#[doc(alias = "getFactorTransactionStatus")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(
    GET "/api/v1/users/{userId}/factors/{factorId}/transactions/{transactionId}",
    response = VerifyUserFactorResponse,
    call = crate::UserFactors::get_factor_transaction_status
)]
pub struct GetFactorTransactionStatus {
    #[endpoint(path)]
    user_id: String,
    #[endpoint(path)]
    factor_id: String,
    #[endpoint(path)]
    transaction_id: String,
}

/// Resends a factor challenge (SMS/call/email OTP) as part of an enrollment flow. The current
/// rate limit is one OTP challenge (call or SMS) per device every 30 seconds. Okta round-robins
/// between SMS providers with every resend request to help ensure delivery of an SMS OTP across
/// different carriers.
///
/// `POST /api/v1/users/{userId}/factors/{factorId}/resend` with the pending factor
/// ([`UserFactor`]: `factorType` and `profile`) → the [`UserFactor`].
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use okta::models::UserFactor;
/// let factor = client
///     .user_factors()
///     .resend_enroll_factor("00u15s1KDETTQMQYABRL", "mbl1nz9JHJGHWRKMTLHP", UserFactor::sms("+1-555-415-1337"))
///     .await?;
/// # let _ = factor; Ok(()) }
/// ```
#[doc(alias = "resendEnrollFactor")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(
    POST "/api/v1/users/{userId}/factors/{factorId}/resend",
    response = UserFactor,
    call = crate::UserFactors::resend_enroll_factor
)]
pub struct ResendEnrollFactor {
    #[endpoint(path)]
    user_id: String,
    #[endpoint(path)]
    factor_id: String,
    #[endpoint(body)]
    body: UserFactor,
    /// Id of the SMS template to send (sms factors only).
    #[endpoint(query)]
    template_id: Option<String>,
}
