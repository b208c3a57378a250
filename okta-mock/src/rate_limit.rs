//! A fixed-window request budget with Okta's `X-Rate-Limit-*` headers.

use std::time::{Duration, Instant};

use crate::clock;

/// The budget: `limit` requests per `window`, shared by every endpoint.
#[derive(Debug)]
pub(crate) struct RateLimiter {
    limit: u32,
    window: Duration,
    started: Instant,
    reset_epoch: i64,
    used: u32,
}

/// What one request learned from the limiter.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RateInfo {
    pub(crate) limit: u32,
    pub(crate) remaining: u32,
    /// UTC epoch seconds when the window resets.
    pub(crate) reset: i64,
    pub(crate) exceeded: bool,
}

impl RateLimiter {
    pub(crate) fn new(limit: u32, window: Duration) -> Self {
        let mut rl = Self {
            limit,
            window,
            started: Instant::now(),
            reset_epoch: 0,
            used: 0,
        };
        rl.restart();
        rl
    }

    fn restart(&mut self) {
        self.started = Instant::now();
        // Round up so the advertised reset is never before the real one.
        let window_secs = i64::try_from(self.window.as_millis().div_ceil(1000)).unwrap_or(i64::MAX);
        self.reset_epoch = clock::now_secs().saturating_add(window_secs.max(1));
        self.used = 0;
    }

    /// Counts one request.
    pub(crate) fn take(&mut self) -> RateInfo {
        if self.started.elapsed() >= self.window {
            self.restart();
        }
        let exceeded = self.used >= self.limit;
        if !exceeded {
            self.used += 1;
        }
        RateInfo {
            limit: self.limit,
            remaining: self.limit - self.used,
            reset: self.reset_epoch,
            exceeded,
        }
    }
}
