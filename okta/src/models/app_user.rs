//! Application users: a user's assignment to an application.

use okta_core::SecretString;
use serde::{Deserialize, Serialize};

use super::open_enum::open_enum;
use super::{JsonMap, PasswordCredential, Timestamp};

/// The password of an app user (`{value}`); the same shape as [`PasswordCredential`].
pub type AppUserPasswordCredential = PasswordCredential;

open_enum! {
    /// How a user is assigned to an app.
    pub enum AppUserScope {
        User = "USER",
        Group = "GROUP",
    }
}

/// A user assigned to an application; also the body of `assign_user_to_application` and
/// `update_application_user`.
///
/// ```
/// use okta::models::AppUser;
///
/// let body = AppUser::new("00u15s1KDETTQMQYABRL").with_user_name("saml.jackson@example.com");
/// assert_eq!(
///     serde_json::to_value(&body).unwrap(),
///     serde_json::json!({"id": "00u15s1KDETTQMQYABRL", "scope": "USER",
///                        "credentials": {"userName": "saml.jackson@example.com"}})
/// );
/// ```
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AppUser {
    /// The user id.
    pub id: Option<String>,
    /// Id in the app (read-only).
    pub external_id: Option<String>,
    /// `USER` (direct) or `GROUP` (via a group).
    pub scope: Option<AppUserScope>,
    /// Assignment status (read-only; `ACTIVE`, `PROVISIONED`, …).
    pub status: Option<String>,
    /// Provisioning sync state (read-only).
    pub sync_state: Option<String>,
    /// When the assignment was created (read-only).
    pub created: Option<Timestamp>,
    /// Last update (read-only).
    pub last_updated: Option<Timestamp>,
    /// Last status change (read-only).
    pub status_changed: Option<Timestamp>,
    /// Last password change (read-only).
    pub password_changed: Option<Timestamp>,
    /// Last sync (read-only).
    pub last_sync: Option<Timestamp>,
    /// The app credentials.
    pub credentials: Option<AppUserCredentials>,
    /// App-specific profile.
    pub profile: Option<JsonMap>,
    /// HAL links (read-only).
    #[serde(rename = "_links")]
    pub links: Option<JsonMap>,
    /// Embedded resources (read-only).
    #[serde(rename = "_embedded")]
    pub embedded: Option<JsonMap>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

impl AppUser {
    /// Assigns user `user_id` directly: `{"id": user_id, "scope": "USER"}`.
    pub fn new(user_id: impl Into<String>) -> Self {
        AppUser {
            id: Some(user_id.into()),
            scope: Some(AppUserScope::User),
            ..Default::default()
        }
    }

    /// Sets `scope`.
    pub fn with_scope(mut self, scope: AppUserScope) -> Self {
        self.scope = Some(scope);
        self
    }

    /// Sets `credentials.userName`.
    pub fn with_user_name(mut self, user_name: impl Into<String>) -> Self {
        self.credentials.get_or_insert_with(Default::default).user_name = Some(user_name.into());
        self
    }

    /// Sets `credentials.password.value`.
    pub fn with_password(mut self, password: impl Into<SecretString>) -> Self {
        self.credentials.get_or_insert_with(Default::default).password = Some(PasswordCredential::new(password));
        self
    }

    /// Sets the app profile.
    pub fn with_profile(mut self, profile: JsonMap) -> Self {
        self.profile = Some(profile);
        self
    }
}

/// An app user's credentials: `{userName, password: {value}}`.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AppUserCredentials {
    /// Username in the app.
    pub user_name: Option<String>,
    /// Password in the app (write-only).
    pub password: Option<AppUserPasswordCredential>,
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
    fn app_user_round_trips() {
        let u: AppUser = assert_round_trip(
            r#"{
              "id": "00u13okQOVWZJGDOAUVR",
              "externalId": "00u13okQOVWZJGDOAUVR",
              "created": "2014-06-24T15:27:59.000Z",
              "lastUpdated": "2014-06-24T15:28:14.000Z",
              "scope": "USER",
              "status": "ACTIVE",
              "statusChanged": "2014-06-24T15:28:14.000Z",
              "passwordChanged": null,
              "syncState": "SYNCHRONIZED",
              "lastSync": "2014-06-24T15:27:59.000Z",
              "credentials": {"userName": "user@example.com", "extraCred": true},
              "profile": {"secondEmail": null, "lastName": "McJanky", "mobilePhone": "1234567890", "email": "user@example.com", "salesforceGroups": ["Employee"], "role": "Developer", "firstName": "Rae", "profile": "Standard User"},
              "_links": {"app": {"href": "https://example.okta.com/api/v1/apps/0oa1"}, "user": {"href": "https://example.okta.com/api/v1/users/00u1"}},
              "_embedded": {"user": {"id": "00u1"}},
              "future": {"a": 1}
            }"#,
        );
        assert_eq!(u.scope, Some(AppUserScope::User));
        let u: AppUser = assert_round_trip(r#"{"scope":"ROLE"}"#);
        assert!(u.scope.as_ref().is_some_and(AppUserScope::is_unknown));
        assert_empty_ok::<AppUser>();
        assert_empty_ok::<AppUserCredentials>();
    }

    #[test]
    fn constructors_are_exact() {
        let u = AppUser::new("00u15s1KDETTQMQYABRL")
            .with_scope(AppUserScope::Group)
            .with_user_name("saml")
            .with_password("p@ss-app");
        assert_encodes(
            &u,
            json!({"id": "00u15s1KDETTQMQYABRL", "scope": "GROUP",
                   "credentials": {"userName": "saml", "password": {"value": "p@ss-app"}}}),
        );
        assert!(!format!("{u:?}").contains("p@ss-app"));
        let mut profile = JsonMap::new();
        profile.insert("role".into(), "Developer".into());
        assert_encodes(
            &AppUser::new("00u1").with_profile(profile),
            json!({"id": "00u1", "scope": "USER", "profile": {"role": "Developer"}}),
        );
    }
}
