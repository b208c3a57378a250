//! The client: one connection pool, the org, the credentials and the retry policy, shared by clones.

use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;
use std::time::Duration;

use futures::future::BoxFuture;
use reqwest::header::HeaderValue;
use url::Url;

use crate::auth::Auth;
use crate::authenticate::{Credentials, ServiceApp};
use crate::call::Call;
use crate::config::{self, Config, Key, Source, Sourced};
use crate::endpoint::{Endpoint, Paginated};
use crate::error::Error;
use crate::method::Method;
use crate::pacer::{Pacer, RateLimitBucket};
use crate::pacing::Pacing;
use crate::pagination::{ItemStream, PageStream};
use crate::raw::RawRequest;
use crate::request::PreparedRequest;
use crate::response::{RawResponse, Response};
use crate::retry::RetryPolicy;
use crate::retry_budget::RetryBudget;
use crate::{config_file, org_url, user_agent};

/// A handle on one Okta org. Cheap to clone (clones share one connection pool), `Send + Sync`.
///
/// ```no_run
/// # async fn demo() -> Result<(), okta_core::Error> {
/// let client = okta_core::Client::builder()
///     .org_url("https://dev-123456.okta.com")
///     .api_token("00abc…")
///     .build()?;
/// let me: serde_json::Value = client.request(okta_core::Method::GET, "/api/v1/users/me").send_json().await?;
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    org: Url,
    credentials: Credentials,
    auth_kind: &'static str,
    config: Config,
    user_agent: HeaderValue,
    retry: RetryPolicy,
    request_timeout: Duration,
    pacer: Pacer,
    retry_budget: RetryBudget,
    max_response_bytes: usize,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("org", &self.inner.org.as_str())
            .field("auth", &self.inner.auth_kind)
            .field("retry", &self.inner.retry)
            .field("pacing", &self.inner.pacer.pacing())
            .finish_non_exhaustive()
    }
}

impl Client {
    /// Starts configuring a client.
    pub fn builder() -> ClientBuilder<Client> {
        ClientBuilder::new()
    }

    /// A client configured like Okta's other SDKs: `OKTA_CLIENT_*` variables, else `./okta.yaml`,
    /// else `~/.okta/okta.yaml`. See [`ClientBuilder::with_env`].
    pub fn from_env() -> Result<Client, Error> {
        Client::builder().with_env().build()
    }

    /// The settings this client was built from, and where each came from (secrets as `***`).
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// Replaces the DPoP key of a service app (and drops the token bound to the old one); the
    /// next request gets a new token bound to the new key. Nothing to do for other credentials.
    pub fn rotate_dpop_key(&self) -> Result<(), Error> {
        match &self.inner.credentials {
            Credentials::ServiceApp(app) => app.rotate_dpop_key(),
            Credentials::Fixed(_) => Ok(()),
        }
    }

    /// The org this client talks to.
    pub fn org_url(&self) -> &Url {
        &self.inner.org
    }

    /// The retry policy in force.
    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.inner.retry
    }

    /// The live rate-limit state of every bucket (endpoint family) this client and its clones
    /// have used, as the responses reported it and pacing counts it.
    ///
    /// ```no_run
    /// # async fn demo(client: okta_core::Client) {
    /// for bucket in client.rate_limits() {
    ///     if let (Some(remaining), Some(limit)) = (bucket.remaining, bucket.limit) {
    ///         println!("{} {}: {remaining} of {limit} left", bucket.method, bucket.path);
    ///     }
    /// }
    /// # }
    /// ```
    pub fn rate_limits(&self) -> Vec<RateLimitBucket> {
        self.inner.pacer.snapshot()
    }

    /// Sends an endpoint and decodes its response.
    pub async fn send<E: Endpoint>(&self, endpoint: E) -> Result<E::Output, Error> {
        let raw = self.run(&endpoint).await?;
        E::decode(&raw)
    }

    /// Sends an endpoint and returns the decoded value with status, headers, rate-limit info and
    /// request id.
    pub async fn send_full<E: Endpoint>(&self, endpoint: E) -> Result<Response<E::Output>, Error> {
        let raw = self.run(&endpoint).await?;
        let value = E::decode(&raw)?;
        Ok(Response::new(raw, value))
    }

    /// Sends an endpoint and returns the undecoded response.
    pub async fn send_raw<E: Endpoint>(&self, endpoint: E) -> Result<RawResponse, Error> {
        self.run(&endpoint).await
    }

    /// Every item of a list operation, page after page, lazily (one page in memory at a time),
    /// in pages as large as the endpoint allows unless it sets a `limit`.
    pub fn stream<E: Paginated>(&self, endpoint: E) -> ItemStream<E::Item> {
        self.pages(endpoint).items()
    }

    /// Every page of a list operation, lazily.
    pub fn pages<E: Paginated>(&self, endpoint: E) -> PageStream<E::Item> {
        self.page_stream(endpoint, None)
    }

    /// Every page of a list operation, and then, once it runs dry (an empty page that still
    /// links a next one, as the System Log does), that link again every `interval`, for as long
    /// as the stream is polled: a live tail. Dropping the stream stops it. A list whose last page
    /// has no next link ends as usual.
    pub fn follow<E: Paginated>(&self, endpoint: E, interval: Duration) -> PageStream<E::Item> {
        self.page_stream(endpoint, Some(interval))
    }

    fn page_stream<E: Paginated>(&self, mut endpoint: E, follow: Option<Duration>) -> PageStream<E::Item> {
        endpoint.set_default_page_size();
        let first = PreparedRequest::from_endpoint(&self.inner.org, &endpoint);
        PageStream::new(self.clone(), first, E::decode, follow)
    }

    /// Binds an endpoint to this client, to send it later, await it or stream it.
    pub fn call<E: Endpoint>(&self, endpoint: E) -> Call<E> {
        Call::new(self.clone(), endpoint)
    }

    /// A request to any path of the org, with the client's auth, retries and error handling: the
    /// escape hatch for what the SDK does not declare. `path` starts with `/`, or is an absolute
    /// URL on the org (a `_links` href).
    pub fn request(&self, method: Method, path: impl Into<String>) -> RawRequest {
        RawRequest::new(self.clone(), method, path.into())
    }

    /// Prepares the request now (so nothing of the endpoint is held across an await) and sends it.
    pub(crate) fn run<E: Endpoint>(&self, endpoint: &E) -> BoxFuture<'static, Result<RawResponse, Error>> {
        self.run_prepared(PreparedRequest::from_endpoint(&self.inner.org, endpoint))
    }

    fn run_prepared(&self, prepared: Result<PreparedRequest, Error>) -> BoxFuture<'static, Result<RawResponse, Error>> {
        match prepared {
            Ok(prepared) => self.execute(prepared),
            Err(e) => Box::pin(futures::future::ready(Err(e))),
        }
    }
}

/// What the send path (`send.rs`) reads of the client.
impl Client {
    pub(crate) fn credentials(&self) -> &Credentials {
        &self.inner.credentials
    }

    pub(crate) fn http(&self) -> &reqwest::Client {
        &self.inner.http
    }

    pub(crate) fn user_agent(&self) -> &HeaderValue {
        &self.inner.user_agent
    }

    /// How long one attempt may take.
    pub(crate) fn request_timeout(&self) -> Duration {
        self.inner.request_timeout
    }

    pub(crate) fn pacer(&self) -> &Pacer {
        &self.inner.pacer
    }

    pub(crate) fn retry_budget(&self) -> &RetryBudget {
        &self.inner.retry_budget
    }

    pub(crate) fn max_response_bytes(&self) -> usize {
        self.inner.max_response_bytes
    }
}

/// What [`ClientBuilder::max_response_bytes`] is unless set.
const DEFAULT_MAX_RESPONSE_BYTES: usize = 64 * 1024 * 1024;

/// Configures a [`Client`].
///
/// The type parameter is the client type `build` returns: the `okta` facade builds its own
/// `okta::Client` with this same builder.
pub struct ClientBuilder<C = Client> {
    org_url: Option<String>,
    auth: Option<Auth>,
    key_id: Option<String>,
    scopes: Option<Vec<String>>,
    connect_timeout: Option<Duration>,
    request_timeout: Option<Duration>,
    retry: Option<RetryPolicy>,
    pacing: Pacing,
    user_agent_extra: Option<String>,
    proxy: Option<String>,
    http: Option<reqwest::Client>,
    /// What the environment and `okta.yaml` files said, the first source of each setting winning.
    read: Vec<(Key, Sourced)>,
    max_response_bytes: usize,
    /// A configuration file that could not be read, reported by `build`.
    error: Option<Error>,
    _client: PhantomData<fn() -> C>,
}

impl<C> fmt::Debug for ClientBuilder<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The settings as `config()` shows them: secrets masked, proxy credentials never shown.
        f.debug_struct("ClientBuilder")
            .field("config", &self.config().to_string())
            .field("pacing", &self.pacing)
            .finish_non_exhaustive()
    }
}

impl<C> Default for ClientBuilder<C> {
    fn default() -> Self {
        Self::new()
    }
}

/// 10 s to open a connection.
const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// 60 s for one attempt.
const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(60);

impl<C> ClientBuilder<C> {
    /// A builder with the defaults: 10 s to connect, 60 s per attempt, [`RetryPolicy::default`].
    pub fn new() -> Self {
        ClientBuilder {
            org_url: None,
            auth: None,
            key_id: None,
            scopes: None,
            connect_timeout: None,
            request_timeout: None,
            retry: None,
            pacing: Pacing::default(),
            user_agent_extra: None,
            proxy: None,
            http: None,
            read: Vec::new(),
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
            error: None,
            _client: PhantomData,
        }
    }

    /// The org, e.g. `https://dev-123456.okta.com`.
    pub fn org_url(mut self, url: impl Into<String>) -> Self {
        self.org_url = Some(url.into());
        self
    }

    /// Authenticate with an SSWS API token.
    pub fn api_token(self, token: impl Into<crate::SecretString>) -> Self {
        self.auth(Auth::ssws(token))
    }

    /// Authenticate with an OAuth 2.0 access token you obtained yourself.
    pub fn bearer_token(self, token: impl Into<crate::SecretString>) -> Self {
        self.auth(Auth::bearer(token))
    }

    /// Authenticate as an API service app: OAuth 2.0 client credentials with a `private_key_jwt`
    /// client assertion signed by `key`, as Okta recommends for automation. Tokens are fetched,
    /// cached, shared by clones and refreshed before they expire; DPoP is used when the app
    /// requires it (Okta's default for new service apps), with no switch to set. Set the
    /// [`scopes`](Self::scopes) granted to the app.
    ///
    /// ```no_run
    /// let client = okta_core::Client::builder()
    ///     .org_url("https://dev-123456.okta.com")
    ///     .private_key_jwt("0oa1clientid", okta_core::PrivateKey::from_pem_file("key.pem")?)
    ///     .key_id("kid-1")
    ///     .scopes(["okta.users.read", "okta.groups.manage"])
    ///     .build()?;
    /// # Ok::<(), okta_core::Error>(())
    /// ```
    pub fn private_key_jwt(self, client_id: impl Into<String>, key: crate::PrivateKey) -> Self {
        self.auth(Auth::PrivateKeyJwt {
            client_id: client_id.into(),
            key,
        })
    }

    /// The key id (`kid`) of the service app's key, as the Admin Console shows it. Optional: a
    /// JWK's own `kid` is used otherwise.
    pub fn key_id(mut self, kid: impl Into<String>) -> Self {
        self.key_id = Some(kid.into());
        self
    }

    /// The OAuth scopes a service app asks for (`okta.users.read`, …); they must be granted to the
    /// app in the Admin Console.
    pub fn scopes<I, S>(mut self, scopes: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.scopes = Some(scopes.into_iter().map(Into::into).collect());
        self
    }

    /// Authenticate as given.
    pub fn auth(mut self, auth: Auth) -> Self {
        self.auth = Some(auth);
        self
    }

    /// How long opening a connection may take.
    pub fn connect_timeout(mut self, d: Duration) -> Self {
        self.connect_timeout = Some(d);
        self
    }

    /// How long one attempt (request and response body) may take.
    pub fn request_timeout(mut self, d: Duration) -> Self {
        self.request_timeout = Some(d);
        self
    }

    /// How failed attempts are retried.
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// How requests are paced against Okta's rate limits (on by default; see [`Pacing`]).
    ///
    /// ```
    /// let builder = okta_core::Client::builder().pacing(okta_core::Pacing::default().share(0.8));
    /// # drop(builder);
    /// ```
    pub fn pacing(mut self, pacing: Pacing) -> Self {
        self.pacing = pacing;
        self
    }

    /// Appended to the `User-Agent`, to name your application (`my-sync/2.1`).
    pub fn user_agent_extra(mut self, extra: impl Into<String>) -> Self {
        self.user_agent_extra = Some(extra.into());
        self
    }

    /// Sends every request through this proxy (`http://user:pass@proxy:3128`). Without it,
    /// `HTTPS_PROXY`/`NO_PROXY` from the environment apply.
    pub fn proxy(mut self, url: impl Into<String>) -> Self {
        self.proxy = Some(url.into());
        self
    }

    /// The largest response body accepted, in bytes (default 64 MiB). A larger one fails with
    /// [`Error::ResponseTooLarge`] as soon as that is known, and is not buffered. The default is
    /// more than ten times the largest page Okta sends (1,000 System Log events are a few MB),
    /// so it only ever stops a misbehaving server or proxy.
    pub fn max_response_bytes(mut self, limit: usize) -> Self {
        self.max_response_bytes = limit;
        self
    }

    /// Uses this `reqwest::Client` for transport (its timeouts, TLS and proxy settings win).
    pub fn http_client(mut self, http: reqwest::Client) -> Self {
        self.http = Some(http);
        self
    }

    /// Fills what is not set yet from the environment, then `./okta.yaml`, then
    /// `~/.okta/okta.yaml` (the first that sets a value wins, and anything set on the builder
    /// wins over all of them). The variables are Okta's: `OKTA_CLIENT_ORGURL`;
    /// `OKTA_CLIENT_AUTHORIZATIONMODE` (`SSWS`, the default, `Bearer` or `PrivateKey`);
    /// `OKTA_CLIENT_TOKEN`; for a service app `OKTA_CLIENT_CLIENTID`, `OKTA_CLIENT_SCOPES`
    /// (space- or comma-separated), `OKTA_CLIENT_PRIVATEKEY` (PEM or JWK text, or a file path)
    /// and `OKTA_CLIENT_PRIVATEKEYID`; `OKTA_CLIENT_CONNECTIONTIMEOUT` and
    /// `OKTA_CLIENT_REQUESTTIMEOUT` (seconds), `OKTA_CLIENT_RATELIMIT_MAXRETRIES`,
    /// `OKTA_CLIENT_PROXY_HOST`/`_PORT`/`_USERNAME`/`_PASSWORD` and `OKTA_CLIENT_USERAGENT`.
    pub fn with_env(self) -> Self {
        let mut builder = self.with_vars(|name| std::env::var(name).ok());
        for path in config_file::default_paths() {
            builder = builder.config_file(path);
        }
        builder
    }

    /// The `OKTA_CLIENT_*` variables as `var` tells them.
    fn with_vars(mut self, var: impl Fn(&str) -> Option<String>) -> Self {
        for key in config::ALL {
            if let Some(value) = var(key.env()) {
                self.remember(*key, value, Source::Environment(key.env()));
            }
        }
        self
    }

    /// Fills what is not set yet from an `okta.yaml` file (the `okta.client` keys of
    /// [`with_env`](Self::with_env), camelCase: `orgUrl`, `token`, `privateKey`,
    /// `rateLimit.maxRetries`, …). A missing file is skipped; an unreadable or malformed one makes
    /// `build` fail, naming the file.
    ///
    /// ```no_run
    /// let client = okta_core::Client::builder().config_file("/etc/okta/okta.yaml").build()?;
    /// # Ok::<(), okta_core::Error>(())
    /// ```
    pub fn config_file(mut self, path: impl AsRef<std::path::Path>) -> Self {
        let path = path.as_ref();
        match config_file::read(path) {
            Ok(Some(values)) => {
                for (key, value) in values {
                    self.remember(key, value, Source::File(path.to_owned()));
                }
            }
            Ok(None) => {}
            Err(e) => {
                self.error.get_or_insert(e);
            }
        }
        self
    }

    fn remember(&mut self, key: Key, value: String, source: Source) {
        let value = value.trim().to_owned();
        if !value.is_empty() && !self.read.iter().any(|(k, _)| *k == key) {
            self.read.push((key, Sourced::new(value, source)));
        }
    }

    fn read(&self, key: Key) -> Option<&Sourced> {
        self.read.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    /// A number of seconds read from the environment or a file.
    fn seconds(&self, key: Key) -> Result<Option<Duration>, Error> {
        self.read(key)
            .map(|s| {
                s.value().parse::<u64>().map(Duration::from_secs).map_err(|_| {
                    Error::Config(format!(
                        "{} (from {}) is not a whole number of seconds",
                        key.yaml(),
                        s.source()
                    ))
                })
            })
            .transpose()
    }

    /// The settings as they stand, with where each came from; secrets show as `***`.
    pub fn config(&self) -> Config {
        let mut config = Config::default();
        let explicit: [(Key, Option<String>); 9] = [
            (config::ORG_URL, self.org_url.clone()),
            (
                config::AUTHORIZATION_MODE,
                self.auth.as_ref().map(|a| a.mode().to_owned()),
            ),
            (
                config::TOKEN,
                matches!(self.auth, Some(Auth::Ssws(_) | Auth::Bearer(_))).then(|| "***".to_owned()),
            ),
            (
                config::CLIENT_ID,
                match &self.auth {
                    Some(Auth::PrivateKeyJwt { client_id, .. }) => Some(client_id.clone()),
                    _ => None,
                },
            ),
            (config::SCOPES, self.scopes.as_ref().map(|s| s.join(" "))),
            (
                config::PRIVATE_KEY,
                matches!(self.auth, Some(Auth::PrivateKeyJwt { .. })).then(|| "***".to_owned()),
            ),
            (config::PRIVATE_KEY_ID, self.key_id.clone()),
            (
                config::CONNECTION_TIMEOUT,
                self.connect_timeout.map(|d| d.as_secs().to_string()),
            ),
            (
                config::REQUEST_TIMEOUT,
                self.request_timeout.map(|d| d.as_secs().to_string()),
            ),
        ];
        for key in config::ALL {
            let set = explicit.iter().find(|(k, _)| k == key).and_then(|(_, v)| v.clone());
            let set = set.or_else(|| match *key {
                config::MAX_RETRIES => self.retry.as_ref().map(|r| r.allowed_retries().to_string()),
                config::PROXY_HOST => self.proxy.as_ref().map(|_| "(proxy URL)".to_owned()),
                config::USER_AGENT => self.user_agent_extra.clone(),
                _ => None,
            });
            if let Some(value) = set {
                config.push(*key, &value, Source::Builder);
            } else if let Some(read) = self.read(*key) {
                config.push(*key, read.value(), read.source().clone());
            }
        }
        config
    }

    /// The credentials: the builder's, else what the environment or a file says.
    fn resolve_auth(&mut self) -> Result<Option<Auth>, Error> {
        if let Some(auth) = self.auth.take() {
            return Ok(Some(auth));
        }
        let mode = self.read(config::AUTHORIZATION_MODE).cloned();
        match mode.as_ref().map(|m| m.value().to_ascii_lowercase()).as_deref() {
            None | Some("ssws") => Ok(self.read(config::TOKEN).map(|t| Auth::ssws(t.value().to_owned()))),
            Some("bearer") => Ok(self.read(config::TOKEN).map(|t| Auth::bearer(t.value().to_owned()))),
            Some("privatekey") => {
                let client_id = self
                    .read(config::CLIENT_ID)
                    .map(|s| s.value().to_owned())
                    .ok_or_else(|| {
                        Error::Config(
                            "authorizationMode is PrivateKey but no client id is set: OKTA_CLIENT_CLIENTID or \
                            okta.client.clientId (the service app's Client ID, 0oa…)"
                                .into(),
                        )
                    })?;
                let key = self.read(config::PRIVATE_KEY).ok_or_else(|| {
                    Error::Config(
                        "authorizationMode is PrivateKey but no private key is set: OKTA_CLIENT_PRIVATEKEY or \
                        okta.client.privateKey (PEM or JWK text, or a file path)"
                            .into(),
                    )
                })?;
                let key = crate::PrivateKey::from_text_or_file(key.value()).map_err(|e| {
                    let detail = match e {
                        Error::Config(message) => message,
                        other => other.to_string(),
                    };
                    Error::Config(format!(
                        "{} (from {}): {detail}",
                        config::PRIVATE_KEY.yaml(),
                        key.source()
                    ))
                })?;
                Ok(Some(Auth::PrivateKeyJwt { client_id, key }))
            }
            Some(_) => {
                let mode = mode.unwrap_or_else(|| Sourced::new(String::new(), Source::Default));
                Err(Error::Config(format!(
                    "authorizationMode `{}` (from {}) is not one of SSWS, Bearer or PrivateKey",
                    mode.value(),
                    mode.source()
                )))
            }
        }
    }

    /// Checks the configuration and builds the client.
    pub fn build(mut self) -> Result<C, Error>
    where
        C: From<Client>,
    {
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        let config = self.config();
        let org_url = self
            .org_url
            .clone()
            .or_else(|| self.read(config::ORG_URL).map(|s| s.value().to_owned()));
        let org = org_url::parse(org_url.as_deref().unwrap_or(""))?;
        let auth = self.resolve_auth()?.ok_or_else(|| {
            Error::Config(
                "no credentials: set OKTA_CLIENT_TOKEN (or okta.client.token in okta.yaml), or a service app with \
                OKTA_CLIENT_AUTHORIZATIONMODE=PrivateKey; or call .api_token(..), .private_key_jwt(..), \
                .bearer_token(..) or .auth(Auth::None) for the anonymous Authentication API"
                    .into(),
            )
        })?;
        let connect_timeout = match self.connect_timeout {
            Some(d) => d,
            None => self
                .seconds(config::CONNECTION_TIMEOUT)?
                .unwrap_or(DEFAULT_CONNECT_TIMEOUT),
        };
        let request_timeout = match self.request_timeout {
            Some(d) => d,
            None => self
                .seconds(config::REQUEST_TIMEOUT)?
                .unwrap_or(DEFAULT_REQUEST_TIMEOUT),
        };
        let retry = match self.retry.take() {
            Some(policy) => policy,
            None => match self.read(config::MAX_RETRIES) {
                Some(s) => RetryPolicy::default().max_retries(s.value().parse().map_err(|_| {
                    Error::Config(format!(
                        "{} (from {}) is not a whole number",
                        config::MAX_RETRIES.yaml(),
                        s.source()
                    ))
                })?),
                None => RetryPolicy::default(),
            },
        };
        let user_agent_extra = self
            .user_agent_extra
            .clone()
            .or_else(|| self.read(config::USER_AGENT).map(|s| s.value().to_owned()));
        let proxy = match self.proxy.take() {
            Some(proxy) => Some(proxy),
            None => self.proxy_from_settings()?,
        };
        let auth_kind = auth.mode();
        let credentials = match auth {
            Auth::PrivateKeyJwt { client_id, mut key } => {
                let key_id = self
                    .key_id
                    .clone()
                    .or_else(|| self.read(config::PRIVATE_KEY_ID).map(|s| s.value().to_owned()));
                if let Some(kid) = key_id {
                    key = key.with_key_id(kid);
                }
                let scopes = match self.scopes.take() {
                    Some(scopes) => scopes,
                    None => self
                        .read(config::SCOPES)
                        .map(|s| {
                            s.value()
                                .split([' ', ','])
                                .filter(|s| !s.is_empty())
                                .map(str::to_owned)
                                .collect()
                        })
                        .unwrap_or_default(),
                };
                Credentials::ServiceApp(Box::new(ServiceApp::new(&org, client_id, key, scopes)?))
            }
            other => Credentials::Fixed(other.header()?),
        };
        let user_agent = HeaderValue::from_str(&user_agent::user_agent(user_agent_extra.as_deref()))
            .map_err(|_| Error::Config("the user agent suffix is not a valid HTTP header value".into()))?;
        let http = match self.http.take() {
            Some(http) => http,
            None => {
                let mut builder = reqwest::Client::builder()
                    .connect_timeout(connect_timeout)
                    // Okta never redirects API calls; following one could carry the token elsewhere.
                    .redirect(reqwest::redirect::Policy::none())
                    // Below Okta's keep-alive, so a pooled connection is not reused as the server drops it.
                    .pool_idle_timeout(Duration::from_secs(30));
                if let Some(proxy) = &proxy {
                    let proxy = reqwest::Proxy::all(proxy.as_str())
                        .map_err(|_| Error::Config("the proxy URL is not valid".into()))?;
                    builder = builder.proxy(proxy);
                }
                builder
                    .build()
                    .map_err(|e| Error::Config(format!("the HTTP client could not be built: {e}")))?
            }
        };
        Ok(C::from(Client {
            inner: Arc::new(Inner {
                http,
                org,
                credentials,
                auth_kind,
                config,
                user_agent,
                retry,
                request_timeout,
                max_response_bytes: self.max_response_bytes,
                pacer: Pacer::new(self.pacing),
                retry_budget: RetryBudget::default(),
            }),
        }))
    }

    /// `http://[user:password@]host:port` from the `proxy.*` settings, if a host is set.
    fn proxy_from_settings(&self) -> Result<Option<String>, Error> {
        let Some(host) = self.read(config::PROXY_HOST) else {
            return Ok(None);
        };
        let mut url = Url::parse(&format!("http://{}", host.value()))
            .map_err(|_| Error::Config(format!("proxy.host (from {}) is not a host name", host.source())))?;
        if let Some(port) = self.read(config::PROXY_PORT) {
            let port = port.value().parse::<u16>().ok();
            url.set_port(port)
                .map_err(|_| Error::Config("proxy.port is not a port number".into()))?;
            if port.is_none() {
                return Err(Error::Config("proxy.port is not a port number".into()));
            }
        }
        if let Some(user) = self.read(config::PROXY_USERNAME) {
            let _ = url.set_username(user.value());
            if let Some(password) = self.read(config::PROXY_PASSWORD) {
                let _ = url.set_password(Some(password.value()));
            }
        }
        Ok(Some(url.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| (*v).to_owned())
    }

    #[test]
    fn okta_client_variables_configure_a_service_app() {
        let pem = crate::PrivateKey::generate_p256()
            .expect("key")
            .to_pkcs8_pem()
            .expect("pem");
        let vars = [
            ("OKTA_CLIENT_ORGURL", "https://dev-1.okta.com"),
            ("OKTA_CLIENT_AUTHORIZATIONMODE", "PrivateKey"),
            ("OKTA_CLIENT_CLIENTID", "0oa1env"),
            ("OKTA_CLIENT_SCOPES", "okta.users.read,okta.groups.read okta.apps.read"),
            ("OKTA_CLIENT_PRIVATEKEY", pem.expose()),
            ("OKTA_CLIENT_PRIVATEKEYID", "kid-env"),
            ("OKTA_CLIENT_REQUESTTIMEOUT", "7"),
            ("OKTA_CLIENT_RATELIMIT_MAXRETRIES", "1"),
            ("OKTA_CLIENT_PROXY_HOST", "proxy.internal"),
            ("OKTA_CLIENT_PROXY_PORT", "3128"),
            ("OKTA_CLIENT_PROXY_PASSWORD", "hunter2"),
        ];
        let builder = ClientBuilder::<Client>::new().with_vars(env(&vars));
        let config = builder.config();
        assert_eq!(
            config.get("clientId"),
            Some(("0oa1env", &Source::Environment("OKTA_CLIENT_CLIENTID")))
        );
        assert_eq!(config.get("proxy.password").map(|(v, _)| v), Some("***"));
        let shown = format!("{config}\n{builder:?}");
        assert!(!shown.contains("hunter2") && !shown.contains("BEGIN"), "{shown}");
        let client = builder.build().expect("client");
        assert_eq!(client.inner.request_timeout, Duration::from_secs(7));
        assert_eq!(client.retry_policy(), &RetryPolicy::default().max_retries(1));
        let Credentials::ServiceApp(app) = &client.inner.credentials else {
            panic!("a service app");
        };
        let app = format!("{app:?}");
        assert!(app.contains("okta.users.read okta.groups.read okta.apps.read"), "{app}");
        assert!(app.contains("kid-env"), "{app}");
    }

    #[test]
    fn bad_settings_fail_build_naming_the_setting_and_its_source() {
        for (vars, says) in [
            (&[("OKTA_CLIENT_AUTHORIZATIONMODE", "Kerberos")][..], "Kerberos"),
            (
                &[("OKTA_CLIENT_AUTHORIZATIONMODE", "PrivateKey")][..],
                "OKTA_CLIENT_CLIENTID",
            ),
            (
                &[
                    ("OKTA_CLIENT_AUTHORIZATIONMODE", "PrivateKey"),
                    ("OKTA_CLIENT_CLIENTID", "0oa1"),
                ][..],
                "OKTA_CLIENT_PRIVATEKEY",
            ),
            (
                &[("OKTA_CLIENT_TOKEN", "00t"), ("OKTA_CLIENT_CONNECTIONTIMEOUT", "soon")][..],
                "$OKTA_CLIENT_CONNECTIONTIMEOUT",
            ),
        ] {
            let mut all = vec![("OKTA_CLIENT_ORGURL", "https://dev-1.okta.com")];
            all.extend_from_slice(vars);
            let err = ClientBuilder::<Client>::new()
                .with_vars(env(&all))
                .build()
                .expect_err("refused")
                .to_string();
            assert!(err.contains(says), "{says}: {err}");
        }
    }
}
