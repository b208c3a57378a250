//! The server's clock, estimated from the `Date` headers of its responses.
//!
//! A rate-limit reset is a time on Okta's clock. The local clock may be off by seconds, and one
//! `Date` says only which whole second it was, so every response narrows an interval: when the
//! request left at local `sent` and the answer arrived at `received` with `Date: D`, the server's
//! clock read somewhere in `[D, D + 1 s)` at some instant in `[sent, received]`. The intersection
//! over many responses is as narrow as the gap between the last response of one second and the
//! first of the next, i.e. milliseconds for a busy client.
//!
//! The estimate is kept against the monotonic clock (`tokio::time::Instant`), never the wall
//! clock, so a step of the local wall clock cannot move a wait, and paused test clocks work. Until
//! the first `Date`, the wall clock read once when the client was built stands in: read again at
//! every look, a wait for a reset would move with the wall clock (and, on a paused test clock, which
//! the wall clock does not follow, never end).

use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use reqwest::header::{DATE, HeaderMap};
use tokio::time::Instant;

/// What the client knows of the server's clock. Shared by clones of a client.
#[derive(Debug)]
pub(crate) struct ServerClock {
    anchor: Instant,
    /// The wall clock at `anchor`, epoch ms: the stand-in for the server's before any `Date`.
    wall_at_anchor: i64,
    /// Bounds on `server epoch ms − local ms since anchor`, or `None` before any `Date`.
    offset: Mutex<Option<Bounds>>,
    /// The last `Date` read and its epoch ms: a busy client gets the same second many times, and
    /// parsing it again costs more than everything else the pacer does with a response.
    last_date: Mutex<Option<([u8; IMF_FIXDATE_LEN], i64)>>,
}

/// The length of `Sun, 06 Nov 1994 08:49:37 GMT`, the form every current server sends.
const IMF_FIXDATE_LEN: usize = 29;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Bounds {
    lo: i64,
    hi: i64,
}

impl ServerClock {
    pub(crate) fn new() -> Self {
        Self::anchored_at(Instant::now())
    }

    pub(crate) fn anchored_at(anchor: Instant) -> Self {
        ServerClock {
            anchor,
            wall_at_anchor: wall_ms(SystemTime::now()),
            offset: Mutex::new(None),
            last_date: Mutex::new(None),
        }
    }

    /// Milliseconds from the anchor to `t` (0 before it).
    fn local_ms(&self, t: Instant) -> i64 {
        i64::try_from(t.saturating_duration_since(self.anchor).as_millis()).unwrap_or(i64::MAX)
    }

    /// Takes the `Date` of a response to a request sent at `sent` and answered at `received`.
    /// A missing or malformed `Date` teaches nothing.
    pub(crate) fn observe(&self, headers: &HeaderMap, sent: Instant, received: Instant) {
        let Some(text) = headers.get(DATE).map(|v| v.as_bytes()) else {
            return;
        };
        let Some(date) = self.date_ms(text) else {
            return;
        };
        self.observe_ms(date, sent, received);
    }

    /// A `Date` in epoch milliseconds, parsed once per distinct text.
    fn date_ms(&self, text: &[u8]) -> Option<i64> {
        let mut last = self.last_date.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, ms)) = last.filter(|(seen, _)| seen[..] == *text) {
            return Some(ms);
        }
        let t = httpdate::parse_http_date(std::str::from_utf8(text).ok()?).ok()?;
        let ms = wall_ms(t);
        if let Ok(seen) = text.try_into() {
            *last = Some((seen, ms));
        }
        Some(ms)
    }

    /// `date_ms` is the server's `Date` in epoch milliseconds (a whole second).
    pub(crate) fn observe_ms(&self, date_ms: i64, sent: Instant, received: Instant) {
        let sample = Bounds {
            lo: date_ms.saturating_sub(self.local_ms(received)),
            hi: date_ms.saturating_add(1000).saturating_sub(self.local_ms(sent)),
        };
        let mut offset = self.offset.lock().unwrap_or_else(|e| e.into_inner());
        *offset = Some(match *offset {
            None => sample,
            Some(known) => {
                let merged = Bounds {
                    lo: known.lo.max(sample.lo),
                    hi: known.hi.min(sample.hi),
                };
                // An empty intersection means the server's clock moved (or drifted past what we
                // knew): start again from what it says now.
                if merged.lo > merged.hi { sample } else { merged }
            }
        });
    }

    #[cfg(test)]
    fn offset(&self) -> Option<Bounds> {
        *self.offset.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// How wide the estimate still is (`None` before any `Date`): the error of every wait.
    #[cfg(test)]
    pub(crate) fn uncertainty(&self) -> Option<Duration> {
        let offset = *self.offset.lock().unwrap_or_else(|e| e.into_inner());
        offset.map(|b| Duration::from_millis(u64::try_from(b.hi.saturating_sub(b.lo)).unwrap_or(0)))
    }

    /// The earliest local instant at which the server's clock has surely reached `epoch_secs`
    /// (in the past when it already has). Without any `Date` yet, the local wall clock (as read
    /// when the anchor was taken) stands in.
    pub(crate) fn instant_of(&self, epoch_secs: u64, now: Instant) -> Instant {
        let target_ms = i64::try_from(epoch_secs).ok().and_then(|s| s.checked_mul(1000));
        let Some(target_ms) = target_ms else {
            // Beyond any clock: as far as an instant can go.
            return far_future(now);
        };
        let offset = *self.offset.lock().unwrap_or_else(|e| e.into_inner());
        let local_ms = match offset {
            // The server reads `local + offset`; the latest it can reach the target is with the
            // smallest offset.
            Some(b) => target_ms.saturating_sub(b.lo),
            None => target_ms.saturating_sub(self.wall_at_anchor),
        };
        let Ok(local_ms) = u64::try_from(local_ms) else {
            return self.anchor.min(now);
        };
        self.anchor
            .checked_add(Duration::from_millis(local_ms))
            .unwrap_or_else(|| far_future(now))
    }
}

/// An instant so far ahead that no wait reaches it, without overflowing.
fn far_future(now: Instant) -> Instant {
    now.checked_add(Duration::from_secs(100 * 365 * 86_400)).unwrap_or(now)
}

fn wall_ms(t: SystemTime) -> i64 {
    t.duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: i64 = 1_700_000_000_000;

    /// A server whose clock runs `skew_ms` ahead of the local one, answered in `rtt_ms`.
    fn sample(clock: &ServerClock, anchor: Instant, at_ms: u64, skew_ms: i64, rtt_ms: u64) {
        let sent = anchor + Duration::from_millis(at_ms);
        let received = sent + Duration::from_millis(rtt_ms);
        let server_ms = T0 + skew_ms + i64::try_from(at_ms + rtt_ms / 2).expect("small");
        clock.observe_ms(server_ms - server_ms.rem_euclid(1000), sent, received);
    }

    #[test]
    fn many_responses_pin_the_offset_to_milliseconds() {
        let anchor = Instant::now();
        let clock = ServerClock::anchored_at(anchor);
        // The server is 3.456 s ahead; one response every 7 ms for 2 s, 1 ms round trips.
        let skew = 3_456;
        sample(&clock, anchor, 0, skew, 1);
        assert!(clock.uncertainty().expect("one Date") >= Duration::from_millis(900));
        for k in 1..300 {
            sample(&clock, anchor, k * 7, skew, 1);
        }
        let width = clock.uncertainty().expect("known");
        assert!(width <= Duration::from_millis(10), "{width:?}");
        // The server reaches T0 + 10 s at local anchor + 10 s − 3.456 s, and not before.
        let reset_secs = u64::try_from((T0 + 10_000) / 1000).expect("positive");
        let at = clock.instant_of(reset_secs, anchor);
        let truth = anchor + Duration::from_millis(10_000 - 3_456);
        assert!(at >= truth, "never early: {:?}", truth - at);
        assert!(at - truth <= Duration::from_millis(10), "{:?}", at - truth);
    }

    #[test]
    fn a_single_date_waits_conservatively() {
        let anchor = Instant::now();
        let clock = ServerClock::anchored_at(anchor);
        // Server at T0 + 0.9 s: Date says T0; the reset at T0 + 1 s is 100 ms away in truth.
        sample(&clock, anchor, 0, 900, 0);
        let at = clock.instant_of(u64::try_from((T0 + 1000) / 1000).expect("positive"), anchor);
        let wait = at - anchor;
        assert!(
            wait >= Duration::from_millis(100) && wait <= Duration::from_millis(1000),
            "{wait:?}"
        );
    }

    #[test]
    fn a_server_clock_that_jumps_is_followed() {
        let anchor = Instant::now();
        let clock = ServerClock::anchored_at(anchor);
        for k in 0..50 {
            sample(&clock, anchor, k * 30, 0, 1);
        }
        // The server's clock is stepped an hour ahead.
        for k in 50..60 {
            sample(&clock, anchor, k * 30, 3_600_000, 1);
        }
        let reset = u64::try_from((T0 + 3_600_000 + 5_000) / 1000).expect("positive");
        let wait = clock.instant_of(reset, anchor).saturating_duration_since(anchor);
        assert!(wait <= Duration::from_secs(6), "{wait:?}");
    }

    #[test]
    fn a_date_seen_before_reads_as_it_did_and_a_new_one_is_read_anew() {
        let anchor = Instant::now();
        let (by_header, by_value) = (ServerClock::anchored_at(anchor), ServerClock::anchored_at(anchor));
        let seconds = [0, 0, 1, 1, 0, 2, 2];
        for (k, s) in seconds.into_iter().enumerate() {
            let at = anchor + Duration::from_millis(400 * u64::try_from(k).expect("small"));
            let date = SystemTime::UNIX_EPOCH + Duration::from_millis(u64::try_from(T0).expect("positive") + s * 1000);
            let mut headers = HeaderMap::new();
            let text = httpdate::fmt_http_date(date);
            headers.insert(DATE, text.parse().expect("a header value"));
            by_header.observe(&headers, at, at + Duration::from_millis(1));
            by_value.observe_ms(
                T0 + i64::try_from(s * 1000).expect("small"),
                at,
                at + Duration::from_millis(1),
            );
            assert_eq!(by_header.offset(), by_value.offset(), "after {text}");
        }
        let mut obsolete = HeaderMap::new();
        obsolete.insert(DATE, "Sunday, 06-Nov-94 08:49:37 GMT".parse().expect("a header value"));
        by_header.observe(&obsolete, anchor, anchor);
        by_value.observe_ms(784_111_777_000, anchor, anchor);
        assert_eq!(by_header.offset(), by_value.offset(), "RFC 850 dates are read too");
    }

    #[test]
    fn any_reset_or_date_is_safe() {
        let anchor = Instant::now();
        let clock = ServerClock::anchored_at(anchor);
        let mut rng = fastrand::Rng::with_seed(7);
        for _ in 0..2_000 {
            let date = rng.i64(..);
            let sent = anchor + Duration::from_millis(rng.u64(0..1_000_000));
            clock.observe_ms(date, sent, sent + Duration::from_millis(rng.u64(0..1000)));
            let _ = clock.instant_of(rng.u64(..) >> rng.u32(0..64), anchor);
        }
    }
}
