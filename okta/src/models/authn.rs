//! The Authentication API (`/api/v1/authn…`): request bodies and the transaction object.
//!
//! Okta publishes no OpenAPI spec for this API; field names follow the developer docs and the
//! official okta-auth-java resource names. Three body names clash with management models of a
//! different shape and are only reachable here: [`ActivateFactorRequest`],
//! [`ChangePasswordRequest`] and [`VerifyFactorRequest`]. Everything else is also re-exported
//! from [`crate::models`].
//!
//! ```
//! use okta::models::authn::VerifyFactorRequest;
//! use okta::models::{
//!     AuthenticationTransaction, AuthnStatus, RecoverPasswordRequest, RecoveryFactorType,
//!     VerifyPassCodeFactorRequest,
//! };
//!
//! let tx: AuthenticationTransaction = serde_json::from_str(
//!     r#"{"stateToken":"007ucIX7PATyn94h","status":"MFA_REQUIRED",
//!         "_embedded":{"factors":[{"id":"sms193zUBEROPBNZKPPE","factorType":"sms","provider":"OKTA"}]}}"#,
//! ).unwrap();
//! assert_eq!(tx.status, Some(AuthnStatus::MfaRequired));
//! let state_token = tx.state_token.clone().unwrap();
//! let factor_id = tx.factors()[0].id.clone().unwrap();
//! assert_eq!(factor_id, "sms193zUBEROPBNZKPPE");
//!
//! let body = VerifyPassCodeFactorRequest::new(state_token.clone(), "657866");
//! assert_eq!(
//!     serde_json::to_value(&body).unwrap(),
//!     serde_json::json!({"stateToken": "007ucIX7PATyn94h", "passCode": "657866"})
//! );
//! let any = VerifyFactorRequest::answer(state_token, "Annie Oakley");
//! assert!(!format!("{any:?}").contains("Annie Oakley"));
//!
//! let start = RecoverPasswordRequest::new("dade.murphy@example.com", RecoveryFactorType::Sms);
//! assert_eq!(
//!     serde_json::to_value(&start).unwrap(),
//!     serde_json::json!({"username": "dade.murphy@example.com", "factorType": "SMS"})
//! );
//! ```

use okta_core::SecretString;
use serde::{Deserialize, Serialize};

use super::open_enum::open_enum;
use super::{
    FactorProfile, FactorProvider, FactorResultType, FactorType, JsonMap, RecoveryQuestionCredential, Redacted,
    Timestamp, UserFactor, UserProfile, link_href,
};

open_enum! {
    /// The state of an authentication or recovery transaction.
    pub enum AuthnStatus {
        Unauthenticated = "UNAUTHENTICATED",
        PasswordWarn = "PASSWORD_WARN",
        PasswordExpired = "PASSWORD_EXPIRED",
        Recovery = "RECOVERY",
        RecoveryChallenge = "RECOVERY_CHALLENGE",
        PasswordReset = "PASSWORD_RESET",
        LockedOut = "LOCKED_OUT",
        MfaEnroll = "MFA_ENROLL",
        MfaEnrollActivate = "MFA_ENROLL_ACTIVATE",
        MfaRequired = "MFA_REQUIRED",
        MfaChallenge = "MFA_CHALLENGE",
        Success = "SUCCESS",
    }
}

open_enum! {
    /// What a recovery transaction recovers.
    pub enum RecoveryType {
        Password = "PASSWORD",
        Unlock = "UNLOCK",
    }
}

open_enum! {
    /// The factor a recovery starts with (upper case, unlike [`FactorType`]).
    pub enum RecoveryFactorType {
        Email = "EMAIL",
        Sms = "SMS",
        Call = "CALL",
    }
}

/// Primary authentication (`POST /api/v1/authn`): `{username, password, audience, relayState,
/// options, context, token}`.
///
/// ```
/// use okta::models::{AuthenticationOptions, AuthenticationRequest};
///
/// let body = AuthenticationRequest::new("dade.murphy@example.com", "correcthorsebatterystaple")
///     .with_relay_state("/myapp/some/deep/link/i/want/to/return/to")
///     .with_options(AuthenticationOptions::new(false, false));
/// assert_eq!(
///     serde_json::to_value(&body).unwrap(),
///     serde_json::json!({
///         "username": "dade.murphy@example.com",
///         "password": "correcthorsebatterystaple",
///         "relayState": "/myapp/some/deep/link/i/want/to/return/to",
///         "options": {"multiOptionalFactorEnroll": false, "warnBeforePasswordExpired": false}
///     })
/// );
/// assert!(!format!("{body:?}").contains("correcthorsebatterystaple"));
/// ```
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthenticationRequest {
    /// Username (login).
    pub username: Option<String>,
    /// Password.
    pub password: Option<SecretString>,
    /// App audience (for a session token bound to an app).
    pub audience: Option<String>,
    /// Opaque value returned in the transaction.
    pub relay_state: Option<String>,
    /// Options.
    pub options: Option<AuthenticationOptions>,
    /// Device context.
    pub context: Option<AuthenticationContext>,
    /// A token from an activation email (activation flow instead of username/password).
    pub token: Option<SecretString>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

impl AuthenticationRequest {
    /// `{username, password}`.
    pub fn new(username: impl Into<String>, password: impl Into<SecretString>) -> Self {
        AuthenticationRequest {
            username: Some(username.into()),
            password: Some(password.into()),
            ..Default::default()
        }
    }

    /// Activation flow: `{token}` (the activation token from the activation email).
    pub fn activation_token(token: impl Into<SecretString>) -> Self {
        AuthenticationRequest {
            token: Some(token.into()),
            ..Default::default()
        }
    }

    /// Sets `relayState`.
    pub fn with_relay_state(mut self, relay_state: impl Into<String>) -> Self {
        self.relay_state = Some(relay_state.into());
        self
    }

    /// Sets `audience`.
    pub fn with_audience(mut self, audience: impl Into<String>) -> Self {
        self.audience = Some(audience.into());
        self
    }

    /// Sets `options`.
    pub fn with_options(mut self, options: AuthenticationOptions) -> Self {
        self.options = Some(options);
        self
    }

    /// Sets `context.deviceToken`.
    pub fn with_device_token(mut self, device_token: impl Into<String>) -> Self {
        self.context.get_or_insert_with(Default::default).device_token = Some(device_token.into());
        self
    }
}

/// `options` of primary authentication.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthenticationOptions {
    /// Offer enrolment of optional factors.
    pub multi_optional_factor_enroll: Option<bool>,
    /// Return `PASSWORD_WARN` when the password expires soon.
    pub warn_before_password_expired: Option<bool>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

impl AuthenticationOptions {
    /// Both options set.
    pub fn new(multi_optional_factor_enroll: bool, warn_before_password_expired: bool) -> Self {
        AuthenticationOptions {
            multi_optional_factor_enroll: Some(multi_optional_factor_enroll),
            warn_before_password_expired: Some(warn_before_password_expired),
            ..Default::default()
        }
    }
}

/// `context` of primary authentication.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthenticationContext {
    /// A token that identifies the device.
    pub device_token: Option<String>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// A recovery transaction: the same object as [`AuthenticationTransaction`], whose
/// `recoveryToken`, `recoveryType` and `factorType` fields are set during recovery.
pub type RecoveryTransaction = AuthenticationTransaction;

/// An authentication (or recovery) transaction: the response of every `/api/v1/authn…` call.
///
/// `Debug` is hand-written: the tokens are secrets and `_embedded` can carry a factor's
/// activation secret, which is hidden.
#[okta::model]
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthenticationTransaction {
    /// Token for the next step.
    pub state_token: Option<SecretString>,
    /// One-time session token (on `SUCCESS`).
    pub session_token: Option<SecretString>,
    /// When the transaction expires.
    pub expires_at: Option<Timestamp>,
    /// Transaction state.
    pub status: Option<AuthnStatus>,
    /// The relay state given at the start.
    pub relay_state: Option<String>,
    /// Result of the last factor verification.
    pub factor_result: Option<FactorResultType>,
    /// Recovery factor (recovery transactions).
    pub factor_type: Option<RecoveryFactorType>,
    /// Recovery token (recovery transactions).
    pub recovery_token: Option<SecretString>,
    /// Recovery type (recovery transactions).
    pub recovery_type: Option<RecoveryType>,
    /// Transaction type (e.g. `SESSION_STEP_UP`).
    #[serde(rename = "type")]
    pub transaction_type: Option<String>,
    /// Embedded resources (`user`, `factor`, `factors`, `policy`, `target`, `authentication`).
    #[serde(rename = "_embedded")]
    pub embedded: Option<JsonMap>,
    /// HAL links (`next`, `prev`, `cancel`, `skip`, `resend`).
    #[serde(rename = "_links")]
    pub links: Option<JsonMap>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

impl std::fmt::Debug for AuthenticationTransaction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AuthenticationTransaction")
            .field("state_token", &self.state_token)
            .field("session_token", &self.session_token)
            .field("expires_at", &self.expires_at)
            .field("status", &self.status)
            .field("relay_state", &self.relay_state)
            .field("factor_result", &self.factor_result)
            .field("factor_type", &self.factor_type)
            .field("recovery_token", &self.recovery_token)
            .field("recovery_type", &self.recovery_type)
            .field("transaction_type", &self.transaction_type)
            .field("embedded", &Redacted(&self.embedded))
            .field("links", &self.links)
            .field("extra", &Redacted(&self.extra))
            .finish()
    }
}

impl AuthenticationTransaction {
    fn embedded_as<T: serde::de::DeserializeOwned>(&self, key: &str) -> Option<T> {
        let value = self.embedded.as_ref()?.get(key)?;
        serde_json::from_value(value.clone()).ok()
    }

    /// `_embedded.user`, typed (`None` when absent or not an object).
    pub fn user(&self) -> Option<AuthnUser> {
        self.embedded_as("user")
    }

    /// `_embedded.factors`, typed (empty when absent).
    pub fn factors(&self) -> Vec<UserFactor> {
        self.embedded_as("factors").unwrap_or_default()
    }

    /// `_embedded.factor`, typed (the factor being enrolled, activated or verified).
    pub fn factor(&self) -> Option<UserFactor> {
        self.embedded_as("factor")
    }

    /// The `href` of link relation `rel` (`next`, `prev`, `cancel`, `skip`, `resend`).
    pub fn link_href(&self, rel: &str) -> Option<&str> {
        link_href(self.links.as_ref(), rel)
    }
}

/// `_embedded.user` of a transaction.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthnUser {
    /// User id.
    pub id: Option<String>,
    /// When the password last changed.
    pub password_changed: Option<Timestamp>,
    /// Profile (`login`, `firstName`, `lastName`; `locale` and `timeZone` in `extra`).
    pub profile: Option<UserProfile>,
    /// The recovery question (question only).
    #[serde(rename = "recovery_question")]
    pub recovery_question: Option<RecoveryQuestionCredential>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// Defines an authn request body: a struct whose fields are all `Option`, with the shared
/// serde attributes and an `extra` map.
macro_rules! authn_body {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$fmeta:meta])* $field:ident : $ty:ty, )+
        }
    ) => {
        $(#[$meta])*
        #[okta::model]
        #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
        #[serde(rename_all = "camelCase")]
        pub struct $name {
            $(
                $(#[$fmeta])*
                pub $field: Option<$ty>,
            )+
            /// Fields this SDK does not know, kept verbatim.
            #[serde(flatten)]
            pub extra: JsonMap,
        }
    };
}

authn_body! {
    /// `{stateToken}`: get the transaction state, cancel, skip, previous, unlock/recovery
    /// resends, push verification (see also [`VerifyPushFactorRequest`]).
    pub struct StateTokenRequest {
        /// State token.
        state_token: SecretString,
    }
}

impl StateTokenRequest {
    /// `{"stateToken": state_token}`.
    pub fn new(state_token: impl Into<SecretString>) -> Self {
        StateTokenRequest {
            state_token: Some(state_token.into()),
            ..Default::default()
        }
    }
}

authn_body! {
    /// Activate an enrolled factor during `MFA_ENROLL_ACTIVATE`: `{stateToken, passCode}`.
    pub struct ActivateFactorRequest {
        /// State token.
        state_token: SecretString,
        /// One-time passcode.
        pass_code: SecretString,
    }
}

impl ActivateFactorRequest {
    /// `{stateToken, passCode}`.
    pub fn new(state_token: impl Into<SecretString>, pass_code: impl Into<SecretString>) -> Self {
        ActivateFactorRequest {
            state_token: Some(state_token.into()),
            pass_code: Some(pass_code.into()),
            ..Default::default()
        }
    }

    /// `{stateToken}` only (push/U2F activation and polling).
    pub fn state_token(state_token: impl Into<SecretString>) -> Self {
        ActivateFactorRequest {
            state_token: Some(state_token.into()),
            ..Default::default()
        }
    }
}

authn_body! {
    /// Change an expired (or soon-expiring) password: `{stateToken, oldPassword, newPassword}`
    /// (plain strings here, unlike the management [`crate::models::ChangePasswordRequest`]).
    pub struct ChangePasswordRequest {
        /// State token.
        state_token: SecretString,
        /// Current password.
        old_password: SecretString,
        /// New password.
        new_password: SecretString,
    }
}

impl ChangePasswordRequest {
    /// `{stateToken, oldPassword, newPassword}`.
    pub fn new(
        state_token: impl Into<SecretString>,
        old_password: impl Into<SecretString>,
        new_password: impl Into<SecretString>,
    ) -> Self {
        ChangePasswordRequest {
            state_token: Some(state_token.into()),
            old_password: Some(old_password.into()),
            new_password: Some(new_password.into()),
            ..Default::default()
        }
    }
}

authn_body! {
    /// Enrol a factor during `MFA_ENROLL`: `{stateToken, factorType, provider, profile}`.
    pub struct FactorEnrollRequest {
        /// State token.
        state_token: SecretString,
        /// Factor type.
        factor_type: FactorType,
        /// Provider.
        provider: FactorProvider,
        /// Factor profile (phone number, question, …).
        profile: FactorProfile,
    }
}

impl FactorEnrollRequest {
    /// `{stateToken, factorType, provider}`.
    pub fn new(state_token: impl Into<SecretString>, factor_type: FactorType, provider: FactorProvider) -> Self {
        FactorEnrollRequest {
            state_token: Some(state_token.into()),
            factor_type: Some(factor_type),
            provider: Some(provider),
            ..Default::default()
        }
    }

    /// Sets `profile`.
    pub fn with_profile(mut self, profile: FactorProfile) -> Self {
        self.profile = Some(profile);
        self
    }
}

authn_body! {
    /// Start a password recovery: `{username, factorType, relayState}`.
    pub struct RecoverPasswordRequest {
        /// Username.
        username: String,
        /// Recovery factor.
        factor_type: RecoveryFactorType,
        /// Relay state.
        relay_state: String,
    }
}

impl RecoverPasswordRequest {
    /// `{username, factorType}`.
    pub fn new(username: impl Into<String>, factor_type: RecoveryFactorType) -> Self {
        RecoverPasswordRequest {
            username: Some(username.into()),
            factor_type: Some(factor_type),
            ..Default::default()
        }
    }

    /// Sets `relayState`.
    pub fn with_relay_state(mut self, relay_state: impl Into<String>) -> Self {
        self.relay_state = Some(relay_state.into());
        self
    }
}

/// Start an account unlock: `{username, factorType, relayState}`, the same body as a password
/// recovery (`factorType` is `EMAIL` or `SMS` here).
pub type UnlockAccountRequest = RecoverPasswordRequest;

authn_body! {
    /// Answer the recovery question: `{stateToken, answer}`.
    pub struct RecoveryQuestionAnswerRequest {
        /// State token.
        state_token: SecretString,
        /// The answer.
        answer: SecretString,
    }
}

impl RecoveryQuestionAnswerRequest {
    /// `{stateToken, answer}`.
    pub fn new(state_token: impl Into<SecretString>, answer: impl Into<SecretString>) -> Self {
        RecoveryQuestionAnswerRequest {
            state_token: Some(state_token.into()),
            answer: Some(answer.into()),
            ..Default::default()
        }
    }
}

authn_body! {
    /// Set a new password during `PASSWORD_RESET`: `{stateToken, newPassword}`.
    pub struct ResetPasswordRequest {
        /// State token.
        state_token: SecretString,
        /// New password.
        new_password: SecretString,
    }
}

impl ResetPasswordRequest {
    /// `{stateToken, newPassword}`.
    pub fn new(state_token: impl Into<SecretString>, new_password: impl Into<SecretString>) -> Self {
        ResetPasswordRequest {
            state_token: Some(state_token.into()),
            new_password: Some(new_password.into()),
            ..Default::default()
        }
    }
}

authn_body! {
    /// Verify an sms/call/TOTP factor: `{stateToken, passCode}` (no `passCode` sends the OTP).
    pub struct VerifyPassCodeFactorRequest {
        /// State token.
        state_token: SecretString,
        /// One-time passcode.
        pass_code: SecretString,
    }
}

impl VerifyPassCodeFactorRequest {
    /// `{stateToken, passCode}`.
    pub fn new(state_token: impl Into<SecretString>, pass_code: impl Into<SecretString>) -> Self {
        VerifyPassCodeFactorRequest {
            state_token: Some(state_token.into()),
            pass_code: Some(pass_code.into()),
            ..Default::default()
        }
    }

    /// `{stateToken}` only: asks Okta to send the OTP (sms, call).
    pub fn challenge(state_token: impl Into<SecretString>) -> Self {
        VerifyPassCodeFactorRequest {
            state_token: Some(state_token.into()),
            ..Default::default()
        }
    }
}

authn_body! {
    /// Verify (or poll) a push factor: `{stateToken}`.
    pub struct VerifyPushFactorRequest {
        /// State token.
        state_token: SecretString,
    }
}

impl VerifyPushFactorRequest {
    /// `{stateToken}`.
    pub fn new(state_token: impl Into<SecretString>) -> Self {
        VerifyPushFactorRequest {
            state_token: Some(state_token.into()),
            ..Default::default()
        }
    }
}

authn_body! {
    /// Verify a U2F factor: `{stateToken, clientData, signatureData}` (first call with only
    /// `stateToken` returns the challenge nonce).
    pub struct VerifyU2fFactorRequest {
        /// State token.
        state_token: SecretString,
        /// Base64 client data from the U2F token.
        client_data: String,
        /// Base64 signature data from the U2F token.
        signature_data: String,
    }
}

impl VerifyU2fFactorRequest {
    /// `{stateToken, clientData, signatureData}`.
    pub fn new(
        state_token: impl Into<SecretString>,
        client_data: impl Into<String>,
        signature_data: impl Into<String>,
    ) -> Self {
        VerifyU2fFactorRequest {
            state_token: Some(state_token.into()),
            client_data: Some(client_data.into()),
            signature_data: Some(signature_data.into()),
            ..Default::default()
        }
    }

    /// `{stateToken}` only: asks for the challenge nonce.
    pub fn challenge(state_token: impl Into<SecretString>) -> Self {
        VerifyU2fFactorRequest {
            state_token: Some(state_token.into()),
            ..Default::default()
        }
    }
}

/// Verify an SMS/call recovery challenge: `{stateToken, passCode}`, the same body as an SMS, call
/// or TOTP factor verification.
pub type VerifyRecoveryRequest = VerifyPassCodeFactorRequest;

authn_body! {
    /// Verify a recovery token from an email link: `{recoveryToken}`.
    pub struct VerifyRecoverTokenRequest {
        /// Recovery token.
        recovery_token: SecretString,
    }
}

impl VerifyRecoverTokenRequest {
    /// `{recoveryToken}`.
    pub fn new(recovery_token: impl Into<SecretString>) -> Self {
        VerifyRecoverTokenRequest {
            recovery_token: Some(recovery_token.into()),
            ..Default::default()
        }
    }
}

authn_body! {
    /// Verify any factor: `{stateToken, passCode, answer, clientData, signatureData}`.
    pub struct VerifyFactorRequest {
        /// State token.
        state_token: SecretString,
        /// One-time passcode.
        pass_code: SecretString,
        /// Security question answer.
        answer: SecretString,
        /// U2F client data.
        client_data: String,
        /// U2F signature data.
        signature_data: String,
    }
}

impl VerifyFactorRequest {
    /// `{stateToken}` only (push, or issue an OTP challenge).
    pub fn new(state_token: impl Into<SecretString>) -> Self {
        VerifyFactorRequest {
            state_token: Some(state_token.into()),
            ..Default::default()
        }
    }

    /// `{stateToken, passCode}`.
    pub fn pass_code(state_token: impl Into<SecretString>, pass_code: impl Into<SecretString>) -> Self {
        VerifyFactorRequest {
            pass_code: Some(pass_code.into()),
            ..Self::new(state_token)
        }
    }

    /// `{stateToken, answer}`.
    pub fn answer(state_token: impl Into<SecretString>, answer: impl Into<SecretString>) -> Self {
        VerifyFactorRequest {
            answer: Some(answer.into()),
            ..Self::new(state_token)
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::models::test_support::{assert_empty_ok, assert_encodes, assert_round_trip};
    use serde_json::json;

    const MFA_REQUIRED: &str = r#"{
      "stateToken": "007ucIX7PATyn94hsHfOLVaXAmOBkKHWnOOLG43bsb",
      "expiresAt": "2015-11-03T10:15:57.000Z",
      "status": "MFA_REQUIRED",
      "relayState": "/myapp/some/deep/link/i/want/to/return/to",
      "_embedded": {
        "user": {
          "id": "00ub0oNGTSWTBKOLGLNR",
          "passwordChanged": "2015-09-08T20:14:45.000Z",
          "profile": {"login": "dade.murphy@example.com", "firstName": "Dade", "lastName": "Murphy", "locale": "en_US", "timeZone": "America/Los_Angeles"},
          "recovery_question": {"question": "Who's a major player in the cowboy scene?"}
        },
        "factors": [
          {"id": "ostfm3hPNYSOIOIVTQWY", "factorType": "token:software:totp", "provider": "OKTA",
           "profile": {"credentialId": "dade.murphy@example.com"},
           "_links": {"verify": {"href": "https://example.okta.com/api/v1/authn/factors/ostfm3hPNYSOIOIVTQWY/verify", "hints": {"allow": ["POST"]}}}},
          {"id": "sms193zUBEROPBNZKPPE", "factorType": "sms", "provider": "OKTA", "profile": {"phoneNumber": "+1 XXX-XXX-1337"}}
        ],
        "policy": {"allowRememberDevice": false, "rememberDeviceLifetimeInMinutes": 0, "rememberDeviceByDefault": false}
      },
      "_links": {
        "cancel": {"href": "https://example.okta.com/api/v1/authn/cancel", "hints": {"allow": ["POST"]}}
      },
      "transactionNew": {"a": 1}
    }"#;

    #[test]
    fn transaction_round_trips_with_embedded() {
        let t: AuthenticationTransaction = assert_round_trip(MFA_REQUIRED);
        assert_eq!(t.status, Some(AuthnStatus::MfaRequired));
        let user = t.user().expect("user");
        assert_eq!(
            user.profile.as_ref().map(|p| p.login.as_str()),
            Some("dade.murphy@example.com")
        );
        assert_eq!(user.profile.as_ref().expect("profile").extra["locale"], "en_US");
        let factors = t.factors();
        assert_eq!(factors.len(), 2);
        assert_eq!(factors[0].factor_type, Some(FactorType::TokenSoftwareTotp));
        assert!(t.factor().is_none());
        assert_eq!(
            t.link_href("cancel"),
            Some("https://example.okta.com/api/v1/authn/cancel")
        );
        assert!(!format!("{t:?}").contains("007ucIX7PATyn94hsHfOLVaXAmOBkKHWnOOLG43bsb"));
    }

    #[test]
    fn success_recovery_and_unknown_status() {
        let t: AuthenticationTransaction = assert_round_trip(
            r#"{"expiresAt":"2015-11-03T10:15:57.000Z","status":"SUCCESS","relayState":"/x",
                "sessionToken":"00Fpzf4en68pCXTsMjcX8JPMctzN2Wiw4LDOBL_9pe",
                "_embedded":{"user":{"id":"00ub0oNGTSWTBKOLGLNR","profile":{"login":"dade.murphy@example.com"}}}}"#,
        );
        assert!(!format!("{t:?}").contains("00Fpzf4en68pCXTsMjcX8JPMctzN2Wiw4LDOBL_9pe"));

        let r: RecoveryTransaction = assert_round_trip(
            r#"{"status":"RECOVERY","recoveryToken":"VBQ0gwBp5LyJJFdbmWCM","recoveryType":"PASSWORD",
                "factorType":"EMAIL","stateToken":"00lMJySRYNz3u_rKQrsLvLrzxiARgivP8FB_1gpmVb",
                "_embedded":{"user":{"id":"00ub0oNGTSWTBKOLGLNR","recovery_question":{"question":"Who's a major player in the cowboy scene?"}}},
                "_links":{"next":{"name":"answer","href":"https://example.okta.com/api/v1/authn/recovery/answer","hints":{"allow":["POST"]}}}}"#,
        );
        assert_eq!(r.recovery_type, Some(RecoveryType::Password));
        assert_eq!(r.factor_type, Some(RecoveryFactorType::Email));
        assert!(r.link_href("next").is_some());
        let shown = format!("{r:?}");
        assert!(!shown.contains("VBQ0gwBp5LyJJFdbmWCM"), "{shown}");

        let t: AuthenticationTransaction = assert_round_trip(
            r#"{"status":"MFA_VERIFY_PASSKEY","factorResult":"NEW_RESULT","type":"SESSION_STEP_UP"}"#,
        );
        assert!(t.status.as_ref().is_some_and(AuthnStatus::is_unknown));
        // cancel_transaction's partial response.
        let _: AuthenticationTransaction = assert_round_trip(r#"{"relayState":"/myapp"}"#);
    }

    #[test]
    fn enroll_activate_hides_shared_secret() {
        let t: AuthenticationTransaction = assert_round_trip(
            r#"{"stateToken":"007ucIX7PATyn94hsHfOLVaXAmOBkKHWnOOLG43bsb","status":"MFA_ENROLL_ACTIVATE",
                "_embedded":{"factor":{"id":"uftm3iHSGFQXHCUSDAND","factorType":"token:software:totp","provider":"GOOGLE",
                  "profile":{"credentialId":"dade.murphy@example.com"},
                  "_embedded":{"activation":{"timeStep":30,"sharedSecret":"KBMTM32UJZSXQ2DW","encoding":"base32","keyLength":10}}}}}"#,
        );
        let factor = t.factor().expect("factor");
        assert_eq!(factor.provider, Some(FactorProvider::Google));
        let shown = format!("{t:?} {factor:?}");
        assert!(!shown.contains("KBMTM32UJZSXQ2DW"), "{shown}");
    }

    #[test]
    fn empty_documents_decode() {
        assert_empty_ok::<AuthenticationRequest>();
        assert_empty_ok::<AuthenticationOptions>();
        assert_empty_ok::<AuthenticationContext>();
        assert_empty_ok::<AuthenticationTransaction>();
        assert_empty_ok::<AuthnUser>();
        assert_empty_ok::<StateTokenRequest>();
        assert_empty_ok::<ActivateFactorRequest>();
        assert_empty_ok::<ChangePasswordRequest>();
        assert_empty_ok::<FactorEnrollRequest>();
        assert_empty_ok::<RecoverPasswordRequest>();
        assert_empty_ok::<UnlockAccountRequest>();
        assert_empty_ok::<RecoveryQuestionAnswerRequest>();
        assert_empty_ok::<ResetPasswordRequest>();
        assert_empty_ok::<VerifyPassCodeFactorRequest>();
        assert_empty_ok::<VerifyPushFactorRequest>();
        assert_empty_ok::<VerifyU2fFactorRequest>();
        assert_empty_ok::<VerifyRecoveryRequest>();
        assert_empty_ok::<VerifyRecoverTokenRequest>();
        assert_empty_ok::<VerifyFactorRequest>();
        let t = AuthenticationTransaction::default();
        assert!(t.user().is_none() && t.factors().is_empty());
    }

    #[test]
    fn request_bodies_round_trip_with_unknown_fields() {
        let r: AuthenticationRequest = assert_round_trip(
            r#"{"username":"dade.murphy@example.com","password":"correcthorsebatterystaple","audience":"0oa1",
                "relayState":"/x","options":{"multiOptionalFactorEnroll":true,"warnBeforePasswordExpired":true,"newOpt":1},
                "context":{"deviceToken":"26q43Ak9Eh04p7H6Nnx0m69JqYOrfVBY","ctx":2},"token":"tok","stateToken":"st"}"#,
        );
        assert!(!format!("{r:?}").contains("correcthorsebatterystaple"));
        let _: FactorEnrollRequest = assert_round_trip(
            r#"{"stateToken":"st","factorType":"sms","provider":"OKTA","profile":{"phoneNumber":"+1-555-415-1337","updatePhone":true},"x":1}"#,
        );
        let _: RecoverPasswordRequest =
            assert_round_trip(r#"{"username":"u","factorType":"VOICE","relayState":"/r","x":1}"#);
        let _: VerifyFactorRequest = assert_round_trip(
            r#"{"stateToken":"st","passCode":"1","answer":"a","clientData":"c","signatureData":"s","x":1}"#,
        );
        let _: StateTokenRequest = assert_round_trip(r#"{"stateToken":"st","x":{"y":1}}"#);
        let _: ActivateFactorRequest = assert_round_trip(r#"{"stateToken":"st","passCode":"1","x":1}"#);
        let _: ChangePasswordRequest =
            assert_round_trip(r#"{"stateToken":"st","oldPassword":"o","newPassword":"n","revokeSessions":true}"#);
        let _: UnlockAccountRequest =
            assert_round_trip(r#"{"username":"u","factorType":"EMAIL","relayState":"/r","x":1}"#);
        let _: RecoveryQuestionAnswerRequest = assert_round_trip(r#"{"stateToken":"st","answer":"a","x":1}"#);
        let _: ResetPasswordRequest =
            assert_round_trip(r#"{"stateToken":"st","newPassword":"n","revokeSessions":false}"#);
        let _: VerifyPassCodeFactorRequest =
            assert_round_trip(r#"{"stateToken":"st","passCode":"1","rememberDevice":true}"#);
        let _: VerifyPushFactorRequest = assert_round_trip(r#"{"stateToken":"st","autoPush":true}"#);
        let _: VerifyU2fFactorRequest =
            assert_round_trip(r#"{"stateToken":"st","clientData":"c","signatureData":"s","x":1}"#);
        let _: VerifyRecoveryRequest = assert_round_trip(r#"{"stateToken":"st","passCode":"1","x":1}"#);
        let _: VerifyRecoverTokenRequest = assert_round_trip(r#"{"recoveryToken":"r","x":1}"#);
        let u: AuthnUser = assert_round_trip(
            r#"{"id":"00u1","passwordChanged":"2015-09-08T20:14:45.000Z",
                "profile":{"login":"l","locale":"en_US","timeZone":"America/Los_Angeles"},
                "recovery_question":{"question":"q?"},"x":1}"#,
        );
        assert_eq!(u.profile.as_ref().map(|p| p.login.as_str()), Some("l"));
        let t: RecoveryTransaction = assert_round_trip(r#"{"recoveryType":"MFA_RESET"}"#);
        assert!(t.recovery_type.as_ref().is_some_and(RecoveryType::is_unknown));
    }

    #[test]
    fn constructors_are_exact() {
        assert_encodes(
            &AuthenticationRequest::new("dade.murphy@example.com", "pw")
                .with_relay_state("/r")
                .with_audience("0oa1")
                .with_options(AuthenticationOptions::new(true, false))
                .with_device_token("dt"),
            json!({"username": "dade.murphy@example.com", "password": "pw", "relayState": "/r",
                   "audience": "0oa1",
                   "options": {"multiOptionalFactorEnroll": true, "warnBeforePasswordExpired": false},
                   "context": {"deviceToken": "dt"}}),
        );
        assert_encodes(&AuthenticationRequest::activation_token("t"), json!({"token": "t"}));
        assert_encodes(&StateTokenRequest::new("st"), json!({"stateToken": "st"}));
        assert_encodes(
            &ActivateFactorRequest::new("st", "123456"),
            json!({"stateToken": "st", "passCode": "123456"}),
        );
        assert_encodes(&ActivateFactorRequest::state_token("st"), json!({"stateToken": "st"}));
        assert_encodes(
            &ChangePasswordRequest::new("st", "old", "new"),
            json!({"stateToken": "st", "oldPassword": "old", "newPassword": "new"}),
        );
        assert_encodes(
            &FactorEnrollRequest::new("st", FactorType::Sms, FactorProvider::Okta)
                .with_profile(FactorProfile::phone("+1-555-415-1337")),
            json!({"stateToken": "st", "factorType": "sms", "provider": "OKTA",
                   "profile": {"phoneNumber": "+1-555-415-1337"}}),
        );
        assert_encodes(
            &RecoverPasswordRequest::new("dade.murphy@example.com", RecoveryFactorType::Email).with_relay_state("/r"),
            json!({"username": "dade.murphy@example.com", "factorType": "EMAIL", "relayState": "/r"}),
        );
        assert_encodes(
            &UnlockAccountRequest::new("dade.murphy@example.com", RecoveryFactorType::Sms).with_relay_state("/r"),
            json!({"username": "dade.murphy@example.com", "factorType": "SMS", "relayState": "/r"}),
        );
        assert_encodes(
            &RecoveryQuestionAnswerRequest::new("st", "Annie Oakley"),
            json!({"stateToken": "st", "answer": "Annie Oakley"}),
        );
        assert_encodes(
            &ResetPasswordRequest::new("st", "new"),
            json!({"stateToken": "st", "newPassword": "new"}),
        );
        assert_encodes(
            &VerifyPassCodeFactorRequest::new("st", "657866"),
            json!({"stateToken": "st", "passCode": "657866"}),
        );
        assert_encodes(
            &VerifyPassCodeFactorRequest::challenge("st"),
            json!({"stateToken": "st"}),
        );
        assert_encodes(&VerifyPushFactorRequest::new("st"), json!({"stateToken": "st"}));
        assert_encodes(
            &VerifyU2fFactorRequest::new("st", "cd", "sd"),
            json!({"stateToken": "st", "clientData": "cd", "signatureData": "sd"}),
        );
        assert_encodes(&VerifyU2fFactorRequest::challenge("st"), json!({"stateToken": "st"}));
        assert_encodes(
            &VerifyRecoveryRequest::new("st", "1"),
            json!({"stateToken": "st", "passCode": "1"}),
        );
        assert_encodes(
            &VerifyRecoverTokenRequest::new("VBQ0gwBp5LyJJFdbmWCM"),
            json!({"recoveryToken": "VBQ0gwBp5LyJJFdbmWCM"}),
        );
        assert_encodes(&VerifyFactorRequest::new("st"), json!({"stateToken": "st"}));
        assert_encodes(
            &VerifyFactorRequest::pass_code("st", "1"),
            json!({"stateToken": "st", "passCode": "1"}),
        );
        assert_encodes(
            &VerifyFactorRequest::answer("st", "a"),
            json!({"stateToken": "st", "answer": "a"}),
        );
    }

    #[test]
    fn request_debug_hides_secrets() {
        let shown = format!(
            "{:?} {:?} {:?} {:?}",
            ChangePasswordRequest::new("state-xyz", "old-xyz", "new-xyz"),
            VerifyPassCodeFactorRequest::new("state-xyz", "code-xyz"),
            RecoveryQuestionAnswerRequest::new("state-xyz", "answer-xyz"),
            VerifyRecoverTokenRequest::new("recovery-xyz"),
        );
        assert!(!shown.contains("-xyz"), "{shown}");
    }
}
