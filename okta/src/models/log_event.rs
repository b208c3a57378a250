//! System Log events (`/api/v1/logs`), all read-only.
//!
//! Where Okta's payload disagrees with the 1.11.2 spec (`credentialProvider` and
//! `credentialType` are documented as arrays but sent as strings or `null`), the field is a
//! `serde_json::Value`.

use serde::{Deserialize, Serialize};

use super::open_enum::open_enum;
use super::{JsonMap, Timestamp};

open_enum! {
    /// Severity of a log event.
    pub enum LogSeverity {
        Debug = "DEBUG",
        Info = "INFO",
        Warn = "WARN",
        Error = "ERROR",
    }
}

open_enum! {
    /// Who authenticated the actor (`authenticationContext.authenticationProvider`).
    pub enum LogAuthenticationProvider {
        OktaAuthenticationProvider = "OKTA_AUTHENTICATION_PROVIDER",
        ActiveDirectory = "ACTIVE_DIRECTORY",
        Ldap = "LDAP",
        Federation = "FEDERATION",
        Social = "SOCIAL",
        FactorProvider = "FACTOR_PROVIDER",
    }
}

/// One System Log event.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogEvent {
    /// Event id.
    pub uuid: Option<String>,
    /// When it happened.
    pub published: Option<Timestamp>,
    /// Event type, e.g. `user.session.start`.
    pub event_type: Option<String>,
    /// Legacy event type.
    pub legacy_event_type: Option<String>,
    /// Schema version.
    pub version: Option<String>,
    /// Severity.
    pub severity: Option<LogSeverity>,
    /// Human-readable message.
    pub display_message: Option<String>,
    /// Who acted.
    pub actor: Option<LogActor>,
    /// The client the actor used.
    pub client: Option<LogClient>,
    /// The outcome.
    pub outcome: Option<LogOutcome>,
    /// What was acted on.
    pub target: Option<Vec<LogTarget>>,
    /// The transaction.
    pub transaction: Option<LogTransaction>,
    /// Debug data.
    pub debug_context: Option<LogDebugContext>,
    /// Authentication context.
    pub authentication_context: Option<LogAuthenticationContext>,
    /// Security context.
    pub security_context: Option<LogSecurityContext>,
    /// The request.
    pub request: Option<LogRequest>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// `actor`.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogActor {
    /// Id.
    pub id: Option<String>,
    /// Type (`User`, `PublicClientApp`, …).
    #[serde(rename = "type")]
    pub actor_type: Option<String>,
    /// Alternate id (login, client id…).
    pub alternate_id: Option<String>,
    /// Display name.
    pub display_name: Option<String>,
    /// Details.
    pub detail: Option<JsonMap>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// `client`.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogClient {
    /// User agent.
    pub user_agent: Option<LogUserAgent>,
    /// Network zone.
    pub zone: Option<String>,
    /// Device type (`Computer`, `Mobile`, …).
    pub device: Option<String>,
    /// Client id.
    pub id: Option<String>,
    /// IP address.
    pub ip_address: Option<String>,
    /// Where the client was.
    pub geographical_context: Option<LogGeographicalContext>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// `client.userAgent`.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogUserAgent {
    /// The raw `User-Agent`.
    pub raw_user_agent: Option<String>,
    /// Operating system.
    pub os: Option<String>,
    /// Browser.
    pub browser: Option<String>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// A geographical context.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogGeographicalContext {
    /// City.
    pub city: Option<String>,
    /// State or region.
    pub state: Option<String>,
    /// Country.
    pub country: Option<String>,
    /// Postal code: a string, though Okta's own examples also show a number, so kept as sent.
    pub postal_code: Option<serde_json::Value>,
    /// Coordinates.
    pub geolocation: Option<LogGeolocation>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// Coordinates.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogGeolocation {
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// `outcome`.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogOutcome {
    /// `SUCCESS`, `FAILURE`, `SKIPPED`, `ALLOW`, `DENY`, `CHALLENGE`, `UNKNOWN`.
    pub result: Option<String>,
    /// Why.
    pub reason: Option<String>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// One `target[]`.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogTarget {
    /// Id.
    pub id: Option<String>,
    /// Type.
    #[serde(rename = "type")]
    pub target_type: Option<String>,
    /// Alternate id.
    pub alternate_id: Option<String>,
    /// Display name.
    pub display_name: Option<String>,
    /// Details.
    pub detail_entry: Option<JsonMap>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// `transaction`.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogTransaction {
    /// `WEB` or `JOB`.
    #[serde(rename = "type")]
    pub transaction_type: Option<String>,
    /// Transaction id.
    pub id: Option<String>,
    /// Details.
    pub detail: Option<JsonMap>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// `debugContext`.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogDebugContext {
    /// Debug data (free-form).
    pub debug_data: Option<JsonMap>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// `authenticationContext`.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogAuthenticationContext {
    /// Authentication provider.
    pub authentication_provider: Option<LogAuthenticationProvider>,
    /// Step number.
    pub authentication_step: Option<i64>,
    /// Credential provider (a string or a list in practice).
    pub credential_provider: Option<serde_json::Value>,
    /// Credential type (a string or a list in practice).
    pub credential_type: Option<serde_json::Value>,
    /// External session id.
    pub external_session_id: Option<String>,
    /// Interface.
    pub interface: Option<String>,
    /// Issuer.
    pub issuer: Option<LogIssuer>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// `authenticationContext.issuer`.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogIssuer {
    /// Id.
    pub id: Option<String>,
    /// Type.
    #[serde(rename = "type")]
    pub issuer_type: Option<String>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// `securityContext`.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogSecurityContext {
    /// Autonomous system number.
    pub as_number: Option<i64>,
    /// Autonomous system organisation.
    pub as_org: Option<String>,
    /// Domain.
    pub domain: Option<String>,
    /// Whether the client is a proxy.
    pub is_proxy: Option<bool>,
    /// Internet service provider.
    pub isp: Option<String>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// `request`.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogRequest {
    /// The IP chain (client first).
    pub ip_chain: Option<Vec<LogIpAddress>>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// One `request.ipChain[]`.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogIpAddress {
    /// IP address.
    pub ip: Option<String>,
    /// Where it is.
    pub geographical_context: Option<LogGeographicalContext>,
    /// `V4` or `V6`.
    pub version: Option<String>,
    /// Source.
    pub source: Option<String>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::models::test_support::{assert_empty_ok, assert_round_trip};

    const EVENT: &str = r#"{
      "actor": {"id": "00uttidj01jqL21aM1d6", "type": "User", "alternateId": "john.doe@example.com", "displayName": "John Doe", "detail": null, "actorNew": 1},
      "client": {
        "userAgent": {"rawUserAgent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36", "os": "Windows 10", "browser": "CHROME", "uaNew": true},
        "zone": null,
        "device": "Computer",
        "id": null,
        "ipAddress": "10.0.0.1",
        "geographicalContext": {"city": "New York", "state": "New York", "country": "United States", "postalCode": "10013",
          "geolocation": {"lat": 40.3157, "lon": -74.01, "accuracy": 5}}
      },
      "device": {"id": "guofdhyjex1feOgbN1d9", "name": "Mac15,6"},
      "authenticationContext": {
        "authenticationProvider": "OKTA_AUTHENTICATION_PROVIDER",
        "credentialProvider": null,
        "credentialType": "PASSWORD",
        "issuer": {"id": "0oa1", "type": "OIDC"},
        "interface": null,
        "authenticationStep": 0,
        "externalSessionId": "102bZDNFfWaQSyEZQuDgWt-uQ"
      },
      "displayMessage": "User login to Okta",
      "eventType": "user.session.start",
      "outcome": {"result": "SUCCESS", "reason": null},
      "published": "2017-09-31T22:23:07.777Z",
      "securityContext": {"asNumber": 394089, "asOrg": "ASN 0000", "isp": "google", "domain": null, "isProxy": false},
      "severity": "INFO",
      "debugContext": {"debugData": {"requestUri": "/login/do-login", "requestId": "XxmLs5kLmdjuNC4AIhc4DgAAA6Q"}},
      "legacyEventType": "core.user_auth.login_success",
      "transaction": {"type": "WEB", "id": "V04Oy4ubUOc5UuG6s9DyNQAABtc", "detail": {}},
      "uuid": "dc9fd3c0-598c-11ea-a5c2-2b0d9d8a3d2d",
      "version": "0",
      "request": {"ipChain": [{"ip": "10.0.0.1", "geographicalContext": {"city": "New York", "state": "New York", "country": "United States", "postalCode": "10013", "geolocation": {"lat": 40.3157, "lon": -74.01}}, "version": "V4", "source": null}]},
      "target": [{"id": "0oa1", "type": "AppInstance", "alternateId": "Okta Admin Console", "displayName": "Okta Admin Console", "detailEntry": {"signOnModeType": "OPENID_CONNECT"}, "changeDetails": {}}]
    }"#;

    #[test]
    fn log_event_round_trips() {
        let e: LogEvent = assert_round_trip(EVENT);
        assert_eq!(e.severity, Some(LogSeverity::Info));
        assert_eq!(
            e.client
                .as_ref()
                .and_then(|c| c.geographical_context.as_ref())
                .and_then(|g| g.geolocation.as_ref())
                .and_then(|g| g.lat),
            Some(40.3157)
        );
        let e: LogEvent = assert_round_trip(
            r#"{"severity":"CRITICAL","authenticationContext":{"authenticationProvider":"PASSKEY","credentialType":["OTP","SMS"]}}"#,
        );
        assert_eq!(e.severity, Some(LogSeverity::from("CRITICAL")));
        assert!(e.severity.as_ref().is_some_and(LogSeverity::is_unknown));
    }

    #[test]
    fn empty_documents_decode() {
        assert_empty_ok::<LogEvent>();
        assert_empty_ok::<LogActor>();
        assert_empty_ok::<LogClient>();
        assert_empty_ok::<LogUserAgent>();
        assert_empty_ok::<LogGeographicalContext>();
        assert_empty_ok::<LogGeolocation>();
        assert_empty_ok::<LogOutcome>();
        assert_empty_ok::<LogTarget>();
        assert_empty_ok::<LogTransaction>();
        assert_empty_ok::<LogDebugContext>();
        assert_empty_ok::<LogAuthenticationContext>();
        assert_empty_ok::<LogIssuer>();
        assert_empty_ok::<LogSecurityContext>();
        assert_empty_ok::<LogRequest>();
        assert_empty_ok::<LogIpAddress>();
    }
}
