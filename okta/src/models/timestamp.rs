//! `Timestamp`: an Okta date-time, kept exactly as Okta sent it.

use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

/// A date-time as Okta sends it (RFC 3339, `"2013-06-24T16:39:18.000Z"`).
///
/// It keeps the text it was decoded from and encodes back to exactly that text, so a GET → PUT
/// never changes a date's precision or spelling. [`to_system_time`](Self::to_system_time)
/// parses it on demand into a [`SystemTime`], which every Rust date-time crate converts from
/// (`chrono::DateTime::<Utc>::from`, `time::OffsetDateTime::from`, `jiff::Timestamp::try_from`);
/// or hand [`as_str`](Self::as_str) to that crate's RFC 3339 parser. The default is the empty
/// text (what a non-optional field holds when Okta sends none).
///
/// ```
/// use std::time::{Duration, SystemTime};
/// use okta::models::Timestamp;
///
/// let created: Timestamp = serde_json::from_str(r#""2013-06-24T16:39:18.000Z""#).unwrap();
/// assert_eq!(created.as_str(), "2013-06-24T16:39:18.000Z");
/// assert_eq!(
///     created.to_system_time().unwrap(),
///     SystemTime::UNIX_EPOCH + Duration::from_secs(1_372_091_958),
/// );
/// assert_eq!(serde_json::to_string(&created).unwrap(), r#""2013-06-24T16:39:18.000Z""#);
/// ```
#[derive(Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Timestamp(String);

impl Timestamp {
    /// The date-time exactly as Okta sent it (or as it was built).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Parses the RFC 3339 text (`Z` or a `±HH:MM` offset, any fraction of a second).
    pub fn to_system_time(&self) -> Result<SystemTime, TimestampError> {
        let invalid = || TimestampError(self.0.clone());
        let text = self.0.as_str();
        let (local, offset) = split_offset(text).ok_or_else(invalid)?;
        let utc = humantime::parse_rfc3339(&format!("{local}Z")).map_err(|_| invalid())?;
        // The local time is `offset` ahead of UTC.
        let shifted = if offset >= 0 {
            utc.checked_sub(Duration::from_secs(offset.unsigned_abs()))
        } else {
            utc.checked_add(Duration::from_secs(offset.unsigned_abs()))
        };
        shifted.ok_or_else(invalid)
    }
}

/// `"…T10:00:00+02:00"` → (`"…T10:00:00"`, 7200 s); `"…Z"` → (`"…"`, 0).
fn split_offset(text: &str) -> Option<(&str, i64)> {
    if let Some(local) = text.strip_suffix(['Z', 'z']) {
        return Some((local, 0));
    }
    let at = text.len().checked_sub(6)?;
    let (local, offset) = (text.get(..at)?, text.get(at..)?.as_bytes());
    let sign = match offset[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digit = |i: usize| offset[i].is_ascii_digit().then(|| i64::from(offset[i] - b'0'));
    if offset[3] != b':' {
        return None;
    }
    let (hours, minutes) = (digit(1)? * 10 + digit(2)?, digit(4)? * 10 + digit(5)?);
    if hours > 23 || minutes > 59 {
        return None;
    }
    Some((local, sign * (hours * 3600 + minutes * 60)))
}

impl From<SystemTime> for Timestamp {
    /// Okta's own spelling: UTC, milliseconds, `Z` (`"2013-06-24T16:39:18.000Z"`).
    fn from(time: SystemTime) -> Self {
        Timestamp(humantime::format_rfc3339_millis(time).to_string())
    }
}

impl From<String> for Timestamp {
    /// Takes the text as is; it is checked only by [`Timestamp::to_system_time`].
    fn from(text: String) -> Self {
        Timestamp(text)
    }
}

impl From<&str> for Timestamp {
    /// Takes the text as is; it is checked only by [`Timestamp::to_system_time`].
    fn from(text: &str) -> Self {
        Timestamp(text.to_owned())
    }
}

/// The text, so `created.as_deref()` reads an `Option<Timestamp>` as `Option<&str>`.
impl std::ops::Deref for Timestamp {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Timestamp {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Timestamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Timestamp({:?})", self.0)
    }
}

/// A [`Timestamp`] whose text is not an RFC 3339 date-time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimestampError(String);

impl std::fmt::Display for TimestampError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "not an RFC 3339 date-time: {:?}", self.0)
    }
}

impl std::error::Error for TimestampError {}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn at(secs: u64, millis: u64) -> SystemTime {
        SystemTime::UNIX_EPOCH + Duration::from_secs(secs) + Duration::from_millis(millis)
    }

    #[test]
    fn encodes_back_byte_for_byte() {
        for text in [
            r#""2013-06-24T16:39:18.000Z""#,
            r#""2013-06-24T16:39:18Z""#,
            r#""2013-06-24T18:39:18.123456+02:00""#,
            r#""not a date""#,
        ] {
            let t: Timestamp = serde_json::from_str(text).expect("decodes");
            assert_eq!(serde_json::to_string(&t).expect("encodes"), text);
        }
    }

    #[test]
    fn parses_on_demand_with_offsets_and_fractions() {
        let utc = Timestamp::from("2013-06-24T16:39:18.250Z")
            .to_system_time()
            .expect("parses");
        assert_eq!(utc, at(1_372_091_958, 250));
        let plus = Timestamp::from("2013-06-24T18:39:18.250+02:00")
            .to_system_time()
            .expect("parses");
        assert_eq!(plus, utc);
        let minus = Timestamp::from("2013-06-24T09:09:18.250-07:30")
            .to_system_time()
            .expect("parses");
        assert_eq!(minus, utc);
    }

    #[test]
    fn bad_text_is_an_error_not_a_panic() {
        for text in [
            "",
            "x",
            "2013-06-24",
            "2013-06-24T16:39:18",
            "2013-06-24T16:39:18+2:00",
            "é€€€€€€",
            "+00:00",
        ] {
            let error = Timestamp::from(text).to_system_time().expect_err(text);
            assert!(error.to_string().contains("RFC 3339"), "{error}");
        }
    }

    #[test]
    fn from_system_time_uses_oktas_spelling() {
        let t = Timestamp::from(at(1_372_091_958, 0));
        assert_eq!(t.as_str(), "2013-06-24T16:39:18.000Z");
        assert_eq!(t.to_system_time().expect("parses"), at(1_372_091_958, 0));
    }
}
