//! Token-carrying responses of the user lifecycle and credential operations, and the
//! response shapes that vary with a query parameter (`expire_password`,
//! `forgot_password_by_user`).

use okta_core::SecretString;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{JsonMap, User, UserCredentials};

/// Response of `activate_user`: `{activationUrl, activationToken}` when `sendEmail=false`,
/// `{}` when Okta sends the email (then both fields are `None`).
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserActivationToken {
    /// The activation link (it carries the token, so it is a secret).
    pub activation_url: Option<SecretString>,
    /// The activation token.
    pub activation_token: Option<SecretString>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// Response of `reset_password_by_user`: `{resetPasswordUrl}` when `sendEmail=false`, `{}`
/// otherwise.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResetPasswordToken {
    /// The one-time reset link (it carries a token, so it is a secret).
    pub reset_password_url: Option<SecretString>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// `{tempPassword}`: the temporary password from `expire_password?tempPassword=true`.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TempPassword {
    /// The temporary password.
    pub temp_password: Option<SecretString>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// `{resetPasswordUrl}`: `forgot_password_by_user` with `sendEmail=false` and no body.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ForgotPasswordResponse {
    /// The one-time reset link (it carries a token, so it is a secret).
    pub reset_password_url: Option<SecretString>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// Response of `expire_password`: the [`User`] by default, or `{tempPassword}` with
/// `tempPassword=true`.
///
/// Decoding picks [`ExpirePasswordResponse::TempPassword`] exactly when the document has a
/// `tempPassword` member, a [`User`] otherwise (so `{}` decodes too).
///
/// ```
/// use okta::models::ExpirePasswordResponse;
///
/// let r: ExpirePasswordResponse = serde_json::from_str(r#"{"tempPassword":"F8cZ4ro0"}"#).unwrap();
/// assert_eq!(r.temp_password().map(|p| p.expose()), Some("F8cZ4ro0"));
/// let r: ExpirePasswordResponse = serde_json::from_str(r#"{"id":"00u1","status":"PASSWORD_EXPIRED"}"#).unwrap();
/// assert_eq!(r.user().and_then(|u| u.id.as_deref()), Some("00u1"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
#[allow(clippy::large_enum_variant)]
pub enum ExpirePasswordResponse {
    /// `{tempPassword}`.
    TempPassword(TempPassword),
    /// The expired user.
    User(User),
}

impl Default for ExpirePasswordResponse {
    /// An empty [`User`].
    fn default() -> Self {
        ExpirePasswordResponse::User(User::default())
    }
}

impl ExpirePasswordResponse {
    /// The user, when Okta returned one.
    pub fn user(&self) -> Option<&User> {
        match self {
            ExpirePasswordResponse::User(user) => Some(user),
            ExpirePasswordResponse::TempPassword(_) => None,
        }
    }

    /// The user, when Okta returned one.
    pub fn into_user(self) -> Option<User> {
        match self {
            ExpirePasswordResponse::User(user) => Some(user),
            ExpirePasswordResponse::TempPassword(_) => None,
        }
    }

    /// The temporary password, when Okta returned one.
    pub fn temp_password(&self) -> Option<&SecretString> {
        match self {
            ExpirePasswordResponse::TempPassword(t) => t.temp_password.as_ref(),
            ExpirePasswordResponse::User(_) => None,
        }
    }
}

impl<'de> Deserialize<'de> for ExpirePasswordResponse {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let map = JsonMap::deserialize(deserializer)?;
        let value = serde_json::Value::Object(map);
        if value.get("tempPassword").is_some() {
            serde_json::from_value(value)
                .map(ExpirePasswordResponse::TempPassword)
                .map_err(serde::de::Error::custom)
        } else {
            serde_json::from_value(value)
                .map(ExpirePasswordResponse::User)
                .map_err(serde::de::Error::custom)
        }
    }
}

/// Response of `forgot_password_by_user`, whose shape depends on how it was called:
///
/// * no body, `sendEmail=false` → `{resetPasswordUrl}` ([`Self::ResetPasswordUrl`]);
/// * no body, `sendEmail=true` → `{}` ([`Self::Empty`]);
/// * body `{password, recovery_question}` → [`UserCredentials`] ([`Self::Credentials`]).
///
/// Decoding picks `ResetPasswordUrl` when the document has `resetPasswordUrl`, `Empty` when it
/// is `{}`, and `Credentials` otherwise (unknown members are kept there).
#[derive(Debug, Clone, Default, PartialEq)]
pub enum ForgotPasswordByUserResponse {
    /// `{resetPasswordUrl}`.
    ResetPasswordUrl(ForgotPasswordResponse),
    /// The user's credentials after a recovery-question reset.
    Credentials(UserCredentials),
    /// `{}`: Okta sent the reset email.
    #[default]
    Empty,
}

impl ForgotPasswordByUserResponse {
    /// The reset link, when Okta returned one.
    pub fn reset_password_url(&self) -> Option<&SecretString> {
        match self {
            ForgotPasswordByUserResponse::ResetPasswordUrl(r) => r.reset_password_url.as_ref(),
            _ => None,
        }
    }

    /// The credentials, when Okta returned them.
    pub fn credentials(&self) -> Option<&UserCredentials> {
        match self {
            ForgotPasswordByUserResponse::Credentials(c) => Some(c),
            _ => None,
        }
    }

    /// Whether Okta returned `{}`.
    pub fn is_empty(&self) -> bool {
        matches!(self, ForgotPasswordByUserResponse::Empty)
    }
}

impl Serialize for ForgotPasswordByUserResponse {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            ForgotPasswordByUserResponse::ResetPasswordUrl(r) => r.serialize(serializer),
            ForgotPasswordByUserResponse::Credentials(c) => c.serialize(serializer),
            ForgotPasswordByUserResponse::Empty => JsonMap::new().serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for ForgotPasswordByUserResponse {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let map = JsonMap::deserialize(deserializer)?;
        if map.is_empty() {
            return Ok(ForgotPasswordByUserResponse::Empty);
        }
        let value = serde_json::Value::Object(map);
        if value.get("resetPasswordUrl").is_some() {
            serde_json::from_value(value)
                .map(ForgotPasswordByUserResponse::ResetPasswordUrl)
                .map_err(serde::de::Error::custom)
        } else {
            serde_json::from_value(value)
                .map(ForgotPasswordByUserResponse::Credentials)
                .map_err(serde::de::Error::custom)
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::models::UserStatus;
    use crate::models::test_support::{assert_empty_ok, assert_round_trip};

    #[test]
    fn activation_token_both_shapes() {
        let t: UserActivationToken = assert_round_trip(
            r#"{"activationUrl":"https://example.okta.com/welcome/XE6wE17zmphl3KqAPFxO",
                "activationToken":"XE6wE17zmphl3KqAPFxO","expiresAt":"2030-01-01T00:00:00Z"}"#,
        );
        assert_eq!(
            t.activation_token.as_ref().map(SecretString::expose),
            Some("XE6wE17zmphl3KqAPFxO")
        );
        let shown = format!("{t:?}");
        assert!(!shown.contains("XE6wE17zmphl3KqAPFxO"), "{shown}");
        assert_empty_ok::<UserActivationToken>();
    }

    #[test]
    fn reset_and_forgot_tokens_both_shapes() {
        let t: ResetPasswordToken = assert_round_trip(
            r#"{"resetPasswordUrl":"https://example.okta.com/reset_password/XE6wE17zmphl3KqAPFxO","x":1}"#,
        );
        assert!(!format!("{t:?}").contains("XE6wE17zmphl3KqAPFxO"));
        assert_empty_ok::<ResetPasswordToken>();
        let _: ForgotPasswordResponse = assert_round_trip(
            r#"{"resetPasswordUrl":"https://example.okta.com/signin/reset-password/XE6wE17zmphl3KqAPFxO"}"#,
        );
        assert_empty_ok::<ForgotPasswordResponse>();
        let t: TempPassword = assert_round_trip(r#"{"tempPassword":"F8cZ4ro0"}"#);
        assert!(!format!("{t:?}").contains("F8cZ4ro0"));
        assert_empty_ok::<TempPassword>();
    }

    #[test]
    fn expire_password_variants() {
        let r: ExpirePasswordResponse = assert_round_trip(r#"{"tempPassword":"HR076gb6"}"#);
        assert_eq!(r.temp_password().map(SecretString::expose), Some("HR076gb6"));
        assert!(r.user().is_none());
        assert!(!format!("{r:?}").contains("HR076gb6"));

        let r: ExpirePasswordResponse = assert_round_trip(
            r#"{"id":"00ub0oNGTSWTBKOLGLNR","status":"PASSWORD_EXPIRED",
                "profile":{"login":"isaac@example.org","costCenter":"1"},
                "credentials":{"password":{},"provider":{"type":"OKTA","name":"OKTA"}},
                "_links":{"self":{"href":"https://example.okta.com/api/v1/users/00ub0oNGTSWTBKOLGLNR"}}}"#,
        );
        let user = r.user().expect("user");
        assert_eq!(user.status, Some(UserStatus::PasswordExpired));
        assert!(r.temp_password().is_none());
        assert!(r.into_user().is_some());

        let r: ExpirePasswordResponse = assert_round_trip("{}");
        assert!(r.user().is_some());
    }

    #[test]
    fn forgot_password_by_user_variants() {
        let r: ForgotPasswordByUserResponse = assert_round_trip(
            r#"{"resetPasswordUrl":"https://example.okta.com/signin/reset-password/XE6wE17zmphl3KqAPFxO"}"#,
        );
        assert!(r.reset_password_url().is_some());

        let r: ForgotPasswordByUserResponse = assert_round_trip(
            r#"{"password":{},"recovery_question":{"question":"Who's a major player in the cowboy scene?"},
                "provider":{"type":"OKTA","name":"OKTA"}}"#,
        );
        assert!(r.credentials().is_some());

        let r: ForgotPasswordByUserResponse = assert_round_trip("{}");
        assert!(r.is_empty());
        assert!(r.credentials().is_none() && r.reset_password_url().is_none());
    }
}
