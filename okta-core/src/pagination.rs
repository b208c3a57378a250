//! Lists: lazy streams of pages and items that follow each page's next link.

use std::collections::HashSet;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use futures::stream::{self, BoxStream, Stream, StreamExt, TryStreamExt};
use serde::de::DeserializeOwned;
use url::Url;

use crate::client::Client;
use crate::error::Error;
use crate::page::Page;
use crate::request::PreparedRequest;
use crate::response::RawResponse;

/// Decodes one page of the list being streamed.
pub(crate) type DecodePage<T> = fn(&RawResponse) -> Result<Page<T>, Error>;

/// The pages of a list, fetched one at a time as they are polled.
///
/// It ends after a page without a next link, or after an empty page (the System Log's polling
/// queries always announce a next page), unless it [follows](crate::Call::follow) the list. It
/// fails, rather than loop or leak, when a next link is not a URL, points to another origin or
/// another path than the list's, or repeats one already followed; the items of the page that
/// carried such a link come first. An error ends the stream: nothing is dropped silently.
#[must_use = "streams do nothing unless polled"]
pub struct PageStream<T> {
    inner: BoxStream<'static, Result<Page<T>, Error>>,
}

/// The items of a list, across pages; at most one page is held in memory.
#[must_use = "streams do nothing unless polled"]
pub struct ItemStream<T> {
    inner: BoxStream<'static, Result<T, Error>>,
}

struct Cursor<T> {
    client: Client,
    decode: DecodePage<T>,
    /// The next request, or why there is none although the server announced one: that error
    /// comes after the page that carried the link, so none of its items is lost.
    next: Option<Result<PreparedRequest, Error>>,
    followed: HashSet<Url>,
    /// Following a log: after an empty page, wait this long and ask the same link again.
    follow: Option<Duration>,
    /// The last page was empty: wait before the next request.
    dry: bool,
}

impl<T> Cursor<T> {
    /// Where the page after `page` is, if anywhere, checked before any token goes there.
    fn follow(&mut self, request: &PreparedRequest, page: &Page<T>) -> Option<Result<PreparedRequest, Error>> {
        let next = match page.next_link()? {
            Ok(next) => next,
            Err(target) => {
                return Some(Err(Error::Pagination(format!("the next link `{target}` is not a URL"))));
            }
        };
        // An empty page ends the list even with a next link: System Log polls always have one.
        // Following, it means "nothing new yet": ask again after the interval.
        self.dry = page.items.is_empty();
        if self.dry && self.follow.is_none() {
            return None;
        }
        let org = self.client.org_url();
        if next.origin() != org.origin() {
            return Some(Err(Error::Pagination(format!(
                "the next link points to {}, not to the org ({}); not following it, so the token stays with the org",
                next.origin().ascii_serialization(),
                org.origin().ascii_serialization()
            ))));
        }
        // Okta's next links keep the list's path and change only the query: a link elsewhere on
        // the org would be decoded as this list's items.
        if next.path() != request.url().path() {
            return Some(Err(Error::Pagination(format!(
                "the next link leaves the list (`{}`) for another path; not following it",
                request.template()
            ))));
        }
        if self.dry {
            // Asking the same link again is the point of following; what came before is done.
            self.followed.clear();
        }
        if !self.followed.insert(next.clone()) {
            return Some(Err(Error::Pagination(
                "the server sent a next link that was already followed; stopping instead of looping".into(),
            )));
        }
        Some(Ok(request.follow(next.clone())))
    }

    /// Fetches the next page, if there is one.
    async fn step(mut self) -> Result<Option<(Page<T>, Self)>, Error> {
        let request = match self.next.take() {
            None => return Ok(None),
            Some(next) => next?,
        };
        if let Some(interval) = self.follow.filter(|_| self.dry) {
            tokio::time::sleep(interval).await;
        }
        let raw = self.client.execute(request.clone()).await?;
        let page = (self.decode)(&raw)?;
        self.next = self.follow(&request, &page);
        Ok(Some((page, self)))
    }
}

impl<T: DeserializeOwned + Send + 'static> PageStream<T> {
    /// The pages from `first` on, until one has no next link (or, when not following, is empty).
    pub(crate) fn new(
        client: Client,
        first: Result<PreparedRequest, Error>,
        decode: DecodePage<T>,
        follow: Option<Duration>,
    ) -> Self {
        let followed = first.iter().map(|r| r.url().clone()).collect();
        let cursor = Cursor {
            client,
            decode,
            next: Some(first),
            followed,
            follow,
            dry: false,
        };
        PageStream {
            inner: stream::try_unfold(cursor, Cursor::step).boxed(),
        }
    }

    /// The items of every page, in order.
    pub fn items(self) -> ItemStream<T> {
        ItemStream {
            inner: self
                .inner
                .map_ok(|page| stream::iter(page.items.into_iter().map(Ok)))
                .try_flatten()
                .boxed(),
        }
    }
}

impl<T> Stream for PageStream<T> {
    type Item = Result<Page<T>, Error>;
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.inner.poll_next_unpin(cx)
    }
}

impl<T> Stream for ItemStream<T> {
    type Item = Result<T, Error>;
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.inner.poll_next_unpin(cx)
    }
}

impl<T> std::fmt::Debug for PageStream<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PageStream")
    }
}

impl<T> std::fmt::Debug for ItemStream<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ItemStream")
    }
}
