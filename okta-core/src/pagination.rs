//! Lists: one page, and lazy streams of pages and items that follow `Link: rel="next"`.

use std::collections::HashSet;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures::stream::{self, BoxStream, Stream, StreamExt, TryStreamExt};
use serde::de::DeserializeOwned;
use url::Url;

use crate::client::Client;
use crate::error::Error;
use crate::link_header;
use crate::rate_limit::RateLimit;
use crate::request::PreparedRequest;
use crate::response::RawResponse;

/// One page of a list: its items, and where the next page is.
///
/// ```
/// # async fn demo(client: okta_core::Client) -> Result<(), okta_core::Error> {
/// let page: okta_core::Page<serde_json::Value> =
///     client.request(okta_core::Method::GET, "/api/v1/groups").query("limit", "50").send_page().await?;
/// for group in &page {
///     println!("{}", group["profile"]["name"]);
/// }
/// if let Some(cursor) = page.next_cursor() {
///     println!("resume later with after={cursor}");
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct Page<T> {
    /// The items of this page, in the server's order.
    pub items: Vec<T>,
    next: Option<Url>,
    rate_limit: RateLimit,
    request_id: Option<String>,
}

impl<T> Page<T> {
    /// The `rel="next"` link, absolute, as the server sent it.
    pub fn next_url(&self) -> Option<&Url> {
        self.next.as_ref()
    }

    /// The opaque `after` cursor of the next page, to resume a listing later with `.after(..)`.
    pub fn next_cursor(&self) -> Option<String> {
        self.next
            .as_ref()?
            .query_pairs()
            .find(|(k, _)| k == "after")
            .map(|(_, v)| v.into_owned())
    }

    /// Whether the server announced another page.
    pub fn has_next(&self) -> bool {
        self.next.is_some()
    }

    /// The rate-limit headers of this page's response.
    pub fn rate_limit(&self) -> RateLimit {
        self.rate_limit
    }

    /// `X-Okta-Request-Id` of this page's response.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// Number of items on this page.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether this page has no items.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The items, without the page.
    pub fn into_items(self) -> Vec<T> {
        self.items
    }
}

impl<T: DeserializeOwned> Page<T> {
    /// Decodes a list response: a JSON array body and its `Link` headers.
    pub fn decode(response: &RawResponse) -> Result<Self, Error> {
        let next = link_header::find_rel(&response.headers, "next")
            .map(|target| {
                response
                    .url
                    .join(&target)
                    .map_err(|_| Error::Pagination(format!("the next link `{target}` is not a URL")))
            })
            .transpose()?;
        Ok(Page {
            items: response.json()?,
            next,
            rate_limit: response.rate_limit(),
            request_id: response.request_id().map(str::to_owned),
        })
    }
}

impl<T> IntoIterator for Page<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'a, T> IntoIterator for &'a Page<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

/// The pages of a list, fetched one at a time as they are polled.
///
/// It ends after a page without `rel="next"`, or after an empty page (the System Log's polling
/// queries always announce a next page). It fails, rather than loop or leak, when a next link
/// points to another origin or repeats one already followed. An error ends the stream: nothing is
/// dropped silently.
#[must_use = "streams do nothing unless polled"]
pub struct PageStream<T> {
    inner: BoxStream<'static, Result<Page<T>, Error>>,
}

/// The items of a list, across pages; at most one page is held in memory.
#[must_use = "streams do nothing unless polled"]
pub struct ItemStream<T> {
    inner: BoxStream<'static, Result<T, Error>>,
}

struct Cursor {
    client: Client,
    /// The next request, or why there is none although the server announced one: that error
    /// comes after the page that carried the link, so none of its items is lost.
    next: Option<Result<PreparedRequest, Error>>,
    followed: HashSet<Url>,
}

impl Cursor {
    /// Where the page after `page` is, if anywhere, checked before any token goes there.
    fn follow<T>(&mut self, request: &PreparedRequest, page: &Page<T>) -> Option<Result<PreparedRequest, Error>> {
        // An empty page ends the list even with a next link: System Log polls always have one.
        let next = page.next.as_ref().filter(|_| !page.items.is_empty())?;
        let org = self.client.org_url();
        if next.origin() != org.origin() {
            return Some(Err(Error::Pagination(format!(
                "the next link points to {}, not to the org ({}); not following it, so the token stays with the org",
                next.origin().ascii_serialization(),
                org.origin().ascii_serialization()
            ))));
        }
        if !self.followed.insert(next.clone()) {
            return Some(Err(Error::Pagination(
                "the server sent a next link that was already followed; stopping instead of looping".into(),
            )));
        }
        Some(Ok(request.follow(next.clone())))
    }
}

impl<T: DeserializeOwned + Send + 'static> PageStream<T> {
    pub(crate) fn new(client: Client, first: Result<PreparedRequest, Error>) -> Self {
        let followed = first.iter().map(|r| r.url.clone()).collect();
        let cursor = Cursor {
            client,
            next: Some(first),
            followed,
        };
        let inner = stream::try_unfold(cursor, |mut cursor| async move {
            let request = match cursor.next.take() {
                None => return Ok(None),
                Some(next) => next?,
            };
            let raw = cursor.client.execute(request.clone()).await?;
            let page = Page::<T>::decode(&raw)?;
            cursor.next = cursor.follow(&request, &page);
            Ok(Some((page, cursor)))
        })
        .boxed();
        PageStream { inner }
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
