//! Send and retry: the one function every request of the SDK goes through.
//!
//! A call is a loop of attempts. Each [`attempt`](Client::attempt) authenticates (a layer: the
//! credentials decide the headers, a token request mints its own assertion) and sends once; its
//! [`Outcome`] is then [`classified`](Client::classify) as done, retry after a wait, or fail.

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use bytes::Bytes;
use futures::future::BoxFuture;
use reqwest::StatusCode;
use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderMap, HeaderValue, USER_AGENT};
use tokio::time::Instant;
use tracing::Instrument;
use tracing::field::Empty;

use crate::authenticate::{AccessToken, Reaction};
use crate::client::Client;
use crate::error::{ApiError, Error, RateLimitedError};
use crate::rate_limit::RateLimit;
use crate::request::PreparedRequest;
use crate::response::{RawResponse, read_body, request_id};

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
    /// The request id of the failed attempt, for `X-Okta-Retry-For`.
    retry_for: Option<HeaderValue>,
    /// Retries the authentication layer asked for (a new token, a DPoP nonce).
    auth_retries: u32,
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
            method = %req.method,
            path = %req.template,
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
            // A deadline too far to represent is no deadline.
            deadline: self.inner.retry.deadline.and_then(|d| started.checked_add(d)),
            attempt: 0,
            retries: 0,
            retry_for: None,
            auth_retries: 0,
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
        let inner = &self.inner;
        // First, as it may have to fetch a token (itself a call of its own).
        let auth = inner.credentials.authorize(self, req).await?;
        state.token = auth.token;
        let mut timeout = inner.request_timeout;
        if let Some(deadline) = state.deadline {
            timeout = timeout.min(deadline.saturating_duration_since(Instant::now()));
        }
        let mut builder = inner
            .http
            .request(req.method.clone(), req.url.clone())
            .timeout(timeout)
            .header(ACCEPT, HeaderValue::from_static("application/json"))
            .header(USER_AGENT, inner.user_agent.clone())
            .headers(req.headers.clone());
        if let Some(value) = auth.authorization {
            builder = builder.header(AUTHORIZATION, value);
        }
        if let Some(proof) = auth.dpop {
            builder = builder.header("DPoP", proof);
        }
        if let Some(body) = auth.body.as_ref().or(req.body.as_ref()) {
            builder = builder
                .header(CONTENT_TYPE, HeaderValue::from_static(req.content_type))
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
                let status = response.status();
                let headers = std::mem::take(response.headers_mut());
                // No redirects are followed, so the response's URL is the request's.
                match read_body(response, inner.max_response_bytes, req).await? {
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
        let policy = &self.inner.retry;
        let (status, headers, body) = match outcome {
            Outcome::Response { status, headers, body } => (status, headers, body),
            Outcome::Transport(e) => return self.after_transport_error(req, e, state),
        };
        span.record("status", status.as_u16());
        let id = request_id(&headers).map(str::to_owned);
        if let Some(id) = &id {
            span.record("request_id", id.as_str());
        }
        match self
            .inner
            .credentials
            .react(req, state.token.as_ref(), status, &headers, &body, state.auth_retries)
        {
            Reaction::Proceed => {}
            Reaction::RetryNow => {
                state.auth_retries += 1;
                tracing::debug!(target: "okta", status = status.as_u16(), path = %req.template, "retrying with new credentials");
                return Verdict::RetryAfter(Duration::ZERO);
            }
            Reaction::Fail(e) => return Verdict::Fail(e),
        }
        if status.is_success() {
            return Verdict::Done(RawResponse {
                status,
                headers,
                body,
                url: req.url.clone(),
            });
        }
        let wait = policy.after_status(req.retry_method(), status, &headers, state.retries, SystemTime::now());
        match wait {
            Some(wait) if fits(state.deadline, wait) => {
                state.retries += 1;
                state.retry_for = id.and_then(|id| HeaderValue::from_str(&id).ok());
                tracing::debug!(target: "okta", status = status.as_u16(), path = %req.template, wait_ms = wait.as_millis() as u64, "retrying");
                Verdict::RetryAfter(wait)
            }
            _ => {
                let api = ApiError::from_response(
                    req.method.clone(),
                    &req.template,
                    status,
                    id,
                    RateLimit::from_headers(&headers),
                    &body,
                );
                Verdict::Fail(if status == StatusCode::TOO_MANY_REQUESTS {
                    Error::RateLimited(Box::new(RateLimitedError {
                        api,
                        attempts: state.attempt,
                    }))
                } else {
                    Error::Api(Box::new(api))
                })
            }
        }
    }

    fn after_transport_error(&self, req: &PreparedRequest, e: reqwest::Error, state: &mut CallState) -> Verdict {
        let never_sent = e.is_connect();
        let out_of_time = state.deadline.is_some_and(|d| Instant::now() >= d);
        match self
            .inner
            .retry
            .after_transport_error(req.retry_method(), never_sent, state.retries)
        {
            Some(wait) if !out_of_time && fits(state.deadline, wait) => {
                state.retries += 1;
                tracing::debug!(target: "okta", error = %e.without_url(), path = %req.template, wait_ms = wait.as_millis() as u64, "retrying");
                Verdict::RetryAfter(wait)
            }
            _ if out_of_time && e.is_timeout() => Verdict::Fail(Error::DeadlineExceeded {
                method: req.method.clone(),
                path: req.template.to_string(),
                elapsed: state.started.elapsed(),
                attempts: state.attempt,
            }),
            _ => Verdict::Fail(Error::Transport {
                method: req.method.clone(),
                path: req.template.to_string(),
                source: e.without_url(),
            }),
        }
    }
}

/// Whether waiting `wait` still leaves time before the deadline.
fn fits(deadline: Option<Instant>, wait: Duration) -> bool {
    deadline.is_none_or(|d| Instant::now().checked_add(wait).is_some_and(|end| end < d))
}
