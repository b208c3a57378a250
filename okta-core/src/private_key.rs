//! The private key of an Okta API service app: read from PEM or a private JWK, never printed.
//!
//! Parsing and signing are aws-lc-rs's (the crypto library the TLS stack already compiles);
//! this file only decides which of its parsers a key is for and says clearly why one is refused.

use std::fmt;
use std::path::Path;
use std::sync::Arc;

use aws_lc_rs::encoding::AsDer;
use aws_lc_rs::rand::SystemRandom;
use aws_lc_rs::rsa::{KeyPairComponents, PublicKeyComponents};
use aws_lc_rs::signature::{
    ECDSA_P256_SHA256_FIXED_SIGNING, ECDSA_P384_SHA384_FIXED_SIGNING, EcdsaKeyPair, EcdsaSigningAlgorithm, KeyPair,
    RSA_PKCS1_SHA256, RsaKeyPair,
};
use rustls_pki_types::PrivateKeyDer;
use rustls_pki_types::pem::PemObject;
use serde_json::{Value, json};

use crate::error::Error;
use crate::jws::b64;
use crate::secret::SecretString;

/// The private key an Okta API service app signs its client assertions with (`private_key_jwt`).
///
/// RSA keys sign with RS256; EC keys with ES256 (P-256) or ES384 (P-384). A key is read from PEM
/// (`RSA PRIVATE KEY` PKCS#1, `PRIVATE KEY` PKCS#8, `EC PRIVATE KEY` SEC1) or from a private JWK
/// as the Admin Console generates it (its `kid` is kept). An encrypted, public-only, malformed key
/// or one on another curve is refused with a message that says which, and how to mend it; the key
/// itself never appears in any message or `Debug` output.
///
/// ```
/// use okta_core::PrivateKey;
///
/// let key = PrivateKey::generate_p256()?.with_key_id("kid-1");
/// assert_eq!(key.algorithm(), "ES256");
/// assert_eq!(format!("{key:?}"), r#"PrivateKey { algorithm: "ES256", key_id: Some("kid-1") }"#);
/// // The public half, to register with the app (Admin Console → app → Public keys).
/// assert_eq!(key.public_jwk()["kid"], "kid-1");
/// # Ok::<(), okta_core::Error>(())
/// ```
#[derive(Clone)]
pub struct PrivateKey {
    pair: Arc<Pair>,
    key_id: Option<String>,
}

enum Pair {
    Rsa(RsaKeyPair),
    Ec(EcdsaKeyPair, Curve),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Curve {
    P256,
    P384,
}

impl Curve {
    const ALL: [Curve; 2] = [Curve::P256, Curve::P384];

    fn signing(self) -> &'static EcdsaSigningAlgorithm {
        match self {
            Curve::P256 => &ECDSA_P256_SHA256_FIXED_SIGNING,
            Curve::P384 => &ECDSA_P384_SHA384_FIXED_SIGNING,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Curve::P256 => "P-256",
            Curve::P384 => "P-384",
        }
    }

    fn from_name(name: &str) -> Option<Self> {
        Curve::ALL.into_iter().find(|c| c.name() == name)
    }
}

const WRONG_CURVE: &str = "the EC private key is not on P-256 or P-384, the curves Okta service apps sign with \
     (ES256, ES384): generate one with `openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt`";

fn refused(what: &str) -> Error {
    Error::Config(format!("the private key {what}"))
}

impl PrivateKey {
    /// Reads a PEM private key: `RSA PRIVATE KEY` (PKCS#1), `PRIVATE KEY` (PKCS#8) or
    /// `EC PRIVATE KEY` (SEC1).
    pub fn from_pem(pem: &str) -> Result<Self, Error> {
        let labels = pem_labels(pem);
        if labels.is_empty() {
            return Err(refused(
                "is not PEM: expected a `-----BEGIN PRIVATE KEY-----` block (or pass a private JWK to from_jwk)",
            ));
        }
        if labels.iter().any(|l| l.contains("ENCRYPTED")) || pem.contains("Proc-Type: 4,ENCRYPTED") {
            return Err(refused(
                "is encrypted with a passphrase: decrypt it first, e.g. `openssl pkcs8 -in key.pem -out plain.pem` \
                 (keep the result as secret as the original)",
            ));
        }
        if !labels.iter().any(|l| l.ends_with("PRIVATE KEY")) {
            return Err(refused(
                "is a public key or certificate, not a private key: Okta keeps the public key, the app signs \
                 with the private one (`-----BEGIN PRIVATE KEY-----`)",
            ));
        }
        let der = PrivateKeyDer::from_pem_slice(pem.as_bytes())
            .map_err(|_| refused("is malformed PEM: its base64 body does not decode"))?;
        let pair = match &der {
            PrivateKeyDer::Pkcs1(der) => Pair::Rsa(RsaKeyPair::from_der(der.secret_pkcs1_der()).map_err(|_| {
                refused("is a malformed or unsupported RSA key (Okta needs RSA keys of at least 2048 bits)")
            })?),
            PrivateKeyDer::Sec1(der) => ec_from_der(der.secret_sec1_der())?,
            PrivateKeyDer::Pkcs8(der) => {
                let der = der.secret_pkcs8_der();
                match RsaKeyPair::from_pkcs8(der) {
                    Ok(rsa) => Pair::Rsa(rsa),
                    Err(_) => ec_from_der(der).map_err(|_| {
                        refused(
                            "is neither an RSA key of at least 2048 bits nor an EC key on P-256 or P-384: \
                             Okta service apps sign with RS256, ES256 or ES384",
                        )
                    })?,
                }
            }
            _ => {
                return Err(refused(
                    "is of a kind Okta service apps do not use (RSA or EC keys only)",
                ));
            }
        };
        Ok(PrivateKey::new(pair, None))
    }

    /// Reads a PEM private key from a file.
    pub fn from_pem_file(path: impl AsRef<Path>) -> Result<Self, Error> {
        Self::from_pem(read(path.as_ref())?.expose())
    }

    /// Reads a private JWK (`{"kty":"RSA","n":…,"d":…}` or `{"kty":"EC","crv":"P-256",…}`),
    /// or a JWK set holding exactly one; its `kid` becomes the key id.
    pub fn from_jwk(jwk: &str) -> Result<Self, Error> {
        let value: Value = serde_json::from_str(jwk).map_err(|_| refused("is not a JSON Web Key: not valid JSON"))?;
        let jwk = match value.get("keys").and_then(Value::as_array) {
            Some(keys) if keys.len() == 1 => &keys[0],
            Some(keys) => {
                return Err(refused(&format!(
                    "file is a JWK set of {} keys: pass the one private key this client signs with",
                    keys.len()
                )));
            }
            None => &value,
        };
        let field = |name: &str| -> Result<Vec<u8>, Error> {
            let text = jwk
                .get(name)
                .and_then(Value::as_str)
                .ok_or_else(|| refused(&format!("JWK has no `{name}` member")))?;
            base64::Engine::decode(
                &base64::engine::general_purpose::URL_SAFE_NO_PAD,
                text.trim_end_matches('='),
            )
            .map_err(|_| refused(&format!("JWK member `{name}` is not base64url")))
        };
        if jwk.get("d").is_none() {
            return Err(refused(
                "JWK is a public key (it has no `d`): export the private key of the pair from the Admin Console \
                 (it is shown once, when the key is generated) or from your key store",
            ));
        }
        let pair = match jwk.get("kty").and_then(Value::as_str) {
            Some("RSA") => {
                let components = KeyPairComponents {
                    public_key: PublicKeyComponents {
                        n: field("n")?,
                        e: field("e")?,
                    },
                    d: field("d")?,
                    p: field("p")?,
                    q: field("q")?,
                    dP: field("dp")?,
                    dQ: field("dq")?,
                    qInv: field("qi")?,
                };
                Pair::Rsa(RsaKeyPair::from_components(&components).map_err(|_| {
                    refused("JWK is not a consistent RSA key of at least 2048 bits (its members do not match)")
                })?)
            }
            Some("EC") => {
                let crv = jwk.get("crv").and_then(Value::as_str).unwrap_or("");
                let curve = Curve::from_name(crv).ok_or_else(|| Error::Config(WRONG_CURVE.into()))?;
                let mut point = vec![4u8];
                point.extend(field("x")?);
                point.extend(field("y")?);
                let pair = EcdsaKeyPair::from_private_key_and_public_key(curve.signing(), &field("d")?, &point)
                    .map_err(|_| refused("JWK is not a consistent EC key (`d` does not match `x` and `y`)"))?;
                Pair::Ec(pair, curve)
            }
            _ => return Err(refused("JWK's `kty` is neither `RSA` nor `EC`")),
        };
        let key_id = jwk.get("kid").and_then(Value::as_str).map(str::to_owned);
        Ok(PrivateKey::new(pair, key_id))
    }

    /// Reads a private JWK from a file.
    pub fn from_jwk_file(path: impl AsRef<Path>) -> Result<Self, Error> {
        Self::from_jwk(read(path.as_ref())?.expose())
    }

    /// PEM text, a JWK, or the path of a file holding either: what `OKTA_CLIENT_PRIVATEKEY` and
    /// `okta.client.privateKey` may hold.
    pub fn from_text_or_file(value: &str) -> Result<Self, Error> {
        let value = value.trim();
        if value.starts_with("-----BEGIN") {
            Self::from_pem(value)
        } else if value.starts_with('{') {
            Self::from_jwk(value)
        } else {
            let path = Path::new(value);
            let text = read(path)?;
            if text.expose().trim_start().starts_with('{') {
                Self::from_jwk(text.expose())
            } else {
                Self::from_pem(text.expose())
            }
        }
    }

    /// A new EC P-256 key (ES256): for tests against a stand-in org, or to create the key pair of
    /// a new service app (register [`public_jwk`](Self::public_jwk), keep
    /// [`to_pkcs8_pem`](Self::to_pkcs8_pem) secret).
    pub fn generate_p256() -> Result<Self, Error> {
        let pair = EcdsaKeyPair::generate(Curve::P256.signing())
            .map_err(|_| Error::Config("no EC key could be generated".into()))?;
        Ok(PrivateKey::new(Pair::Ec(pair, Curve::P256), None))
    }

    /// A new RSA key of 2048 bits (RS256).
    pub fn generate_rsa() -> Result<Self, Error> {
        let pair = RsaKeyPair::generate(aws_lc_rs::rsa::KeySize::Rsa2048)
            .map_err(|_| Error::Config("no RSA key could be generated".into()))?;
        Ok(PrivateKey::new(Pair::Rsa(pair), None))
    }

    fn new(pair: Pair, key_id: Option<String>) -> Self {
        PrivateKey {
            pair: Arc::new(pair),
            key_id,
        }
    }

    /// Names the key (`kid` in the assertion's header): the key id Okta shows for the app's public key.
    pub fn with_key_id(mut self, key_id: impl Into<String>) -> Self {
        self.key_id = Some(key_id.into());
        self
    }

    /// The key id, if any.
    pub fn key_id(&self) -> Option<&str> {
        self.key_id.as_deref()
    }

    /// The JWS algorithm this key signs with: `RS256`, `ES256` or `ES384`.
    pub fn algorithm(&self) -> &'static str {
        match &*self.pair {
            Pair::Rsa(_) => "RS256",
            Pair::Ec(_, Curve::P256) => "ES256",
            Pair::Ec(_, Curve::P384) => "ES384",
        }
    }

    /// The public half as a JWK (with `kid`, `alg` and `use` when known), as Okta's app
    /// `jwks` takes it.
    pub fn public_jwk(&self) -> Value {
        let mut jwk = self.public_members();
        jwk["alg"] = json!(self.algorithm());
        jwk["use"] = json!("sig");
        if let Some(kid) = &self.key_id {
            jwk["kid"] = json!(kid);
        }
        jwk
    }

    /// The members RFC 7638 hashes, in its order (lexicographic), and nothing else.
    pub(crate) fn public_members(&self) -> Value {
        match &*self.pair {
            Pair::Rsa(pair) => {
                let public = pair.public_key();
                json!({
                    "e": b64(public.exponent().big_endian_without_leading_zero()),
                    "kty": "RSA",
                    "n": b64(public.modulus().big_endian_without_leading_zero()),
                })
            }
            Pair::Ec(pair, curve) => {
                // The uncompressed point: 0x04 ‖ x ‖ y.
                let point = pair.public_key().as_ref();
                let half = (point.len() - 1) / 2;
                json!({
                    "crv": curve.name(),
                    "kty": "EC",
                    "x": b64(&point[1..1 + half]),
                    "y": b64(&point[1 + half..]),
                })
            }
        }
    }

    /// The key as unencrypted PKCS#8 PEM, to store a generated key.
    pub fn to_pkcs8_pem(&self) -> Result<SecretString, Error> {
        let der = match &*self.pair {
            Pair::Rsa(pair) => pair.as_der().map(|d| d.as_ref().to_vec()),
            Pair::Ec(pair, _) => pair.to_pkcs8v1().map(|d| d.as_ref().to_vec()),
        }
        .map_err(|_| Error::Config("the private key could not be encoded".into()))?;
        let body = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, der);
        let mut pem = String::from("-----BEGIN PRIVATE KEY-----\n");
        for line in body.as_bytes().chunks(64) {
            pem.push_str(std::str::from_utf8(line).unwrap_or_default());
            pem.push('\n');
        }
        pem.push_str("-----END PRIVATE KEY-----\n");
        Ok(SecretString::new(pem))
    }

    /// Signs `message` as JWS `algorithm()` wants it (PKCS#1 v1.5 for RSA, `r ‖ s` for ECDSA).
    pub(crate) fn sign(&self, message: &[u8]) -> Result<Vec<u8>, Error> {
        let rng = SystemRandom::new();
        let failed = |_| Error::Config("the private key could not sign".into());
        match &*self.pair {
            Pair::Rsa(pair) => {
                let mut signature = vec![0; pair.public_modulus_len()];
                pair.sign(&RSA_PKCS1_SHA256, &rng, message, &mut signature)
                    .map_err(failed)?;
                Ok(signature)
            }
            Pair::Ec(pair, _) => Ok(pair.sign(&rng, message).map_err(failed)?.as_ref().to_vec()),
        }
    }
}

fn ec_from_der(der: &[u8]) -> Result<Pair, Error> {
    Curve::ALL
        .into_iter()
        .find_map(|curve| {
            EcdsaKeyPair::from_private_key_der(curve.signing(), der)
                .ok()
                .map(|pair| Pair::Ec(pair, curve))
        })
        .ok_or_else(|| Error::Config(WRONG_CURVE.into()))
}

/// The labels of a PEM text's `-----BEGIN …-----` lines.
fn pem_labels(pem: &str) -> Vec<&str> {
    pem.lines()
        .filter_map(|line| line.trim().strip_prefix("-----BEGIN ")?.strip_suffix("-----"))
        .collect()
}

fn read(path: &Path) -> Result<SecretString, Error> {
    std::fs::read_to_string(path).map(SecretString::new).map_err(|e| {
        Error::Config(format!(
            "the private key file {} could not be read: {e}",
            path.display()
        ))
    })
}

/// Two keys are equal when they are the same key pair with the same key id.
impl PartialEq for PrivateKey {
    fn eq(&self, other: &Self) -> bool {
        self.key_id == other.key_id && self.public_members() == other.public_members()
    }
}

impl Eq for PrivateKey {}

impl fmt::Debug for PrivateKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PrivateKey")
            .field("algorithm", &self.algorithm())
            .field("key_id", &self.key_id)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_generated_key_round_trips_through_pem_and_keeps_its_algorithm() {
        for key in [
            PrivateKey::generate_p256().expect("ec"),
            PrivateKey::generate_rsa().expect("rsa"),
        ] {
            let pem = key.to_pkcs8_pem().expect("pem");
            let back = PrivateKey::from_pem(pem.expose()).expect("parses");
            assert_eq!(back.algorithm(), key.algorithm());
            assert_eq!(back.public_members(), key.public_members());
        }
    }

    #[test]
    fn refusals_say_which_and_never_echo_the_key() {
        let pem = PrivateKey::generate_p256().expect("ec").to_pkcs8_pem().expect("pem");
        let body: String = pem.expose().lines().nth(1).expect("body line").to_owned();
        let cases = [
            (
                pem.expose().replace("PRIVATE KEY", "ENCRYPTED PRIVATE KEY"),
                "encrypted",
            ),
            (pem.expose().replace("PRIVATE KEY", "PUBLIC KEY"), "public key"),
            (pem.expose().replace(&body[..20], "!!!!!!!!!!!!!!!!!!!!"), "malformed"),
            (body.clone(), "not PEM"),
        ];
        for (text, says) in cases {
            let err = PrivateKey::from_pem(&text).expect_err("refused").to_string();
            assert!(err.contains(says), "{err}");
            assert!(!err.contains(&body[..16]), "{err}");
        }
    }

    #[test]
    fn jwk_errors_are_specific() {
        let public = PrivateKey::generate_p256().expect("ec").public_jwk().to_string();
        assert!(
            PrivateKey::from_jwk(&public)
                .expect_err("public")
                .to_string()
                .contains("public key")
        );
        let wrong = r#"{"kty":"EC","crv":"P-521","x":"AA","y":"AA","d":"AA"}"#;
        assert!(
            PrivateKey::from_jwk(wrong)
                .expect_err("curve")
                .to_string()
                .contains("P-256 or P-384")
        );
        assert!(PrivateKey::from_jwk("not json").is_err());
    }
}
