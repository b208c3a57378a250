//! Okta's rate limits: per endpoint family, a fixed window with a limit; an org-wide default for
//! every other endpoint; and a concurrent-request limit. Reported in `X-Rate-Limit-*` headers as
//! Okta reports them, with `Date` from the same clock.
//!
//! Windows are aligned on the epoch (a 1-minute window resets on the minute, a 1-second one on
//! the second), so `X-Rate-Limit-Reset` is exactly when the window resets. The clock is the wall
//! clock at start (shifted when the org's clock is set to run ahead or behind) plus the monotonic
//! time since, so `Date` and the windows never disagree.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tokio::time::Instant;

/// The limits of the org and how much of them is used.
#[derive(Debug)]
pub(crate) struct RateLimiter {
    clock: Clock,
    default: Window,
    families: Vec<(Family, Window)>,
    concurrent: Option<u32>,
    in_flight: u32,
}

/// What one request learnt from the limiter.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RateInfo {
    pub(crate) limit: u32,
    pub(crate) remaining: u32,
    /// UTC epoch seconds when the window resets.
    pub(crate) reset: i64,
    pub(crate) exceeded: bool,
    /// The mock's clock when the request was counted, epoch milliseconds (for `Date`).
    pub(crate) now_ms: i64,
}

/// Wall-clock time that advances with the monotonic clock (tokio's, so unit tests can pause it).
#[derive(Debug, Clone, Copy)]
struct Clock {
    epoch_ms: i64,
    start: Instant,
}

impl Clock {
    fn new() -> Self {
        let epoch_ms = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX));
        Clock {
            epoch_ms,
            start: Instant::now(),
        }
    }

    fn now_ms(&self) -> i64 {
        let elapsed = i64::try_from(self.start.elapsed().as_millis()).unwrap_or(i64::MAX);
        self.epoch_ms.saturating_add(elapsed)
    }
}

/// A fixed window of `limit` requests every `len_ms`.
#[derive(Debug, Clone)]
struct Window {
    limit: u32,
    len_ms: i64,
    start_ms: i64,
    used: u32,
}

impl Window {
    fn new(limit: u32, len: Duration) -> Self {
        Window {
            limit,
            len_ms: i64::try_from(len.as_millis()).unwrap_or(i64::MAX).max(1),
            start_ms: i64::MIN,
            used: 0,
        }
    }

    fn take(&mut self, now_ms: i64) -> RateInfo {
        let start = now_ms - now_ms.rem_euclid(self.len_ms);
        if start != self.start_ms {
            self.start_ms = start;
            self.used = 0;
        }
        let exceeded = self.used >= self.limit;
        if !exceeded {
            self.used += 1;
        }
        // Whole seconds, rounded up: the advertised reset is never before the real one.
        let reset_ms = start.saturating_add(self.len_ms);
        RateInfo {
            limit: self.limit,
            remaining: self.limit - self.used,
            reset: reset_ms.saturating_add(999).div_euclid(1000),
            exceeded,
            now_ms,
        }
    }
}

/// An endpoint family: a method (or any) and a path pattern whose `{name}` or `*` segments match
/// any one segment.
#[derive(Debug, Clone)]
struct Family {
    method: Option<String>,
    segments: Vec<Option<String>>,
}

impl Family {
    fn parse(pattern: &str) -> Self {
        let pattern = pattern.trim();
        let (method, path) = match pattern.split_once(' ') {
            Some((m, p)) if !m.starts_with('/') => (Some(m.to_ascii_uppercase()), p.trim()),
            _ => (None, pattern),
        };
        let segments = path
            .trim_matches('/')
            .split('/')
            .map(|s| (!(s == "*" || s.starts_with('{'))).then(|| s.to_owned()))
            .collect();
        Family { method, segments }
    }

    fn matches(&self, method: &str, path: &str) -> bool {
        if self.method.as_deref().is_some_and(|m| m != method) {
            return false;
        }
        let mut segments = path.trim_matches('/').split('/');
        let mut want = self.segments.iter();
        loop {
            match (want.next(), segments.next()) {
                (None, None) => return true,
                (Some(Some(lit)), Some(seg)) if lit == seg => {}
                (Some(None), Some(_)) => {}
                _ => return false,
            }
        }
    }
}

impl RateLimiter {
    /// `limit` requests per `window` for every endpoint no family names.
    pub(crate) fn new(limit: u32, window: Duration) -> Self {
        RateLimiter {
            clock: Clock::new(),
            default: Window::new(limit, window),
            families: Vec::new(),
            concurrent: None,
            in_flight: 0,
        }
    }

    /// A family with a limit of its own; the first family that matches a request counts it.
    pub(crate) fn add_family(&mut self, pattern: &str, limit: u32, window: Duration) {
        self.families.push((Family::parse(pattern), Window::new(limit, window)));
    }

    /// At most `n` requests handled at once.
    pub(crate) fn set_concurrent(&mut self, n: u32) {
        self.concurrent = Some(n);
    }

    /// Runs the clock `ms` milliseconds ahead of the machine's (behind when negative).
    pub(crate) fn skew_clock(&mut self, ms: i64) {
        self.clock.epoch_ms = self.clock.epoch_ms.saturating_add(ms);
    }

    /// Counts one request of `method path` against its family's window.
    pub(crate) fn take(&mut self, method: &str, path: &str) -> RateInfo {
        let now_ms = self.clock.now_ms();
        let window = self
            .families
            .iter_mut()
            .find(|(f, _)| f.matches(method, path))
            .map_or(&mut self.default, |(_, w)| w);
        window.take(now_ms)
    }

    /// A request starts; `Some` (Okta's concurrent refusal: limit and remaining 0, a reset
    /// estimated a second away) when too many are already being handled. Every `enter` is
    /// paired with a [`leave`](Self::leave).
    pub(crate) fn enter(&mut self) -> Option<RateInfo> {
        self.in_flight = self.in_flight.saturating_add(1);
        let over = self.concurrent.is_some_and(|n| self.in_flight > n);
        over.then(|| {
            let now_ms = self.clock.now_ms();
            RateInfo {
                limit: 0,
                remaining: 0,
                reset: now_ms.div_euclid(1000).saturating_add(1),
                exceeded: true,
                now_ms,
            }
        })
    }

    /// A request ended.
    pub(crate) fn leave(&mut self) {
        self.in_flight = self.in_flight.saturating_sub(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_match_by_method_and_segments() {
        let f = Family::parse("GET /api/v1/users/{userId}");
        assert!(f.matches("GET", "/api/v1/users/00u1"));
        assert!(!f.matches("POST", "/api/v1/users/00u1"));
        assert!(!f.matches("GET", "/api/v1/users"));
        assert!(!f.matches("GET", "/api/v1/users/00u1/groups"));
        let any = Family::parse("/api/v1/groups/*");
        assert!(any.matches("DELETE", "/api/v1/groups/00g1"));
    }

    #[tokio::test(start_paused = true)]
    async fn windows_are_aligned_and_reset_when_they_say() {
        let mut limiter = RateLimiter::new(600, Duration::from_secs(60));
        limiter.add_family("GET /api/v1/users/{id}", 2, Duration::from_secs(1));
        let first = limiter.take("GET", "/api/v1/users/a");
        let reset_ms = first.reset * 1000;
        assert!(reset_ms > first.now_ms && reset_ms - first.now_ms <= 1000, "{first:?}");
        assert_eq!(limiter.take("GET", "/api/v1/users/b").remaining, 0);
        assert!(limiter.take("GET", "/api/v1/users/c").exceeded);
        // Other endpoints count against the org-wide default.
        assert_eq!(limiter.take("GET", "/api/v1/groups").remaining, 599);
        tokio::time::advance(Duration::from_millis(
            u64::try_from(reset_ms - first.now_ms).expect("positive"),
        ))
        .await;
        let next = limiter.take("GET", "/api/v1/users/a");
        assert!(!next.exceeded);
        assert_eq!(next.reset, first.reset + 1);
    }

    #[tokio::test(start_paused = true)]
    async fn a_skewed_clock_moves_date_and_resets_together() {
        let mut limiter = RateLimiter::new(600, Duration::from_secs(60));
        limiter.add_family("GET /api/v1/users/{id}", 2, Duration::from_secs(1));
        let machine = limiter.take("GET", "/api/v1/users/a");
        limiter.skew_clock(-30_000);
        let behind = limiter.take("GET", "/api/v1/users/a");
        assert_eq!(machine.now_ms - behind.now_ms, 30_000);
        assert_eq!(machine.reset - behind.reset, 30, "the window is on the org's clock");
        assert_eq!(behind.remaining, 1, "a window of its own");
    }

    #[test]
    fn the_concurrent_limit_refuses_the_request_over_it() {
        let mut limiter = RateLimiter::new(600, Duration::from_secs(60));
        limiter.set_concurrent(2);
        assert!(limiter.enter().is_none());
        assert!(limiter.enter().is_none());
        let refused = limiter.enter().expect("third at once");
        assert_eq!((refused.limit, refused.remaining), (0, 0));
        limiter.leave();
        limiter.leave();
        assert!(limiter.enter().is_none());
    }
}
