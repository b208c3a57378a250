//! The client-wide retry budget: a token bucket that lets isolated faults be retried and stops a
//! retry storm when most calls fail (the scheme of the AWS SDKs' "standard" retry mode).
//!
//! Every retry of a failed attempt costs tokens; every call that succeeds at once earns one back,
//! and a retry that succeeds returns what it cost. While a few calls in a hundred fail, the bucket
//! stays full; when most fail, it runs dry within a few hundred retries and calls fail at once
//! instead of multiplying the load on a struggling org.

use std::sync::atomic::{AtomicU32, Ordering};

/// Tokens in a full bucket.
pub(crate) const CAPACITY: u32 = 500;
/// What one retry costs.
pub(crate) const RETRY_COST: u32 = 5;

/// The budget, shared by clones of a client.
#[derive(Debug)]
pub(crate) struct RetryBudget {
    tokens: AtomicU32,
}

impl Default for RetryBudget {
    fn default() -> Self {
        RetryBudget {
            tokens: AtomicU32::new(CAPACITY),
        }
    }
}

impl RetryBudget {
    /// Takes the cost of one retry; `false` (and nothing taken) when the budget cannot pay it.
    pub(crate) fn try_take(&self) -> bool {
        self.tokens
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |t| t.checked_sub(RETRY_COST))
            .is_ok()
    }

    /// A call succeeded after `retries` paid retries (0 when the first attempt did).
    pub(crate) fn succeeded(&self, retries: u32) {
        let refund = if retries == 0 {
            1
        } else {
            RETRY_COST.saturating_mul(retries)
        };
        let _ = self.tokens.fetch_update(Ordering::AcqRel, Ordering::Acquire, |t| {
            Some(t.saturating_add(refund).min(CAPACITY))
        });
    }

    /// Tokens left, for tests and the live state.
    #[cfg(test)]
    pub(crate) fn tokens(&self) -> u32 {
        self.tokens.load(Ordering::Acquire)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn isolated_faults_never_drain_it() {
        let budget = RetryBudget::default();
        // One call in 20 fails once and succeeds on the retry, for 100,000 calls.
        for i in 0..100_000 {
            if i % 20 == 0 {
                assert!(budget.try_take(), "call {i}");
                budget.succeeded(1);
            } else {
                budget.succeeded(0);
            }
        }
        assert_eq!(budget.tokens(), CAPACITY);
    }

    #[test]
    fn an_outage_drains_it_then_successes_refill_it() {
        let budget = RetryBudget::default();
        let paid = (0..1_000).take_while(|_| budget.try_take()).count();
        assert_eq!(paid, (CAPACITY / RETRY_COST) as usize);
        assert!(!budget.try_take());
        for _ in 0..RETRY_COST {
            budget.succeeded(0);
        }
        assert!(budget.try_take(), "the org recovers, retries come back");
    }
}
