//! Okta's concurrent-request limit, learnt from the 429s that report it.
//!
//! Okta does not announce the limit; a request over it is refused with `X-Rate-Limit-Limit` and
//! `-Remaining` both 0. From then on the client keeps one request fewer in flight than it had,
//! and probes one more again after as many successes as the cap (additive increase,
//! multiplicative decrease, like TCP), so other integrations' load changing is followed.

/// The cap on requests in flight, once Okta has refused one.
#[derive(Debug, Default)]
pub(crate) struct ConcurrencyLimit {
    cap: Option<usize>,
    successes: usize,
}

impl ConcurrencyLimit {
    /// Whether one more request may start while `in_flight` are out.
    pub(crate) fn allows(&self, in_flight: usize) -> bool {
        self.cap.is_none_or(|cap| in_flight < cap)
    }

    /// Okta refused a request for concurrency while `in_flight` (that one included) were out.
    pub(crate) fn refused(&mut self, in_flight: usize) {
        let lower = in_flight.saturating_sub(1).max(1);
        self.cap = Some(self.cap.map_or(lower, |cap| cap.min(lower)));
        self.successes = 0;
    }

    /// A request got an answer that was not a concurrency refusal.
    pub(crate) fn answered(&mut self) {
        if let Some(cap) = self.cap {
            self.successes += 1;
            if self.successes >= cap.saturating_mul(4) {
                self.cap = Some(cap.saturating_add(1));
                self.successes = 0;
            }
        }
    }

    /// The cap in force, if Okta has reported the limit.
    #[cfg(test)]
    pub(crate) fn cap(&self) -> Option<usize> {
        self.cap
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_lowers_the_cap_and_successes_raise_it_slowly() {
        let mut limit = ConcurrencyLimit::default();
        assert!(limit.allows(10_000));
        limit.refused(76);
        assert_eq!(limit.cap(), Some(75));
        assert!(limit.allows(74) && !limit.allows(75));
        for _ in 0..75 * 4 {
            limit.answered();
        }
        assert_eq!(limit.cap(), Some(76));
        limit.refused(0);
        assert_eq!(limit.cap(), Some(1), "at least one request may always go");
    }
}
