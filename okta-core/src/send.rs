//! Send and retry: the one function every request of the SDK goes through.
//!
//! A call is a loop of attempts. Each [`attempt`](Client::attempt) authenticates (a layer: the
//! credentials decide the headers, a token request mints its own assertion) and sends once; its
//! [`Outcome`] is then [`classified`](Client::classify) as done, retry after a wait, or fail.
//! Pacing is a layer of the attempt: it waits while the request's rate-limit bucket is spent, and
//! every response's headers and `Date` feed it back.

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use futures::future::BoxFuture;
use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderMap, HeaderValue, USER_AGENT};
use tokio::time::Instant;
use tracing::Instrument;
use tracing::field::Empty;

use crate::authenticate::{AccessToken, Reaction};
use crate::client::Client;
use crate::error::{ApiError, Error, RateLimitedError};
use crate::request::PreparedRequest;
use crate::response::{RawResponse, read_body};
use crate::retry::{Decision, Failure, Transport};
use crate::status_code::StatusCode;

/// What one attempt came to.
pub(crate) enum Outcome {
    /// A response, any status.
    Response {
        status: StatusCode,
        headers: HeaderMap,
        body: Bytes,
    },
    /// No response: the connection failed, timed out or broke.
    Transport(reqwest::Error),
}

/// What to do after an attempt.
enum Verdict {
    Done(RawResponse),
    RetryAfter(Duration),
    Fail(Error),
}

/// What a call carries from one attempt to the next.
struct CallState {
    started: Instant,
    deadline: Option<Instant>,
    /// Attempts made so far.
    attempt: u32,
    /// Retries the retry policy granted (authentication retries do not count).
    retries: u32,
    /// Those of them the client's retry budget paid for.
    paid_retries: u32,
    /// The request id of the failed attempt, for `X-Okta-Retry-For`.
    retry_for: Option<HeaderValue>,
    /// Retries the authentication layer asked for (a new token, a DPoP nonce).
    auth_retries: u32,
    /// Whether the retry budget refused the last retry.
    budget_spent: bool,
    /// The access token the last attempt carried, if any.
    token: Option<Arc<AccessToken>>,
}

impl Client {
    /// Authenticates, sends, retries per the policy, and maps error statuses to [`Error`].
    ///
    /// Typed calls, full calls, raw calls, every page of a stream and the OAuth token requests of
    /// a service app come through here, so authentication, retries, rate limits, deadlines and
    /// tracing behave the same for all of them. The future is boxed here, once: it is large, and
    /// every layer above would otherwise copy it.
    pub(crate) fn execute(&self, req: PreparedRequest) -> BoxFuture<'static, Result<RawResponse, Error>> {
        let span = tracing::info_span!(
            target: "okta",
            "okta.request",
            method = %req.method(),
            path = %req.template(),
            status = Empty,
            request_id = Empty,
            attempt = Empty,
        );
        let client = self.clone();
        let send = async move { client.run_call(req).await };
        if span.is_disabled() {
            // Nobody listens: skip entering and leaving the span on every poll.
            Box::pin(send)
        } else {
            Box::pin(send.instrument(span))
        }
    }

    /// The loop: attempt, classify, wait or stop.
    async fn run_call(&self, req: PreparedRequest) -> Result<RawResponse, Error> {
        let started = Instant::now();
        let mut state = CallState {
            started,
            deadline: self.retry_policy().deadline_from(started),
            attempt: 0,
            retries: 0,
            paid_retries: 0,
            retry_for: None,
            auth_retries: 0,
            budget_spent: false,
            token: None,
        };
        let span = tracing::Span::current();
        loop {
            state.attempt += 1;
            span.record("attempt", state.attempt);
            let outcome = match self.attempt(&req, &mut state).await {
                Ok(outcome) => outcome,
                Err(e) => return Err(e),
            };
            match self.classify(&req, outcome, &mut state) {
                Verdict::Done(response) => return Ok(response),
                Verdict::Fail(e) => return Err(e),
                Verdict::RetryAfter(wait) => tokio::time::sleep(wait).await,
            }
        }
    }

    /// One attempt: authenticate, send, read the whole response. An error here is one that no
    /// retry can mend (the credentials could not produce a header, a token could not be had).
    async fn attempt(&self, req: &PreparedRequest, state: &mut CallState) -> Result<Outcome, Error> {
        // First, as it may have to fetch a token (itself a call of its own).
        let auth = self.credentials().authorize(self, req).await?;
        state.token = auth.token;
        // Then pacing (after the token: a token request is a call of its own, paced on its own):
        // a spent bucket waits for its reset, never past the deadline or the longest wait.
        let longest = Instant::now().checked_add(self.retry_policy().longest_wait());
        let latest = match (state.deadline, longest) {
            (Some(d), Some(l)) => Some(d.min(l)),
            (d, l) => d.or(l),
        };
        let ticket = self.pacer().acquire(&req.method(), req.template(), latest).await;
        let mut timeout = self.request_timeout();
        if let Some(deadline) = state.deadline {
            timeout = timeout.min(deadline.saturating_duration_since(Instant::now()));
        }
        let mut builder = self
            .http()
            .request(req.method().to_http(), req.url().clone())
            .timeout(timeout)
            .header(ACCEPT, req.accept().clone())
            .header(USER_AGENT, self.user_agent().clone())
            .headers(req.headers().clone());
        if let Some(value) = auth.authorization {
            builder = builder.header(AUTHORIZATION, value);
        }
        if let Some(proof) = auth.dpop {
            builder = builder.header("DPoP", proof);
        }
        if let Some(body) = auth.body.as_ref().or(req.body()) {
            builder = builder
                .header(CONTENT_TYPE, req.content_type().clone())
                .body(body.clone());
        }
        if state.attempt > 1 {
            builder = builder.header("X-Okta-Retry-Count", state.attempt - 1);
            if let Some(id) = &state.retry_for {
                builder = builder.header("X-Okta-Retry-For", id.clone());
            }
        }
        Ok(match builder.send().await {
            Ok(mut response) => {
                let status = StatusCode::from_http(response.status());
                let headers = std::mem::take(response.headers_mut());
                self.pacer().observe(ticket, status, &headers, Instant::now());
                // No redirects are followed, so the response's URL is the request's.
                match read_body(response, self.max_response_bytes(), req).await? {
                    Ok(body) => Outcome::Response { status, headers, body },
                    Err(e) => Outcome::Transport(e),
                }
            }
            Err(e) => Outcome::Transport(e),
        })
    }

    /// Done, retry after a wait, or fail: first what the credentials make of the response (a
    /// stale token, a DPoP nonce, a refused token request), then the retry policy.
    fn classify(&self, req: &PreparedRequest, outcome: Outcome, state: &mut CallState) -> Verdict {
        let span = tracing::Span::current();
        let policy = self.retry_policy();
        let response = match outcome {
            Outcome::Response { status, headers, body } => RawResponse::new(status, headers, body, req.url().clone()),
            Outcome::Transport(e) => return self.after_transport_error(req, e, state),
        };
        let status = response.status();
        span.record("status", status.as_u16());
        let id = response.request_id().map(str::to_owned);
        if let Some(id) = &id {
            span.record("request_id", id.as_str());
        }
        match self
            .credentials()
            .react(req, state.token.as_ref(), &response, state.auth_retries)
        {
            Reaction::Proceed => {}
            Reaction::RetryNow => {
                state.auth_retries += 1;
                tracing::debug!(target: "okta", status = status.as_u16(), path = %req.template(), "retrying with new credentials");
                return Verdict::RetryAfter(Duration::ZERO);
            }
            Reaction::Fail(e) => return Verdict::Fail(e),
        }
        if status.is_success() {
            self.retry_budget().succeeded(state.paid_retries);
            return Verdict::Done(response);
        }
        let headers = response.headers().as_http();
        let reset_wait = (status == StatusCode::TOO_MANY_REQUESTS)
            .then(|| {
                self.pacer()
                    .reset_wait(&req.method(), req.template(), headers, Instant::now())
            })
            .flatten();
        let time_left = state.deadline.map(|d| d.saturating_duration_since(Instant::now()));
        let decision = policy.decide(
            req.safe_to_repeat(),
            Failure::Status(status),
            state.retries,
            reset_wait,
            time_left,
        );
        let attempts = state.attempt;
        let retry_for = request_id_header(id.as_deref());
        let fail = move || {
            let api = ApiError::from_response(
                req.method(),
                req.template(),
                status,
                id.clone(),
                response.rate_limit(),
                response.body(),
            );
            if status == StatusCode::TOO_MANY_REQUESTS {
                Error::RateLimited(Box::new(RateLimitedError { api, attempts }))
            } else {
                Error::Api(Box::new(api))
            }
        };
        match self.granted(decision, state) {
            Some(wait) => {
                state.retry_for = retry_for;
                tracing::debug!(target: "okta", status = status.as_u16(), path = %req.template(), wait_ms = millis(wait), "retrying");
                Verdict::RetryAfter(wait)
            }
            None if state.budget_spent => Verdict::Fail(Error::RetryBudgetExhausted { last: Box::new(fail()) }),
            None => Verdict::Fail(fail()),
        }
    }

    fn after_transport_error(&self, req: &PreparedRequest, e: reqwest::Error, state: &mut CallState) -> Verdict {
        let out_of_time = state.deadline.is_some_and(|d| Instant::now() >= d);
        let decision = if out_of_time {
            None
        } else {
            let time_left = state.deadline.map(|d| d.saturating_duration_since(Instant::now()));
            let failure = Failure::Transport(transport_failure(&e));
            self.granted(
                self.retry_policy()
                    .decide(req.safe_to_repeat(), failure, state.retries, None, time_left),
                state,
            )
        };
        let (started, attempts) = (state.started, state.attempt);
        if let Some(wait) = decision {
            tracing::debug!(target: "okta", error = %e.without_url(), path = %req.template(), wait_ms = millis(wait), "retrying");
            return Verdict::RetryAfter(wait);
        }
        let fail = || {
            if out_of_time && e.is_timeout() {
                Error::DeadlineExceeded {
                    method: req.method(),
                    path: req.template().to_string(),
                    elapsed: started.elapsed(),
                    attempts,
                }
            } else {
                Error::Transport {
                    method: req.method(),
                    path: req.template().to_string(),
                    source: Box::new(e.without_url()),
                }
            }
        };
        if state.budget_spent {
            Verdict::Fail(Error::RetryBudgetExhausted { last: Box::new(fail()) })
        } else {
            Verdict::Fail(fail())
        }
    }

    /// The wait before the retry the policy decided on, once the retry budget paid for it;
    /// `None` when there is no retry (and `state.budget_spent` when the budget refused it).
    fn granted(&self, decision: Decision, state: &mut CallState) -> Option<Duration> {
        let Decision::Retry { wait, paid } = decision else {
            return None;
        };
        if paid && !self.retry_budget().try_take() {
            state.budget_spent = true;
            return None;
        }
        state.retries += 1;
        state.paid_retries += u32::from(paid);
        Some(wait)
    }
}

fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

fn request_id_header(id: Option<&str>) -> Option<HeaderValue> {
    id.and_then(|id| HeaderValue::from_str(id).ok())
}

/// What a transport error says about whether the request reached the server.
///
/// hyper hands a request back unsent (a "canceled" error) when the pooled connection it was
/// given turned out closed before anything was written; only then is a POST safe to re-send (and
/// hyper-util re-sends it by itself when the connection was a reused one). A connection closed
/// or reset under a written request ("connection closed before message completed") may have
/// been acted on: only idempotent requests are re-sent, at once, on a new connection.
fn transport_failure(e: &reqwest::Error) -> Transport {
    if e.is_connect() {
        return Transport::NotConnected;
    }
    let mut source = std::error::Error::source(e);
    while let Some(err) = source {
        if let Some(h) = err.downcast_ref::<hyper::Error>() {
            if h.is_canceled() {
                return Transport::StaleUnsent;
            }
            if h.is_incomplete_message() {
                return Transport::StaleMaybeSent;
            }
        }
        if let Some(io) = err.downcast_ref::<std::io::Error>() {
            use std::io::ErrorKind::{BrokenPipe, ConnectionAborted, ConnectionReset};
            if matches!(io.kind(), ConnectionReset | ConnectionAborted | BrokenPipe) {
                return Transport::StaleMaybeSent;
            }
        }
        source = err.source();
    }
    Transport::Other
}
