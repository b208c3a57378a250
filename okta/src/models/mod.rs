//! Typed, lossless Okta models.
//!
//! Every model follows the same rules, because Okta adds fields and enum values without notice:
//!
//! * **Lossless.** Each object model has an `extra` map (`#[serde(flatten)]`) that keeps every
//!   field this SDK does not know, nested objects included, so GET → change → PUT sends back
//!   everything it got (a user's custom profile attributes are never erased by an update).
//!   `_links` and `_embedded` are kept as JSON maps. A number keeps its text (serde_json's
//!   `arbitrary_precision`), so an integer beyond 64 bits or a 17-digit float in a custom
//!   attribute goes back exactly as it came; JSON object keys are re-encoded in sorted order.
//! * **Lenient on presence.** Almost every field is optional (`Option<T>`); a missing field
//!   never fails decoding and an absent field stays absent when encoding (no `null` is
//!   injected). An explicit `null` reads as absent, on every field: as `None`, or for the few
//!   fields that are not an `Option` (`User.profile`, `UserProfile.login`) as the default.
//! * **Strict on type.** A value of the wrong JSON type (a number where Okta documents a string,
//!   an array where it documents an object) fails decoding with [`DecodeError`](crate::DecodeError),
//!   which names the model and the JSON path. It is not dropped or coerced: either would change
//!   the value on the next PUT, and a dropped profile attribute is erased by it.
//! * **Open enums** (see [`UserStatus`] for the shape): `#[non_exhaustive]`; a value this SDK
//!   does not know decodes to an opaque `Unknown` read with `as_str()`, equal only to the same
//!   text, and is re-encoded verbatim.
//! * **Dates** are [`Timestamp`]: the text exactly as Okta sent it, parsed on demand.
//! * **Secrets** (passwords, answers, passcodes, session/state/recovery/activation tokens, URLs
//!   that carry a token) are [`okta_core::SecretString`]: `Debug` shows `SecretString("***")`.
//!   In the free-form maps ([`JsonMap`]), `Debug` shows `"***"` for every member that
//!   [`crate::is_secret_field`] names, the rule error messages follow too.
//! * Bodies a user writes by hand have constructors ([`User::new`], [`UserFactor::sms`],
//!   [`AuthenticationRequest::new`], …) so nobody has to spell JSON.
//!
//! Authentication-API request bodies whose names clash with management ones live in [`authn`]
//! (`authn::ActivateFactorRequest`, `authn::ChangePasswordRequest`, `authn::VerifyFactorRequest`);
//! the other authn types are also re-exported here.
//!
//! # How a model is declared
//!
//! [`macro@crate::model`] writes the serde attributes of every field (`default`, and for an
//! `Option` `skip_serializing_if = "Option::is_none"`; `null` → default for the rest), so a
//! field carries only its doc and, when its wire name is not the camelCase of its name, a
//! `rename`. Dates are `Option<Timestamp>`, enums come from `open_enum!`, free-form objects are
//! `Option<JsonMap>`, and `extra` is last:
//!
//! ```
//! use okta::models::{JsonMap, Timestamp};
//! use serde::{Deserialize, Serialize};
//!
//! /// A network zone (`/api/v1/zones`).
//! #[okta::model]
//! #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
//! #[serde(rename_all = "camelCase")]
//! pub struct NetworkZone {
//!     /// Unique id (read-only).
//!     pub id: Option<String>,
//!     /// `IP` or `DYNAMIC`.
//!     #[serde(rename = "type")]
//!     pub zone_type: Option<String>,
//!     /// When the zone was created (read-only).
//!     pub created: Option<Timestamp>,
//!     /// HAL links (read-only).
//!     #[serde(rename = "_links")]
//!     pub links: Option<JsonMap>,
//!     /// Fields this SDK does not know, kept verbatim.
//!     #[serde(flatten)]
//!     pub extra: JsonMap,
//! }
//!
//! let zone: NetworkZone = serde_json::from_str(
//!     r#"{"id": "nzo1", "type": null, "created": "2024-01-02T03:04:05.000Z", "usage": "POLICY"}"#,
//! ).unwrap();
//! assert_eq!(zone.zone_type, None);
//! assert_eq!(zone.extra["usage"], "POLICY");
//! assert_eq!(
//!     serde_json::to_string(&zone).unwrap(),
//!     r#"{"id":"nzo1","created":"2024-01-02T03:04:05.000Z","usage":"POLICY"}"#,
//! );
//! ```
//!
//! An enum inside this crate is `open_enum! { /// doc
//! pub enum Name { Variant = "WIRE", … } }` (see `open_enum.rs`).

mod attributes;
mod model_serde;
mod null_as_default;
mod open_enum;
mod timestamp;
mod union;

mod generated;
// Empty when no API area beyond the default ones is enabled.
#[allow(unused_imports)]
pub use generated::*;

mod app_group;
mod app_link;
mod app_user;
mod application;
pub mod authn;
mod factor;
mod group;
mod group_rule;
mod json_web_key;
mod log_event;
mod policy;
mod role;
mod session;
#[cfg(test)]
mod spec_coverage;
mod tokens;
mod user;

pub use app_group::*;
pub use app_link::*;
pub use app_user::*;
pub use application::*;
pub use authn::{
    AuthenticationContext, AuthenticationOptions, AuthenticationRequest, AuthenticationTransaction, AuthnStatus,
    AuthnUser, FactorEnrollRequest, RecoverPasswordRequest, RecoveryFactorType, RecoveryQuestionAnswerRequest,
    RecoveryTransaction, RecoveryType, ResetPasswordRequest, StateTokenRequest, UnlockAccountRequest,
    VerifyPassCodeFactorRequest, VerifyPushFactorRequest, VerifyRecoverTokenRequest, VerifyRecoveryRequest,
    VerifyU2fFactorRequest,
};
pub use factor::*;
pub use group::*;
pub use group_rule::*;
pub use json_web_key::*;
pub use log_event::*;
pub use open_enum::UnknownValue;
pub use policy::*;
pub use role::*;
pub use session::*;
pub use timestamp::{Timestamp, TimestampError};
pub use tokens::*;
pub use user::*;

/// What `#[okta::model]` expands to names. Not a public API: it changes without notice.
#[doc(hidden)]
pub mod __model {
    pub use super::JsonMap;
    pub use super::model_serde::{Key, Members, ModelFields, deserialize, extra, field, field_or_default};
    pub use super::null_as_default::null_as_default;
    pub use core::default::Default;
    pub use core::option::Option;
    pub use core::result::Result;
    pub use serde::de::MapAccess;
    pub use serde::{Deserializer, Serializer};
}

/// A JSON object: the type of `extra`, `_links`, `_embedded` and other free-form maps.
///
/// It derefs to a `serde_json::Map` and (de)serializes as one. Its `Debug` shows `"***"` for
/// the value of every secret member ([`crate::is_secret_field`]: tokens, passwords and
/// their hashes, answers, an app's `secretKey`, …), at any depth, so a model printed with
/// `{:?}` never shows one, whatever Okta added to it.
///
/// ```
/// use okta::models::JsonMap;
///
/// let mut settings = JsonMap::new();
/// settings.insert("url".into(), "https://example.com".into());
/// settings.insert("secretKey".into(), "wJalrXUtnFEMI".into());
/// let shown = format!("{settings:?}");
/// assert!(shown.contains("https://example.com") && !shown.contains("wJalrXUtnFEMI"));
/// ```
#[derive(Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct JsonMap(pub serde_json::Map<String, serde_json::Value>);

impl JsonMap {
    /// An empty map.
    pub fn new() -> Self {
        JsonMap::default()
    }

    /// The `serde_json::Map` itself.
    pub fn into_inner(self) -> serde_json::Map<String, serde_json::Value> {
        self.0
    }
}

impl std::fmt::Debug for JsonMap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        okta_core::Redacted(&self.0).fmt(f)
    }
}

impl std::ops::Deref for JsonMap {
    type Target = serde_json::Map<String, serde_json::Value>;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl std::ops::DerefMut for JsonMap {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0
    }
}

impl From<serde_json::Map<String, serde_json::Value>> for JsonMap {
    fn from(map: serde_json::Map<String, serde_json::Value>) -> Self {
        JsonMap(map)
    }
}

impl From<JsonMap> for serde_json::Value {
    fn from(map: JsonMap) -> Self {
        serde_json::Value::Object(map.0)
    }
}

impl FromIterator<(String, serde_json::Value)> for JsonMap {
    fn from_iter<I: IntoIterator<Item = (String, serde_json::Value)>>(iter: I) -> Self {
        JsonMap(iter.into_iter().collect())
    }
}

impl IntoIterator for JsonMap {
    type Item = (String, serde_json::Value);
    type IntoIter = serde_json::map::IntoIter;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a JsonMap {
    type Item = (&'a String, &'a serde_json::Value);
    type IntoIter = serde_json::map::Iter<'a>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// The `href` of link relation `rel` in a HAL `_links` map (`{"rel": {"href": …}}`; for a list
/// of links, the first one).
///
/// ```
/// use okta::models::{User, link_href};
///
/// let user: User = serde_json::from_str(
///     r#"{"_links": {"self": {"href": "https://example.okta.com/api/v1/users/00u1"}}}"#,
/// ).unwrap();
/// assert_eq!(link_href(user.links.as_ref(), "self"), Some("https://example.okta.com/api/v1/users/00u1"));
/// ```
pub fn link_href<'a>(links: Option<&'a JsonMap>, rel: &str) -> Option<&'a str> {
    let link = links?.get(rel)?;
    let link = match link {
        serde_json::Value::Array(items) => items.first()?,
        other => other,
    };
    link.get("href")?.as_str()
}

#[cfg(test)]
pub(crate) mod test_support {
    //! The one round-trip helper every model test uses.

    use serde::{Serialize, de::DeserializeOwned};
    use serde_json::Value;

    /// Removes object keys whose value is `null`, recursively. A `null` on a typed field reads
    /// as absent, so it is not re-encoded; that is the documented behaviour, not a loss.
    pub(crate) fn strip_nulls(value: Value) -> Value {
        match value {
            Value::Object(map) => Value::Object(
                map.into_iter()
                    .filter(|(_, v)| !v.is_null())
                    .map(|(k, v)| (k, strip_nulls(v)))
                    .collect(),
            ),
            Value::Array(items) => Value::Array(items.into_iter().map(strip_nulls).collect()),
            other => other,
        }
    }

    /// Decodes `json` as `T`, re-encodes it, and asserts the result equals the input (as
    /// `serde_json::Value`, `null` members aside); also checks decode(encode(x)) == x.
    /// Returns the decoded value for further checks.
    #[track_caller]
    pub(crate) fn assert_round_trip<T>(json: &str) -> T
    where
        T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug,
    {
        let input: Value = serde_json::from_str(json).expect("test JSON is valid");
        let decoded: T = serde_json::from_str(json).expect("decodes");
        let encoded = serde_json::to_value(&decoded).expect("encodes");
        assert_eq!(strip_nulls(encoded.clone()), strip_nulls(input));
        let again: T = serde_json::from_value(encoded).expect("decodes again");
        assert_eq!(again, decoded);
        decoded
    }

    /// Asserts `value` encodes to exactly `expected`.
    #[track_caller]
    pub(crate) fn assert_encodes<T: Serialize>(value: &T, expected: Value) {
        assert_eq!(serde_json::to_value(value).expect("encodes"), expected);
    }

    /// Asserts `{}` decodes as `T` (every field optional) and re-encodes as `{}`.
    #[track_caller]
    pub(crate) fn assert_empty_ok<T>()
    where
        T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug,
    {
        let _: T = assert_round_trip("{}");
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn link_href_reads_object_and_array_links() {
        let links: JsonMap = serde_json::from_value(json!({
            "self": {"href": "https://x/self"},
            "next": [{"href": "https://x/next", "name": "n"}]
        }))
        .expect("map");
        assert_eq!(link_href(Some(&links), "self"), Some("https://x/self"));
        assert_eq!(link_href(Some(&links), "next"), Some("https://x/next"));
        assert_eq!(link_href(Some(&links), "prev"), None);
        assert_eq!(link_href(None, "self"), None);
    }

    #[test]
    fn redacted_hides_secret_keys_recursively() {
        let map: JsonMap = serde_json::from_value(json!({
            "activation": {"sharedSecret": "JBSWY3DPEHPK3PXP", "keyLength": 16},
            "list": [{"password": "hunter2"}],
            "answer": null
        }))
        .expect("map");
        let shown = format!("{:?}", Some(map));
        assert!(!shown.contains("JBSWY3DPEHPK3PXP"), "{shown}");
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(shown.contains("keyLength"), "{shown}");
    }
}
