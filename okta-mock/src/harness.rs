//! The test machinery around the org: injected faults, the rate limiter and the request log.
//! Kept apart from the org's data ([`State`](crate::state::State)), under its own lock.

use std::time::Duration;

use crate::faults::FaultQueue;
use crate::rate_limit::RateLimiter;
use crate::recorded::RecordedRequest;

/// What the server consults around each request, not what the org holds.
#[derive(Debug)]
pub(crate) struct Harness {
    pub(crate) limiter: RateLimiter,
    pub(crate) faults: FaultQueue,
    pub(crate) requests: Vec<RecordedRequest>,
}

impl Harness {
    pub(crate) fn new(budget: u32, window: Duration) -> Self {
        Self {
            limiter: RateLimiter::new(budget, window),
            faults: FaultQueue::default(),
            requests: Vec::new(),
        }
    }
}
