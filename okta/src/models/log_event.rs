//! System Log events (`/api/v1/logs`), all read-only.
//!
//! Where Okta's payload disagrees with the 1.11.2 spec (`credentialProvider` and
//! `credentialType` are documented as arrays but sent as strings or `null`), the field is a
//! `serde_json::Value`.

use serde::{Deserialize, Serialize};

use super::JsonMap;
use super::open_enum::open_enum;

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
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogEvent {
    /// Event id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Option<String>,
    /// When it happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Event type, e.g. `user.session.start`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_type: Option<String>,
    /// Legacy event type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legacy_event_type: Option<String>,
    /// Schema version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Severity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<LogSeverity>,
    /// Human-readable message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_message: Option<String>,
    /// Who acted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<LogActor>,
    /// The client the actor used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client: Option<LogClient>,
    /// The outcome.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<LogOutcome>,
    /// What was acted on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Vec<LogTarget>>,
    /// The transaction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction: Option<LogTransaction>,
    /// Debug data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debug_context: Option<LogDebugContext>,
    /// Authentication context.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authentication_context: Option<LogAuthenticationContext>,
    /// Security context.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_context: Option<LogSecurityContext>,
    /// The request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request: Option<LogRequest>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// `actor`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogActor {
    /// Id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Type (`User`, `PublicClientApp`, …).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub actor_type: Option<String>,
    /// Alternate id (login, client id…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternate_id: Option<String>,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// Details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<JsonMap>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// `client`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogClient {
    /// User agent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_agent: Option<LogUserAgent>,
    /// Network zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
    /// Device type (`Computer`, `Mobile`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<String>,
    /// Client id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// IP address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_address: Option<String>,
    /// Where the client was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geographical_context: Option<LogGeographicalContext>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// `client.userAgent`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogUserAgent {
    /// The raw `User-Agent`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw_user_agent: Option<String>,
    /// Operating system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub os: Option<String>,
    /// Browser.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub browser: Option<String>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// A geographical context.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogGeographicalContext {
    /// City.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// State or region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// Country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Postal code: a string, though Okta's own examples also show a number, so kept as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<serde_json::Value>,
    /// Coordinates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geolocation: Option<LogGeolocation>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// Coordinates.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogGeolocation {
    /// Latitude.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// Longitude.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// `outcome`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogOutcome {
    /// `SUCCESS`, `FAILURE`, `SKIPPED`, `ALLOW`, `DENY`, `CHALLENGE`, `UNKNOWN`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<String>,
    /// Why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// One `target[]`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogTarget {
    /// Id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Type.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub target_type: Option<String>,
    /// Alternate id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternate_id: Option<String>,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// Details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail_entry: Option<JsonMap>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// `transaction`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogTransaction {
    /// `WEB` or `JOB`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub transaction_type: Option<String>,
    /// Transaction id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<JsonMap>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// `debugContext`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogDebugContext {
    /// Debug data (free-form).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debug_data: Option<JsonMap>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// `authenticationContext`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogAuthenticationContext {
    /// Authentication provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authentication_provider: Option<LogAuthenticationProvider>,
    /// Step number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authentication_step: Option<i64>,
    /// Credential provider (a string or a list in practice).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credential_provider: Option<serde_json::Value>,
    /// Credential type (a string or a list in practice).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credential_type: Option<serde_json::Value>,
    /// External session id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_session_id: Option<String>,
    /// Interface.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interface: Option<String>,
    /// Issuer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<LogIssuer>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// `authenticationContext.issuer`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogIssuer {
    /// Id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Type.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub issuer_type: Option<String>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// `securityContext`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogSecurityContext {
    /// Autonomous system number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_number: Option<i64>,
    /// Autonomous system organisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_org: Option<String>,
    /// Domain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// Whether the client is a proxy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_proxy: Option<bool>,
    /// Internet service provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub isp: Option<String>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// `request`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogRequest {
    /// The IP chain (client first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_chain: Option<Vec<LogIpAddress>>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// One `request.ipChain[]`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogIpAddress {
    /// IP address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip: Option<String>,
    /// Where it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geographical_context: Option<LogGeographicalContext>,
    /// `V4` or `V6`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
        assert_eq!(e.severity, Some(LogSeverity::Unknown("CRITICAL".into())));
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
