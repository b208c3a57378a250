//! Send and retry: the one function every request of the SDK goes through.

use futures::future::BoxFuture;
use reqwest::StatusCode;
use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderValue, USER_AGENT};
use tokio::time::Instant;
use tracing::Instrument;
use tracing::field::Empty;

use crate::client::Client;
use crate::error::{ApiError, Error, RateLimitedError};
use crate::rate_limit::RateLimit;
use crate::request::PreparedRequest;
use crate::response::{RawResponse, request_id};
use crate::retry::{Decision, Failure, GiveUp, Transport};

impl Client {
    /// Authenticates, sends, retries per the policy, and maps error statuses to [`Error`].
    ///
    /// Typed calls, full calls, raw calls and every page of a stream come through here, so
    /// retries, rate limits, deadlines and tracing behave the same for all of them. The future is
    /// boxed here, once: it is large, and every layer above would otherwise copy it.
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
        let send = async move { client.execute_in_span(req).await };
        if span.is_disabled() {
            // Nobody listens: skip entering and leaving the span on every poll.
            Box::pin(send)
        } else {
            Box::pin(send.instrument(span))
        }
    }

    async fn execute_in_span(&self, req: PreparedRequest) -> Result<RawResponse, Error> {
        let inner = &self.inner;
        let policy = &inner.retry;
        let started = Instant::now();
        let deadline = policy.deadline_from(started);
        let span = tracing::Span::current();
        let mut retry_for: Option<HeaderValue> = None;
        let mut attempt: u32 = 0;
        let mut paid_retries: u32 = 0;
        loop {
            attempt += 1;
            span.record("attempt", attempt);
            // Pacing: a spent bucket waits for its reset, never past what the policy allows.
            let latest = Instant::now()
                .checked_add(policy.max_wait)
                .map_or(deadline, |w| Some(deadline.map_or(w, |d| d.min(w))));
            let ticket = inner.pacer.acquire(&req.method, &req.template, latest).await;
            let mut timeout = inner.request_timeout;
            if let Some(deadline) = deadline {
                timeout = timeout.min(deadline.saturating_duration_since(Instant::now()));
            }
            let mut builder = inner
                .http
                .request(req.method.clone(), req.url.clone())
                .timeout(timeout)
                .header(ACCEPT, HeaderValue::from_static("application/json"))
                .header(USER_AGENT, inner.user_agent.clone())
                .headers(req.headers.clone());
            if let Some(auth) = &inner.auth {
                builder = builder.header(AUTHORIZATION, auth.clone());
            }
            if let Some(body) = &req.body {
                builder = builder
                    .header(CONTENT_TYPE, HeaderValue::from_static("application/json"))
                    .body(body.clone());
            }
            if attempt > 1 {
                builder = builder.header("X-Okta-Retry-Count", attempt - 1);
                if let Some(id) = &retry_for {
                    builder = builder.header("X-Okta-Retry-For", id.clone());
                }
            }

            let outcome = match builder.send().await {
                Ok(mut response) => {
                    let status = response.status();
                    let headers = std::mem::take(response.headers_mut());
                    inner.pacer.observe(ticket, status, &headers, Instant::now());
                    // No redirects are followed, so the response's URL is the request's.
                    response.bytes().await.map(|body| (status, headers, body))
                }
                Err(e) => {
                    drop(ticket);
                    Err(e)
                }
            };
            let time_left = deadline.map(|d| d.saturating_duration_since(Instant::now()));

            let (decision, give_up): (Decision, Box<dyn FnOnce() -> Error + Send + '_>) = match outcome {
                Ok((status, headers, body)) => {
                    span.record("status", status.as_u16());
                    let id = request_id(&headers).map(str::to_owned);
                    if let Some(id) = &id {
                        span.record("request_id", id.as_str());
                    }
                    if status.is_success() {
                        inner.retry_budget.succeeded(paid_retries);
                        return Ok(RawResponse {
                            status,
                            headers,
                            body,
                            url: req.url,
                        });
                    }
                    let reset_wait = (status == StatusCode::TOO_MANY_REQUESTS)
                        .then(|| {
                            inner
                                .pacer
                                .reset_wait(&req.method, &req.template, &headers, Instant::now())
                        })
                        .flatten();
                    let decision =
                        policy.decide(&req.method, Failure::Status(status), attempt - 1, reset_wait, time_left);
                    retry_for = id.as_deref().and_then(|id| HeaderValue::from_str(id).ok());
                    let req = &req;
                    (
                        decision,
                        Box::new(move || {
                            let api = ApiError::from_response(
                                req.method.clone(),
                                &req.template,
                                status,
                                id,
                                RateLimit::from_headers(&headers),
                                &body,
                            );
                            if status == StatusCode::TOO_MANY_REQUESTS {
                                Error::RateLimited(Box::new(RateLimitedError { api, attempts: attempt }))
                            } else {
                                Error::Api(Box::new(api))
                            }
                        }),
                    )
                }
                Err(e) => {
                    let out_of_time = deadline.is_some_and(|d| Instant::now() >= d);
                    let decision = if out_of_time {
                        Decision::GiveUp(GiveUp::OutOfTime)
                    } else {
                        policy.decide(
                            &req.method,
                            Failure::Transport(transport_failure(&e)),
                            attempt - 1,
                            None,
                            time_left,
                        )
                    };
                    tracing::debug!(target: "okta", error = %e, "attempt failed");
                    let req = &req;
                    (
                        decision,
                        Box::new(move || {
                            if out_of_time && e.is_timeout() {
                                Error::DeadlineExceeded {
                                    method: req.method.clone(),
                                    path: req.template.to_string(),
                                    elapsed: started.elapsed(),
                                    attempts: attempt,
                                }
                            } else {
                                Error::Transport {
                                    method: req.method.clone(),
                                    path: req.template.to_string(),
                                    source: e.without_url(),
                                }
                            }
                        }),
                    )
                }
            };
            let wait = match decision {
                Decision::Retry { paid: true, .. } if !inner.retry_budget.try_take() => {
                    return Err(Error::RetryBudgetExhausted {
                        last: Box::new(give_up()),
                    });
                }
                Decision::Retry { wait, paid } => {
                    paid_retries += u32::from(paid);
                    wait
                }
                Decision::GiveUp(_) => return Err(give_up()),
            };
            tracing::debug!(target: "okta", wait_ms = u64::try_from(wait.as_millis()).unwrap_or(u64::MAX), "retrying");
            tokio::time::sleep(wait).await;
        }
    }
}

/// What a transport error says about whether the request reached the server.
///
/// hyper hands a request back unsent (a "canceled" error) when the pooled connection it was
/// given turned out closed before anything was written; only then is a POST safe to re-send. A
/// connection closed or reset under a written request ("connection closed before message
/// completed") may have been acted on.
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
