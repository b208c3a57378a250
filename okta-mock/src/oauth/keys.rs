//! Public keys that verify JWS signatures: parsed from a JWK, a JWKS or a PEM `PUBLIC KEY`,
//! and the RFC 7638 thumbprint of a JWK.

use aws_lc_rs::encoding::AsDer;
use aws_lc_rs::signature::{self, ParsedPublicKey, RsaPublicKeyComponents, UnparsedPublicKey, VerificationAlgorithm};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rustls_pki_types::SubjectPublicKeyInfoDer;
use rustls_pki_types::pem::PemObject;
use serde_json::{Map, Value};

use super::b64url_decode;

/// The key families a service app or a DPoP proof may sign with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum KeyKind {
    Rsa,
    P256,
    P384,
}

/// A public key ready to verify signatures.
#[derive(Debug, Clone)]
pub(crate) struct VerifyingKey {
    pub(crate) kid: Option<String>,
    kind: KeyKind,
    /// SubjectPublicKeyInfo DER (RSA, PEM EC keys) or an uncompressed point (JWK EC keys):
    /// both are what aws-lc-rs parses.
    bytes: Vec<u8>,
}

/// Why a key or a JWS was refused; the text names the problem, never key material.
pub(crate) type KeyResult<T> = Result<T, String>;

impl VerifyingKey {
    /// Checks `signature` over `message` for the JWS `alg`; the alg must fit the key.
    pub(crate) fn verify(&self, alg: &str, message: &[u8], sig: &[u8]) -> KeyResult<()> {
        let algorithm: &'static dyn VerificationAlgorithm = match (self.kind, alg) {
            (KeyKind::Rsa, "RS256") => &signature::RSA_PKCS1_2048_8192_SHA256,
            (KeyKind::Rsa, "RS384") => &signature::RSA_PKCS1_2048_8192_SHA384,
            (KeyKind::Rsa, "RS512") => &signature::RSA_PKCS1_2048_8192_SHA512,
            (KeyKind::P256, "ES256") => &signature::ECDSA_P256_SHA256_FIXED,
            (KeyKind::P384, "ES384") => &signature::ECDSA_P384_SHA384_FIXED,
            _ => return Err(format!("the algorithm {alg} does not fit a {:?} key", self.kind)),
        };
        UnparsedPublicKey::new(algorithm, &self.bytes)
            .verify(message, sig)
            .map_err(|_| "the signature is invalid".to_owned())
    }
}

/// The algorithms JWS headers may name.
pub(crate) const ALGORITHMS: &[&str] = &["RS256", "RS384", "RS512", "ES256", "ES384"];

/// Parses what a service app registers: a public JWK object, a JWKS `{"keys": [...]}`, or a
/// PEM `PUBLIC KEY` (SubjectPublicKeyInfo).
pub(crate) fn parse_public_keys(text: &str) -> KeyResult<Vec<VerifyingKey>> {
    let text = text.trim();
    if text.starts_with('{') {
        let value: Value = serde_json::from_str(text).map_err(|_| "the key is not valid JSON".to_owned())?;
        return parse_json_keys(&value);
    }
    if text.starts_with("-----BEGIN") {
        let der = SubjectPublicKeyInfoDer::from_pem_slice(text.as_bytes())
            .map_err(|_| "the PEM text holds no `PUBLIC KEY` (SubjectPublicKeyInfo) block".to_owned())?;
        return Ok(vec![from_spki(der.as_ref())?]);
    }
    Err("a public key must be a JWK, a JWKS or a PEM `PUBLIC KEY`".to_owned())
}

/// A JWK object or a JWKS, as JSON.
pub(crate) fn parse_json_keys(value: &Value) -> KeyResult<Vec<VerifyingKey>> {
    let obj = value.as_object().ok_or("a JWK must be a JSON object")?;
    match obj.get("keys") {
        Some(Value::Array(keys)) if !keys.is_empty() => keys
            .iter()
            .map(|k| {
                k.as_object()
                    .ok_or_else(|| "a JWKS entry must be an object".to_owned())
                    .and_then(from_jwk)
            })
            .collect(),
        Some(_) => Err("a JWKS needs a non-empty `keys` array".to_owned()),
        None => Ok(vec![from_jwk(obj)?]),
    }
}

fn from_spki(der: &[u8]) -> KeyResult<VerifyingKey> {
    let candidates: [(KeyKind, &'static dyn VerificationAlgorithm); 3] = [
        (KeyKind::Rsa, &signature::RSA_PKCS1_2048_8192_SHA256),
        (KeyKind::P256, &signature::ECDSA_P256_SHA256_FIXED),
        (KeyKind::P384, &signature::ECDSA_P384_SHA384_FIXED),
    ];
    candidates
        .into_iter()
        .find(|(_, alg)| ParsedPublicKey::new(*alg, der).is_ok())
        .map(|(kind, _)| VerifyingKey {
            kid: None,
            kind,
            bytes: der.to_vec(),
        })
        .ok_or_else(|| "the PEM key is not an RSA, P-256 or P-384 public key".to_owned())
}

/// A public JWK (RSA or EC P-256/P-384); a private member, if any, is ignored.
pub(crate) fn from_jwk(jwk: &Map<String, Value>) -> KeyResult<VerifyingKey> {
    let member = |name: &str| -> KeyResult<Vec<u8>> {
        let text = jwk
            .get(name)
            .and_then(Value::as_str)
            .ok_or_else(|| format!("the JWK has no `{name}`"))?;
        b64url_decode(text).ok_or_else(|| format!("the JWK's `{name}` is not base64url"))
    };
    let kid = jwk.get("kid").and_then(Value::as_str).map(str::to_owned);
    let (kind, bytes) = match jwk.get("kty").and_then(Value::as_str) {
        Some("RSA") => {
            let components = RsaPublicKeyComponents {
                n: member("n")?,
                e: member("e")?,
            };
            let der = components
                .as_der()
                .map_err(|_| "the JWK's `n` and `e` are not an RSA public key".to_owned())?;
            (KeyKind::Rsa, der.as_ref().to_vec())
        }
        Some("EC") => {
            let (kind, alg, len): (KeyKind, &'static dyn VerificationAlgorithm, usize) =
                match jwk.get("crv").and_then(Value::as_str) {
                    Some("P-256") => (KeyKind::P256, &signature::ECDSA_P256_SHA256_FIXED, 32),
                    Some("P-384") => (KeyKind::P384, &signature::ECDSA_P384_SHA384_FIXED, 48),
                    _ => return Err("the JWK's curve must be P-256 or P-384".to_owned()),
                };
            let (x, y) = (member("x")?, member("y")?);
            if x.len() != len || y.len() != len {
                return Err("the JWK's `x`/`y` have the wrong length for its curve".to_owned());
            }
            let point: Vec<u8> = [&[4u8][..], &x, &y].concat();
            ParsedPublicKey::new(alg, &point).map_err(|_| "the JWK's point is not on its curve".to_owned())?;
            (kind, point)
        }
        _ => return Err("the JWK's `kty` must be RSA or EC".to_owned()),
    };
    Ok(VerifyingKey { kid, kind, bytes })
}

/// The RFC 7638 SHA-256 thumbprint of a public JWK, base64url without padding.
pub(crate) fn thumbprint(jwk: &Map<String, Value>) -> KeyResult<String> {
    let s = |name: &str| -> KeyResult<String> {
        jwk.get(name)
            .and_then(Value::as_str)
            .map(|v| Value::String(v.to_owned()).to_string())
            .ok_or_else(|| format!("the JWK has no `{name}`"))
    };
    // Members in lexicographic order, no whitespace: the canonical form RFC 7638 hashes.
    let canonical = match jwk.get("kty").and_then(Value::as_str) {
        Some("EC") => format!(r#"{{"crv":{},"kty":"EC","x":{},"y":{}}}"#, s("crv")?, s("x")?, s("y")?),
        Some("RSA") => format!(r#"{{"e":{},"kty":"RSA","n":{}}}"#, s("e")?, s("n")?),
        _ => return Err("the JWK's `kty` must be RSA or EC".to_owned()),
    };
    Ok(sha256_b64url(canonical.as_bytes()))
}

/// base64url (no padding) of the SHA-256 of `data`: thumbprints and `ath`.
pub(crate) fn sha256_b64url(data: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, data))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn thumbprint_matches_rfc_7638_example() {
        // The RSA example key of RFC 7638 §3.1 and its published thumbprint.
        let jwk = json!({
            "kty": "RSA",
            "n": "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw",
            "e": "AQAB",
            "alg": "RS256",
            "kid": "2011-04-29"
        });
        let jwk = jwk.as_object().cloned().unwrap_or_default();
        assert_eq!(
            thumbprint(&jwk).as_deref(),
            Ok("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs")
        );
        assert_eq!(from_jwk(&jwk).map(|k| k.kind), Ok(KeyKind::Rsa));
    }

    #[test]
    fn refuses_what_is_not_a_public_key() {
        assert!(parse_public_keys("not a key").is_err());
        assert!(parse_public_keys(r#"{"kty":"EC","crv":"P-521","x":"AA","y":"AA"}"#).is_err());
        assert!(parse_public_keys(r#"{"keys":[]}"#).is_err());
        assert!(parse_public_keys("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n").is_err());
    }
}
