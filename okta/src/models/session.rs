//! Sessions.

use okta_core::SecretString;
use serde::{Deserialize, Serialize};

use super::open_enum::open_enum;
use super::{JsonMap, Timestamp};

open_enum! {
    /// A session's status.
    pub enum SessionStatus {
        Active = "ACTIVE",
        MfaEnroll = "MFA_ENROLL",
        MfaRequired = "MFA_REQUIRED",
    }
}

open_enum! {
    /// Who authenticated the session (`idp.type`).
    pub enum SessionIdentityProviderType {
        ActiveDirectory = "ACTIVE_DIRECTORY",
        Ldap = "LDAP",
        Okta = "OKTA",
        Federation = "FEDERATION",
        Social = "SOCIAL",
    }
}

open_enum! {
    /// An authentication method reference (`amr[]`).
    pub enum SessionAuthenticationMethod {
        Pwd = "pwd",
        Swk = "swk",
        Hwk = "hwk",
        Otp = "otp",
        Sms = "sms",
        Tel = "tel",
        Geo = "geo",
        Fpt = "fpt",
        Kba = "kba",
        Mfa = "mfa",
    }
}

/// An Okta session (`/api/v1/sessions`), all read-only.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Session {
    /// Session id.
    pub id: Option<String>,
    /// The user's id.
    pub user_id: Option<String>,
    /// The user's login.
    pub login: Option<String>,
    /// Status.
    pub status: Option<SessionStatus>,
    /// When the session was created.
    pub created_at: Option<Timestamp>,
    /// When it expires.
    pub expires_at: Option<Timestamp>,
    /// Last password verification.
    pub last_password_verification: Option<Timestamp>,
    /// Last factor verification.
    pub last_factor_verification: Option<Timestamp>,
    /// Authentication methods used.
    pub amr: Option<Vec<SessionAuthenticationMethod>>,
    /// Identity provider.
    pub idp: Option<SessionIdentityProvider>,
    /// Whether MFA is active.
    pub mfa_active: Option<bool>,
    /// HAL links.
    #[serde(rename = "_links")]
    pub links: Option<JsonMap>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// `Session.idp`.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionIdentityProvider {
    /// Identity provider id.
    pub id: Option<String>,
    /// Identity provider type.
    #[serde(rename = "type")]
    pub idp_type: Option<SessionIdentityProviderType>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// Body of `create_session`: `{sessionToken}`.
///
/// ```
/// use okta::models::CreateSessionRequest;
///
/// let body = CreateSessionRequest::new("20111sWJ9-Xy");
/// assert_eq!(serde_json::to_value(&body).unwrap(), serde_json::json!({"sessionToken": "20111sWJ9-Xy"}));
/// assert!(!format!("{body:?}").contains("20111sWJ9-Xy"));
/// ```
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateSessionRequest {
    /// The one-time session token from primary authentication.
    pub session_token: Option<SecretString>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

impl CreateSessionRequest {
    /// `{"sessionToken": session_token}`.
    pub fn new(session_token: impl Into<SecretString>) -> Self {
        CreateSessionRequest {
            session_token: Some(session_token.into()),
            ..Default::default()
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::models::test_support::{assert_empty_ok, assert_encodes, assert_round_trip};
    use serde_json::json;

    #[test]
    fn session_round_trips() {
        let s: Session = assert_round_trip(
            r#"{
              "id": "101W_juydrDRByB7fUdRyE2JQ",
              "login": "user@example.com",
              "userId": "00ubgaSARVOQDIOXMORI",
              "expiresAt": "2016-01-03T09:13:17.000Z",
              "status": "ACTIVE",
              "lastPasswordVerification": "2016-01-03T07:02:00.000Z",
              "lastFactorVerification": null,
              "amr": ["pwd", "face"],
              "idp": {"id": "00oi5cpnylv792IcF0g3", "type": "OKTA", "name": "x"},
              "mfaActive": false,
              "createdAt": "2016-01-03T07:02:00.000Z",
              "_links": {
                "self": {"href": "https://example.okta.com/api/v1/sessions/101W_juydrDRByB7fUdRyE2JQ", "hints": {"allow": ["GET", "DELETE"]}},
                "refresh": {"href": "https://example.okta.com/api/v1/sessions/101W_juydrDRByB7fUdRyE2JQ/lifecycle/refresh", "hints": {"allow": ["POST"]}}
              },
              "cookieToken": "x"
            }"#,
        );
        let amr = s.amr.as_ref().expect("amr");
        assert_eq!(amr[0], SessionAuthenticationMethod::Pwd);
        assert_eq!(amr[1], SessionAuthenticationMethod::from("face"));
        assert!(amr[1].is_unknown());
        let _: Session = assert_round_trip(r#"{"status":"MFA_CHALLENGE","idp":{"type":"IWA"}}"#);
        assert_empty_ok::<Session>();
        assert_empty_ok::<SessionIdentityProvider>();
        assert_empty_ok::<CreateSessionRequest>();
    }

    #[test]
    fn create_session_body() {
        assert_encodes(
            &CreateSessionRequest::new("20111sWJ9-XyTNXmmVs5F"),
            json!({"sessionToken": "20111sWJ9-XyTNXmmVs5F"}),
        );
        let _: CreateSessionRequest = assert_round_trip(r#"{"sessionToken":"t","extra":1}"#);
    }
}
