//! When to send a request again, and how long to wait first.

use std::time::Duration;

use tokio::time::Instant;

use crate::method::Method;
use crate::status_code::StatusCode;

/// How the client retries: how often, how long it may wait, and when it gives up altogether.
///
/// * 429 is retried for every method (Okta refuses a rate-limited request before acting on it),
///   waiting until `X-Rate-Limit-Reset` on the server's clock (estimated from the `Date` of its
///   responses) plus a few milliseconds, or a jittered backoff when those headers are missing or
///   make no sense. When the reset lies beyond [`max_wait`](Self::max_wait), the call fails at once
///   with [`Error::RateLimited`](crate::Error::RateLimited) saying when the limit resets.
/// * 503, 504 and transport failures are retried only for idempotent methods (GET, PUT, DELETE,
///   HEAD). A POST is re-sent only when it provably never reached the server: the connection could
///   not be opened, or the pooled connection it was given had already been closed.
/// * The first retry of a call comes quickly ([`first_backoff`](Self::first_backoff), jittered):
///   most faults are isolated. Further retries back off exponentially, four times longer each
///   time, up to the [`base_backoff`](Self::base_backoff) schedule, and a retry budget shared by
///   the client's clones stops retrying when most calls are failing.
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
    max_retries: u32,
    max_wait: Duration,
    first_backoff: Duration,
    base_backoff: Duration,
    deadline: Option<Duration>,
}

impl Default for RetryPolicy {
    /// Three retries, waits of at most 60 s (one Okta rate-limit window), a first retry after
    /// 5–10 ms, then backoff from 500 ms, and a five-minute deadline for the whole call.
    fn default() -> Self {
        RetryPolicy {
            max_retries: 3,
            max_wait: Duration::from_secs(60),
            first_backoff: Duration::from_millis(10),
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

    /// The longest single wait between two attempts, whatever the server asks for. A 429 whose
    /// reset lies further away fails at once.
    pub fn max_wait(mut self, d: Duration) -> Self {
        self.max_wait = d;
        self
    }

    /// The wait before the first retry of a call (jittered between half of it and all of it).
    pub fn first_backoff(mut self, d: Duration) -> Self {
        self.first_backoff = d;
        self
    }

    /// The ceiling of the wait before the second retry (doubled for each further retry, jittered):
    /// further retries wait four times the one before, from [`first_backoff`](Self::first_backoff),
    /// but never longer than this schedule.
    pub fn base_backoff(mut self, d: Duration) -> Self {
        self.base_backoff = d;
        self
    }

    /// The time a whole call (every attempt and every wait) may take; `None` for no limit.
    pub fn deadline(mut self, d: Option<Duration>) -> Self {
        self.deadline = d;
        self
    }

    /// How many times a call may be re-sent.
    pub(crate) fn allowed_retries(&self) -> u32 {
        self.max_retries
    }

    /// The longest single wait between two attempts.
    pub(crate) fn longest_wait(&self) -> Duration {
        self.max_wait
    }

    /// When a call started at `start` must be over; `None` for no deadline, or for one so far
    /// away that no clock can hold it.
    pub(crate) fn deadline_from(&self, start: Instant) -> Option<Instant> {
        start.checked_add(self.deadline?)
    }

    /// What to do after retry number `retry` (0-based: 0 after the first attempt) failed.
    ///
    /// `safe_to_repeat` is whether the request may be sent twice (see
    /// `PreparedRequest::safe_to_repeat`): only then is a failure that may have reached Okta
    /// retried. `reset_wait` is how long until the rate limit a 429 reported resets (from the
    /// pacer, on the server's clock), `time_left` what the deadline leaves.
    pub(crate) fn decide(
        &self,
        safe_to_repeat: bool,
        failure: Failure,
        retry: u32,
        reset_wait: Option<Duration>,
        time_left: Option<Duration>,
    ) -> Decision {
        if retry >= self.max_retries {
            return Decision::GiveUp(GiveUp::RetriesExhausted);
        }
        let (wait, paid) = match failure {
            Failure::Status(StatusCode::TOO_MANY_REQUESTS) => match reset_wait {
                Some(wait) if wait > self.max_wait => return Decision::GiveUp(GiveUp::ResetTooFar),
                Some(wait) => (wait, false),
                None => (self.backoff(retry), false),
            },
            Failure::Status(StatusCode::SERVICE_UNAVAILABLE | StatusCode::GATEWAY_TIMEOUT) if safe_to_repeat => {
                (self.backoff(retry), true)
            }
            Failure::Status(_) => return Decision::GiveUp(GiveUp::NotRetryable),
            Failure::Transport(Transport::NotConnected) => (self.backoff(retry), true),
            // A pooled connection the server had closed: a new one will do, at once.
            Failure::Transport(Transport::StaleUnsent) => (self.stale_wait(retry), true),
            Failure::Transport(Transport::StaleMaybeSent) if safe_to_repeat => (self.stale_wait(retry), true),
            Failure::Transport(Transport::Other) if safe_to_repeat => (self.backoff(retry), true),
            Failure::Transport(_) => return Decision::GiveUp(GiveUp::NotRetryable),
        };
        if time_left.is_some_and(|left| wait >= left) {
            return Decision::GiveUp(GiveUp::OutOfTime);
        }
        Decision::Retry { wait, paid }
    }

    /// A stale pooled connection is retried at once the first time; again, it is a fault.
    fn stale_wait(&self, retry: u32) -> Duration {
        if retry == 0 {
            Duration::ZERO
        } else {
            self.backoff(retry)
        }
    }

    /// Jittered backoff, somewhere in `[d/2, d]`: `d` is the first backoff for retry 0, then four
    /// times the one before (`first · 4^retry`), but never more than `base · 2^(retry − 1)` nor
    /// the longest wait. A second fault in a row is still most likely a coincidence (40 ms, not
    /// half a second); a run of them climbs to the old schedule, and the retry budget ends an
    /// outage. The jitter keeps clients that failed together from coming back together.
    pub(crate) fn backoff(&self, retry: u32) -> Duration {
        let full = match retry {
            0 => self.first_backoff,
            n => {
                let steep = self.first_backoff.saturating_mul(4u32.saturating_pow(n.min(16)));
                let ceiling = self.base_backoff.saturating_mul(2u32.saturating_pow((n - 1).min(16)));
                steep.min(ceiling)
            }
        }
        .min(self.max_wait);
        jittered(full)
    }
}

/// Somewhere in `[d/2, d]`.
pub(crate) fn jittered(full: Duration) -> Duration {
    let half = full / 2;
    let span = u64::try_from(full.saturating_sub(half).as_nanos()).unwrap_or(u64::MAX);
    half.saturating_add(Duration::from_nanos(fastrand::u64(0..=span)))
}

/// What went wrong with an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Failure {
    /// An error status.
    Status(StatusCode),
    /// No response.
    Transport(Transport),
}

/// How an attempt failed to get a response, as far as whether the server saw it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Transport {
    /// The connection could not be opened: the server never saw the request.
    NotConnected,
    /// The pooled connection it was given had been closed before the request was written.
    StaleUnsent,
    /// The connection closed under the request without an answer; it may have been written.
    StaleMaybeSent,
    /// Anything else (a timeout, a reset mid-response): the server may have acted on it.
    Other,
}

/// The verdict on a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decision {
    /// Wait, then send again; `paid` retries draw on the client's retry budget.
    Retry {
        /// How long to wait first.
        wait: Duration,
        /// Whether the retry budget pays for it.
        paid: bool,
    },
    /// The attempt's error is the call's.
    GiveUp(GiveUp),
}

/// Why a failed attempt is not retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GiveUp {
    /// The method or status is never retried.
    NotRetryable,
    /// Every allowed retry was made.
    RetriesExhausted,
    /// The rate limit resets later than the longest allowed wait.
    ResetTooFar,
    /// The wait would pass the deadline.
    OutOfTime,
}

/// Whether re-sending the method cannot do anything twice.
pub(crate) fn is_idempotent(method: &Method) -> bool {
    matches!(
        *method,
        Method::GET | Method::PUT | Method::DELETE | Method::HEAD | Method::OPTIONS
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIVE_XX: [StatusCode; 2] = [StatusCode::SERVICE_UNAVAILABLE, StatusCode::GATEWAY_TIMEOUT];

    fn wait_of(d: Decision) -> Option<Duration> {
        match d {
            Decision::Retry { wait, .. } => Some(wait),
            Decision::GiveUp(_) => None,
        }
    }

    fn status(policy: &RetryPolicy, method: Method, s: StatusCode, retry: u32, reset: Option<Duration>) -> Decision {
        policy.decide(is_idempotent(&method), Failure::Status(s), retry, reset, None)
    }

    #[test]
    fn a_429_waits_for_the_reset_and_never_longer_than_allowed() {
        let policy = RetryPolicy::default().max_wait(Duration::from_secs(5));
        let reset = Some(Duration::from_millis(1_234));
        let d = status(&policy, Method::POST, StatusCode::TOO_MANY_REQUESTS, 0, reset);
        assert_eq!(
            d,
            Decision::Retry {
                wait: Duration::from_millis(1_234),
                paid: false
            }
        );
        // A reset an hour away fails at once instead of waiting for nothing.
        let far = Some(Duration::from_secs(3600));
        let d = status(&policy, Method::GET, StatusCode::TOO_MANY_REQUESTS, 0, far);
        assert_eq!(d, Decision::GiveUp(GiveUp::ResetTooFar));
    }

    #[test]
    fn odd_or_missing_reset_falls_back_to_backoff() {
        let policy = RetryPolicy::default().base_backoff(Duration::from_millis(100));
        // Retry 2: min(10 ms · 4², 100 ms · 2) = 160 ms, jittered.
        let wait = wait_of(status(&policy, Method::GET, StatusCode::TOO_MANY_REQUESTS, 2, None)).expect("retried");
        assert!(
            wait >= Duration::from_millis(80) && wait <= Duration::from_millis(160),
            "{wait:?}"
        );
    }

    #[test]
    fn only_idempotent_methods_retry_5xx_and_transport_errors() {
        let policy = RetryPolicy::default();
        for s in FIVE_XX {
            assert!(wait_of(status(&policy, Method::GET, s, 0, None)).is_some());
            assert!(wait_of(status(&policy, Method::DELETE, s, 0, None)).is_some());
            assert_eq!(
                status(&policy, Method::POST, s, 0, None),
                Decision::GiveUp(GiveUp::NotRetryable)
            );
        }
        assert!(wait_of(status(&policy, Method::GET, StatusCode::INTERNAL_SERVER_ERROR, 0, None)).is_none());
        let transport = |m: Method, t| wait_of(policy.decide(is_idempotent(&m), Failure::Transport(t), 0, None, None));
        assert!(transport(Method::POST, Transport::Other).is_none());
        assert!(
            transport(Method::POST, Transport::StaleMaybeSent).is_none(),
            "it may have reached Okta"
        );
        assert!(transport(Method::POST, Transport::NotConnected).is_some());
        assert_eq!(transport(Method::POST, Transport::StaleUnsent), Some(Duration::ZERO));
        assert_eq!(transport(Method::GET, Transport::StaleMaybeSent), Some(Duration::ZERO));
        assert!(transport(Method::PUT, Transport::Other).is_some());
    }

    #[test]
    fn none_means_none() {
        let policy = RetryPolicy::none();
        let reset = Some(Duration::from_millis(5));
        assert_eq!(
            status(&policy, Method::GET, StatusCode::TOO_MANY_REQUESTS, 0, reset),
            Decision::GiveUp(GiveUp::RetriesExhausted)
        );
        let d = policy.decide(true, Failure::Transport(Transport::NotConnected), 0, None, None);
        assert_eq!(d, Decision::GiveUp(GiveUp::RetriesExhausted));
    }

    #[test]
    fn the_first_retry_is_fast_then_backoff_grows_and_stays_jittered() {
        let policy = RetryPolicy::default()
            .first_backoff(Duration::from_millis(20))
            .base_backoff(Duration::from_millis(100))
            .max_wait(Duration::from_secs(1));
        for _ in 0..100 {
            let first = policy.backoff(0);
            assert!(
                first >= Duration::from_millis(10) && first <= Duration::from_millis(20),
                "{first:?}"
            );
        }
        for retry in 1..8 {
            let steep = Duration::from_millis(20) * 4u32.pow(retry);
            let full = steep
                .min(Duration::from_millis(100) * 2u32.pow(retry - 1))
                .min(Duration::from_secs(1));
            let wait = policy.backoff(retry);
            assert!(wait >= full / 2 && wait <= full, "retry {retry}: {wait:?} vs {full:?}");
        }
    }

    #[test]
    fn no_wait_passes_the_deadline() {
        let policy = RetryPolicy::default();
        let d = policy.decide(
            true,
            Failure::Status(StatusCode::TOO_MANY_REQUESTS),
            0,
            Some(Duration::from_secs(2)),
            Some(Duration::from_secs(1)),
        );
        assert_eq!(d, Decision::GiveUp(GiveUp::OutOfTime));
    }

    #[test]
    fn any_configuration_is_safe() {
        let now = Instant::now();
        assert_eq!(
            RetryPolicy::default().deadline(Some(Duration::MAX)).deadline_from(now),
            None
        );
        assert_eq!(RetryPolicy::default().deadline(None).deadline_from(now), None);
        let mut rng = fastrand::Rng::with_seed(11);
        let any = |rng: &mut fastrand::Rng| match rng.u8(0..4) {
            0 => Duration::MAX,
            1 => Duration::ZERO,
            _ => Duration::from_nanos(rng.u64(..) >> rng.u32(0..64)),
        };
        for _ in 0..5_000 {
            let policy = RetryPolicy::default()
                .max_retries(rng.u32(..))
                .max_wait(any(&mut rng))
                .first_backoff(any(&mut rng))
                .base_backoff(any(&mut rng))
                .deadline(Some(any(&mut rng)));
            let _ = policy.deadline_from(now);
            let retry = rng.u32(..) >> rng.u32(0..32);
            let wait = policy.backoff(retry);
            assert!(wait <= policy.max_wait);
            let failure = Failure::Status(StatusCode::TOO_MANY_REQUESTS);
            let _ = policy.decide(rng.bool(), failure, retry, Some(any(&mut rng)), Some(any(&mut rng)));
        }
    }
}
