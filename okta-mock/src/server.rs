//! The HTTP side: the [`OktaMock`] handle, its builder, the accept loop and the request pipeline
//! (faults → rate limit → auth → route → Okta headers).

use std::io;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, SystemTime};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use serde_json::Value;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinSet;

use crate::error::ApiError;
use crate::faults::{FaultKind, Faults};
use crate::harness::Harness;
use crate::oauth::{InvalidServiceApp, ServiceApp, resource, token_endpoint};
use crate::rate_limit::RateInfo;
use crate::recorded::{RecordedRequest, recorded_body, recorded_header};
use crate::request::{Body, Reply, Req};
use crate::state::State;
use crate::{control, ids, media, routes, seed};

/// State shared by the handle and the server thread.
#[derive(Debug)]
pub(crate) struct Shared {
    state: Mutex<State>,
    harness: Mutex<Harness>,
    token: String,
    base_url: String,
}

impl Shared {
    /// Locks the org's data. A panic elsewhere must not wedge the mock, so poisoning is ignored.
    pub(crate) fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Locks the test machinery (faults, limiter, request log); never held with [`lock`](Self::lock).
    pub(crate) fn harness(&self) -> MutexGuard<'_, Harness> {
        self.harness.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// A running mock Okta org on `127.0.0.1`. Dropping it stops the server.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// let org = okta_mock::OktaMock::start().await;
/// assert!(org.url().starts_with("http://127.0.0.1:"));
/// let header = format!("SSWS {}", org.token()); // what the org accepts as Authorization
/// # drop(header);
/// # }
/// ```
#[derive(Debug)]
pub struct OktaMock {
    shared: Arc<Shared>,
    addr: SocketAddr,
    // Dropping the sender is the shutdown signal: the server task and every connection watch it.
    _shutdown: watch::Sender<()>,
}

/// Configures an [`OktaMock`] before it starts.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// use std::time::Duration;
/// let org = okta_mock::OktaMock::builder()
///     .seed_users(250)
///     .seed_groups(3)
///     .seed_apps(2)
///     .rate_limit(100, Duration::from_secs(60))
///     .try_start()
///     .await?;
/// assert_eq!(org.request_count(), 0);
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct OktaMockBuilder {
    users: usize,
    groups: usize,
    apps: usize,
    budget: u32,
    window: Duration,
    families: Vec<(String, u32, Duration)>,
    concurrent: Option<u32>,
    /// How far the org's clock runs ahead of the machine's, in milliseconds (negative: behind).
    clock_skew_ms: i64,
    token: Option<String>,
    port: u16,
}

impl Default for OktaMockBuilder {
    fn default() -> Self {
        Self {
            users: 0,
            groups: 0,
            apps: 0,
            budget: 600,
            window: Duration::from_secs(60),
            families: Vec::new(),
            concurrent: None,
            clock_skew_ms: 0,
            token: None,
            port: 0,
        }
    }
}

impl OktaMockBuilder {
    /// Starts with `n` generated ACTIVE users (password [`SEED_PASSWORD`](crate::SEED_PASSWORD)).
    pub fn seed_users(mut self, n: usize) -> Self {
        self.users = n;
        self
    }

    /// Starts with `n` generated OKTA_GROUP groups.
    pub fn seed_groups(mut self, n: usize) -> Self {
        self.groups = n;
        self
    }

    /// Starts with `n` generated ACTIVE bookmark apps.
    pub fn seed_apps(mut self, n: usize) -> Self {
        self.apps = n;
        self
    }

    /// Allows `budget` requests per `window` across all endpoints (default 600 per minute);
    /// beyond it the org answers 429 E0000047 until the window resets.
    pub fn rate_limit(mut self, budget: u32, window: Duration) -> Self {
        self.budget = budget;
        self.window = window;
        self
    }

    /// Gives an endpoint family its own limit, as Okta does: `limit` requests per `window`
    /// (aligned on the epoch: a minute window resets on the minute), reported in that family's
    /// `X-Rate-Limit-*` headers. `family` is an optional method and a path whose `{name}` or `*`
    /// segments match any one segment: `"GET /api/v1/users/{id}"`, `"/api/v1/groups"`. The first
    /// family that matches a request counts it; the rest count against [`rate_limit`](Self::rate_limit).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// use std::time::Duration;
    /// let org = okta_mock::OktaMock::builder()
    ///     .rate_limit_family("GET /api/v1/users/{id}", 200, Duration::from_secs(1))
    ///     .rate_limit_family("/api/v1/users", 600, Duration::from_secs(60))
    ///     .concurrent_limit(75)
    ///     .start()
    ///     .await;
    /// # drop(org);
    /// # }
    /// ```
    pub fn rate_limit_family(mut self, family: &str, limit: u32, window: Duration) -> Self {
        self.families.push((family.to_owned(), limit, window));
        self
    }

    /// Handles at most `n` requests at once, like Okta's concurrent-request limit: the request
    /// over it gets 429 E0000047 with `X-Rate-Limit-Limit: 0` and `X-Rate-Limit-Remaining: 0`.
    pub fn concurrent_limit(mut self, n: u32) -> Self {
        self.concurrent = Some(n);
        self
    }

    /// Runs the org's clock `by` ahead of this machine's, as a server's clock may be: its `Date`
    /// headers, its rate-limit windows and their `X-Rate-Limit-Reset` all follow it, so a client
    /// that paces by its own clock waits for a reset long past or far away.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// use std::time::Duration;
    /// let org = okta_mock::OktaMock::builder()
    ///     .clock_ahead(Duration::from_secs(30))
    ///     .rate_limit_family("GET /api/v1/users/{id}", 5, Duration::from_secs(1))
    ///     .start()
    ///     .await;
    /// # drop(org);
    /// # }
    /// ```
    pub fn clock_ahead(mut self, by: Duration) -> Self {
        self.clock_skew_ms = i64::try_from(by.as_millis()).unwrap_or(i64::MAX);
        self
    }

    /// Runs the org's clock `by` behind this machine's; see [`clock_ahead`](Self::clock_ahead).
    pub fn clock_behind(mut self, by: Duration) -> Self {
        self.clock_skew_ms = i64::try_from(by.as_millis()).map_or(i64::MIN, |ms| -ms);
        self
    }

    /// Uses this API token instead of a random one.
    pub fn token(mut self, token: impl Into<String>) -> Self {
        self.token = Some(token.into());
        self
    }

    /// Binds `127.0.0.1:port` instead of a free port the system picks.
    pub fn port(mut self, port: u16) -> Self {
        self.port = port;
        self
    }

    /// Binds `127.0.0.1` and serves on a thread and runtime of its own, so the org works from
    /// any runtime, across runtimes, and outlives none of them. Returns once it is bound.
    ///
    /// # Errors
    /// When the port cannot be bound or the server thread cannot start.
    pub async fn try_start(self) -> io::Result<OktaMock> {
        self.try_start_blocking()
    }

    /// Like [`try_start`](Self::try_start), for tests.
    ///
    /// # Panics
    /// When `127.0.0.1` cannot be bound.
    pub async fn start(self) -> OktaMock {
        self.start_blocking()
    }

    /// Like [`try_start`](Self::try_start), without `async`: for a plain `#[test]` or `main`.
    ///
    /// ```
    /// let org = okta_mock::OktaMock::builder().seed_users(3).try_start_blocking()?;
    /// assert!(org.url().starts_with("http://127.0.0.1:"));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    ///
    /// # Errors
    /// When the port cannot be bound or the server thread cannot start.
    pub fn try_start_blocking(self) -> io::Result<OktaMock> {
        let listener = std::net::TcpListener::bind(("127.0.0.1", self.port))?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let base_url = format!("http://{addr}");
        let mut state = State::new(base_url.clone());
        seed::users(&mut state, self.users);
        seed::groups(&mut state, self.groups);
        seed::apps(&mut state, self.apps);
        let token = self.token.unwrap_or_else(|| format!("00{}", ids::random_chars(40)));
        let mut harness = Harness::new(self.budget, self.window);
        for (family, limit, window) in &self.families {
            harness.limiter.add_family(family, *limit, *window);
        }
        if let Some(n) = self.concurrent {
            harness.limiter.set_concurrent(n);
        }
        harness.limiter.skew_clock(self.clock_skew_ms);
        let shared = Arc::new(Shared {
            state: Mutex::new(state),
            harness: Mutex::new(harness),
            token,
            base_url,
        });
        let (tx, rx) = watch::channel(());
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
        let serving = Arc::clone(&shared);
        std::thread::Builder::new()
            .name(format!("okta-mock {addr}"))
            .spawn(move || runtime.block_on(serve(listener, serving, rx)))?;
        Ok(OktaMock {
            shared,
            addr,
            _shutdown: tx,
        })
    }

    /// Like [`try_start_blocking`](Self::try_start_blocking), for tests.
    ///
    /// # Panics
    /// When `127.0.0.1` cannot be bound.
    pub fn start_blocking(self) -> OktaMock {
        match self.try_start_blocking() {
            Ok(org) => org,
            Err(e) => panic!("okta-mock: cannot start on 127.0.0.1: {e}"),
        }
    }
}

impl OktaMock {
    /// Starts an empty org with default settings. For tests.
    ///
    /// # Panics
    /// When `127.0.0.1:0` cannot be bound; use [`OktaMock::builder`] and
    /// [`try_start`](OktaMockBuilder::try_start) to get the error instead.
    pub async fn start() -> OktaMock {
        Self::builder().start().await
    }

    /// Starts an empty org with default settings.
    ///
    /// # Errors
    /// When `127.0.0.1:0` cannot be bound.
    pub async fn try_start() -> io::Result<OktaMock> {
        Self::builder().try_start().await
    }

    /// Starts an empty org with default settings, without `async` (from a plain `#[test]`).
    ///
    /// ```
    /// let org = okta_mock::OktaMock::start_blocking();
    /// assert_eq!(org.request_count(), 0);
    /// ```
    ///
    /// # Panics
    /// When `127.0.0.1:0` cannot be bound.
    pub fn start_blocking() -> OktaMock {
        Self::builder().start_blocking()
    }

    /// A builder for seed data, rate limits and the token.
    pub fn builder() -> OktaMockBuilder {
        OktaMockBuilder::default()
    }

    /// The org URL, `http://127.0.0.1:PORT` (no trailing slash).
    pub fn url(&self) -> String {
        self.shared.base_url.clone()
    }

    /// The bound socket address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The API token the org accepts, as `Authorization: SSWS <token>` or `Bearer <token>`.
    pub fn token(&self) -> &str {
        &self.shared.token
    }

    /// Faults for every path.
    pub fn faults(&self) -> Faults {
        Faults::new(Arc::clone(&self.shared), None)
    }

    /// Faults only for requests whose path starts with `path_prefix` (e.g. `/api/v1/users`).
    pub fn faults_on(&self, path_prefix: &str) -> Faults {
        Faults::new(Arc::clone(&self.shared), Some(path_prefix.to_owned()))
    }

    /// Shorthand for `faults().fail_next(n, status)`.
    pub fn fail_next(&self, n: usize, status: u16) {
        self.faults().fail_next(n, status);
    }

    /// Shorthand for `faults().delay_next(n, delay)`.
    pub fn delay_next(&self, n: usize, delay: Duration) {
        self.faults().delay_next(n, delay);
    }

    /// Shorthand for `faults().drop_next(n)`.
    pub fn drop_next(&self, n: usize) {
        self.faults().drop_next(n);
    }

    /// Shorthand for `faults().rate_limit_next(n)`.
    pub fn rate_limit_next(&self, n: usize) {
        self.faults().rate_limit_next(n);
    }

    /// Every request received so far, oldest first.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.harness().requests.clone()
    }

    /// How many requests were received so far.
    pub fn request_count(&self) -> usize {
        self.shared.harness().requests.len()
    }

    /// Forgets the recorded requests.
    pub fn clear_requests(&self) {
        self.shared.harness().requests.clear();
    }

    /// Adds `n` generated ACTIVE users; returns their ids.
    pub fn seed_users(&self, n: usize) -> Vec<String> {
        seed::users(&mut self.shared.lock(), n)
    }

    /// Adds `n` generated groups; returns their ids.
    pub fn seed_groups(&self, n: usize) -> Vec<String> {
        seed::groups(&mut self.shared.lock(), n)
    }

    /// Adds `n` generated ACTIVE bookmark apps; returns their ids.
    pub fn seed_apps(&self, n: usize) -> Vec<String> {
        seed::apps(&mut self.shared.lock(), n)
    }

    /// Registers an API service app, so it can get access tokens at `/oauth2/v1/token` with a
    /// `private_key_jwt` client assertion and call the APIs its scopes allow.
    ///
    /// # Panics
    /// When the app's key is not a usable public key; use
    /// [`try_register_service_app`](Self::try_register_service_app) to get the error instead.
    pub fn register_service_app(&self, app: ServiceApp) {
        if let Err(e) = self.try_register_service_app(app) {
            panic!("okta-mock: {e}");
        }
    }

    /// Registers an API service app (replacing one with the same client id).
    ///
    /// # Errors
    /// When the app's key is not an RSA, P-256 or P-384 public key (JWK, JWKS or PEM), or its
    /// client id is empty.
    pub fn try_register_service_app(&self, app: ServiceApp) -> Result<(), InvalidServiceApp> {
        self.shared.lock().oauth.register(&app)
    }

    /// How long the access tokens issued from now on live (default one hour).
    pub fn set_token_lifetime(&self, lifetime: Duration) {
        self.shared.lock().oauth.token_lifetime = lifetime;
    }

    /// Whether a DPoP app's token request must carry the org's current nonce (default `true`,
    /// as Okta does): the first request is answered `400 use_dpop_nonce` with a `DPoP-Nonce`.
    pub fn require_dpop_nonce_at_token_endpoint(&self, required: bool) {
        self.shared.lock().oauth.nonce_at_token_endpoint = required;
    }

    /// Whether DPoP proofs on resource requests must carry the current nonce (default
    /// `false`): without it the answer is `401` with `WWW-Authenticate: DPoP
    /// error="use_dpop_nonce"` and a `DPoP-Nonce`.
    pub fn require_dpop_nonce_on_resources(&self, required: bool) {
        self.shared.lock().oauth.nonce_on_resources = required;
    }

    /// Replaces the DPoP nonce: proofs carrying the old one get `use_dpop_nonce` again.
    pub fn rotate_dpop_nonce(&self) {
        self.shared.lock().oauth.rotate_nonce();
    }

    /// Moves the org's clock forward: issued access tokens expire on it, so a test can outlive
    /// a token without waiting. Timestamps the org writes keep the machine's time.
    pub fn advance_clock(&self, by: Duration) {
        self.shared.lock().clock.advance(by);
    }

    /// The latest recovery token Okta would have e-mailed to the user `login`
    /// (from `/authn/recovery/password` with `factorType: EMAIL`, or
    /// `reset_password` with `sendEmail=true`); usable with `/authn/recovery/token`.
    pub fn recovery_token(&self, login: &str) -> Option<String> {
        let st = self.shared.lock();
        let user = st.user(login).ok()?;
        st.recovery_tokens.children(&user.id).last().map(|d| d.id.clone())
    }
}

/// The accept loop; ends when the handle is dropped, then lets each open connection finish
/// the request in flight (briefly) and close.
async fn serve(listener: std::net::TcpListener, shared: Arc<Shared>, mut shutdown: watch::Receiver<()>) {
    let listener = match TcpListener::from_std(listener) {
        Ok(listener) => listener,
        Err(e) => {
            tracing::error!(error = %e, "okta-mock: cannot serve");
            return;
        }
    };
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            _ = shutdown.changed() => break,
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    // A reply leaves in one go, not held back by Nagle waiting on a delayed ACK.
                    if let Err(e) = stream.set_nodelay(true) {
                        tracing::debug!(error = %e, "okta-mock: cannot set TCP_NODELAY");
                    }
                    connections.spawn(connection(stream, Arc::clone(&shared), shutdown.clone()));
                }
                Err(e) => {
                    // Out of file descriptors and the like: wait instead of spinning on the error.
                    tracing::warn!(error = %e, "okta-mock: accept failed");
                    tokio::time::sleep(ACCEPT_BACKOFF).await;
                }
            },
        }
    }
    while connections.join_next().await.is_some() {}
}

/// How long the accept loop rests after a failed accept.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(50);

async fn connection(stream: tokio::net::TcpStream, shared: Arc<Shared>, mut shutdown: watch::Receiver<()>) {
    let service = service_fn(move |req| handle(Arc::clone(&shared), req));
    let conn = http1::Builder::new().serve_connection(TokioIo::new(stream), service);
    tokio::pin!(conn);
    tokio::select! {
        _ = conn.as_mut() => {}
        _ = shutdown.changed() => {
            // Finish the request in flight (briefly), then close: a dropped org leaves no
            // kept-alive connection behind.
            conn.as_mut().graceful_shutdown();
            let _ = tokio::time::timeout(Duration::from_secs(1), conn).await;
        }
    }
}

/// Returned by the service to make hyper close the connection without a response.
#[derive(Debug)]
struct Dropped;

impl std::fmt::Display for Dropped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection dropped by an injected fault")
    }
}

impl std::error::Error for Dropped {}

async fn handle(shared: Arc<Shared>, req: Request<Incoming>) -> Result<Response<Full<Bytes>>, Dropped> {
    let (parts, body) = req.into_parts();
    let bytes = body.collect().await.map(|b| b.to_bytes()).unwrap_or_default();
    let path = parts.uri.path().to_owned();
    let headers: Vec<(String, String)> = parts
        .headers
        .iter()
        .map(|(k, v)| {
            (
                k.as_str().to_owned(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect();
    let content_type = parts.headers.get("content-type").and_then(|v| v.to_str().ok());
    let mut record = RecordedRequest {
        method: parts.method.as_str().to_owned(),
        path: parts
            .uri
            .path_and_query()
            .map_or_else(|| path.clone(), |p| p.as_str().to_owned()),
        headers: headers
            .iter()
            .map(|(k, v)| (k.clone(), recorded_header(k, v)))
            .collect(),
        body: recorded_body(content_type, &bytes),
        status: None,
    };
    let (delay, fault, over_concurrent) = {
        let mut harness = shared.harness();
        let (delay, fault) = harness.faults.take(&path);
        (delay, fault, harness.limiter.enter())
    };
    let _in_flight = InFlight(&shared);
    if let Some(delay) = delay {
        tokio::time::sleep(delay).await;
    }
    if fault == Some(FaultKind::Drop) {
        shared.harness().requests.push(record);
        return Err(Dropped);
    }
    let mut rate = match over_concurrent {
        Some(refusal) => refusal,
        None => shared.harness().limiter.take(&record.method, &path),
    };
    let request_id = ids::request_id();
    let reply = match fault {
        Some(FaultKind::Fail(status)) => ApiError::injected(status).into(),
        Some(FaultKind::RateLimit) => {
            rate = RateInfo {
                remaining: 0,
                reset: rate.now_ms.div_euclid(1000).saturating_add(1),
                exceeded: true,
                ..rate
            };
            ApiError::rate_limited().into()
        }
        _ if rate.exceeded => ApiError::rate_limited().into(),
        _ => {
            let req = Req {
                method: record.method.clone(),
                path: path.clone(),
                query: parts
                    .uri
                    .query()
                    .map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect())
                    .unwrap_or_default(),
                body: Value::Null,
                user_agent: record.header("user-agent").unwrap_or_default().to_owned(),
                headers,
                request_id: request_id.clone(),
                base_url: shared.base_url.clone(),
            };
            route(&shared, &mut shared.lock(), req, &bytes)
        }
    };
    tracing::debug!(method = %record.method, path = %record.path, status = reply.status, "okta-mock");
    record.status = Some(reply.status);
    shared.harness().requests.push(record);
    Ok(to_response(reply, rate, &request_id))
}

/// Counts a request as being handled until it is answered or dropped.
struct InFlight<'a>(&'a Shared);

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.harness().limiter.leave();
    }
}

/// The OAuth token endpoint takes its form body as it is; the stand-in's own API and every
/// other route get the body read as JSON when it is sent as JSON (or as nothing said), and the
/// Okta routes authentication, then the route table.
fn route(shared: &Shared, st: &mut State, mut req: Req, bytes: &[u8]) -> Reply {
    if req.path == token_endpoint::PATH {
        return token_endpoint::handle(st, &req, bytes);
    }
    // A body sent as something else (a PEM certificate, a signed event token, a multipart form)
    // is no malformed JSON: the operations that take one answer their example without it.
    let json = req.header("content-type").is_none_or(media::is_json);
    if json && !bytes.iter().all(u8::is_ascii_whitespace) {
        match serde_json::from_slice(bytes) {
            Ok(v) => req.body = v,
            Err(_) => return ApiError::malformed_body().into(),
        }
    }
    if req.path.starts_with(control::PREFIX) {
        return control::route(st, &req).unwrap_or_else(Reply::from);
    }
    // The Authentication API is anonymous-capable, and the spec's public endpoints (the
    // `/.well-known/…` documents) take no credential; everything else needs one. Whether an
    // endpoint is public is looked up only for a request its credential did not admit, so an
    // authenticated request never scans the examples.
    if !req.path.starts_with("/api/v1/authn") {
        if let Err(refused) = resource::authenticate(&shared.token, st, &req) {
            let public = crate::examples_generated::example(&req.method, &req.path).is_some_and(|e| e.public);
            if !public {
                return *refused;
            }
        }
    }
    routes::dispatch(st, &req).unwrap_or_else(Reply::from)
}

/// Epoch milliseconds as a time (the epoch itself for anything before it).
fn epoch_ms(ms: i64) -> SystemTime {
    let since = Duration::from_millis(u64::try_from(ms).unwrap_or(0));
    SystemTime::UNIX_EPOCH
        .checked_add(since)
        .unwrap_or(SystemTime::UNIX_EPOCH)
}

fn to_response(reply: Reply, rate: RateInfo, request_id: &str) -> Response<Full<Bytes>> {
    let mut builder = Response::builder()
        .status(reply.status)
        .header("x-okta-request-id", request_id)
        .header("date", httpdate::fmt_http_date(epoch_ms(rate.now_ms)))
        .header("x-rate-limit-limit", rate.limit.to_string())
        .header("x-rate-limit-remaining", rate.remaining.to_string())
        .header("x-rate-limit-reset", rate.reset.to_string());
    for (name, value) in &reply.headers {
        builder = builder.header(name.as_str(), value.as_str());
    }
    if let Some(body) = &reply.body {
        builder = builder.header("content-type", body.media_type());
    }
    let body = reply.body.map_or_else(Bytes::new, Body::into_bytes);
    builder.body(Full::new(body)).unwrap_or_else(|_| {
        // Only reachable with an invalid header value from a handler; answer a bare 500.
        let mut fallback = Response::new(Full::new(Bytes::new()));
        *fallback.status_mut() = hyper::StatusCode::INTERNAL_SERVER_ERROR;
        fallback
    })
}
