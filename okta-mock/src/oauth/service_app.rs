//! A registered API service app: client id, public keys, granted scopes, DPoP requirement.

use std::fmt;

use super::keys::{self, VerifyingKey};

/// An API service app the stand-in lets authenticate with `private_key_jwt` at
/// `/oauth2/v1/token`, as an Okta org does for an app created in the Admin Console.
///
/// ```
/// let app = okta_mock::ServiceApp::new("0oa1clientid")
///     .public_key(r#"{"kty":"EC","crv":"P-256","kid":"k1",
///         "x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
///         "y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}"#)
///     .scopes(["okta.users.read", "okta.groups.manage"])
///     .require_dpop(true);
/// # drop(app);
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct ServiceApp {
    pub(crate) client_id: String,
    pub(crate) public_key: Option<String>,
    pub(crate) scopes: Vec<String>,
    pub(crate) require_dpop: bool,
}

impl ServiceApp {
    /// An app with this client id, no key yet, no scopes, DPoP not required.
    pub fn new(client_id: impl Into<String>) -> Self {
        Self {
            client_id: client_id.into(),
            public_key: None,
            scopes: Vec::new(),
            require_dpop: false,
        }
    }

    /// The app's public key: a public JWK (JSON object text), a JWKS (`{"keys": [...]}`, the
    /// signing key picked by the assertion's `kid`), or a PEM `PUBLIC KEY`. RSA, EC P-256 and
    /// EC P-384 keys are accepted.
    pub fn public_key(mut self, key: impl Into<String>) -> Self {
        self.public_key = Some(key.into());
        self
    }

    /// The Okta API scopes granted to the app (`okta.users.read`, `okta.groups.manage`, …).
    pub fn scopes<S: Into<String>>(mut self, scopes: impl IntoIterator<Item = S>) -> Self {
        self.scopes = scopes.into_iter().map(Into::into).collect();
        self
    }

    /// Whether the app requires DPoP-bound tokens ("Require Demonstrating Proof of
    /// Possession (DPoP) header in token requests"), as every app created since 2024 does.
    pub fn require_dpop(mut self, required: bool) -> Self {
        self.require_dpop = required;
        self
    }

    /// Parses the keys: what registration stores.
    pub(crate) fn keys(&self) -> Result<Vec<VerifyingKey>, InvalidServiceApp> {
        if self.client_id.trim().is_empty() {
            return Err(InvalidServiceApp("the client id is empty".to_owned()));
        }
        let text = self
            .public_key
            .as_deref()
            .ok_or_else(|| InvalidServiceApp("the app has no public key".to_owned()))?;
        keys::parse_public_keys(text).map_err(InvalidServiceApp)
    }
}

/// A service app the org cannot register: its key is not a usable public key, or its client
/// id is empty. The message says which; it never quotes the key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidServiceApp(pub(crate) String);

impl fmt::Display for InvalidServiceApp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid service app: {}", self.0)
    }
}

impl std::error::Error for InvalidServiceApp {}
