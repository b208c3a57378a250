//! Factors (MFA): a user's enrolled factors, the verify/activate bodies and the verify result.
//!
//! One model, [`UserFactor`], serves both the `Factor` of Okta's Management API v1 spec (1.11.2)
//! and the `UserFactor` of the later UserFactor API; [`Factor`] is an alias.

use okta_core::SecretString;
use serde::{Deserialize, Serialize};

use super::open_enum::open_enum;
use super::{JsonMap, Redacted, Timestamp, link_href};

open_enum! {
    /// A factor's type (`factorType`).
    pub enum FactorType {
        Push = "push",
        Sms = "sms",
        Call = "call",
        Token = "token",
        TokenSoftwareTotp = "token:software:totp",
        TokenHardware = "token:hardware",
        TokenHotp = "token:hotp",
        Question = "question",
        Web = "web",
        Email = "email",
        U2f = "u2f",
        Webauthn = "webauthn",
        TokenSoftware = "token:software",
        Custom = "custom",
        SignedNonce = "signed_nonce",
    }
}

open_enum! {
    /// Who provides a factor (`provider`).
    pub enum FactorProvider {
        Okta = "OKTA",
        Rsa = "RSA",
        Google = "GOOGLE",
        Symantec = "SYMANTEC",
        Duo = "DUO",
        Yubico = "YUBICO",
        Fido = "FIDO",
        Custom = "CUSTOM",
    }
}

open_enum! {
    /// A factor's status.
    pub enum FactorStatus {
        PendingActivation = "PENDING_ACTIVATION",
        Active = "ACTIVE",
        Inactive = "INACTIVE",
        NotSetup = "NOT_SETUP",
        Enrolled = "ENROLLED",
        Disabled = "DISABLED",
        Expired = "EXPIRED",
    }
}

open_enum! {
    /// The result of a factor verification (`factorResult`), management and authn values.
    pub enum FactorResultType {
        Success = "SUCCESS",
        Challenge = "CHALLENGE",
        Waiting = "WAITING",
        Failed = "FAILED",
        Rejected = "REJECTED",
        Timeout = "TIMEOUT",
        TimeWindowExceeded = "TIME_WINDOW_EXCEEDED",
        PasscodeReplayed = "PASSCODE_REPLAYED",
        Error = "ERROR",
        Expired = "EXPIRED",
        Cancelled = "CANCELLED",
    }
}

/// The 1.11.2 name of [`UserFactor`].
pub type Factor = UserFactor;

/// A user's factor (`/api/v1/users/{userId}/factors`); also the body of `add_factor`,
/// `enroll_factor` and `resend_enroll_factor`.
///
/// `Debug` is hand-written: it hides secrets inside `_embedded` (the TOTP `sharedSecret` of a
/// new enrolment) as well as the profile's answer.
///
/// ```
/// use okta::models::UserFactor;
///
/// let body = UserFactor::sms("+1-555-415-1337");
/// assert_eq!(
///     serde_json::to_value(&body).unwrap(),
///     serde_json::json!({"factorType": "sms", "provider": "OKTA",
///                        "profile": {"phoneNumber": "+1-555-415-1337"}})
/// );
/// ```
#[okta::model]
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserFactor {
    /// Unique id (read-only).
    pub id: Option<String>,
    /// Factor type.
    pub factor_type: Option<FactorType>,
    /// Factor provider.
    pub provider: Option<FactorProvider>,
    /// Vendor name (e.g. `OKTA`, `GOOGLE`).
    pub vendor_name: Option<String>,
    /// Status (read-only).
    pub status: Option<FactorStatus>,
    /// When the factor was enrolled (read-only).
    pub created: Option<Timestamp>,
    /// Last update (read-only).
    pub last_updated: Option<Timestamp>,
    /// Factor-specific profile (phone number, question, email, credential id…).
    pub profile: Option<FactorProfile>,
    /// Verification data sent with an enrolment (1.11.2).
    pub verify: Option<VerifyFactorRequest>,
    /// Device (1.11.2).
    pub device: Option<String>,
    /// Device type (1.11.2, read-only).
    pub device_type: Option<String>,
    /// MFA state token id (1.11.2).
    pub mfa_state_token_id: Option<String>,
    /// Whether to re-challenge an existing factor (1.11.2).
    pub rechallenge_existing_factor: Option<bool>,
    /// Session id (1.11.2).
    pub session_id: Option<String>,
    /// User id (1.11.2).
    pub user_id: Option<String>,
    /// OTP lifetime in seconds (1.11.2).
    pub token_lifetime_seconds: Option<i64>,
    /// HAL links (`activate`, `verify`, `resend`, `poll`, …; read-only).
    #[serde(rename = "_links")]
    pub links: Option<JsonMap>,
    /// Embedded resources (`activation` with QR code / shared secret, `challenge`, …).
    #[serde(rename = "_embedded")]
    pub embedded: Option<JsonMap>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

impl std::fmt::Debug for UserFactor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UserFactor")
            .field("id", &self.id)
            .field("factor_type", &self.factor_type)
            .field("provider", &self.provider)
            .field("vendor_name", &self.vendor_name)
            .field("status", &self.status)
            .field("created", &self.created)
            .field("last_updated", &self.last_updated)
            .field("profile", &self.profile)
            .field("verify", &self.verify)
            .field("device", &self.device)
            .field("device_type", &self.device_type)
            .field("mfa_state_token_id", &self.mfa_state_token_id)
            .field("rechallenge_existing_factor", &self.rechallenge_existing_factor)
            .field("session_id", &self.session_id)
            .field("user_id", &self.user_id)
            .field("token_lifetime_seconds", &self.token_lifetime_seconds)
            .field("links", &self.links)
            .field("embedded", &Redacted(&self.embedded))
            .field("extra", &Redacted(&self.extra))
            .finish()
    }
}

impl UserFactor {
    /// A factor of `factor_type` from provider `OKTA`, with no profile.
    pub fn new(factor_type: FactorType) -> Self {
        UserFactor {
            factor_type: Some(factor_type),
            provider: Some(FactorProvider::Okta),
            ..Default::default()
        }
    }

    /// SMS: `{factorType: "sms", provider: "OKTA", profile: {phoneNumber}}`.
    pub fn sms(phone_number: impl Into<String>) -> Self {
        Self::new(FactorType::Sms).with_profile(FactorProfile::phone(phone_number))
    }

    /// Voice call: `{factorType: "call", provider: "OKTA", profile: {phoneNumber}}`.
    pub fn call(phone_number: impl Into<String>) -> Self {
        Self::new(FactorType::Call).with_profile(FactorProfile::phone(phone_number))
    }

    /// Security question: `{factorType: "question", provider: "OKTA",
    /// profile: {question, answer}}` (`question` is the key, e.g. `disliked_food`).
    pub fn question(question: impl Into<String>, answer: impl Into<SecretString>) -> Self {
        Self::new(FactorType::Question).with_profile(FactorProfile {
            question: Some(question.into()),
            answer: Some(answer.into()),
            ..Default::default()
        })
    }

    /// Okta Verify / Google Authenticator TOTP: `{factorType: "token:software:totp",
    /// provider: "OKTA"}`.
    pub fn totp() -> Self {
        Self::new(FactorType::TokenSoftwareTotp)
    }

    /// Email: `{factorType: "email", provider: "OKTA", profile: {email}}`.
    pub fn email(email: impl Into<String>) -> Self {
        Self::new(FactorType::Email).with_profile(FactorProfile {
            email: Some(email.into()),
            ..Default::default()
        })
    }

    /// Okta Verify push: `{factorType: "push", provider: "OKTA"}`.
    pub fn push() -> Self {
        Self::new(FactorType::Push)
    }

    /// Sets `provider`.
    pub fn with_provider(mut self, provider: FactorProvider) -> Self {
        self.provider = Some(provider);
        self
    }

    /// Sets `profile`.
    pub fn with_profile(mut self, profile: FactorProfile) -> Self {
        self.profile = Some(profile);
        self
    }

    /// The `href` of link relation `rel` (`activate`, `verify`, `poll`, …).
    pub fn link_href(&self, rel: &str) -> Option<&str> {
        link_href(self.links.as_ref(), rel)
    }
}

/// A factor's profile. Which fields are set depends on the factor type: sms/call use
/// `phoneNumber` (+ `phoneExtension`), question uses `question`/`questionText`/`answer`, email
/// uses `email`, token/u2f/webauthn use `credentialId`, push uses `credentialId`, `deviceType`,
/// `name`, `platform`, `version`. Everything else is kept in `extra`.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FactorProfile {
    /// Phone number (sms, call).
    pub phone_number: Option<String>,
    /// Phone extension (call).
    pub phone_extension: Option<String>,
    /// Security question key (question).
    pub question: Option<String>,
    /// Security question text (question, read-only).
    pub question_text: Option<String>,
    /// Security question answer (question, write-only).
    pub answer: Option<SecretString>,
    /// Email address (email).
    pub email: Option<String>,
    /// Credential id (token, u2f, webauthn, push).
    pub credential_id: Option<String>,
    /// Device type (push).
    pub device_type: Option<String>,
    /// Device name (push).
    pub name: Option<String>,
    /// Device platform, e.g. `IOS` (push).
    pub platform: Option<String>,
    /// App version (push).
    pub version: Option<String>,
    /// Fields this SDK does not know (`keys`, `authenticatorName`, …), kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

impl FactorProfile {
    /// `{phoneNumber}`.
    pub fn phone(phone_number: impl Into<String>) -> Self {
        FactorProfile {
            phone_number: Some(phone_number.into()),
            ..Default::default()
        }
    }
}

/// Body of `verify_factor_by_user` / `user_factors().verify_factor` and (1.11.2) of
/// `activate_factor_by_user`: the superset of the 1.11.2 and UserFactor API fields.
///
/// ```
/// use okta::models::VerifyFactorRequest;
///
/// let body = VerifyFactorRequest::pass_code("123456");
/// assert_eq!(serde_json::to_value(&body).unwrap(), serde_json::json!({"passCode": "123456"}));
/// assert!(!format!("{body:?}").contains("123456"));
/// ```
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VerifyFactorRequest {
    /// One-time passcode.
    pub pass_code: Option<SecretString>,
    /// Next passcode (token resync).
    pub next_pass_code: Option<SecretString>,
    /// Security question answer.
    pub answer: Option<SecretString>,
    /// Activation token.
    pub activation_token: Option<SecretString>,
    /// OTP lifetime in seconds.
    pub token_lifetime_seconds: Option<i64>,
    /// WebAuthn attestation.
    pub attestation: Option<String>,
    /// U2F/WebAuthn client data.
    pub client_data: Option<String>,
    /// U2F registration data.
    pub registration_data: Option<String>,
    /// State token.
    pub state_token: Option<SecretString>,
    /// WebAuthn authenticator data.
    pub authenticator_data: Option<String>,
    /// U2F/WebAuthn signature data.
    pub signature_data: Option<String>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

impl VerifyFactorRequest {
    /// `{"passCode": pass_code}` (sms, call, email, TOTP, hardware token).
    pub fn pass_code(pass_code: impl Into<SecretString>) -> Self {
        VerifyFactorRequest {
            pass_code: Some(pass_code.into()),
            ..Default::default()
        }
    }

    /// `{"answer": answer}` (security question).
    pub fn answer(answer: impl Into<SecretString>) -> Self {
        VerifyFactorRequest {
            answer: Some(answer.into()),
            ..Default::default()
        }
    }

    /// Sets `nextPassCode` (hardware token resync).
    pub fn with_next_pass_code(mut self, next_pass_code: impl Into<SecretString>) -> Self {
        self.next_pass_code = Some(next_pass_code.into());
        self
    }
}

/// Body of `user_factors().activate_factor` (UserFactor API): `{passCode, stateToken, attestation,
/// clientData, registrationData}`.
///
/// (The Authentication API's activation body is [`super::authn::ActivateFactorRequest`].)
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ActivateFactorRequest {
    /// One-time passcode.
    pub pass_code: Option<SecretString>,
    /// State token.
    pub state_token: Option<SecretString>,
    /// WebAuthn attestation.
    pub attestation: Option<String>,
    /// U2F/WebAuthn client data.
    pub client_data: Option<String>,
    /// U2F registration data.
    pub registration_data: Option<String>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// An activation body can be sent wherever a verify body is (the 1.11.2 activation body):
/// `client.user_factors().activate_factor(u, f).body(ActivateFactorRequest::pass_code("123456"))`.
impl From<ActivateFactorRequest> for VerifyFactorRequest {
    fn from(a: ActivateFactorRequest) -> Self {
        VerifyFactorRequest {
            pass_code: a.pass_code,
            state_token: a.state_token,
            attestation: a.attestation,
            client_data: a.client_data,
            registration_data: a.registration_data,
            extra: a.extra,
            ..Default::default()
        }
    }
}

impl ActivateFactorRequest {
    /// `{"passCode": pass_code}`.
    pub fn pass_code(pass_code: impl Into<SecretString>) -> Self {
        ActivateFactorRequest {
            pass_code: Some(pass_code.into()),
            ..Default::default()
        }
    }
}

/// The UserFactor API name of [`VerifyFactorResponse`].
pub type VerifyUserFactorResponse = VerifyFactorResponse;

/// Result of a factor verification (and of polling a push transaction).
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VerifyFactorResponse {
    /// The result.
    pub factor_result: Option<FactorResultType>,
    /// A message about the result.
    pub factor_result_message: Option<String>,
    /// When the challenge expires.
    pub expires_at: Option<Timestamp>,
    /// HAL links (`poll`, `cancel`).
    #[serde(rename = "_links")]
    pub links: Option<JsonMap>,
    /// Embedded resources.
    #[serde(rename = "_embedded")]
    pub embedded: Option<JsonMap>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

impl VerifyFactorResponse {
    /// The `href` of link relation `rel` (`poll`, `cancel`).
    pub fn link_href(&self, rel: &str) -> Option<&str> {
        link_href(self.links.as_ref(), rel)
    }
}

/// A security question: `question` (its key, e.g. `disliked_food`), `questionText`, and
/// (write-only) `answer`.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SecurityQuestion {
    /// Question key.
    pub question: Option<String>,
    /// Question text.
    pub question_text: Option<String>,
    /// Answer.
    pub answer: Option<SecretString>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::models::test_support::{assert_empty_ok, assert_encodes, assert_round_trip};
    use serde_json::json;

    #[test]
    fn sms_factor_round_trips() {
        let f: UserFactor = assert_round_trip(
            r#"{
              "id": "mbl1nz9JHJGHWRKMTLHP",
              "factorType": "sms",
              "provider": "OKTA",
              "vendorName": "OKTA",
              "status": "PENDING_ACTIVATION",
              "created": "2014-06-27T20:27:26.000Z",
              "lastUpdated": "2014-06-27T20:27:26.000Z",
              "profile": {"phoneNumber": "+1-555-415-1337", "phoneExtension": "1234", "carrier": "ATT"},
              "_links": {
                "activate": {"href": "https://example.okta.com/api/v1/users/00u15s1KDETTQMQYABRL/factors/mbl1nz9JHJGHWRKMTLHP/lifecycle/activate", "hints": {"allow": ["POST"]}},
                "resend": [{"name": "sms", "href": "https://example.okta.com/api/v1/users/00u15s1KDETTQMQYABRL/factors/mbl1nz9JHJGHWRKMTLHP/resend", "hints": {"allow": ["POST"]}}]
              },
              "_embedded": {"challenge": {"phoneNumber": "+1-555-415-1337"}},
              "factorNew": "x"
            }"#,
        );
        assert_eq!(f.factor_type, Some(FactorType::Sms));
        assert_eq!(f.status, Some(FactorStatus::PendingActivation));
        assert!(
            f.link_href("activate")
                .is_some_and(|h| h.ends_with("/lifecycle/activate"))
        );
        assert!(f.link_href("resend").is_some());
    }

    #[test]
    fn totp_enrolment_hides_shared_secret_in_debug() {
        let f: UserFactor = assert_round_trip(
            r#"{
              "id": "ostf1fmaMGJLMNGNLIVG",
              "factorType": "token:software:totp",
              "provider": "OKTA",
              "status": "PENDING_ACTIVATION",
              "profile": {"credentialId": "dade.murphy@example.com"},
              "_embedded": {"activation": {"timeStep": 30, "sharedSecret": "HE64TMLL2IUZW2ZLB", "encoding": "base32", "keyLength": 16}}
            }"#,
        );
        let shown = format!("{f:?}");
        assert!(!shown.contains("HE64TMLL2IUZW2ZLB"), "{shown}");
        assert!(shown.contains("timeStep"), "{shown}");
    }

    #[test]
    fn unknown_factor_values_survive() {
        let f: UserFactor = assert_round_trip(
            r#"{"factorType":"okta:passkey","provider":"APPLE","status":"QUARANTINED",
                "profile":{"question":"disliked_food","questionText":"What is the food you least liked as a child?"}}"#,
        );
        assert_eq!(f.factor_type, Some(FactorType::from("okta:passkey")));
        assert!(f.factor_type.as_ref().is_some_and(FactorType::is_unknown));
        assert_eq!(f.provider, Some(FactorProvider::from("APPLE")));
        assert!(f.provider.as_ref().is_some_and(FactorProvider::is_unknown));
        let _: UserFactor = assert_round_trip(
            r#"{"factorType":"question","verify":{"answer":"x","unknownVerify":1},"tokenLifetimeSeconds":300,"userId":"00u1"}"#,
        );
    }

    #[test]
    fn empty_documents_decode() {
        assert_empty_ok::<UserFactor>();
        assert_empty_ok::<FactorProfile>();
        assert_empty_ok::<VerifyFactorRequest>();
        assert_empty_ok::<ActivateFactorRequest>();
        assert_empty_ok::<VerifyFactorResponse>();
        assert_empty_ok::<SecurityQuestion>();
    }

    #[test]
    fn factor_constructors_are_exact() {
        assert_encodes(
            &UserFactor::sms("+1-555-415-1337"),
            json!({"factorType": "sms", "provider": "OKTA", "profile": {"phoneNumber": "+1-555-415-1337"}}),
        );
        assert_encodes(
            &UserFactor::call("+1-555-415-1337"),
            json!({"factorType": "call", "provider": "OKTA", "profile": {"phoneNumber": "+1-555-415-1337"}}),
        );
        let q = UserFactor::question("disliked_food", "mayonnaise");
        assert_encodes(
            &q,
            json!({"factorType": "question", "provider": "OKTA",
                   "profile": {"question": "disliked_food", "answer": "mayonnaise"}}),
        );
        assert!(!format!("{q:?}").contains("mayonnaise"));
        assert_encodes(
            &UserFactor::totp(),
            json!({"factorType": "token:software:totp", "provider": "OKTA"}),
        );
        assert_encodes(
            &UserFactor::email("dade@example.com"),
            json!({"factorType": "email", "provider": "OKTA", "profile": {"email": "dade@example.com"}}),
        );
        assert_encodes(&UserFactor::push(), json!({"factorType": "push", "provider": "OKTA"}));
        assert_encodes(
            &UserFactor::totp().with_provider(FactorProvider::Google),
            json!({"factorType": "token:software:totp", "provider": "GOOGLE"}),
        );
    }

    #[test]
    fn verify_and_activate_bodies_are_exact() {
        assert_encodes(&VerifyFactorRequest::pass_code("123456"), json!({"passCode": "123456"}));
        assert_encodes(
            &VerifyFactorRequest::answer("mayonnaise"),
            json!({"answer": "mayonnaise"}),
        );
        assert_encodes(
            &VerifyFactorRequest::pass_code("1").with_next_pass_code("2"),
            json!({"passCode": "1", "nextPassCode": "2"}),
        );
        assert_encodes(
            &ActivateFactorRequest::pass_code("123456"),
            json!({"passCode": "123456"}),
        );
        let v: VerifyFactorRequest = assert_round_trip(
            r#"{"passCode":"1","nextPassCode":"2","answer":"a","activationToken":"t","tokenLifetimeSeconds":300,
                "attestation":"at","clientData":"cd","registrationData":"rd","stateToken":"st",
                "authenticatorData":"ad","signatureData":"sd","newOne":true}"#,
        );
        let shown = format!("{v:?}");
        assert!(!shown.contains("\"st\"") && !shown.contains("\"t\""), "{shown}");
        let _: ActivateFactorRequest = assert_round_trip(
            r#"{"passCode":"1","stateToken":"st","attestation":"a","clientData":"c","registrationData":"r","x":[]}"#,
        );
    }

    #[test]
    fn verify_response_and_security_question_round_trip() {
        let r: VerifyFactorResponse = assert_round_trip(
            r#"{
              "factorResult": "WAITING",
              "expiresAt": "2015-04-01T15:57:32.000Z",
              "_links": {
                "poll": {"href": "https://example.okta.com/api/v1/users/00u1/factors/opf1/transactions/v2mst.GldKV5VxTrifyeZmWSQguA", "hints": {"allow": ["GET"]}},
                "cancel": {"href": "https://example.okta.com/api/v1/users/00u1/factors/opf1/transactions/v2mst.GldKV5VxTrifyeZmWSQguA", "hints": {"allow": ["DELETE"]}}
              },
              "_embedded": {"correctAnswer": 42},
              "factorResultMessage": "Waiting"
            }"#,
        );
        assert_eq!(r.factor_result, Some(FactorResultType::Waiting));
        assert!(r.link_href("poll").is_some_and(|h| h.contains("/transactions/")));
        let r: VerifyUserFactorResponse = assert_round_trip(r#"{"factorResult":"NUMBER_CHALLENGE"}"#);
        assert!(r.factor_result.as_ref().is_some_and(FactorResultType::is_unknown));

        let q: SecurityQuestion = assert_round_trip(
            r#"{"question":"disliked_food","questionText":"What is the food you least liked as a child?","locale":"en"}"#,
        );
        assert_eq!(q.question.as_deref(), Some("disliked_food"));
        let q = SecurityQuestion {
            answer: Some("broccoli".into()),
            ..Default::default()
        };
        assert!(!format!("{q:?}").contains("broccoli"));
    }
}
