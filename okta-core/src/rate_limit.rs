//! Okta's rate-limit headers: `X-Rate-Limit-Limit`, `-Remaining` and `-Reset`.

use std::time::{Duration, SystemTime};

use reqwest::header::{HeaderMap, HeaderName};

static LIMIT: HeaderName = HeaderName::from_static("x-rate-limit-limit");
static REMAINING: HeaderName = HeaderName::from_static("x-rate-limit-remaining");
static RESET: HeaderName = HeaderName::from_static("x-rate-limit-reset");

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
    pub(crate) fn from_headers(headers: &HeaderMap) -> Self {
        RateLimit {
            limit: min_header(headers, &LIMIT),
            remaining: min_header(headers, &REMAINING),
            reset: min_header(headers, &RESET),
        }
    }

    /// When the window resets, as a time; `None` when the header is absent or names a time this
    /// platform cannot represent (a server may send any number).
    pub fn reset_at(&self) -> Option<SystemTime> {
        SystemTime::UNIX_EPOCH.checked_add(Duration::from_secs(self.reset?))
    }

    /// Whether no request is left in the window.
    pub fn is_exhausted(&self) -> bool {
        self.remaining == Some(0)
    }

    /// Whether this is Okta's concurrent-request limit rather than a rate per window: when too
    /// many requests of the org are in flight at once, Okta answers 429 with `X-Rate-Limit-Limit`
    /// and `X-Rate-Limit-Remaining` both 0.
    ///
    /// ```
    /// use okta_core::RateLimit;
    /// assert!(RateLimit { limit: Some(0), remaining: Some(0), reset: None }.is_concurrent_limit());
    /// assert!(!RateLimit { limit: Some(600), remaining: Some(0), reset: None }.is_concurrent_limit());
    /// ```
    pub fn is_concurrent_limit(&self) -> bool {
        self.limit == Some(0) && self.remaining == Some(0)
    }
}

/// The smallest numeric value of a header that may repeat or be comma-joined; `None` when absent
/// or when no value is a number.
// Read as bytes: every response is read, and `str` validation and parsing cost more than the rest
// of the pacer's work on it.
fn min_header(headers: &HeaderMap, name: &HeaderName) -> Option<u64> {
    headers
        .get_all(name)
        .iter()
        .flat_map(|v| v.as_bytes().split(|&b| b == b','))
        .filter_map(number)
        .min()
}

/// A decimal number (`+` allowed, as `str::parse` does) between optional blanks; `None` for
/// anything else, or one beyond `u64`.
fn number(item: &[u8]) -> Option<u64> {
    let item = item.trim_ascii();
    let digits = item.strip_prefix(b"+").unwrap_or(item);
    if digits.is_empty() {
        return None;
    }
    digits.iter().try_fold(0u64, |n, &b| {
        let digit = b.wrapping_sub(b'0');
        if digit > 9 {
            return None;
        }
        n.checked_mul(10)?.checked_add(u64::from(digit))
    })
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

    #[test]
    fn a_reset_no_clock_can_hold_is_absent_not_a_panic() {
        for reset in [u64::MAX, 1 << 63, (1 << 63) + 1, u64::MAX / 1000] {
            let rl = RateLimit {
                reset: Some(reset),
                ..RateLimit::default()
            };
            // Representable or not, it must not panic; the far ones are not representable.
            let _ = rl.reset_at();
        }
        let far = RateLimit {
            reset: Some(u64::MAX),
            ..RateLimit::default()
        };
        assert_eq!(far.reset_at(), None);
    }

    /// Random header values (numbers of every size, junk, lists) never panic the parser, and a
    /// single number reads back as itself.
    #[test]
    fn header_parsing_takes_any_input() {
        let mut rng = fastrand::Rng::with_seed(0x5eed);
        for _ in 0..5_000 {
            let mut h = HeaderMap::new();
            let n = rng.u64(..) >> rng.u32(0..64);
            let text = match rng.u8(0..7) {
                0 => n.to_string(),
                1 => format!("{n}, {}", rng.u64(..)),
                2 => format!("-{n}"),
                3 => format!("{n}{}", rng.alphanumeric()),
                4 => format!("\t+{n} ,,"),
                5 => format!("{}{n}", rng.u64(..)), // mostly beyond u64
                _ => (0..rng.usize(0..12)).map(|_| rng.char(' '..'~')).collect(),
            };
            let Ok(value) = reqwest::header::HeaderValue::from_str(&text) else {
                continue;
            };
            h.insert("x-rate-limit-reset", value.clone());
            h.insert("x-rate-limit-limit", value.clone());
            h.insert("x-rate-limit-remaining", value);
            let rl = RateLimit::from_headers(&h);
            let _ = (rl.reset_at(), rl.is_exhausted(), rl.is_concurrent_limit());
            if text == n.to_string() {
                assert_eq!(rl.reset, Some(n));
            }
            // What the standard library makes of the same text.
            let parsed = text.split(',').filter_map(|v| v.trim().parse::<u64>().ok()).min();
            assert_eq!(rl.reset, parsed, "{text:?}");
        }
    }
}
