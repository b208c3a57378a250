//! Okta's rate-limit headers: `X-Rate-Limit-Limit`, `-Remaining` and `-Reset`.

use std::time::{Duration, SystemTime};

use reqwest::header::HeaderMap;

/// The rate-limit state Okta reported on a response.
///
/// When a header comes more than once (Okta can report several buckets), the smallest value wins:
/// it is the bucket that will refuse first.
///
/// ```
/// use okta_core::RateLimit;
/// let rl = RateLimit { limit: Some(600), remaining: Some(0), reset: Some(1_700_000_000) };
/// assert!(rl.is_exhausted());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RateLimit {
    /// `X-Rate-Limit-Limit`: the ceiling of the bucket this request counted against.
    pub limit: Option<u64>,
    /// `X-Rate-Limit-Remaining`: requests left in the current window.
    pub remaining: Option<u64>,
    /// `X-Rate-Limit-Reset`: when the window resets, in UTC epoch seconds.
    pub reset: Option<u64>,
}

impl RateLimit {
    /// Reads the headers of a response.
    pub fn from_headers(headers: &HeaderMap) -> Self {
        RateLimit {
            limit: min_header(headers, "x-rate-limit-limit"),
            remaining: min_header(headers, "x-rate-limit-remaining"),
            reset: min_header(headers, "x-rate-limit-reset"),
        }
    }

    /// When the window resets, as a time.
    pub fn reset_at(&self) -> Option<SystemTime> {
        self.reset
            .map(|secs| SystemTime::UNIX_EPOCH + Duration::from_secs(secs))
    }

    /// Whether no request is left in the window.
    pub fn is_exhausted(&self) -> bool {
        self.remaining == Some(0)
    }
}

/// The smallest numeric value of a header that may repeat or be comma-joined; `None` when absent
/// or when no value is a number.
fn min_header(headers: &HeaderMap, name: &str) -> Option<u64> {
    headers
        .get_all(name)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|v| v.trim().parse::<u64>().ok())
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    #[test]
    fn repeated_headers_take_the_smallest() {
        let mut h = HeaderMap::new();
        h.append("X-Rate-Limit-Reset", HeaderValue::from_static("200"));
        h.append("X-Rate-Limit-Reset", HeaderValue::from_static("100, 150"));
        h.append("X-Rate-Limit-Remaining", HeaderValue::from_static("junk"));
        let rl = RateLimit::from_headers(&h);
        assert_eq!(rl.reset, Some(100));
        assert_eq!(rl.remaining, None);
        assert_eq!(rl.limit, None);
    }
}
