//! Per-bucket rate-limit state: what the responses said, what is in flight, and when the next
//! request may go.
//!
//! A bucket is the endpoint's method and declared path template (Okta's limits are per endpoint
//! family). Its state is a window: the reset Okta reported, the lowest `Remaining` it reported
//! for that window, and the requests granted since the window began. Requests granted but not
//! answered yet may or may not have been counted by the server when a response was generated, so
//! the estimate of what is left subtracts those that cannot have been counted; 32 tasks on one
//! bucket therefore stop when the window is spent instead of all firing into it.
//!
//! When a bucket is spent, waiters sleep until its reset on the server's clock (see
//! `server_clock.rs`) plus a few jittered milliseconds, so tasks released by one reset do not all
//! leave in the same millisecond; the window then counts as full again until a response says more.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use reqwest::header::HeaderMap;
use tokio::sync::Notify;
use tokio::time::Instant;

use crate::concurrency_limit::ConcurrencyLimit;
use crate::method::Method;
use crate::pacing::Pacing;
use crate::rate_limit::RateLimit;
use crate::server_clock::ServerClock;
use crate::status_code::StatusCode;

/// How long after a reset (on the server's clock, conservatively estimated) a waiter goes.
const MARGIN: Duration = Duration::from_millis(3);
/// Waiters released by one reset spread over this much time.
const SPREAD: Duration = Duration::from_millis(12);
/// More distinct buckets than this (raw requests name concrete paths) and idle ones are forgotten.
const MAX_BUCKETS: usize = 1024;

type Key = (Method, Cow<'static, str>);

/// The pacing state of a client, shared by its clones.
#[derive(Debug, Clone)]
pub(crate) struct Pacer {
    shared: Arc<Shared>,
}

#[derive(Debug)]
struct Shared {
    pacing: Pacing,
    clock: ServerClock,
    state: Mutex<State>,
    /// Wakes waiters when an answer arrives or a request ends: the only events that can let a
    /// waiter for an answer go, so it sleeps until one, never polling.
    changed: Notify,
}

#[derive(Debug, Default)]
struct State {
    buckets: HashMap<Key, Bucket>,
    in_flight: usize,
    concurrency: ConcurrencyLimit,
}

#[derive(Debug, Default, Clone)]
struct Bucket {
    limit: Option<u64>,
    /// The reset (server epoch seconds) of the window described, if one is known.
    reset: Option<u64>,
    /// The reset of the window before, once it passed: answers from it are stale.
    passed: Option<u64>,
    /// The lowest `Remaining` reported for this window (or the limit, assumed, after a reset).
    reported: Option<u64>,
    /// Requests granted since this window began.
    granted: u64,
    /// Requests granted and not answered.
    in_flight: u64,
    /// Seconds the server was seen to be late on this window's reset (refused after it).
    late: u64,
    /// Whether any answer came back yet: until one does, one request at a time probes the
    /// bucket, so 32 tasks starting together do not all fire into a window of 5.
    answered: bool,
}

impl Bucket {
    /// What is left of the window, as far as is known; `None` when nothing is.
    fn available(&self) -> Option<u64> {
        let reported = self.reported?;
        let counted = self.limit.map_or(0, |l| l.saturating_sub(reported));
        let uncounted = self.granted.saturating_sub(counted).min(self.in_flight);
        Some(reported.saturating_sub(uncounted))
    }

    /// The window's reset passed: it is full again until an answer says otherwise.
    fn roll(&mut self) {
        self.passed = self.reset.take().or(self.passed);
        self.reported = self.limit;
        self.granted = 0;
    }

    /// The server second after which the window has surely reset.
    fn reset_target(&self) -> Option<u64> {
        self.reset.map(|r| r.saturating_add(self.late))
    }

    /// Takes what an answer said about this bucket. `sent_after(r)`: whether the request left
    /// after server second `r` on the estimate of the server's clock.
    fn observe(&mut self, rl: &RateLimit, refused: bool, sent_after: impl Fn(u64) -> bool) {
        self.answered = true;
        self.limit = rl.limit.or(self.limit);
        let Some(reset) = rl.reset else {
            return;
        };
        if refused && self.reset.is_none() && self.passed == Some(reset) && sent_after(reset.saturating_add(self.late))
        {
            // Refused for a window we took for over: on the server it ends later.
            self.reset = Some(reset);
            self.reported = Some(0);
            self.late = self.late.saturating_add(1);
            return;
        }
        if self.passed.is_some_and(|p| reset <= p) || self.reset.is_some_and(|r| reset < r) {
            return; // an answer from a window that is over
        }
        let remaining = if refused { Some(0) } else { rl.remaining };
        if self.reset != Some(reset) {
            let rolled = self.reset.is_none() && self.passed.is_some();
            self.reset = Some(reset);
            self.late = 0;
            if !rolled {
                // A window first seen mid-way: what it used so far is counted, and everything
                // still out may count against it too.
                self.reported = None;
                let used = self.limit.zip(remaining).map_or(0, |(l, r)| l.saturating_sub(r));
                self.granted = used.saturating_add(self.in_flight);
            }
        }
        if let Some(remaining) = remaining {
            self.reported = Some(self.reported.map_or(remaining, |r| r.min(remaining)));
        }
        if refused && sent_after(reset.saturating_add(self.late)) {
            self.late = self.late.saturating_add(1);
        }
    }
}

/// A granted request: hand it back with its answer ([`Pacer::observe`]), or drop it.
#[derive(Debug)]
pub(crate) struct Ticket {
    shared: Arc<Shared>,
    key: Option<Key>,
    sent: Instant,
    open: bool,
}

impl Ticket {
    /// Ends the request (one fewer in flight, for the client and for its bucket), lets `then`
    /// update the state, and wakes the waiters; `false` when it had ended already.
    fn close(&mut self, then: impl FnOnce(&mut ConcurrencyLimit, usize, Option<&mut Bucket>)) -> bool {
        if !self.open {
            return false;
        }
        self.open = false;
        {
            let mut guard = self.shared.lock();
            let state = &mut *guard;
            state.in_flight = state.in_flight.saturating_sub(1);
            let mut bucket = self.key.as_ref().and_then(|k| state.buckets.get_mut(k));
            if let Some(bucket) = bucket.as_deref_mut() {
                bucket.in_flight = bucket.in_flight.saturating_sub(1);
            }
            then(&mut state.concurrency, state.in_flight, bucket);
        }
        self.shared.changed.notify_waiters();
        true
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        // Cancelled or failed without an answer.
        self.close(|_, _, _| {});
    }
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The live state of one rate-limit bucket, from [`Client::rate_limits`](crate::Client::rate_limits).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RateLimitBucket {
    /// The method of the endpoint family.
    pub method: Method,
    /// Its path template (`/api/v1/users/{userId}`), or the path of a raw request.
    pub path: String,
    /// `X-Rate-Limit-Limit` last reported.
    pub limit: Option<u64>,
    /// What the client expects is left of the window: the lowest `X-Rate-Limit-Remaining` of the
    /// window, less the requests sent since that the server cannot have counted yet.
    pub remaining: Option<u64>,
    /// `X-Rate-Limit-Reset` of the current window, in UTC epoch seconds.
    pub reset: Option<u64>,
    /// Requests of this bucket in flight.
    pub in_flight: u64,
}

impl Pacer {
    pub(crate) fn new(pacing: Pacing) -> Self {
        Self::with_clock(pacing, ServerClock::new())
    }

    pub(crate) fn with_clock(pacing: Pacing, clock: ServerClock) -> Self {
        Pacer {
            shared: Arc::new(Shared {
                pacing,
                clock,
                state: Mutex::new(State::default()),
                changed: Notify::new(),
            }),
        }
    }

    pub(crate) fn pacing(&self) -> Pacing {
        self.shared.pacing
    }

    /// Waits until a request of `method template` may go, and grants it.
    ///
    /// It never waits past `latest` (the deadline, or the longest wait the retry policy allows):
    /// then the request goes anyway and the server's answer decides.
    // The `Cow` is cloned into the bucket key: a declared (borrowed) template costs nothing.
    #[allow(clippy::ptr_arg)]
    pub(crate) async fn acquire(
        &self,
        method: &Method,
        template: &Cow<'static, str>,
        latest: Option<Instant>,
    ) -> Ticket {
        let shared = &self.shared;
        if !shared.pacing.is_on() {
            return Ticket {
                shared: Arc::clone(shared),
                key: None,
                sent: Instant::now(),
                open: false,
            };
        }
        let key: Key = (*method, template.clone());
        loop {
            let now = Instant::now();
            // Made before the state is read, so an answer in between is not missed: a `Notified`
            // hears every `notify_waiters` from its creation on (registering with `enable` would
            // cost two locks a request, and only `notify_one` needs it).
            let notified = shared.changed.notified();
            let verdict = self.admit(&mut shared.lock(), &key, now, latest);
            let until = match verdict {
                Verdict::Go => {
                    return Ticket {
                        shared: Arc::clone(shared),
                        key: Some(key),
                        sent: now,
                        open: true,
                    };
                }
                Verdict::At(at) => Some(at),
                Verdict::Answer => None,
            };
            match (until, latest) {
                (Some(at), _) => tokio::time::sleep_until(at).await,
                (None, Some(l)) => {
                    let _ = tokio::time::timeout_at(l, notified).await;
                }
                (None, None) => notified.await,
            }
        }
    }

    /// Grants a request of `key` now (counting it in flight), or says what to wait for. Never
    /// a wait past `latest`: then the request goes anyway and the server's answer decides.
    fn admit(&self, state: &mut State, key: &Key, now: Instant, latest: Option<Instant>) -> Verdict {
        let concurrency_allows = state.concurrency.allows(state.in_flight);
        if state.buckets.len() >= MAX_BUCKETS && !state.buckets.contains_key(key) {
            state.buckets.retain(|_, b| b.in_flight > 0);
        }
        // One lookup a request (and one for its answer): the key's hash is most of the cost.
        let bucket = state.buckets.entry(key.clone()).or_default();
        let verdict = if concurrency_allows {
            self.verdict(bucket, now)
        } else {
            Verdict::Answer
        };
        let too_late = |until: Option<Instant>| latest.is_some_and(|l| now >= l || until.is_some_and(|at| at > l));
        let go = match verdict {
            Verdict::Go => true,
            Verdict::At(at) => too_late(Some(at)),
            Verdict::Answer => too_late(None),
        };
        if !go {
            return verdict;
        }
        bucket.granted = bucket.granted.saturating_add(1);
        bucket.in_flight = bucket.in_flight.saturating_add(1);
        state.in_flight += 1;
        Verdict::Go
    }

    /// What the bucket's window allows now.
    fn verdict(&self, bucket: &mut Bucket, now: Instant) -> Verdict {
        let clock = &self.shared.clock;
        let reset_at = bucket.reset_target().map(|r| clock.instant_of(r, now) + MARGIN);
        if reset_at.is_some_and(|at| now >= at) {
            bucket.roll();
        }
        let Some(available) = bucket.available() else {
            if !bucket.answered && bucket.in_flight > 0 {
                return Verdict::Answer;
            }
            return Verdict::Go;
        };
        let reserve = bucket.limit.map_or(0, |l| self.shared.pacing.reserve(l));
        if available > reserve {
            return Verdict::Go;
        }
        match bucket.reset_target() {
            Some(_) => Verdict::At(reset_at.unwrap_or(now) + spread()),
            // Spent before any answer of the new window came: wait for one, if one is coming
            // (a window reported empty with nothing out, `Limit: 0`, has nothing to wait for).
            None if bucket.in_flight > 0 => Verdict::Answer,
            None => Verdict::Go,
        }
    }

    /// Takes an answer: its `Date` for the server's clock, its rate-limit headers for the bucket.
    pub(crate) fn observe(&self, mut ticket: Ticket, status: StatusCode, headers: &HeaderMap, received: Instant) {
        let clock = &self.shared.clock;
        let sent = ticket.sent;
        clock.observe(headers, sent, received);
        if !ticket.open {
            return; // pacing is off
        }
        let rl = RateLimit::from_headers(headers);
        let refused = status == StatusCode::TOO_MANY_REQUESTS;
        ticket.close(|concurrency, in_flight, bucket| {
            if refused && rl.is_concurrent_limit() {
                concurrency.refused(in_flight + 1);
            } else {
                concurrency.answered();
                if let Some(bucket) = bucket {
                    bucket.observe(&rl, refused, |r| sent >= clock.instant_of(r, sent));
                }
            }
        });
    }

    /// How long to wait before retrying after a 429 with these headers, on the server's clock;
    /// `None` when they give no usable reset (it is missing, or already past: fall back to
    /// backoff). A second refusal for a window waited out waits a second longer.
    #[allow(clippy::ptr_arg)] // as for `acquire`
    pub(crate) fn reset_wait(
        &self,
        method: &Method,
        template: &Cow<'static, str>,
        headers: &HeaderMap,
        now: Instant,
    ) -> Option<Duration> {
        let rl = RateLimit::from_headers(headers);
        if rl.is_concurrent_limit() {
            return None;
        }
        let reset = rl.reset?;
        let late = {
            let state = self.shared.lock();
            let key: Key = (*method, template.clone());
            state
                .buckets
                .get(&key)
                .filter(|b| b.reset == Some(reset))
                .map_or(0, |b| b.late)
        };
        let at = self.shared.clock.instant_of(reset.saturating_add(late), now);
        (at > now).then(|| (at - now) + MARGIN + spread())
    }

    /// The state of every bucket seen so far.
    pub(crate) fn snapshot(&self) -> Vec<RateLimitBucket> {
        let state = self.shared.lock();
        let mut all: Vec<RateLimitBucket> = state
            .buckets
            .iter()
            .map(|((method, path), b)| RateLimitBucket {
                method: *method,
                path: path.to_string(),
                limit: b.limit,
                remaining: b.available(),
                reset: b.reset,
                in_flight: b.in_flight,
            })
            .collect();
        all.sort_by(|a, b| (&a.path, a.method.as_str()).cmp(&(&b.path, b.method.as_str())));
        all
    }

    /// Requests in flight now and the concurrency cap learnt from Okta, if any.
    #[cfg(test)]
    fn concurrency(&self) -> (usize, Option<usize>) {
        let state = self.shared.lock();
        (state.in_flight, state.concurrency.cap())
    }
}

enum Verdict {
    Go,
    At(Instant),
    /// Wait for an answer (or a request to end), then look again.
    Answer,
}

fn spread() -> Duration {
    Duration::from_nanos(fastrand::u64(0..=u64::try_from(SPREAD.as_nanos()).unwrap_or(0)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    const T0: u64 = 1_700_000_000;
    const USER: Cow<'static, str> = Cow::Borrowed("/api/v1/users/{userId}");
    const GROUPS: Cow<'static, str> = Cow::Borrowed("/api/v1/groups");

    fn headers(limit: u64, remaining: u64, reset: u64, date: u64) -> HeaderMap {
        let mut h = HeaderMap::new();
        let mut put = |k: &'static str, v: String| {
            h.insert(k, HeaderValue::from_str(&v).expect("valid"));
        };
        put("x-rate-limit-limit", limit.to_string());
        put("x-rate-limit-remaining", remaining.to_string());
        put("x-rate-limit-reset", reset.to_string());
        let date = std::time::SystemTime::UNIX_EPOCH + Duration::from_secs(date);
        put("date", httpdate::fmt_http_date(date));
        h
    }

    /// A pacer whose server clock is exactly known: server second `T0` starts at `origin`.
    fn pacer(pacing: Pacing, origin: Instant) -> Pacer {
        let clock = ServerClock::anchored_at(origin);
        // A response that left just before T0 + 1 and came back just after pins the clock.
        let ms = i64::try_from(T0 * 1000).expect("small");
        clock.observe_ms(
            ms,
            origin + Duration::from_millis(999),
            origin + Duration::from_millis(999),
        );
        clock.observe_ms(
            ms + 1000,
            origin + Duration::from_millis(1000),
            origin + Duration::from_millis(1000),
        );
        Pacer::with_clock(pacing, clock)
    }

    #[tokio::test(start_paused = true)]
    async fn a_spent_bucket_waits_for_its_reset_and_other_buckets_do_not() {
        let origin = Instant::now();
        let pacer = pacer(Pacing::default(), origin);
        // Second T0 + 1: the window of 3 resets at T0 + 2.
        tokio::time::advance(Duration::from_millis(1_100)).await;
        for remaining in [2, 1, 0] {
            let t = pacer.acquire(&Method::GET, &USER, None).await;
            pacer.observe(
                t,
                StatusCode::OK,
                &headers(3, remaining, T0 + 2, T0 + 1),
                Instant::now(),
            );
        }
        let before = Instant::now();
        let other = pacer.acquire(&Method::GET, &GROUPS, None).await;
        assert_eq!(Instant::now(), before, "another bucket is not held up");
        drop(other);
        let t = pacer.acquire(&Method::GET, &USER, None).await;
        let waited = Instant::now() - origin;
        assert!(
            waited >= Duration::from_millis(2_000) && waited <= Duration::from_millis(2_000) + MARGIN + SPREAD,
            "went at {waited:?}, the reset is at 2 s"
        );
        drop(t);
        let snapshot = pacer.snapshot();
        let user = snapshot.iter().find(|b| b.path == USER).expect("bucket");
        assert_eq!((user.limit, user.remaining, user.in_flight), (Some(3), Some(3), 0));
    }

    /// A paused clock turns a test whose tasks wait on each other forever into a busy loop of
    /// timer advances (or a hang): give up after this much virtual time instead.
    const STUCK: Duration = Duration::from_secs(3_600);

    #[tokio::test(start_paused = true)]
    async fn concurrent_tasks_do_not_fire_into_a_spent_window() {
        let origin = Instant::now();
        let pacer = pacer(Pacing::default(), origin);
        tokio::time::advance(Duration::from_millis(1_100)).await;
        // One answer says 10 are left; 32 tasks then want to go before any other answer.
        let t = pacer.acquire(&Method::GET, &USER, None).await;
        pacer.observe(t, StatusCode::OK, &headers(20, 10, T0 + 2, T0 + 1), Instant::now());
        let (granted, mut grants) = tokio::sync::mpsc::unbounded_channel();
        for _ in 0..32 {
            let (pacer, granted) = (pacer.clone(), granted.clone());
            tokio::spawn(async move {
                let ticket = pacer.acquire(&Method::GET, &USER, None).await;
                let _ = granted.send((Instant::now(), ticket));
            });
        }
        drop(granted);
        // Requests end in the order they went (ending them in spawn order could wait forever on
        // a task that itself waits for one of the requests not ended yet: 20 of the 22 released
        // by the reset fill the new window).
        let early = tokio::time::timeout(STUCK, async {
            let mut early = 0;
            while let Some((at, ticket)) = grants.recv().await {
                early += usize::from(at < origin + Duration::from_secs(2));
                drop(ticket);
            }
            early
        })
        .await
        .expect("every task went");
        assert_eq!(early, 10, "exactly what was left went before the reset");
    }

    /// The cause of a test that once spun: a waiter for an answer re-checked every 50 ms, which a
    /// paused clock turns into a busy loop when no answer is coming; it now sleeps until an
    /// answer or a request's end notifies it.
    #[tokio::test(start_paused = true)]
    async fn a_waiter_for_an_answer_sleeps_until_one_comes() {
        let pacer = pacer(Pacing::default(), Instant::now());
        let probe = pacer.acquire(&Method::GET, &USER, None).await;
        let polls = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let waiter = {
            let (pacer, polls) = (pacer.clone(), Arc::clone(&polls));
            tokio::spawn(async move {
                let acquire = pacer.acquire(&Method::GET, &USER, None);
                tokio::pin!(acquire);
                std::future::poll_fn(|cx| {
                    polls.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    acquire.as_mut().poll(cx)
                })
                .await
            })
        };
        tokio::time::sleep(STUCK).await;
        let woken = polls.load(std::sync::atomic::Ordering::Relaxed);
        assert!(
            !waiter.is_finished() && woken <= 2,
            "woken {woken} times in an hour without news"
        );
        drop(probe); // the probe failed without an answer: the next may go
        drop(
            tokio::time::timeout(Duration::from_millis(1), waiter)
                .await
                .expect("released at once"),
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_waiter_for_an_answer_goes_when_the_call_allows_no_longer() {
        let pacer = pacer(Pacing::default(), Instant::now());
        let _probe = pacer.acquire(&Method::GET, &USER, None).await;
        let before = Instant::now();
        let latest = before + Duration::from_millis(300);
        drop(pacer.acquire(&Method::GET, &USER, Some(latest)).await);
        assert_eq!(Instant::now(), latest);
    }

    /// A window reported empty (`Limit: 0` on a success) rolls over into a window of 0: with
    /// nothing in flight there is no answer to wait for, so one request goes and asks.
    #[tokio::test(start_paused = true)]
    async fn a_window_of_nothing_with_nothing_in_flight_is_not_waited_on() {
        let origin = Instant::now();
        let pacer = pacer(Pacing::default(), origin);
        tokio::time::advance(Duration::from_millis(1_100)).await;
        let t = pacer.acquire(&Method::GET, &USER, None).await;
        pacer.observe(t, StatusCode::OK, &headers(0, 0, T0 + 2, T0 + 1), Instant::now());
        let t = tokio::time::timeout(STUCK, pacer.acquire(&Method::GET, &USER, None))
            .await
            .expect("went after the reset");
        assert!(Instant::now() - origin <= Duration::from_millis(2_000) + MARGIN + SPREAD);
        drop(t);
    }

    /// Without any `Date`, a reset is waited for on the wall clock as read when the client was
    /// built; read again at every look, the wait would never end on a paused clock.
    #[tokio::test(start_paused = true)]
    async fn without_a_date_a_reset_is_waited_for_on_the_local_clock() {
        let pacer = Pacer::new(Pacing::default());
        let start = Instant::now();
        let wall = std::time::SystemTime::now()
            .duration_since(std::time::SystemTime::UNIX_EPOCH)
            .expect("after 1970")
            .as_secs();
        let mut h = headers(5, 0, wall + 3, 0);
        h.remove("date");
        let t = pacer.acquire(&Method::GET, &USER, None).await;
        pacer.observe(t, StatusCode::OK, &h, Instant::now());
        let t = tokio::time::timeout(STUCK, pacer.acquire(&Method::GET, &USER, None))
            .await
            .expect("went at the reset");
        let waited = Instant::now() - start;
        assert!(
            waited >= Duration::from_secs(2) && waited <= Duration::from_secs(3) + MARGIN + SPREAD,
            "{waited:?}"
        );
        drop(t);
    }

    #[tokio::test(start_paused = true)]
    async fn the_share_leaves_headroom() {
        let origin = Instant::now();
        let pacer = pacer(Pacing::default().share(0.8), origin);
        tokio::time::advance(Duration::from_millis(1_100)).await;
        let t = pacer.acquire(&Method::GET, &USER, None).await;
        pacer.observe(t, StatusCode::OK, &headers(10, 3, T0 + 2, T0 + 1), Instant::now());
        // 2 of 10 stay for others: one more goes at once, the next waits for the reset.
        let t = pacer.acquire(&Method::GET, &USER, None).await;
        pacer.observe(t, StatusCode::OK, &headers(10, 2, T0 + 2, T0 + 1), Instant::now());
        let before = Instant::now();
        drop(pacer.acquire(&Method::GET, &USER, None).await);
        assert!(Instant::now() - before >= Duration::from_millis(800));
    }

    #[tokio::test(start_paused = true)]
    async fn until_a_bucket_answers_one_request_probes_it() {
        let pacer = pacer(Pacing::default(), Instant::now());
        let probe = pacer.acquire(&Method::GET, &USER, None).await;
        let second = {
            let pacer = pacer.clone();
            tokio::spawn(async move { pacer.acquire(&Method::GET, &USER, None).await })
        };
        tokio::time::sleep(Duration::from_millis(200)).await;
        assert!(!second.is_finished(), "the second waits for the first answer");
        pacer.observe(probe, StatusCode::OK, &HeaderMap::new(), Instant::now());
        drop(
            second
                .await
                .expect("an answer, even without rate-limit headers, lets the rest go"),
        );
    }

    #[tokio::test(start_paused = true)]
    async fn pacing_never_waits_past_what_the_call_allows_and_off_means_off() {
        let origin = Instant::now();
        for pacing in [Pacing::default(), Pacing::off()] {
            let pacer = pacer(pacing, origin);
            let t = pacer.acquire(&Method::GET, &USER, None).await;
            pacer.observe(t, StatusCode::OK, &headers(3, 0, T0 + 3_600, T0), Instant::now());
            let before = Instant::now();
            let latest = Some(before + Duration::from_secs(60));
            drop(pacer.acquire(&Method::GET, &USER, latest).await);
            assert_eq!(
                Instant::now(),
                before,
                "{pacing:?}: a reset an hour away is not waited for"
            );
        }
    }

    #[tokio::test(start_paused = true)]
    async fn a_429_waits_until_the_reset_and_a_second_one_a_second_more() {
        let origin = Instant::now();
        let pacer = pacer(Pacing::default(), origin);
        tokio::time::advance(Duration::from_millis(1_500)).await;
        let h = headers(10, 0, T0 + 2, T0 + 1);
        let t = pacer.acquire(&Method::GET, &USER, None).await;
        pacer.observe(t, StatusCode::TOO_MANY_REQUESTS, &h, Instant::now());
        let wait = pacer
            .reset_wait(&Method::GET, &USER, &h, Instant::now())
            .expect("a reset ahead");
        assert!(
            wait >= Duration::from_millis(500) && wait <= Duration::from_millis(500) + MARGIN + SPREAD,
            "{wait:?}"
        );
        tokio::time::sleep(wait).await;
        // Refused again for the same window, although it left after the reset.
        let t = pacer.acquire(&Method::GET, &USER, None).await;
        pacer.observe(t, StatusCode::TOO_MANY_REQUESTS, &h, Instant::now());
        let again = pacer
            .reset_wait(&Method::GET, &USER, &h, Instant::now())
            .expect("waited out again");
        assert!(
            again >= Duration::from_millis(900) && again <= Duration::from_secs(1) + MARGIN + SPREAD,
            "{again:?}"
        );
        // Headers that give no reset ahead fall back to backoff.
        assert_eq!(
            pacer.reset_wait(&Method::GET, &USER, &headers(10, 0, T0, T0), Instant::now()),
            None
        );
        assert_eq!(
            pacer.reset_wait(&Method::GET, &USER, &HeaderMap::new(), Instant::now()),
            None
        );
    }

    #[tokio::test(start_paused = true)]
    async fn the_concurrent_limit_holds_requests_until_others_end() {
        let origin = Instant::now();
        let pacer = pacer(Pacing::default(), origin);
        let first = pacer.acquire(&Method::GET, &USER, None).await;
        pacer.observe(first, StatusCode::OK, &headers(100, 99, T0 + 1, T0), Instant::now());
        let held: Vec<Ticket> =
            futures::future::join_all((0..3).map(|_| pacer.acquire(&Method::GET, &USER, None))).await;
        let refused = pacer.acquire(&Method::GET, &USER, None).await;
        pacer.observe(
            refused,
            StatusCode::TOO_MANY_REQUESTS,
            &headers(0, 0, T0 + 1, T0),
            Instant::now(),
        );
        assert_eq!(pacer.concurrency(), (3, Some(3)));
        let waiter = {
            let pacer = pacer.clone();
            tokio::spawn(async move { pacer.acquire(&Method::GET, &USER, None).await })
        };
        tokio::time::sleep(Duration::from_secs(1)).await;
        assert!(!waiter.is_finished(), "a fourth request waits while three are out");
        drop(held);
        let ticket = waiter.await.expect("released when one ended");
        assert_eq!(pacer.concurrency(), (1, Some(3)));
        drop(ticket);
    }

    #[test]
    fn any_headers_are_safe() {
        let pacer = Pacer::new(Pacing::default());
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .expect("runtime");
        let mut rng = fastrand::Rng::with_seed(3);
        let mut any = || match rng.u8(0..4) {
            0 => u64::MAX,
            1 => 0,
            _ => rng.u64(..) >> rng.u32(0..64),
        };
        rt.block_on(async {
            for _ in 0..3_000 {
                let h = headers(any(), any(), any(), any() % 253_402_300_799);
                let now = Instant::now();
                let t = pacer.acquire(&Method::GET, &USER, Some(now)).await;
                pacer.observe(t, StatusCode::TOO_MANY_REQUESTS, &h, now);
                let _ = pacer.reset_wait(&Method::GET, &USER, &h, now);
                let _ = pacer.snapshot();
            }
        });
    }
}
