//! Users: the user object, its profile and credentials, and the password-change body.

use okta_core::SecretString;
use serde::{Deserialize, Serialize};

use super::open_enum::open_enum;
use super::{JsonMap, Redacted, Timestamp};

open_enum! {
    /// A user's lifecycle status (`User.status`, `User.transitioningToStatus`).
    pub enum UserStatus {
        Staged = "STAGED",
        Provisioned = "PROVISIONED",
        Active = "ACTIVE",
        Recovery = "RECOVERY",
        PasswordExpired = "PASSWORD_EXPIRED",
        LockedOut = "LOCKED_OUT",
        Deprovisioned = "DEPROVISIONED",
        Suspended = "SUSPENDED",
    }
}

open_enum! {
    /// Who authenticates a user (`credentials.provider.type`).
    pub enum AuthenticationProviderType {
        ActiveDirectory = "ACTIVE_DIRECTORY",
        Federation = "FEDERATION",
        Ldap = "LDAP",
        Okta = "OKTA",
        Social = "SOCIAL",
        Import = "IMPORT",
    }
}

open_enum! {
    /// Whether a user's email address is verified.
    pub enum EmailStatus {
        Verified = "VERIFIED",
        Unverified = "UNVERIFIED",
    }
}

open_enum! {
    /// Which of a user's email addresses this is.
    pub enum EmailType {
        Primary = "PRIMARY",
        Secondary = "SECONDARY",
    }
}

/// An Okta user (`/api/v1/users`).
///
/// Also the body of `create_user` and `update_user` (spec ≥ 2.x calls the create body
/// `CreateUserRequest`; it is the same shape plus `groupIds` and `type`, both kept here).
///
/// `profile` is not an `Option`: a user always has one, so `user.profile.login` reads directly.
/// It is left out of the encoded JSON only when it is entirely empty.
///
/// ```
/// use okta::models::{User, UserProfile};
///
/// let user = User::new(UserProfile::new("isaac@example.org", "isaac@example.org", "Isaac", "Brock"))
///     .with_password("Abcd1234!")
///     .with_recovery_question("Who's a major player in the cowboy scene?", "Annie Oakley");
/// let body = serde_json::to_value(&user).unwrap();
/// assert_eq!(body["profile"]["login"], "isaac@example.org");
/// assert_eq!(body["credentials"]["password"]["value"], "Abcd1234!");
/// assert_eq!(body["credentials"]["recovery_question"]["answer"], "Annie Oakley");
/// assert!(!format!("{user:?}").contains("Abcd1234!"));
/// ```
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct User {
    /// Unique id (read-only).
    pub id: Option<String>,
    /// Current lifecycle status (read-only).
    pub status: Option<UserStatus>,
    /// Target status of an in-progress transition (read-only).
    pub transitioning_to_status: Option<UserStatus>,
    /// When the user was created (read-only).
    pub created: Option<Timestamp>,
    /// When the user was activated (read-only).
    pub activated: Option<Timestamp>,
    /// When the status last changed (read-only).
    pub status_changed: Option<Timestamp>,
    /// Last sign-in (read-only).
    pub last_login: Option<Timestamp>,
    /// Last update (read-only).
    pub last_updated: Option<Timestamp>,
    /// When the password last changed (read-only).
    pub password_changed: Option<Timestamp>,
    /// The user's profile: default attributes typed, custom attributes in `profile.extra`.
    #[serde(skip_serializing_if = "UserProfile::is_empty")]
    pub profile: UserProfile,
    /// Credentials (password, recovery question, provider).
    pub credentials: Option<UserCredentials>,
    /// Groups to add the user to on creation (create body only).
    pub group_ids: Option<Vec<String>>,
    /// HAL links (read-only).
    #[serde(rename = "_links")]
    pub links: Option<JsonMap>,
    /// Embedded resources (read-only).
    #[serde(rename = "_embedded")]
    pub embedded: Option<JsonMap>,
    /// Fields this SDK does not know (`type`, `realmId`, …), kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

impl User {
    /// A user to create, with this profile and nothing else.
    pub fn new(profile: UserProfile) -> Self {
        User {
            profile,
            ..Default::default()
        }
    }

    /// Sets `credentials.password.value`.
    pub fn with_password(mut self, password: impl Into<SecretString>) -> Self {
        self.credentials.get_or_insert_with(Default::default).password = Some(PasswordCredential::new(password));
        self
    }

    /// Sets `credentials.recovery_question` (question and answer).
    pub fn with_recovery_question(mut self, question: impl Into<String>, answer: impl Into<SecretString>) -> Self {
        self.credentials.get_or_insert_with(Default::default).recovery_question =
            Some(RecoveryQuestionCredential::new(question, answer));
        self
    }

    /// Sets `groupIds`: groups the new user joins on creation.
    pub fn with_group_ids<I, S>(mut self, group_ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.group_ids = Some(group_ids.into_iter().map(Into::into).collect());
        self
    }
}

/// A user's profile.
///
/// The default attributes are typed; every other attribute (Okta's optional defaults such as
/// `city` or `displayName`, and your org's custom attributes) lives in `extra`, so custom profile
/// attributes survive GET → change → PUT.
///
/// `login` is a plain `String` (empty when absent, and then not encoded) because every user has
/// one and `user.profile.login` is read everywhere.
///
/// ```
/// use okta::models::UserProfile;
///
/// let mut profile = UserProfile::new("isaac@example.org", "isaac@example.org", "Isaac", "Brock");
/// profile.extra.insert("costCenter".into(), "4711".into());
/// let json = serde_json::to_value(&profile).unwrap();
/// assert_eq!(json["firstName"], "Isaac");
/// assert_eq!(json["costCenter"], "4711");
/// ```
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserProfile {
    /// Unique login (usually an email address).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub login: String,
    /// Primary email.
    pub email: Option<String>,
    /// Given name.
    pub first_name: Option<String>,
    /// Family name.
    pub last_name: Option<String>,
    /// Mobile phone number.
    pub mobile_phone: Option<String>,
    /// Secondary email.
    pub second_email: Option<String>,
    /// Every other attribute (optional defaults and custom attributes), kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

impl UserProfile {
    /// A profile with the four attributes Okta requires by default.
    pub fn new(
        login: impl Into<String>,
        email: impl Into<String>,
        first_name: impl Into<String>,
        last_name: impl Into<String>,
    ) -> Self {
        UserProfile {
            login: login.into(),
            email: Some(email.into()),
            first_name: Some(first_name.into()),
            last_name: Some(last_name.into()),
            ..Default::default()
        }
    }

    /// Whether no attribute at all is set (then `User.profile` is not encoded).
    pub fn is_empty(&self) -> bool {
        self.login.is_empty()
            && self.email.is_none()
            && self.first_name.is_none()
            && self.last_name.is_none()
            && self.mobile_phone.is_none()
            && self.second_email.is_none()
            && self.extra.is_empty()
    }

    /// A custom (or untyped default) attribute.
    pub fn attribute(&self, name: &str) -> Option<&serde_json::Value> {
        self.extra.get(name)
    }

    /// Sets a custom (or untyped default) attribute.
    pub fn set_attribute(&mut self, name: impl Into<String>, value: impl Into<serde_json::Value>) {
        self.extra.insert(name.into(), value.into());
    }
}

/// A user's credentials; also the body and response of the credential operations.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserCredentials {
    /// The password (write-only: Okta never returns the value).
    pub password: Option<PasswordCredential>,
    /// The recovery question (the answer is write-only).
    #[serde(rename = "recovery_question")]
    pub recovery_question: Option<RecoveryQuestionCredential>,
    /// Who authenticates the user.
    pub provider: Option<AuthenticationProvider>,
    /// The user's email addresses (read-only).
    pub emails: Option<Vec<EmailAddress>>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

impl UserCredentials {
    /// Credentials with only a password.
    pub fn with_password(password: impl Into<SecretString>) -> Self {
        UserCredentials {
            password: Some(PasswordCredential::new(password)),
            ..Default::default()
        }
    }

    /// The body of `change_recovery_question` (and of `forgot_password_by_user` with a body):
    /// `{password: {value}, recovery_question: {question, answer}}`.
    pub fn password_and_recovery_question(
        password: impl Into<SecretString>,
        question: impl Into<String>,
        answer: impl Into<SecretString>,
    ) -> Self {
        UserCredentials {
            password: Some(PasswordCredential::new(password)),
            recovery_question: Some(RecoveryQuestionCredential::new(question, answer)),
            ..Default::default()
        }
    }

    /// The body of `forgot_password_by_user` that sets a new password by answering the recovery
    /// question: `{password: {value}, recovery_question: {answer}}`.
    ///
    /// ```
    /// let body = okta::models::UserCredentials::password_and_answer("N3w-Passw0rd", "broccoli");
    /// assert_eq!(
    ///     serde_json::to_value(&body).unwrap(),
    ///     serde_json::json!({"password": {"value": "N3w-Passw0rd"}, "recovery_question": {"answer": "broccoli"}})
    /// );
    /// ```
    pub fn password_and_answer(password: impl Into<SecretString>, answer: impl Into<SecretString>) -> Self {
        UserCredentials {
            password: Some(PasswordCredential::new(password)),
            recovery_question: Some(RecoveryQuestionCredential {
                answer: Some(answer.into()),
                ..Default::default()
            }),
            ..Default::default()
        }
    }
}

/// A password (`{value}`); write-only.
#[okta::model]
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PasswordCredential {
    /// The password itself.
    pub value: Option<SecretString>,
    /// Fields this SDK does not know (`hash`, `hook`, …), kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// An imported password's `hash` (its `value` and `salt`) is as secret as the password.
impl std::fmt::Debug for PasswordCredential {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PasswordCredential")
            .field("value", &self.value)
            .field("extra", &Redacted(&self.extra))
            .finish()
    }
}

impl PasswordCredential {
    /// `{"value": password}`.
    pub fn new(password: impl Into<SecretString>) -> Self {
        PasswordCredential {
            value: Some(password.into()),
            ..Default::default()
        }
    }
}

/// A recovery question and its answer (the answer is write-only).
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RecoveryQuestionCredential {
    /// The question.
    pub question: Option<String>,
    /// The answer.
    pub answer: Option<SecretString>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

impl RecoveryQuestionCredential {
    /// `{"question": question, "answer": answer}`.
    pub fn new(question: impl Into<String>, answer: impl Into<SecretString>) -> Self {
        RecoveryQuestionCredential {
            question: Some(question.into()),
            answer: Some(answer.into()),
            ..Default::default()
        }
    }
}

/// Who authenticates a user (`credentials.provider`).
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthenticationProvider {
    /// Provider type.
    #[serde(rename = "type")]
    pub provider_type: Option<AuthenticationProviderType>,
    /// Provider name (`OKTA`, a directory name, …).
    pub name: Option<String>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// One of a user's email addresses (`credentials.emails[]`, read-only).
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EmailAddress {
    /// The address.
    pub value: Option<String>,
    /// Verified or not.
    pub status: Option<EmailStatus>,
    /// Primary or secondary.
    #[serde(rename = "type")]
    pub email_type: Option<EmailType>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// Body of `change_password_by_user`: `{oldPassword: {value}, newPassword: {value}}`.
///
/// (The Authentication API's change-password body is [`super::authn::ChangePasswordRequest`].)
///
/// ```
/// use okta::models::ChangePasswordRequest;
///
/// let body = ChangePasswordRequest::new("old-Pa55", "new-Pa55");
/// assert_eq!(
///     serde_json::to_value(&body).unwrap(),
///     serde_json::json!({"oldPassword": {"value": "old-Pa55"}, "newPassword": {"value": "new-Pa55"}})
/// );
/// ```
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChangePasswordRequest {
    /// The current password.
    pub old_password: Option<PasswordCredential>,
    /// The new password.
    pub new_password: Option<PasswordCredential>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

impl ChangePasswordRequest {
    /// `{oldPassword: {value: old}, newPassword: {value: new}}`.
    pub fn new(old_password: impl Into<SecretString>, new_password: impl Into<SecretString>) -> Self {
        ChangePasswordRequest {
            old_password: Some(PasswordCredential::new(old_password)),
            new_password: Some(PasswordCredential::new(new_password)),
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

    const USER: &str = r#"{
      "id": "00ub0oNGTSWTBKOLGLNR",
      "status": "ACTIVE",
      "created": "2013-06-24T16:39:18.000Z",
      "activated": "2013-06-24T16:39:19.000Z",
      "statusChanged": "2013-06-24T16:39:19.000Z",
      "lastLogin": "2013-06-24T17:39:19.000Z",
      "lastUpdated": "2013-07-02T21:36:25.344Z",
      "passwordChanged": "2013-07-02T21:36:25.344Z",
      "transitioningToStatus": null,
      "type": {"id": "otyfnjfba4ye7pgjB0g4"},
      "realmId": "guo1bfiNtSnZYILxO0g4",
      "profile": {
        "firstName": "Isaac",
        "lastName": "Brock",
        "email": "isaac.brock@example.com",
        "login": "isaac.brock@example.com",
        "mobilePhone": "555-415-1337",
        "secondEmail": null,
        "costCenter": "4711",
        "nicknames": ["ike", "brock"],
        "address": {"city": "San Francisco", "zip": 94107}
      },
      "credentials": {
        "password": {},
        "emails": [
          {"value": "isaac.brock@example.com", "status": "VERIFIED", "type": "PRIMARY", "verifiedAt": "2020-01-01T00:00:00.000Z"}
        ],
        "recovery_question": {"question": "Who's a major player in the cowboy scene?"},
        "provider": {"type": "OKTA", "name": "OKTA", "since": "2013"}
      },
      "_links": {
        "resetPassword": {"href": "https://example.okta.com/api/v1/users/00ub0oNGTSWTBKOLGLNR/lifecycle/reset_password", "method": "POST"},
        "self": {"href": "https://example.okta.com/api/v1/users/00ub0oNGTSWTBKOLGLNR"}
      }
    }"#;

    #[test]
    fn user_round_trips_with_custom_attributes() {
        let user: User = assert_round_trip(USER);
        assert_eq!(user.profile.login, "isaac.brock@example.com");
        assert_eq!(user.status, Some(UserStatus::Active));
        assert_eq!(user.profile.extra["costCenter"], "4711");
        let creds = user.credentials.as_ref().expect("credentials");
        assert_eq!(
            creds.provider.as_ref().and_then(|p| p.provider_type.clone()),
            Some(AuthenticationProviderType::Okta)
        );
        assert_eq!(creds.emails.as_ref().map(Vec::len), Some(1));
    }

    #[test]
    fn unknown_status_and_provider_survive() {
        let user: User = assert_round_trip(
            r#"{"id":"00u1","status":"HIBERNATING","profile":{"login":"a@b.c"},
                "credentials":{"provider":{"type":"PASSKEY_ONLY","name":"X"}}}"#,
        );
        assert_eq!(user.status, Some(UserStatus::from("HIBERNATING")));
        assert!(user.status.as_ref().is_some_and(UserStatus::is_unknown));
    }

    #[test]
    fn get_change_put_keeps_custom_attributes() {
        let mut user: User = serde_json::from_str(USER).expect("decode");
        user.profile.first_name = Some("Ike".into());
        user.profile.set_attribute("department", "R&D");
        let body = serde_json::to_value(&user).expect("encode");
        assert_eq!(body["profile"]["firstName"], "Ike");
        assert_eq!(body["profile"]["costCenter"], "4711");
        assert_eq!(body["profile"]["nicknames"], json!(["ike", "brock"]));
        assert_eq!(body["profile"]["address"]["zip"], 94107);
        assert_eq!(body["profile"]["department"], "R&D");
        assert_eq!(body["type"]["id"], "otyfnjfba4ye7pgjB0g4");
        assert!(body.get("transitioningToStatus").is_none(), "no null injected");
    }

    #[test]
    fn empty_documents_decode() {
        assert_empty_ok::<User>();
        assert_empty_ok::<UserProfile>();
        assert_empty_ok::<UserCredentials>();
        assert_empty_ok::<PasswordCredential>();
        assert_empty_ok::<RecoveryQuestionCredential>();
        assert_empty_ok::<AuthenticationProvider>();
        assert_empty_ok::<EmailAddress>();
        assert_empty_ok::<ChangePasswordRequest>();
        let user: User = serde_json::from_str("{}").expect("decode");
        assert_eq!(user.profile.login, "");
    }

    #[test]
    fn create_user_body_is_exact() {
        let user = User::new(UserProfile::new(
            "isaac.brock@example.com",
            "isaac.brock@example.com",
            "Isaac",
            "Brock",
        ))
        .with_password("tlpWENT2m")
        .with_recovery_question("Who's a major player in the cowboy scene?", "Annie Oakley")
        .with_group_ids(["00g1emaKYZTWRYYRRTSK"]);
        assert_encodes(
            &user,
            json!({
                "profile": {
                    "firstName": "Isaac", "lastName": "Brock",
                    "email": "isaac.brock@example.com", "login": "isaac.brock@example.com"
                },
                "credentials": {
                    "password": {"value": "tlpWENT2m"},
                    "recovery_question": {
                        "question": "Who's a major player in the cowboy scene?",
                        "answer": "Annie Oakley"
                    }
                },
                "groupIds": ["00g1emaKYZTWRYYRRTSK"]
            }),
        );
        let shown = format!("{user:?}");
        assert!(!shown.contains("tlpWENT2m"), "{shown}");
        assert!(!shown.contains("Annie Oakley"), "{shown}");
    }

    #[test]
    fn credential_bodies_are_exact() {
        assert_encodes(
            &ChangePasswordRequest::new("tlpWENT2m", "uTVM,TPw55"),
            json!({"oldPassword": {"value": "tlpWENT2m"}, "newPassword": {"value": "uTVM,TPw55"}}),
        );
        assert_encodes(
            &UserCredentials::password_and_recovery_question("pw", "q?", "a"),
            json!({"password": {"value": "pw"}, "recovery_question": {"question": "q?", "answer": "a"}}),
        );
        assert_encodes(
            &UserCredentials::with_password("pw"),
            json!({"password": {"value": "pw"}}),
        );
        let r = ChangePasswordRequest::new("old-secret", "new-secret");
        let shown = format!("{r:?}");
        assert!(!shown.contains("old-secret") && !shown.contains("new-secret"));
    }

    #[test]
    fn change_password_request_round_trips_and_email_enums_are_open() {
        let r: ChangePasswordRequest = assert_round_trip(
            r#"{"oldPassword":{"value":"tlpWENT2m"},
                "newPassword":{"value":"uTVM,TPw55","hash":{"algorithm":"BCRYPT","workFactor":10}},
                "revokeSessions":true}"#,
        );
        assert_eq!(r.extra["revokeSessions"], true);
        let c: UserCredentials = assert_round_trip(
            r#"{"emails":[{"value":"a@b.c","status":"PENDING_VERIFICATION","type":"TERTIARY"}],
                "provider":{"type":"OKTA","name":"OKTA"}}"#,
        );
        let email = &c.emails.as_ref().expect("emails")[0];
        assert_eq!(email.status, Some(EmailStatus::from("PENDING_VERIFICATION")));
        assert!(email.status.as_ref().is_some_and(EmailStatus::is_unknown));
        assert_eq!(email.email_type, Some(EmailType::from("TERTIARY")));
        assert!(email.email_type.as_ref().is_some_and(EmailType::is_unknown));
        let q: RecoveryQuestionCredential = assert_round_trip(r#"{"question":"q?","answer":"Annie Oakley","x":1}"#);
        assert!(!format!("{q:?}").contains("Annie Oakley"));
    }

    #[test]
    fn profile_attribute_accessors() {
        let mut p = UserProfile::default();
        assert!(p.is_empty());
        p.set_attribute("costCenter", "4711");
        assert!(!p.is_empty());
        assert_eq!(p.attribute("costCenter"), Some(&json!("4711")));
        assert_encodes(&p, json!({"costCenter": "4711"}));
    }

    #[test]
    fn empty_profile_is_not_encoded() {
        let user = User {
            id: Some("00u1".into()),
            ..Default::default()
        };
        assert_encodes(&user, json!({"id": "00u1"}));
    }

    #[test]
    fn explicit_null_reads_as_absent_on_every_field() {
        let user: User = serde_json::from_str(r#"{"id":"00u1","profile":null,"created":null,"credentials":null}"#)
            .expect("a null profile decodes");
        assert_eq!(user.profile, UserProfile::default());
        assert_eq!(user.created, None);
        assert_encodes(&user, json!({"id": "00u1"}));

        let user: User = serde_json::from_str(r#"{"profile":{"login":null,"email":null,"costCenter":null}}"#)
            .expect("a null login decodes");
        assert_eq!(user.profile.login, "");
        assert_eq!(user.profile.email, None);
        // An unknown attribute's null is data Okta sent: kept, and sent back.
        assert_eq!(user.profile.extra["costCenter"], serde_json::Value::Null);
    }

    #[test]
    fn a_value_of_the_wrong_type_is_an_error_not_a_silent_loss() {
        for json in [
            r#"{"profile":{"firstName":5}}"#,
            r#"{"profile":{"login":true}}"#,
            r#"{"status":1}"#,
            r#"{"created":1372091958}"#,
            r#"{"profile":"isaac"}"#,
        ] {
            let error = serde_json::from_str::<User>(json).expect_err(json);
            assert!(error.to_string().starts_with("invalid type"), "{json}: {error}");
        }
    }

    #[test]
    fn timestamps_are_typed_and_sent_back_byte_for_byte() {
        let user: User = serde_json::from_str(USER).expect("decode");
        let created = user.created.as_ref().expect("created");
        assert_eq!(created.as_str(), "2013-06-24T16:39:18.000Z");
        assert_eq!(
            created.to_system_time().expect("RFC 3339"),
            std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_372_091_958)
        );
        let body = serde_json::to_value(&user).expect("encode");
        assert_eq!(body["lastUpdated"], "2013-07-02T21:36:25.344Z");
    }
}
