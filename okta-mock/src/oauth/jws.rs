//! Compact JWS (`header.payload.signature`): decoding, then verification with a chosen key.

use serde_json::{Map, Value};

use super::b64url_decode;
use super::keys::{ALGORITHMS, KeyResult, VerifyingKey};

/// A decoded, not yet verified, compact JWS whose header and payload are JSON objects.
#[derive(Debug)]
pub(crate) struct Jws<'a> {
    pub(crate) header: Map<String, Value>,
    pub(crate) claims: Map<String, Value>,
    signing_input: &'a str,
    signature: Vec<u8>,
}

impl<'a> Jws<'a> {
    /// Splits and decodes; refuses anything but three base64url parts with JSON objects.
    pub(crate) fn decode(compact: &'a str) -> KeyResult<Self> {
        let mut parts = compact.trim().split('.');
        let (Some(h), Some(p), Some(s), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
            return Err("it is not a compact JWS (three dot-separated parts)".to_owned());
        };
        let object = |part: &str, what: &str| -> KeyResult<Map<String, Value>> {
            b64url_decode(part)
                .and_then(|bytes| serde_json::from_slice::<Value>(&bytes).ok())
                .and_then(|v| match v {
                    Value::Object(m) => Some(m),
                    _ => None,
                })
                .ok_or_else(|| format!("its {what} is not a base64url JSON object"))
        };
        let header = object(h, "header")?;
        let claims = object(p, "payload")?;
        let signature = b64url_decode(s).ok_or("its signature is not base64url")?;
        let signing_input = compact.trim().get(..h.len() + 1 + p.len()).unwrap_or_default();
        Ok(Self {
            header,
            claims,
            signing_input,
            signature,
        })
    }

    /// The header's `alg`, when it is one the org accepts.
    pub(crate) fn alg(&self) -> KeyResult<&str> {
        match self.header_str("alg") {
            Some(alg) if ALGORITHMS.contains(&alg) => Ok(alg),
            Some(_) => Err("its algorithm is not supported".to_owned()),
            None => Err("its header has no `alg`".to_owned()),
        }
    }

    /// A string member of the header.
    pub(crate) fn header_str(&self, name: &str) -> Option<&str> {
        self.header.get(name).and_then(Value::as_str)
    }

    /// A string claim.
    pub(crate) fn claim_str(&self, name: &str) -> Option<&str> {
        self.claims.get(name).and_then(Value::as_str)
    }

    /// A numeric date claim, in whole seconds.
    pub(crate) fn claim_secs(&self, name: &str) -> Option<i64> {
        let v = self.claims.get(name)?;
        v.as_i64()
            .or_else(|| v.as_f64().filter(|f| f.is_finite()).map(|f| f as i64))
    }

    /// Verifies the signature with `key`.
    pub(crate) fn verify(&self, key: &VerifyingKey) -> KeyResult<()> {
        key.verify(self.alg()?, self.signing_input.as_bytes(), &self.signature)
    }
}
