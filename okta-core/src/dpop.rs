//! DPoP (RFC 9449): the proofs that bind a service app's access token to a key of the client's own.
//!
//! The key is ephemeral, ES256, made when the client is built and never the app's signing key.
//! A proof names the method and the URL actually sent (every followed page, every retry), is
//! fresh every time (`jti`, `iat`), carries `ath` on resource requests, and echoes the last nonce
//! the server handed out. Okta keeps separate nonces for its token endpoint and its resources.

use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::time::{SystemTime, UNIX_EPOCH};

use reqwest::header::{HeaderMap, HeaderValue};
use serde_json::{Value, json};
use url::Url;

use crate::error::Error;
use crate::jws;
use crate::method::Method;
use crate::private_key::PrivateKey;

/// Where a nonce came from: Okta's token endpoint and its resource server each keep their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Server {
    Token,
    Resource,
}

/// A client's DPoP key and the nonces it was given.
pub(crate) struct Dpop {
    key: RwLock<Arc<PrivateKey>>,
    token_nonce: Mutex<Option<String>>,
    resource_nonce: Mutex<Option<String>>,
}

impl Dpop {
    pub(crate) fn new() -> Result<Self, Error> {
        Ok(Dpop {
            key: RwLock::new(Arc::new(PrivateKey::generate_p256()?)),
            token_nonce: Mutex::new(None),
            resource_nonce: Mutex::new(None),
        })
    }

    /// The current key (a token is bound to the key it was requested with).
    pub(crate) fn key(&self) -> Arc<PrivateKey> {
        self.key.read().unwrap_or_else(PoisonError::into_inner).clone()
    }

    /// Replaces the key; tokens bound to the old one must be dropped by the caller.
    pub(crate) fn rotate(&self) -> Result<(), Error> {
        let fresh = Arc::new(PrivateKey::generate_p256()?);
        *self.key.write().unwrap_or_else(PoisonError::into_inner) = fresh;
        Ok(())
    }

    fn nonce_slot(&self, server: Server) -> &Mutex<Option<String>> {
        match server {
            Server::Token => &self.token_nonce,
            Server::Resource => &self.resource_nonce,
        }
    }

    /// Remembers the `DPoP-Nonce` a response carried; returns whether it is new.
    pub(crate) fn remember_nonce(&self, server: Server, headers: &HeaderMap) -> bool {
        let Some(nonce) = headers.get("dpop-nonce").and_then(|v| v.to_str().ok()) else {
            return false;
        };
        let mut slot = self.nonce_slot(server).lock().unwrap_or_else(PoisonError::into_inner);
        if slot.as_deref() == Some(nonce) {
            return false;
        }
        *slot = Some(nonce.to_owned());
        true
    }

    /// A proof for one attempt of `method url` with `key`; `access_token` adds `ath`.
    pub(crate) fn proof(
        &self,
        key: &PrivateKey,
        server: Server,
        method: Method,
        url: &Url,
        access_token: Option<&str>,
    ) -> Result<HeaderValue, Error> {
        let iat = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        let mut claims = json!({
            "htm": method.as_str(),
            "htu": htu(url),
            "iat": iat,
            "jti": jws::random_id()?,
        });
        if let Some(token) = access_token {
            claims["ath"] = Value::from(jws::sha256_b64(token.as_bytes()));
        }
        if let Some(nonce) = self
            .nonce_slot(server)
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
        {
            claims["nonce"] = Value::from(nonce);
        }
        let header = json!({ "typ": "dpop+jwt", "jwk": key.public_members() });
        let proof = jws::sign(header, &claims, key)?;
        let mut value =
            HeaderValue::from_str(&proof).map_err(|_| Error::Config("a DPoP proof is not a valid header".into()))?;
        value.set_sensitive(true);
        Ok(value)
    }
}

/// `htu`: scheme, host, port and path of the URL sent, without query or fragment, the path
/// percent-decoded (Okta compares the decoded path: an encoded `@` in an id fails otherwise).
pub(crate) fn htu(url: &Url) -> String {
    let path = percent_encoding::percent_decode_str(url.path()).decode_utf8_lossy();
    format!("{}{path}", url.origin().ascii_serialization())
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;

    fn claims(proof: &HeaderValue) -> Value {
        let payload = proof.to_str().expect("ascii").split('.').nth(1).expect("payload");
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).expect("b64")).expect("json")
    }

    #[test]
    fn htu_drops_query_and_fragment_and_decodes_the_path() {
        let url = Url::parse("https://dev-1.okta.com:8443/api/v1/users/a%40b.com?limit=2#x").expect("url");
        assert_eq!(htu(&url), "https://dev-1.okta.com:8443/api/v1/users/a@b.com");
    }

    #[test]
    fn a_resource_proof_carries_method_url_ath_fresh_jti_and_the_nonce() {
        let dpop = Dpop::new().expect("dpop");
        let key = dpop.key();
        let url = Url::parse("https://dev-1.okta.com/api/v1/users?after=x").expect("url");
        let first = claims(
            &dpop
                .proof(&key, Server::Resource, Method::GET, &url, Some("tok"))
                .expect("proof"),
        );
        assert_eq!(first["htm"], "GET");
        assert_eq!(first["htu"], "https://dev-1.okta.com/api/v1/users");
        assert_eq!(first["ath"], jws::sha256_b64(b"tok"));
        assert!(first.get("nonce").is_none());
        let mut headers = HeaderMap::new();
        headers.insert("DPoP-Nonce", HeaderValue::from_static("n-1"));
        assert!(dpop.remember_nonce(Server::Resource, &headers));
        assert!(
            !dpop.remember_nonce(Server::Resource, &headers),
            "same nonce is not news"
        );
        let second = claims(
            &dpop
                .proof(&key, Server::Resource, Method::GET, &url, Some("tok"))
                .expect("proof"),
        );
        assert_eq!(second["nonce"], "n-1");
        assert_ne!(first["jti"], second["jti"]);
        // The token endpoint's nonce is its own.
        let token = claims(
            &dpop
                .proof(&key, Server::Token, Method::POST, &url, None)
                .expect("proof"),
        );
        assert!(token.get("nonce").is_none() && token.get("ath").is_none());
    }
}
