//! The client: one connection pool, the org, the credentials and the retry policy, shared by clones.

use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;
use std::time::Duration;

use futures::future::BoxFuture;
use reqwest::Method;
use reqwest::header::HeaderValue;
use url::Url;

use crate::auth::Auth;
use crate::call::Call;
use crate::endpoint::{Endpoint, Paginated};
use crate::error::Error;
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
    pub(crate) inner: Arc<Inner>,
}

pub(crate) struct Inner {
    pub(crate) http: reqwest::Client,
    pub(crate) org: Url,
    pub(crate) auth: Option<HeaderValue>,
    pub(crate) auth_kind: &'static str,
    pub(crate) user_agent: HeaderValue,
    pub(crate) retry: RetryPolicy,
    pub(crate) request_timeout: Duration,
    pub(crate) pacer: Pacer,
    pub(crate) retry_budget: RetryBudget,
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

    /// A client configured like Okta's other SDKs: `OKTA_CLIENT_ORGURL` and `OKTA_CLIENT_TOKEN`
    /// (an SSWS token; `OKTA_CLIENT_AUTHORIZATIONMODE=Bearer` for an access token), else
    /// `./okta.yaml`, else `~/.okta/okta.yaml`. See [`ClientBuilder::from_env`].
    pub fn from_env() -> Result<Client, Error> {
        Client::builder().from_env().build()
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
    ///     println!("{} {}: {:?} of {:?} left", bucket.method, bucket.path, bucket.remaining, bucket.limit);
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
    pub fn pages<E: Paginated>(&self, mut endpoint: E) -> PageStream<E::Item> {
        endpoint.set_default_page_size();
        PageStream::new(self.clone(), PreparedRequest::from_endpoint(&self.inner.org, &endpoint))
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
        match PreparedRequest::from_endpoint(&self.inner.org, endpoint) {
            Ok(prepared) => self.execute(prepared),
            Err(e) => Box::pin(futures::future::ready(Err(e))),
        }
    }
}

/// Configures a [`Client`].
///
/// The type parameter is the client type `build` returns: the `okta` facade builds its own
/// `okta::Client` with this same builder.
pub struct ClientBuilder<C = Client> {
    org_url: Option<String>,
    auth: Option<Auth>,
    connect_timeout: Duration,
    request_timeout: Duration,
    retry: RetryPolicy,
    pacing: Pacing,
    user_agent_extra: Option<String>,
    proxy: Option<String>,
    http: Option<reqwest::Client>,
    /// A configuration file that could not be read, reported by `build`.
    error: Option<Error>,
    _client: PhantomData<fn() -> C>,
}

impl<C> fmt::Debug for ClientBuilder<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("org_url", &self.org_url)
            .field("auth", &self.auth)
            .field("connect_timeout", &self.connect_timeout)
            .field("request_timeout", &self.request_timeout)
            .field("retry", &self.retry)
            .field("pacing", &self.pacing)
            .finish_non_exhaustive()
    }
}

impl<C> Default for ClientBuilder<C> {
    fn default() -> Self {
        Self::new()
    }
}

impl<C> ClientBuilder<C> {
    /// A builder with the defaults: 10 s to connect, 60 s per attempt, [`RetryPolicy::default`].
    pub fn new() -> Self {
        ClientBuilder {
            org_url: None,
            auth: None,
            connect_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(60),
            retry: RetryPolicy::default(),
            pacing: Pacing::default(),
            user_agent_extra: None,
            proxy: None,
            http: None,
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

    /// Authenticate with an OAuth 2.0 access token.
    pub fn bearer_token(self, token: impl Into<crate::SecretString>) -> Self {
        self.auth(Auth::bearer(token))
    }

    /// Authenticate as given.
    pub fn auth(mut self, auth: Auth) -> Self {
        self.auth = Some(auth);
        self
    }

    /// How long opening a connection may take.
    pub fn connect_timeout(mut self, d: Duration) -> Self {
        self.connect_timeout = d;
        self
    }

    /// How long one attempt (request and response body) may take.
    pub fn request_timeout(mut self, d: Duration) -> Self {
        self.request_timeout = d;
        self
    }

    /// How failed attempts are retried.
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
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

    /// Uses this `reqwest::Client` for transport (its timeouts, TLS and proxy settings win).
    pub fn http_client(mut self, http: reqwest::Client) -> Self {
        self.http = Some(http);
        self
    }

    /// Fills what is not set yet, in this order (the first that sets a value wins, and anything
    /// set on the builder wins over all of them): `OKTA_CLIENT_ORGURL`, `OKTA_CLIENT_TOKEN` and
    /// `OKTA_CLIENT_AUTHORIZATIONMODE` (`SSWS`, the default, or `Bearer`); then `./okta.yaml`;
    /// then `~/.okta/okta.yaml`.
    pub fn from_env(mut self) -> Self {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let org_url = var("OKTA_CLIENT_ORGURL");
        let token = var("OKTA_CLIENT_TOKEN").map(crate::SecretString::new);
        self.fill(org_url, token, var("OKTA_CLIENT_AUTHORIZATIONMODE"));
        for path in config_file::default_paths() {
            self = self.config_file(path);
        }
        self
    }

    /// Fills what is not set yet from an `okta.yaml` file (`okta.client.orgUrl`, `.token`,
    /// `.authorizationMode`). A missing file is skipped; an unreadable or malformed one makes
    /// `build` fail, naming the file.
    ///
    /// ```no_run
    /// let client = okta_core::Client::builder().config_file("/etc/okta/okta.yaml").build()?;
    /// # Ok::<(), okta_core::Error>(())
    /// ```
    pub fn config_file(mut self, path: impl AsRef<std::path::Path>) -> Self {
        match config_file::read(path.as_ref()) {
            Ok(Some(file)) => self.fill(file.org_url, file.token, file.authorization_mode),
            Ok(None) => {}
            Err(e) => {
                self.error.get_or_insert(e);
            }
        }
        self
    }

    fn fill(&mut self, org_url: Option<String>, token: Option<crate::SecretString>, mode: Option<String>) {
        if self.org_url.is_none() {
            self.org_url = org_url;
        }
        if self.auth.is_none() {
            let bearer = mode.is_some_and(|m| m.eq_ignore_ascii_case("bearer"));
            self.auth = token.map(|t| if bearer { Auth::Bearer(t) } else { Auth::Ssws(t) });
        }
    }

    /// Checks the configuration and builds the client.
    pub fn build(self) -> Result<C, Error>
    where
        C: From<Client>,
    {
        if let Some(e) = self.error {
            return Err(e);
        }
        let org = org_url::parse(self.org_url.as_deref().unwrap_or(""))?;
        let auth = self.auth.ok_or_else(|| {
            Error::Config(
                "no credentials: set OKTA_CLIENT_TOKEN or okta.client.token in okta.yaml, or call .api_token(..), .bearer_token(..) \
                 or .auth(Auth::None) for the anonymous Authentication API"
                    .into(),
            )
        })?;
        let auth_kind = match auth {
            Auth::Ssws(_) => "SSWS",
            Auth::Bearer(_) => "Bearer",
            Auth::None => "none",
        };
        let user_agent = HeaderValue::from_str(&user_agent::user_agent(self.user_agent_extra.as_deref()))
            .map_err(|_| Error::Config("the user agent suffix is not a valid HTTP header value".into()))?;
        let http = match self.http {
            Some(http) => http,
            None => {
                let mut builder = reqwest::Client::builder()
                    .connect_timeout(self.connect_timeout)
                    // Okta never redirects API calls; following one could carry the token elsewhere.
                    .redirect(reqwest::redirect::Policy::none())
                    // Below Okta's keep-alive, so a pooled connection is not reused as the server drops it.
                    .pool_idle_timeout(Duration::from_secs(30));
                if let Some(proxy) = &self.proxy {
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
                auth: auth.header()?,
                auth_kind,
                user_agent,
                retry: self.retry,
                request_timeout: self.request_timeout,
                pacer: Pacer::new(self.pacing),
                retry_budget: RetryBudget::default(),
            }),
        }))
    }
}
