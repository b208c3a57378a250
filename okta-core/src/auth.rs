//! How the client proves who it is: an SSWS API token, an OAuth 2.0 service app
//! (`private_key_jwt`), or an OAuth 2.0 bearer token.

use std::fmt;

use reqwest::header::HeaderValue;

use crate::error::Error;
use crate::private_key::PrivateKey;
use crate::secret::SecretString;

/// The credentials sent with every request, held so they never print.
///
/// ```
/// use okta_core::Auth;
/// let auth = Auth::ssws("00abc");
/// assert_eq!(format!("{auth:?}"), "Auth::Ssws(***)");
/// ```
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Auth {
    /// `Authorization: SSWS <api token>`, the token from the Admin Console.
    Ssws(SecretString),
    /// `Authorization: Bearer <access token>`, an OAuth 2.0 access token you obtained.
    Bearer(SecretString),
    /// An API service app: client credentials with a `private_key_jwt` assertion; the SDK
    /// fetches, caches and refreshes its access tokens, with DPoP when the app requires it.
    PrivateKeyJwt {
        /// The app's client id (`0oa…`).
        client_id: String,
        /// The key the app signs its assertions with.
        key: PrivateKey,
    },
    /// No `Authorization` header: for the Authentication API (`/api/v1/authn`) of a public app.
    None,
}

impl Auth {
    /// An SSWS API token.
    pub fn ssws(token: impl Into<SecretString>) -> Self {
        Auth::Ssws(token.into())
    }

    /// An OAuth 2.0 access token.
    pub fn bearer(token: impl Into<SecretString>) -> Self {
        Auth::Bearer(token.into())
    }

    /// The `authorizationMode` Okta's SDKs name this kind by.
    pub(crate) fn mode(&self) -> &'static str {
        match self {
            Auth::Ssws(_) => "SSWS",
            Auth::Bearer(_) => "Bearer",
            Auth::PrivateKeyJwt { .. } => "PrivateKey",
            Auth::None => "none",
        }
    }

    /// The fixed `Authorization` header value, marked sensitive so HTTP tooling does not print
    /// it; `None` for no header (and for a service app, whose header changes with its token).
    pub(crate) fn header(&self) -> Result<Option<HeaderValue>, Error> {
        let (scheme, token) = match self {
            Auth::Ssws(t) => ("SSWS", t),
            Auth::Bearer(t) => ("Bearer", t),
            Auth::PrivateKeyJwt { .. } | Auth::None => return Ok(None),
        };
        if token.is_empty() {
            return Err(Error::Config(format!("the {scheme} token is empty")));
        }
        let mut value = HeaderValue::from_str(&format!("{scheme} {}", token.expose())).map_err(|_| {
            Error::Config(format!(
                "the {scheme} token contains characters not allowed in an HTTP header"
            ))
        })?;
        value.set_sensitive(true);
        Ok(Some(value))
    }
}

impl fmt::Debug for Auth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Auth::Ssws(_) => "Auth::Ssws(***)",
            Auth::Bearer(_) => "Auth::Bearer(***)",
            Auth::PrivateKeyJwt { .. } => "Auth::PrivateKeyJwt(***)",
            Auth::None => "Auth::None",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_and_errors_hide_the_token() {
        let h = Auth::ssws("tok3n").header().expect("valid").expect("some");
        assert!(h.is_sensitive());
        assert_eq!(h, "SSWS tok3n");
        let err = Auth::bearer("bad\ntok3n").header().expect_err("refused").to_string();
        assert!(!err.contains("tok3n"), "{err}");
        assert!(Auth::ssws("").header().is_err());
    }
}
