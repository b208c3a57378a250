//! An Okta API service app: OAuth 2.0 client credentials with a `private_key_jwt` assertion, and
//! the access token's whole life (cached per client, refreshed before it expires, one refresh at
//! a time, dropped when Okta says it is no longer valid).

use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, PoisonError, RwLock};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use bytes::Bytes;
use reqwest::header::{HeaderMap, HeaderValue};
use serde::Deserialize;
use serde_json::json;
use tokio::time::Instant;
use url::Url;

use crate::client::Client;
use crate::dpop::{Dpop, Server};
use crate::error::{Error, OAuthError};
use crate::jws;
use crate::private_key::PrivateKey;
use crate::request::PreparedRequest;
use crate::response::RawResponse;
use crate::secret::SecretString;
use crate::status_code::StatusCode;

/// The org authorization server's token endpoint, the one that issues Okta-scoped tokens.
pub(crate) const TOKEN_PATH: &str = "/oauth2/v1/token";

/// How long a client assertion is valid: Okta accepts at most an hour; five minutes is plenty
/// for one request.
const ASSERTION_LIFETIME: u64 = 300;

/// How long before its expiry a token is replaced: five minutes, or half the lifetime of a
/// shorter-lived token.
fn refresh_margin(lifetime: Duration) -> Duration {
    (lifetime / 2).min(Duration::from_secs(300))
}

/// A service app's credentials and its token cache, shared by every clone of the client.
pub(crate) struct ServiceApp {
    client_id: String,
    key: PrivateKey,
    scopes: String,
    token_url: Url,
    dpop: Dpop,
    /// Whether token requests carry a DPoP proof. On from the start, so a DPoP app's first token
    /// request already has one; off only if the token endpoint says this app does not use DPoP.
    dpop_at_token_endpoint: AtomicBool,
    token: RwLock<Option<Arc<AccessToken>>>,
    /// Held while a token is fetched, so concurrent calls wait for one request instead of each
    /// making their own.
    refresh: tokio::sync::Mutex<()>,
}

/// An access token and how to present it.
pub(crate) struct AccessToken {
    value: SecretString,
    /// `token_type: DPoP`: the token is bound to `dpop_key` and every request needs a proof.
    dpop_key: Option<Arc<PrivateKey>>,
    refresh_at: Instant,
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AccessToken")
            .field("dpop", &self.dpop_key.is_some())
            .finish_non_exhaustive()
    }
}

/// The headers (and, for a token request, the body) one attempt is sent with.
#[derive(Default)]
pub(crate) struct Authorized {
    pub(crate) authorization: Option<HeaderValue>,
    pub(crate) dpop: Option<HeaderValue>,
    pub(crate) body: Option<Bytes>,
    /// The token this attempt used, so a 401 drops that one and not a newer one.
    pub(crate) token: Option<Arc<AccessToken>>,
}

#[derive(Deserialize)]
struct TokenResponse {
    access_token: SecretString,
    #[serde(default)]
    token_type: String,
    #[serde(default)]
    expires_in: Option<u64>,
}

#[derive(Deserialize)]
struct TokenErrorBody {
    error: String,
    #[serde(default)]
    error_description: Option<String>,
}

impl ServiceApp {
    pub(crate) fn new(org: &Url, client_id: String, key: PrivateKey, scopes: Vec<String>) -> Result<Self, Error> {
        if client_id.trim().is_empty() {
            return Err(Error::Config(
                "the service app's client id is empty: it is the app's Client ID in the Admin Console (0oa…)".into(),
            ));
        }
        if scopes.is_empty() {
            return Err(Error::Config(
                "a service app needs scopes: .scopes([\"okta.users.read\"]) or OKTA_CLIENT_SCOPES, granted to \
                 the app on its Okta API Scopes tab"
                    .into(),
            ));
        }
        let mut token_url = org.clone();
        token_url.set_path(TOKEN_PATH);
        Ok(ServiceApp {
            client_id,
            key,
            scopes: scopes.join(" "),
            token_url,
            dpop: Dpop::new()?,
            dpop_at_token_endpoint: AtomicBool::new(true),
            token: RwLock::new(None),
            refresh: tokio::sync::Mutex::new(()),
        })
    }

    fn current(&self) -> Option<Arc<AccessToken>> {
        let token = self.token.read().unwrap_or_else(PoisonError::into_inner);
        token.as_ref().filter(|t| Instant::now() < t.refresh_at).cloned()
    }

    /// A token that is good for a while yet: the cached one, or a new one (one request however
    /// many calls ask at once).
    async fn token(&self, client: &Client) -> Result<Arc<AccessToken>, Error> {
        if let Some(token) = self.current() {
            return Ok(token);
        }
        let _one_at_a_time = self.refresh.lock().await;
        if let Some(token) = self.current() {
            return Ok(token);
        }
        let token = Arc::new(self.fetch(client).await?);
        *self.token.write().unwrap_or_else(PoisonError::into_inner) = Some(token.clone());
        Ok(token)
    }

    /// Forgets `used` if it is still the cached token.
    fn drop_token(&self, used: Option<&Arc<AccessToken>>) {
        let mut token = self.token.write().unwrap_or_else(PoisonError::into_inner);
        if used.is_none_or(|used| token.as_ref().is_some_and(|t| Arc::ptr_eq(t, used))) {
            *token = None;
        }
    }

    /// A new DPoP key; the token bound to the old one goes with it.
    pub(crate) fn rotate_dpop_key(&self) -> Result<(), Error> {
        self.dpop.rotate()?;
        self.drop_token(None);
        Ok(())
    }

    async fn fetch(&self, client: &Client) -> Result<AccessToken, Error> {
        let request = PreparedRequest::token_request(self.token_url.clone(), TOKEN_PATH.into());
        let started = Instant::now();
        let response = client.execute(request).await?;
        let token: TokenResponse = serde_json::from_slice(response.body()).map_err(|_| {
            // The body holds a token: say what is wrong without quoting it.
            Error::OAuth(Box::new(OAuthError::new(
                response.status(),
                "invalid_response".into(),
                Some("the token endpoint's answer has no access_token".into()),
                response.request_id().map(str::to_owned),
            )))
        })?;
        let lifetime = Duration::from_secs(token.expires_in.unwrap_or(3600));
        let dpop_key = token.token_type.eq_ignore_ascii_case("DPoP").then(|| self.dpop.key());
        Ok(AccessToken {
            value: token.access_token,
            dpop_key,
            refresh_at: started + lifetime.saturating_sub(refresh_margin(lifetime)),
        })
    }

    /// The headers of one attempt: a fresh assertion (and proof) for a token request; the token
    /// (and a fresh proof for the URL actually sent) for anything else.
    pub(crate) async fn authorize(&self, client: &Client, req: &PreparedRequest) -> Result<Authorized, Error> {
        if req.is_token_request() {
            let dpop = if self.dpop_at_token_endpoint.load(Ordering::Relaxed) {
                let key = self.dpop.key();
                Some(self.dpop.proof(&key, Server::Token, req.method(), req.url(), None)?)
            } else {
                None
            };
            return Ok(Authorized {
                body: Some(self.token_form()?),
                dpop,
                ..Authorized::default()
            });
        }
        let token = self.token(client).await?;
        let (scheme, dpop) = match &token.dpop_key {
            Some(key) => (
                "DPoP",
                Some(self.dpop.proof(
                    key,
                    Server::Resource,
                    req.method(),
                    req.url(),
                    Some(token.value.expose()),
                )?),
            ),
            None => ("Bearer", None),
        };
        let mut authorization = HeaderValue::from_str(&format!("{scheme} {}", token.value.expose()))
            .map_err(|_| Error::Config("the access token Okta issued is not a valid HTTP header value".into()))?;
        authorization.set_sensitive(true);
        Ok(Authorized {
            authorization: Some(authorization),
            dpop,
            token: Some(token),
            body: None,
        })
    }

    /// `grant_type=client_credentials` with a new assertion (a fresh `jti` every attempt: Okta
    /// refuses a replayed one).
    fn token_form(&self) -> Result<Bytes, Error> {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        let claims = json!({
            "aud": self.token_url.as_str(),
            "exp": now + ASSERTION_LIFETIME,
            "iat": now,
            "iss": self.client_id,
            "jti": jws::random_id()?,
            "sub": self.client_id,
        });
        let mut header = json!({ "typ": "JWT" });
        if let Some(kid) = self.key.key_id() {
            header["kid"] = kid.into();
        }
        let assertion = jws::sign(header, &claims, &self.key)?;
        let form = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("grant_type", "client_credentials")
            .append_pair("scope", &self.scopes)
            .append_pair(
                "client_assertion_type",
                "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            )
            .append_pair("client_assertion", &assertion)
            .finish();
        Ok(Bytes::from(form))
    }

    /// What a response means for the credentials: go on, send again at once (a nonce was handed
    /// out, the token went stale), or fail with the token endpoint's own error.
    pub(crate) fn react(
        &self,
        req: &PreparedRequest,
        used: Option<&Arc<AccessToken>>,
        response: &RawResponse,
        auth_retries: u32,
    ) -> Reaction {
        let (status, headers, body) = (response.status(), response.headers().as_http(), response.body());
        // One nonce, one new token and one DPoP fallback at most: never a loop.
        let may_retry = auth_retries < 2;
        if req.is_token_request() {
            let new_nonce = self.dpop.remember_nonce(Server::Token, headers);
            if status.is_success() {
                return Reaction::Proceed;
            }
            let Ok(error) = serde_json::from_slice::<TokenErrorBody>(body) else {
                return Reaction::Proceed;
            };
            if error.error == "use_dpop_nonce" && new_nonce && may_retry {
                return Reaction::RetryNow;
            }
            let mentions_dpop = error
                .error_description
                .as_deref()
                .is_some_and(|d| d.to_ascii_lowercase().contains("dpop"));
            if error.error == "invalid_request"
                && mentions_dpop
                && may_retry
                && self.dpop_at_token_endpoint.swap(false, Ordering::Relaxed)
            {
                // This app does not use DPoP and says so: ask again without a proof.
                return Reaction::RetryNow;
            }
            if status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error() {
                return Reaction::Proceed;
            }
            return Reaction::Fail(Error::OAuth(Box::new(OAuthError::new(
                status,
                error.error,
                error.error_description,
                crate::response::request_id(headers).map(str::to_owned),
            ))));
        }
        let dpop_in_use = used.is_some_and(|t| t.dpop_key.is_some());
        let new_nonce = dpop_in_use && self.dpop.remember_nonce(Server::Resource, headers);
        if status != StatusCode::UNAUTHORIZED || !may_retry {
            return Reaction::Proceed;
        }
        let challenge = challenge_error(headers);
        if challenge.as_deref() == Some("use_dpop_nonce") && new_nonce {
            return Reaction::RetryNow;
        }
        let invalid_token = challenge.as_deref() == Some("invalid_token")
            || serde_json::from_slice::<serde_json::Value>(body)
                .is_ok_and(|b| b.get("errorCode").and_then(|c| c.as_str()) == Some("E0000011"));
        if invalid_token && auth_retries == 0 {
            self.drop_token(used);
            return Reaction::RetryNow;
        }
        Reaction::Proceed
    }
}

/// The `error` of a `WWW-Authenticate: Bearer|DPoP …, error="…"` challenge.
fn challenge_error(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(reqwest::header::WWW_AUTHENTICATE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| {
            let start = v.find("error=\"")? + "error=\"".len();
            let rest = &v[start..];
            Some(rest[..rest.find('"')?].to_owned())
        })
}

/// What the credentials make of a response.
pub(crate) enum Reaction {
    /// Nothing to do: the retry policy decides.
    Proceed,
    /// Send again at once with the credentials renewed.
    RetryNow,
    /// Stop with this error.
    Fail(Error),
}

impl fmt::Debug for ServiceApp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ServiceApp")
            .field("client_id", &self.client_id)
            .field("key", &self.key)
            .field("scopes", &self.scopes)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_refresh_margin_is_five_minutes_or_half_a_short_lifetime() {
        assert_eq!(refresh_margin(Duration::from_secs(3600)), Duration::from_secs(300));
        assert_eq!(refresh_margin(Duration::from_secs(60)), Duration::from_secs(30));
    }

    #[test]
    fn the_challenge_error_is_read_from_either_scheme() {
        let mut h = HeaderMap::new();
        h.insert(
            reqwest::header::WWW_AUTHENTICATE,
            HeaderValue::from_static(r#"DPoP algs="ES256", error="use_dpop_nonce", error_description="x""#),
        );
        assert_eq!(challenge_error(&h).as_deref(), Some("use_dpop_nonce"));
        assert_eq!(challenge_error(&HeaderMap::new()), None);
    }

    #[test]
    fn an_assertion_names_the_app_and_the_token_url_and_is_fresh() {
        let org = Url::parse("https://dev-1.okta.com").expect("url");
        let key = PrivateKey::generate_p256().expect("key").with_key_id("k1");
        let app = ServiceApp::new(&org, "0oa1".into(), key, vec!["okta.users.read".into()]).expect("app");
        let claims_of = |form: &Bytes| {
            let assertion = url::form_urlencoded::parse(form)
                .find(|(k, _)| k == "client_assertion")
                .map(|(_, v)| v.into_owned())
                .expect("assertion");
            let mut parts = assertion.split('.');
            let decode = |s: &str| -> serde_json::Value {
                serde_json::from_slice(
                    &base64::Engine::decode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, s).expect("b64"),
                )
                .expect("json")
            };
            let header = decode(parts.next().expect("header"));
            (header, decode(parts.next().expect("claims")))
        };
        let first = app.token_form().expect("form");
        let (header, claims) = claims_of(&first);
        assert_eq!(header["kid"], "k1");
        assert_eq!(header["alg"], "ES256");
        assert_eq!(claims["iss"], "0oa1");
        assert_eq!(claims["sub"], "0oa1");
        assert_eq!(claims["aud"], "https://dev-1.okta.com/oauth2/v1/token");
        let (iat, exp) = (
            claims["iat"].as_u64().expect("iat"),
            claims["exp"].as_u64().expect("exp"),
        );
        assert!(exp > iat && exp - iat <= 3600);
        let form: Vec<(String, String)> = url::form_urlencoded::parse(&first).into_owned().collect();
        assert!(form.contains(&("grant_type".into(), "client_credentials".into())));
        assert!(form.contains(&("scope".into(), "okta.users.read".into())));
        let (_, again) = claims_of(&app.token_form().expect("form"));
        assert_ne!(claims["jti"], again["jti"], "every token request gets a new jti");
    }
}
