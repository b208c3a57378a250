//! Fault injection: make the next requests fail, stall, vanish or hit a rate limit.

use std::sync::Arc;
use std::time::Duration;

use crate::server::Shared;

/// What an injected fault does to a request.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum FaultKind {
    /// Answer with this status and an Okta error body.
    Fail(u16),
    /// Wait before handling the request normally.
    Delay(Duration),
    /// Read the request, then close the connection without answering.
    Drop,
    /// Answer 429 E0000047 with `X-Rate-Limit-Remaining: 0` and a reset one second away.
    RateLimit,
}

#[derive(Debug)]
struct Fault {
    kind: FaultKind,
    remaining: usize,
    path_prefix: Option<String>,
}

/// Pending faults, consumed in the order they were added.
#[derive(Debug, Default)]
pub(crate) struct FaultQueue(Vec<Fault>);

impl FaultQueue {
    /// Takes what applies to a request on `path`: at most one delay and at most one other fault.
    pub(crate) fn take(&mut self, path: &str) -> (Option<Duration>, Option<FaultKind>) {
        let mut take_one = |want_delay: bool| {
            let fault = self.0.iter_mut().find(|f| {
                f.remaining > 0
                    && matches!(f.kind, FaultKind::Delay(_)) == want_delay
                    && f.path_prefix.as_deref().is_none_or(|p| path.starts_with(p))
            })?;
            fault.remaining -= 1;
            Some(fault.kind)
        };
        let delay = match take_one(true) {
            Some(FaultKind::Delay(d)) => Some(d),
            _ => None,
        };
        let action = take_one(false);
        self.0.retain(|f| f.remaining > 0);
        (delay, action)
    }
}

/// Adds faults for the next requests, optionally only those whose path starts with a prefix.
///
/// Get one from [`OktaMock::faults`](crate::OktaMock::faults) or
/// [`OktaMock::faults_on`](crate::OktaMock::faults_on). Faults are used up in the order they were
/// added; a delay combines with one other fault on the same request.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// use std::time::Duration;
/// let org = okta_mock::OktaMock::start().await;
/// org.faults_on("/api/v1/users").fail_next(2, 503).delay_next(1, Duration::from_millis(50));
/// org.faults().drop_next(1).rate_limit_next(1);
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct Faults {
    shared: Arc<Shared>,
    path_prefix: Option<String>,
}

impl Faults {
    pub(crate) fn new(shared: Arc<Shared>, path_prefix: Option<String>) -> Self {
        Self { shared, path_prefix }
    }

    fn push(&self, kind: FaultKind, n: usize) -> &Self {
        let fault = Fault {
            kind,
            remaining: n,
            path_prefix: self.path_prefix.clone(),
        };
        self.shared.harness().faults.0.push(fault);
        self
    }

    /// The next `n` requests get `status` with an Okta error body (e.g. 503 E0000010, 500 E0000009).
    pub fn fail_next(&self, n: usize, status: u16) -> &Self {
        self.push(FaultKind::Fail(status), n)
    }

    /// The next `n` requests are held for `delay`, then handled normally.
    pub fn delay_next(&self, n: usize, delay: Duration) -> &Self {
        self.push(FaultKind::Delay(delay), n)
    }

    /// The next `n` requests are read, then the connection is closed without a response.
    pub fn drop_next(&self, n: usize) -> &Self {
        self.push(FaultKind::Drop, n)
    }

    /// The next `n` requests get 429 E0000047, `X-Rate-Limit-Remaining: 0` and a reset 1 s away.
    pub fn rate_limit_next(&self, n: usize) -> &Self {
        self.push(FaultKind::RateLimit, n)
    }

    /// Removes every pending fault (of every scope).
    pub fn clear(&self) {
        self.shared.harness().faults.0.clear();
    }
}
