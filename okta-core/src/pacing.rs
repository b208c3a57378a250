//! What the user chooses about proactive pacing: on or off, and how much of each limit to use.

/// Proactive pacing against Okta's rate limits, set with
/// [`ClientBuilder::pacing`](crate::ClientBuilder::pacing). On by default.
///
/// The client keeps what every response says about its rate-limit bucket (`X-Rate-Limit-Limit`,
/// `-Remaining`, `-Reset`; a bucket is an endpoint family such as `GET /api/v1/users/{userId}`),
/// shared by every clone and task. When a bucket is spent, the next request waits for its reset
/// *before* it is sent, so a well-behaved job does not meet a 429. Okta's concurrent-request
/// limit is respected too: once Okta reports it, the client keeps fewer requests in flight.
///
/// ```
/// use okta_core::Pacing;
///
/// let polite = Pacing::default().share(0.8); // leave 20 % of every limit to other integrations
/// let raw = Pacing::off(); // send at once, and let 429s be retried
/// # let _ = (polite, raw);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pacing {
    enabled: bool,
    share: f64,
}

impl Default for Pacing {
    /// On, using all of every limit.
    fn default() -> Self {
        Pacing {
            enabled: true,
            share: 1.0,
        }
    }
}

impl Pacing {
    /// No pacing: every request is sent at once; a 429 is still waited out and retried.
    pub fn off() -> Self {
        Pacing {
            enabled: false,
            ..Pacing::default()
        }
    }

    /// Uses at most this fraction of each bucket's limit (`0.8` for 80 %), leaving the rest of
    /// the window to other integrations of the org. Values outside `(0, 1]` are clamped; at least
    /// one request per window is always allowed.
    pub fn share(mut self, fraction: f64) -> Self {
        self.share = if fraction.is_nan() {
            1.0
        } else {
            fraction.clamp(0.0, 1.0)
        };
        self
    }

    /// Whether requests wait for a spent bucket's reset at all.
    pub(crate) fn is_on(&self) -> bool {
        self.enabled
    }

    /// How many requests of a window of `limit` to leave unused.
    pub(crate) fn reserve(&self, limit: u64) -> u64 {
        // The float product is exact enough for any real limit; `as` saturates.
        let usable = ((limit as f64) * self.share).floor() as u64;
        limit.saturating_sub(usable.max(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_share_leaves_headroom_and_never_blocks_a_whole_window() {
        assert_eq!(Pacing::default().reserve(600), 0);
        assert_eq!(Pacing::default().share(0.8).reserve(600), 120);
        assert_eq!(Pacing::default().share(0.0).reserve(600), 599);
        assert_eq!(Pacing::default().share(f64::NAN).reserve(10), 0);
        assert_eq!(Pacing::default().share(7.0).reserve(10), 0);
        assert_eq!(Pacing::default().share(0.5).reserve(0), 0);
        assert_eq!(
            Pacing::default().share(0.5).reserve(u64::MAX),
            u64::MAX - (u64::MAX as f64 * 0.5) as u64
        );
    }
}
