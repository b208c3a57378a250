//! OAuth 2.0 for API service apps: `private_key_jwt` client credentials at `/oauth2/v1/token`,
//! DPoP-bound and Bearer access tokens, and their checks on resource requests.

use std::collections::HashMap;
use std::time::Duration;

use base64::Engine;
use base64::alphabet::URL_SAFE;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};

use crate::ids;

mod assertion;
mod dpop;
mod jws;
mod keys;
mod replay;
pub(crate) mod resource;
mod scope;
mod service_app;
pub(crate) mod token_endpoint;

pub use service_app::{InvalidServiceApp, ServiceApp};

use keys::VerifyingKey;
use replay::SeenJtis;

/// A registered app, its keys parsed.
#[derive(Debug, Clone)]
struct RegisteredApp {
    keys: Vec<VerifyingKey>,
    scopes: Vec<String>,
    require_dpop: bool,
}

/// An issued access token.
#[derive(Debug, Clone)]
pub(crate) struct IssuedToken {
    pub(crate) scopes: Vec<String>,
    /// On the org's clock, epoch milliseconds.
    pub(crate) expires_at_ms: i64,
    /// The RFC 7638 thumbprint of the DPoP key the token is bound to; `None` for Bearer.
    pub(crate) jkt: Option<String>,
}

/// The org's OAuth side: apps, issued tokens, used `jti`s, the DPoP nonce and the settings.
#[derive(Debug)]
pub(crate) struct OAuth {
    apps: HashMap<String, RegisteredApp>,
    tokens: HashMap<String, IssuedToken>,
    assertion_jtis: SeenJtis,
    proof_jtis: SeenJtis,
    nonce: String,
    pub(crate) token_lifetime: Duration,
    pub(crate) nonce_at_token_endpoint: bool,
    pub(crate) nonce_on_resources: bool,
}

impl Default for OAuth {
    fn default() -> Self {
        Self {
            apps: HashMap::new(),
            tokens: HashMap::new(),
            assertion_jtis: SeenJtis::default(),
            proof_jtis: SeenJtis::default(),
            nonce: ids::random_chars(32),
            token_lifetime: Duration::from_secs(3600),
            nonce_at_token_endpoint: true,
            nonce_on_resources: false,
        }
    }
}

impl OAuth {
    /// Registers (or replaces) a service app.
    pub(crate) fn register(&mut self, app: &ServiceApp) -> Result<(), InvalidServiceApp> {
        let keys = app.keys()?;
        let registered = RegisteredApp {
            keys,
            scopes: app.scopes.clone(),
            require_dpop: app.require_dpop,
        };
        self.apps.insert(app.client_id.clone(), registered);
        Ok(())
    }

    /// A new DPoP nonce; proofs carrying the old one are answered `use_dpop_nonce`.
    pub(crate) fn rotate_nonce(&mut self) {
        self.nonce = ids::random_chars(32);
    }

    /// The current DPoP nonce.
    pub(crate) fn nonce(&self) -> &str {
        &self.nonce
    }

    /// An unexpired token by its value.
    pub(crate) fn token(&self, token: &str, now_ms: i64) -> Option<&IssuedToken> {
        self.tokens.get(token).filter(|t| t.expires_at_ms > now_ms)
    }

    fn issue(&mut self, token: IssuedToken, now_ms: i64) -> String {
        if self.tokens.len() >= 4096 {
            self.tokens.retain(|_, t| t.expires_at_ms > now_ms);
        }
        let value = ids::random_chars(64);
        self.tokens.insert(value.clone(), token);
        value
    }
}

/// base64url, with or without padding (clients differ).
pub(crate) fn b64url_decode(text: &str) -> Option<Vec<u8>> {
    const ENGINE: GeneralPurpose = GeneralPurpose::new(
        &URL_SAFE,
        GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
    );
    ENGINE.decode(text).ok()
}
