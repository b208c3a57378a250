//! The System Log: `/api/v1/logs`, read once or followed live.

use std::time::Duration;

use crate::models::LogEvent;
use crate::{Endpoint, ItemStream};

/// The Okta System Log API provides read access to your organization’s system log. This API
/// provides more functionality than the Events API.
///
/// `GET /api/v1/logs` → pages of [`LogEvent`] (default `limit` 100), following
/// `Link: rel="next"`. A polling query (`sortOrder` `ASCENDING` and no `until`) always has a
/// `next` link, so `stream()` and `pages()` end at the first empty page; that page (the last one
/// `pages()` yields) has the `next_cursor()` to poll again from later with `.after(..)`, and
/// [`follow`](GetLogsCall::follow) does that for you.
///
/// ```no_run
/// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
/// use futures::TryStreamExt;
/// let mut events = client
///     .get_logs()
///     .since("2017-10-01T00:00:00.000Z")
///     .filter(r#"eventType eq "user.session.start""#)
///     .stream();
/// while let Some(event) = events.try_next().await? {
///     let published = event.published.map(|at| at.to_string()).unwrap_or_default();
///     println!("{published} {}", event.display_message.unwrap_or_default());
/// }
/// # Ok(()) }
/// ```
#[doc(alias = "listLogEvents")]
#[derive(Debug, Clone, Endpoint)]
#[endpoint(GET "/api/v1/logs", response = LogEvent, paginated(page_size = 1000), call = crate::Client::get_logs)]
pub struct GetLogs {
    /// Only events published before this time (ISO 8601, exclusive).
    #[endpoint(query)]
    until: Option<String>,
    /// Only events published at or after this time (ISO 8601; server default 7 days ago).
    #[endpoint(query)]
    since: Option<String>,
    /// A filter expression, e.g. `eventType eq "user.session.start"`.
    #[endpoint(query)]
    filter: Option<String>,
    /// Keywords matched against the events' text (space-separated, all must match).
    #[endpoint(query)]
    q: Option<String>,
    /// The number of events per page (server default 100, maximum 1000; `.stream()` and
    /// `.pages()` ask for 1000 unless this is set).
    #[endpoint(query)]
    limit: Option<i32>,
    /// `ASCENDING` (server default) or `DESCENDING` by `published`.
    #[endpoint(query)]
    sort_order: Option<String>,
    /// The pagination cursor of the next page.
    #[endpoint(query)]
    after: Option<String>,
}

impl GetLogsCall {
    /// Follows the System Log live, as Okta's other SDKs' `subscribe` does: every event from
    /// `since` (or the last 7 days) on, then, each time the log runs dry, its `next` link again
    /// every `interval`, yielding new events as they are published. It never ends on its own
    /// while the query is a polling one (ascending, no `until`); with `until` it ends there. Drop
    /// the stream to stop it. An error (the org unreachable after the retries, say) ends it:
    /// resume from the last event's `published` time with a new `since`.
    ///
    /// Each poll counts against the `/api/v1/logs` rate limit: choose the interval with it in mind.
    ///
    /// ```no_run
    /// # async fn demo(client: okta::Client) -> Result<(), okta::Error> {
    /// use futures::TryStreamExt;
    /// use std::time::Duration;
    /// let mut live = client
    ///     .get_logs()
    ///     .since("2026-12-01T00:00:00.000Z")
    ///     .filter(r#"eventType eq "user.session.start""#)
    ///     .follow(Duration::from_secs(15));
    /// while let Some(event) = live.try_next().await? {
    ///     let published = event.published.map(|at| at.to_string()).unwrap_or_default();
    ///     println!("{published} {}", event.display_message.unwrap_or_default());
    /// }
    /// # Ok(()) }
    /// ```
    pub fn follow(self, interval: Duration) -> ItemStream<LogEvent> {
        self.0.follow(interval).items()
    }
}
