//! JWS compact serialization (RFC 7515) for the two JWTs the SDK signs: the client assertion and
//! the DPoP proof. The signature itself is the key's ([`PrivateKey::sign`]); this is the framing.

use aws_lc_rs::digest::{SHA256, digest};
use aws_lc_rs::rand::{SecureRandom, SystemRandom};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::Value;

use crate::error::Error;
use crate::private_key::PrivateKey;

/// base64url without padding, as JOSE writes every binary value.
pub(crate) fn b64(bytes: impl AsRef<[u8]>) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// `base64url(SHA-256(bytes))`: DPoP's `ath` and RFC 7638 thumbprints.
pub(crate) fn sha256_b64(bytes: &[u8]) -> String {
    b64(digest(&SHA256, bytes))
}

/// A fresh `jti`: 128 random bits.
pub(crate) fn random_id() -> Result<String, Error> {
    let mut id = [0u8; 16];
    SystemRandom::new()
        .fill(&mut id)
        .map_err(|_| Error::Config("the system random number generator failed".into()))?;
    Ok(b64(id))
}

/// `header.claims.signature`, signed with `key`; the header gets the key's `alg`.
pub(crate) fn sign(mut header: Value, claims: &Value, key: &PrivateKey) -> Result<String, Error> {
    header["alg"] = Value::from(key.algorithm());
    let mut jws = b64(header.to_string());
    jws.push('.');
    jws.push_str(&b64(claims.to_string()));
    let signature = key.sign(jws.as_bytes())?;
    jws.push('.');
    jws.push_str(&b64(signature));
    Ok(jws)
}

#[cfg(test)]
mod tests {
    use super::*;
    use aws_lc_rs::signature::{ECDSA_P256_SHA256_FIXED, UnparsedPublicKey};

    #[test]
    fn a_signed_jws_verifies_with_the_public_key() {
        let key = PrivateKey::generate_p256().expect("key");
        let jws = sign(
            serde_json::json!({"typ": "JWT"}),
            &serde_json::json!({"sub": "x"}),
            &key,
        )
        .expect("signs");
        let (input, signature) = jws.rsplit_once('.').expect("three parts");
        let header: Value = serde_json::from_slice(
            &URL_SAFE_NO_PAD
                .decode(input.split('.').next().expect("header"))
                .expect("b64"),
        )
        .expect("json");
        assert_eq!(header["alg"], "ES256");
        let jwk = key.public_jwk();
        let mut point = vec![4u8];
        for c in ["x", "y"] {
            point.extend(URL_SAFE_NO_PAD.decode(jwk[c].as_str().expect("coord")).expect("b64"));
        }
        UnparsedPublicKey::new(&ECDSA_P256_SHA256_FIXED, &point)
            .verify(input.as_bytes(), &URL_SAFE_NO_PAD.decode(signature).expect("b64"))
            .expect("verifies");
    }

    #[test]
    fn thumbprint_matches_rfc_7638_example() {
        // RFC 7638 §3.1's RSA key and its thumbprint.
        let n = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
        let members = serde_json::json!({"e": "AQAB", "kty": "RSA", "n": n});
        assert_eq!(
            sha256_b64(members.to_string().as_bytes()),
            "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"
        );
    }
}
