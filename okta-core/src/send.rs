//! Send and retry: the one function every request of the SDK goes through.

use std::time::{Instant, SystemTime};

use futures::future::BoxFuture;
use reqwest::StatusCode;
use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderValue, USER_AGENT};
use tracing::Instrument;
use tracing::field::Empty;

use crate::client::Client;
use crate::error::{ApiError, Error, RateLimitedError};
use crate::rate_limit::RateLimit;
use crate::request::PreparedRequest;
use crate::response::{RawResponse, request_id};

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
        let deadline = policy.deadline.map(|d| started + d);
        let span = tracing::Span::current();
        let mut retry_for: Option<HeaderValue> = None;
        let mut attempt: u32 = 0;
        loop {
            attempt += 1;
            span.record("attempt", attempt);
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
                    .header(CONTENT_TYPE, req.content_type.clone())
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
                    // No redirects are followed, so the response's URL is the request's.
                    response.bytes().await.map(|body| (status, headers, body))
                }
                Err(e) => Err(e),
            };

            let wait = match outcome {
                Ok((status, headers, body)) => {
                    span.record("status", status.as_u16());
                    let id = request_id(&headers).map(str::to_owned);
                    if let Some(id) = &id {
                        span.record("request_id", id.as_str());
                    }
                    if status.is_success() {
                        return Ok(RawResponse {
                            status,
                            headers,
                            body,
                            url: req.url,
                        });
                    }
                    let wait = policy.after_status(&req.method, status, &headers, attempt - 1, SystemTime::now());
                    let give_up = || {
                        let api = ApiError::from_response(
                            req.method.clone(),
                            &req.template,
                            status,
                            id.clone(),
                            RateLimit::from_headers(&headers),
                            &body,
                        );
                        if status == StatusCode::TOO_MANY_REQUESTS {
                            Error::RateLimited(Box::new(RateLimitedError { api, attempts: attempt }))
                        } else {
                            Error::Api(Box::new(api))
                        }
                    };
                    match wait {
                        Some(wait) if fits(deadline, wait) => {
                            retry_for = id.and_then(|id| HeaderValue::from_str(&id).ok());
                            tracing::debug!(target: "okta", status = status.as_u16(), wait_ms = wait.as_millis() as u64, "retrying");
                            wait
                        }
                        _ => return Err(give_up()),
                    }
                }
                Err(e) => {
                    let never_sent = e.is_connect();
                    let out_of_time = deadline.is_some_and(|d| Instant::now() >= d);
                    match policy.after_transport_error(&req.method, never_sent, attempt - 1) {
                        Some(wait) if !out_of_time && fits(deadline, wait) => {
                            tracing::debug!(target: "okta", error = %e, wait_ms = wait.as_millis() as u64, "retrying");
                            wait
                        }
                        _ if out_of_time && e.is_timeout() => {
                            return Err(Error::DeadlineExceeded {
                                method: req.method.clone(),
                                path: req.template.to_string(),
                                elapsed: started.elapsed(),
                                attempts: attempt,
                            });
                        }
                        _ => {
                            return Err(Error::Transport {
                                method: req.method.clone(),
                                path: req.template.to_string(),
                                source: e.without_url(),
                            });
                        }
                    }
                }
            };
            tokio::time::sleep(wait).await;
        }
    }
}

/// Whether waiting `wait` still leaves time before the deadline.
fn fits(deadline: Option<Instant>, wait: std::time::Duration) -> bool {
    deadline.is_none_or(|d| Instant::now() + wait < d)
}
