//! JSON Web Keys (application signing keys).

use serde::{Deserialize, Serialize};

use super::{JsonMap, Timestamp};

/// A JSON Web Key (an application's signing key credential), all read-only.
#[okta::model]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JsonWebKey {
    /// Key id.
    pub kid: Option<String>,
    /// Key type (`RSA`, `EC`, …).
    pub kty: Option<String>,
    /// Algorithm (`RS256`, …).
    pub alg: Option<String>,
    /// Intended use (`sig`).
    #[serde(rename = "use")]
    pub key_use: Option<String>,
    /// RSA public exponent.
    pub e: Option<String>,
    /// RSA modulus.
    pub n: Option<String>,
    /// X.509 certificate chain (base64 DER).
    pub x5c: Option<Vec<String>>,
    /// X.509 SHA-1 thumbprint.
    pub x5t: Option<String>,
    /// X.509 SHA-256 thumbprint (`x5t#S256`).
    #[serde(rename = "x5t#S256")]
    pub x5t_s256: Option<String>,
    /// X.509 URL.
    pub x5u: Option<String>,
    /// Key operations (`key_ops`).
    #[serde(rename = "key_ops")]
    pub key_ops: Option<Vec<String>>,
    /// Key status (`ACTIVE`, `INACTIVE`).
    pub status: Option<String>,
    /// When the key was created.
    pub created: Option<Timestamp>,
    /// Last update.
    pub last_updated: Option<Timestamp>,
    /// When the certificate expires.
    pub expires_at: Option<Timestamp>,
    /// HAL links.
    #[serde(rename = "_links")]
    pub links: Option<JsonMap>,
    /// Fields this SDK does not know, kept verbatim.
    #[serde(flatten)]
    pub extra: JsonMap,
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::models::test_support::{assert_empty_ok, assert_round_trip};

    #[test]
    fn jwk_round_trips() {
        let k: JsonWebKey = assert_round_trip(
            r#"{
              "created": "2015-12-10T18:56:23.000Z",
              "expiresAt": "2017-12-10T18:56:22.000Z",
              "x5c": ["MIIDqDCCApCgAwIBAgIGAVGNO4qeMA0GCSqGSIb3DQEBBQUAMIGUMQswCQYDVQQGEwJVUzE"],
              "e": "AQAB",
              "n": "mkC6yAJVvFwUlmM9gKjb2d-YK5qHFt-mXSsbjWKKs4EfNm-BoQeeovBZtSACyaqLc8IYFTPEURFcbDQ9DkAL04uUIRD2gaHYY7uK0jsluEaXGq2RAIsmzAwNTzkiDw4q9pDL_q7n0f_SDt1TsMaMQayB6bU5jWsmqcWJ8MCRJ1aJMjZ16un5UVx51IIeCbe4QRDxEXGAvYNczsBoZxspDt28esSpq5W0dBFxcyGVudyl54Er3FzAguhgfMVjH-bUec9j2Tl40qDTktrYgYfxz9pfjm01Hl4WYP1YQxeETpSL7cQ5Ihz4jGDtHUEOcZ4GfJrPzrGpUrak8Qp5xcwCqQ",
              "kid": "SIMcCQNY3uwXoW3y0vf6VxiBb5n9pf8L2fK8d-FIbm4",
              "kty": "RSA",
              "use": "sig",
              "alg": "RS256",
              "x5t#S256": "5LG-Ud6TJbUh4kVr0F6y_BhF7zJqlNfd7-wHJ5rgcFQ",
              "key_ops": ["verify"],
              "status": "ACTIVE",
              "_links": {"self": {"href": "https://x"}},
              "crv": null,
              "brandNew": "kept"
            }"#,
        );
        assert_eq!(k.key_use.as_deref(), Some("sig"));
        assert!(k.x5t_s256.is_some());
        assert_empty_ok::<JsonWebKey>();
    }
}
