//! When to send a request again, and how long to wait first.

use std::time::{Duration, SystemTime};

use reqwest::header::HeaderMap;
use reqwest::{Method, StatusCode};

use crate::rate_limit::RateLimit;

/// How the client retries: how often, how long it may wait, and when it gives up altogether.
///
/// * 429 is retried for every method (Okta refuses a rate-limited request before acting on it),
///   waiting until `X-Rate-Limit-Reset` (taken against the server's `Date`) plus one second, or a
///   jittered exponential backoff when those headers are missing or make no sense.
/// * 503, 504 and transport failures are retried only for idempotent methods (GET, PUT, DELETE,
///   HEAD), with jittered exponential backoff. A POST is re-sent only when the connection could
///   not even be opened, so the server never saw it.
/// * Every wait is capped at [`max_wait`](Self::max_wait), and no retry starts once the overall
///   [`deadline`](Self::deadline) would be passed.
///
/// ```
/// use std::time::Duration;
/// use okta_core::RetryPolicy;
///
/// let patient = RetryPolicy::default().max_retries(5).deadline(Some(Duration::from_secs(600)));
/// let never = RetryPolicy::none(); // one attempt, no waiting, ever
/// # let _ = (patient, never);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    pub(crate) max_retries: u32,
    pub(crate) max_wait: Duration,
    pub(crate) base_backoff: Duration,
    pub(crate) deadline: Option<Duration>,
}

impl Default for RetryPolicy {
    /// Three retries, waits of at most 60 s (one Okta rate-limit window), backoff from 500 ms,
    /// and a five-minute deadline for the whole call.
    fn default() -> Self {
        RetryPolicy {
            max_retries: 3,
            max_wait: Duration::from_secs(60),
            base_backoff: Duration::from_millis(500),
            deadline: Some(Duration::from_secs(300)),
        }
    }
}

impl RetryPolicy {
    /// No retry at all: every call is one attempt.
    pub fn none() -> Self {
        RetryPolicy {
            max_retries: 0,
            ..RetryPolicy::default()
        }
    }

    /// How many times a call may be re-sent after the first attempt.
    pub fn max_retries(mut self, n: u32) -> Self {
        self.max_retries = n;
        self
    }

    /// The longest single wait between two attempts, whatever the server asks for.
    pub fn max_wait(mut self, d: Duration) -> Self {
        self.max_wait = d;
        self
    }

    /// The first step of the exponential backoff (doubled each retry, jittered).
    pub fn base_backoff(mut self, d: Duration) -> Self {
        self.base_backoff = d;
        self
    }

    /// The time a whole call (every attempt and every wait) may take; `None` for no limit.
    pub fn deadline(mut self, d: Option<Duration>) -> Self {
        self.deadline = d;
        self
    }

    /// The wait before retry number `retry` (0-based) after an error status, or `None` when the
    /// status must not be retried.
    pub(crate) fn after_status(
        &self,
        method: &Method,
        status: StatusCode,
        headers: &HeaderMap,
        retry: u32,
        now: SystemTime,
    ) -> Option<Duration> {
        if retry >= self.max_retries {
            return None;
        }
        let wait = match status {
            StatusCode::TOO_MANY_REQUESTS => rate_limit_wait(headers, now).unwrap_or_else(|| self.backoff(retry)),
            StatusCode::SERVICE_UNAVAILABLE | StatusCode::GATEWAY_TIMEOUT if is_idempotent(method) => {
                self.backoff(retry)
            }
            _ => return None,
        };
        Some(wait.min(self.max_wait))
    }

    /// The wait before retry number `retry` after a transport failure, or `None`.
    ///
    /// `never_sent` is true when the connection could not be opened, so the server cannot have
    /// seen the request; only then is a non-idempotent request sent again.
    pub(crate) fn after_transport_error(&self, method: &Method, never_sent: bool, retry: u32) -> Option<Duration> {
        if retry >= self.max_retries || !(never_sent || is_idempotent(method)) {
            return None;
        }
        Some(self.backoff(retry).min(self.max_wait))
    }

    /// Exponential backoff with jitter: somewhere in `[d/2, d]` for `d = base · 2^retry`, so that
    /// many clients that failed together do not come back together.
    fn backoff(&self, retry: u32) -> Duration {
        let full = self
            .base_backoff
            .saturating_mul(2u32.saturating_pow(retry.min(16)))
            .min(self.max_wait);
        let half = full / 2;
        let jitter_nanos = fastrand::u64(0..=half.as_nanos().min(u128::from(u64::MAX)) as u64);
        half + Duration::from_nanos(jitter_nanos)
    }
}

/// Whether re-sending the method cannot do anything twice.
pub(crate) fn is_idempotent(method: &Method) -> bool {
    matches!(
        *method,
        Method::GET | Method::PUT | Method::DELETE | Method::HEAD | Method::OPTIONS
    )
}

/// `X-Rate-Limit-Reset − Date + 1 s`, as Okta documents it. `None` when the reset header is missing
/// or lies in the past of the server's clock (an odd header: fall back to backoff). Without a `Date`
/// the local clock stands in.
pub(crate) fn rate_limit_wait(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    let reset = RateLimit::from_headers(headers).reset_at()?;
    let server_now = headers
        .get(reqwest::header::DATE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| httpdate::parse_http_date(v).ok())
        .unwrap_or(now);
    let until = reset.duration_since(server_now).ok()?;
    Some(until + Duration::from_secs(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(*k, HeaderValue::from_str(v).expect("valid"));
        }
        h
    }

    const T0: u64 = 1_700_000_000;

    fn at(secs: u64) -> SystemTime {
        SystemTime::UNIX_EPOCH + Duration::from_secs(secs)
    }

    #[test]
    fn rate_limit_wait_uses_the_server_date() {
        let date = httpdate::fmt_http_date(at(T0));
        let h = headers(&[("x-rate-limit-reset", &(T0 + 7).to_string()), ("date", &date)]);
        // The local clock is an hour off; the server's Date is what counts.
        assert_eq!(rate_limit_wait(&h, at(T0 + 3600)), Some(Duration::from_secs(8)));
    }

    #[test]
    fn rate_limit_wait_without_date_uses_local_clock() {
        let h = headers(&[("x-rate-limit-reset", &(T0 + 2).to_string())]);
        assert_eq!(rate_limit_wait(&h, at(T0)), Some(Duration::from_secs(3)));
    }

    #[test]
    fn odd_or_missing_reset_falls_back_to_backoff() {
        let policy = RetryPolicy::default().base_backoff(Duration::from_millis(100));
        for h in [
            headers(&[]),
            headers(&[("x-rate-limit-reset", "soon")]),
            headers(&[("x-rate-limit-reset", &(T0 - 10).to_string())]),
        ] {
            assert_eq!(rate_limit_wait(&h, at(T0)), None);
            let wait = policy
                .after_status(&Method::GET, StatusCode::TOO_MANY_REQUESTS, &h, 1, at(T0))
                .expect("429 is retried");
            assert!(
                wait >= Duration::from_millis(100) && wait <= Duration::from_millis(200),
                "{wait:?}"
            );
        }
    }

    #[test]
    fn waits_are_capped() {
        let policy = RetryPolicy::default().max_wait(Duration::from_secs(5));
        let h = headers(&[("x-rate-limit-reset", &(T0 + 3000).to_string())]);
        let wait = policy.after_status(&Method::POST, StatusCode::TOO_MANY_REQUESTS, &h, 0, at(T0));
        assert_eq!(wait, Some(Duration::from_secs(5)));
    }

    #[test]
    fn only_idempotent_methods_retry_5xx_and_transport_errors() {
        let policy = RetryPolicy::default();
        let h = HeaderMap::new();
        for status in [StatusCode::SERVICE_UNAVAILABLE, StatusCode::GATEWAY_TIMEOUT] {
            assert!(policy.after_status(&Method::GET, status, &h, 0, at(T0)).is_some());
            assert!(policy.after_status(&Method::DELETE, status, &h, 0, at(T0)).is_some());
            assert!(policy.after_status(&Method::POST, status, &h, 0, at(T0)).is_none());
        }
        assert!(
            policy
                .after_status(&Method::GET, StatusCode::INTERNAL_SERVER_ERROR, &h, 0, at(T0))
                .is_none()
        );
        assert!(policy.after_transport_error(&Method::POST, false, 0).is_none());
        assert!(policy.after_transport_error(&Method::POST, true, 0).is_some());
        assert!(policy.after_transport_error(&Method::PUT, false, 0).is_some());
    }

    #[test]
    fn none_means_none() {
        let policy = RetryPolicy::none();
        let h = headers(&[("x-rate-limit-reset", &(T0 + 1).to_string())]);
        assert!(
            policy
                .after_status(&Method::GET, StatusCode::TOO_MANY_REQUESTS, &h, 0, at(T0))
                .is_none()
        );
        assert!(policy.after_transport_error(&Method::GET, true, 0).is_none());
    }

    #[test]
    fn backoff_grows_and_stays_jittered() {
        let policy = RetryPolicy::default()
            .base_backoff(Duration::from_millis(100))
            .max_wait(Duration::from_secs(1));
        for retry in 0..6 {
            let full = (Duration::from_millis(100) * 2u32.pow(retry)).min(Duration::from_secs(1));
            let wait = policy.backoff(retry);
            assert!(wait >= full / 2 && wait <= full, "retry {retry}: {wait:?} vs {full:?}");
        }
    }
}
