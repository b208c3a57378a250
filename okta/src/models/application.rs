//! Applications (`/api/v1/apps`).
//!
//! One struct for every sign-on mode (later specs make it polymorphic by `signOnMode`):
//! `settings.app` differs per app and is a free-form map.

use okta_core::SecretString;
use serde::{Deserialize, Serialize};

use super::open_enum::open_enum;
use super::{JsonMap, PasswordCredential, Redacted, Timestamp};

open_enum! {
    /// An application's status (read-only).
    pub enum ApplicationStatus {
        Active = "ACTIVE",
        Inactive = "INACTIVE",
        Deleted = "DELETED",
    }
}

open_enum! {
    /// How users sign in to an application.
    pub enum ApplicationSignOnMode {
        Bookmark = "BOOKMARK",
        BasicAuth = "BASIC_AUTH",
        BrowserPlugin = "BROWSER_PLUGIN",
        SecurePasswordStore = "SECURE_PASSWORD_STORE",
        AutoLogin = "AUTO_LOGIN",
        WsFederation = "WS_FEDERATION",
        Saml2_0 = "SAML_2_0",
        OpenidConnect = "OPENID_CONNECT",
        Saml1_1 = "SAML_1_1",
    }
}

/// An application instance; also the body of `create_application` / `update_application`.
///
/// ```
/// use okta::models::{Application, ApplicationSignOnMode};
///
/// let app = Application::bookmark("Sample Bookmark App", "https://example.com/bookmark.htm");
/// assert_eq!(app.sign_on_mode, Some(ApplicationSignOnMode::Bookmark));
/// let body = serde_json::to_value(&app).unwrap();
/// assert_eq!(body["name"], "bookmark");
/// assert_eq!(body["settings"]["app"]["url"], "https://example.com/bookmark.htm");
/// ```
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Application {
    /// Unique id (read-only).
    pub id: Option<String>,
    /// The app's catalog name (`bookmark`, `template_basic_auth`, an OIN key…).
    pub name: Option<String>,
    /// Display label.
    pub label: Option<String>,
    /// Status (read-only).
    pub status: Option<ApplicationStatus>,
    /// Sign-on mode.
    pub sign_on_mode: Option<ApplicationSignOnMode>,
    /// When the app was created (read-only).
    pub created: Option<Timestamp>,
    /// Last update (read-only).
    pub last_updated: Option<Timestamp>,
    /// Enabled features (`PUSH_NEW_USERS`, …).
    pub features: Option<Vec<String>>,
    /// Self-service and redirect settings.
    pub accessibility: Option<ApplicationAccessibility>,
    /// Dashboard visibility.
    pub visibility: Option<ApplicationVisibility>,
    /// Credentials (signing key, username template, scheme, OAuth client).
    pub credentials: Option<ApplicationCredentials>,
    /// Settings (`settings.app` is app-specific).
    pub settings: Option<ApplicationSettings>,
    /// Licensing.
    pub licensing: Option<ApplicationLicensing>,
    /// Free-form app profile.
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

impl Application {
    /// A bookmark app: `{name: "bookmark", label, signOnMode: "BOOKMARK",
    /// settings: {app: {requestIntegration: false, url}}}`.
    pub fn bookmark(label: impl Into<String>, url: impl Into<String>) -> Self {
        let mut app = JsonMap::new();
        app.insert("requestIntegration".into(), false.into());
        app.insert("url".into(), url.into().into());
        Application {
            name: Some("bookmark".into()),
            label: Some(label.into()),
            sign_on_mode: Some(ApplicationSignOnMode::Bookmark),
            settings: Some(ApplicationSettings {
                app: Some(app),
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    /// An app of catalog `name` with this `label` and sign-on mode; fill `settings` yourself.
    pub fn new(name: impl Into<String>, label: impl Into<String>, sign_on_mode: ApplicationSignOnMode) -> Self {
        Application {
            name: Some(name.into()),
            label: Some(label.into()),
            sign_on_mode: Some(sign_on_mode),
            ..Default::default()
        }
    }
}

/// `accessibility`.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationAccessibility {
    /// Whether users may request the app themselves.
    pub self_service: Option<bool>,
    /// Custom error page.
    pub error_redirect_url: Option<String>,
    /// Custom login page.
    pub login_redirect_url: Option<String>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// `visibility`.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationVisibility {
    /// Whether the browser plugin auto-submits.
    pub auto_submit_toolbar: Option<bool>,
    /// Where the app is hidden.
    pub hide: Option<ApplicationVisibilityHide>,
    /// Which app links are shown (`{linkName: bool}`).
    pub app_links: Option<JsonMap>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// `visibility.hide`.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationVisibilityHide {
    /// Hidden on the iOS app (`iOS`).
    #[serde(rename = "iOS")]
    pub ios: Option<bool>,
    /// Hidden on the web dashboard.
    pub web: Option<bool>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// `credentials`: the union of the 1.11.2 credential shapes (signing, username template,
/// scheme-based credentials, OAuth client).
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationCredentials {
    /// Signing key.
    pub signing: Option<ApplicationCredentialsSigning>,
    /// How the app username is built.
    pub user_name_template: Option<ApplicationCredentialsUsernameTemplate>,
    /// Credential scheme (`EDIT_USERNAME_AND_PASSWORD`, …) of password-based apps.
    pub scheme: Option<String>,
    /// Shared username of password-based apps.
    pub user_name: Option<String>,
    /// Shared password of password-based apps.
    pub password: Option<PasswordCredential>,
    /// Whether users may reveal the password.
    pub reveal_password: Option<bool>,
    /// The OAuth client of an OpenID Connect app.
    pub oauth_client: Option<ApplicationCredentialsOAuthClient>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// `credentials.signing`.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationCredentialsSigning {
    /// Active key id.
    pub kid: Option<String>,
    /// `AUTO` or `MANUAL`.
    pub rotation_mode: Option<String>,
    /// Last rotation.
    pub last_rotated: Option<Timestamp>,
    /// Next rotation.
    pub next_rotation: Option<Timestamp>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// `credentials.userNameTemplate`.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationCredentialsUsernameTemplate {
    /// Template, e.g. `${source.login}`.
    pub template: Option<String>,
    /// Template type (`BUILT_IN`, `CUSTOM`, `NONE`).
    #[serde(rename = "type")]
    pub template_type: Option<String>,
    /// Suffix.
    pub suffix: Option<String>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// `credentials.oauthClient` (snake_case on the wire, as Okta sends it).
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ApplicationCredentialsOAuthClient {
    /// Whether keys rotate automatically (`autoKeyRotation`).
    #[serde(rename = "autoKeyRotation")]
    pub auto_key_rotation: Option<bool>,
    /// Client id.
    pub client_id: Option<String>,
    /// Client secret.
    pub client_secret: Option<SecretString>,
    /// Token endpoint auth method.
    pub token_endpoint_auth_method: Option<String>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// `settings`.
#[okta::model]
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationSettings {
    /// App-specific settings (differ per app), kept as a map.
    pub app: Option<JsonMap>,
    /// Whether assignment is implicit.
    pub implicit_assignment: Option<bool>,
    /// Inline hook id.
    pub inline_hook_id: Option<String>,
    /// Notifications.
    pub notifications: Option<ApplicationSettingsNotifications>,
    /// Fields this SDK does not know (`signOn`, `oauthClient`, …), kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// `settings.app` holds an app's own secrets (`secretKey`, `apiToken`, …).
impl std::fmt::Debug for ApplicationSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ApplicationSettings")
            .field("app", &Redacted(&self.app))
            .field("implicit_assignment", &self.implicit_assignment)
            .field("inline_hook_id", &self.inline_hook_id)
            .field("notifications", &self.notifications)
            .field("extra", &Redacted(&self.extra))
            .finish()
    }
}

/// `settings.notifications`.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationSettingsNotifications {
    /// VPN notification.
    pub vpn: Option<ApplicationSettingsNotificationsVpn>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// `settings.notifications.vpn`.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationSettingsNotificationsVpn {
    /// Help URL.
    pub help_url: Option<String>,
    /// Message shown.
    pub message: Option<String>,
    /// Network condition.
    pub network: Option<ApplicationSettingsNotificationsVpnNetwork>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// `settings.notifications.vpn.network`.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationSettingsNotificationsVpnNetwork {
    /// `DISABLED`, `ANYWHERE`, `ON_NETWORK`, `OFF_NETWORK`.
    pub connection: Option<String>,
    /// Zones included.
    pub include: Option<Vec<String>>,
    /// Zones excluded.
    pub exclude: Option<Vec<String>>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// `licensing`.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationLicensing {
    /// Number of seats.
    pub seat_count: Option<i64>,
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

    const APP: &str = r#"{
      "id": "0oafxqCAJWWGELFTYASJ",
      "name": "bookmark",
      "label": "Sample Bookmark App",
      "status": "ACTIVE",
      "lastUpdated": "2013-10-01T06:28:03.486Z",
      "created": "2013-10-01T06:28:03.486Z",
      "accessibility": {"selfService": false, "errorRedirectUrl": null, "loginRedirectUrl": null, "newFlag": true},
      "visibility": {"autoSubmitToolbar": false, "hide": {"iOS": false, "web": false, "android": true}, "appLinks": {"login": true}},
      "features": [],
      "signOnMode": "BOOKMARK",
      "credentials": {
        "userNameTemplate": {"template": "${source.login}", "type": "BUILT_IN"},
        "signing": {"kid": "SIMcCQNY3uwXoW3y0vf6VxiBb5n9pf8L2fK8d-FIbm4", "rotationMode": "AUTO", "lastRotated": "2020-01-01T00:00:00.000Z", "nextRotation": "2021-01-01T00:00:00.000Z"},
        "scheme": "EDIT_USERNAME_AND_PASSWORD",
        "revealPassword": false,
        "oauthClient": {"autoKeyRotation": true, "client_id": "0oa1", "client_secret": "s3cr3t-client", "token_endpoint_auth_method": "client_secret_basic", "pkce_required": false}
      },
      "settings": {
        "app": {"requestIntegration": false, "url": "https://example.com/bookmark.htm"},
        "implicitAssignment": false,
        "inlineHookId": "cal3ughy17pylLxQB357",
        "notifications": {"vpn": {"network": {"connection": "DISABLED", "include": [], "exclude": []}, "message": "m", "helpUrl": "https://help", "extraVpn": 1}},
        "signOn": {"defaultRelayState": ""}
      },
      "licensing": {"seatCount": 10},
      "profile": {"custom": "x"},
      "_links": {"appLinks": [{"name": "login", "href": "https://example.okta.com/home/bookmark/0oafxqCAJWWGELFTYASJ/1280", "type": "text/html"}]},
      "_embedded": {"user": {"id": "00u1"}},
      "universalLogout": {"status": "DISABLED"}
    }"#;

    #[test]
    fn application_round_trips() {
        let app: Application = assert_round_trip(APP);
        assert_eq!(app.status, Some(ApplicationStatus::Active));
        let creds = app.credentials.as_ref().expect("credentials");
        let client = creds.oauth_client.as_ref().expect("oauth client");
        assert!(!format!("{client:?}").contains("s3cr3t-client"));
        let _: Application = assert_round_trip(r#"{"signOnMode":"FEDERATED_PASSKEY","status":"ARCHIVED","name":"x"}"#);
    }

    #[test]
    fn empty_documents_decode() {
        assert_empty_ok::<Application>();
        assert_empty_ok::<ApplicationAccessibility>();
        assert_empty_ok::<ApplicationVisibility>();
        assert_empty_ok::<ApplicationVisibilityHide>();
        assert_empty_ok::<ApplicationCredentials>();
        assert_empty_ok::<ApplicationCredentialsSigning>();
        assert_empty_ok::<ApplicationCredentialsUsernameTemplate>();
        assert_empty_ok::<ApplicationCredentialsOAuthClient>();
        assert_empty_ok::<ApplicationSettings>();
        assert_empty_ok::<ApplicationSettingsNotifications>();
        assert_empty_ok::<ApplicationSettingsNotificationsVpn>();
        assert_empty_ok::<ApplicationSettingsNotificationsVpnNetwork>();
        assert_empty_ok::<ApplicationLicensing>();
    }

    #[test]
    fn bookmark_body_is_exact() {
        assert_encodes(
            &Application::bookmark("Sample Bookmark App", "https://example.com/bookmark.htm"),
            json!({
                "name": "bookmark",
                "label": "Sample Bookmark App",
                "signOnMode": "BOOKMARK",
                "settings": {"app": {"requestIntegration": false, "url": "https://example.com/bookmark.htm"}}
            }),
        );
        assert_encodes(
            &Application::new("template_basic_auth", "Basic", ApplicationSignOnMode::BasicAuth),
            json!({"name": "template_basic_auth", "label": "Basic", "signOnMode": "BASIC_AUTH"}),
        );
    }
}
