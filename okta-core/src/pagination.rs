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
    next: Option<PreparedRequest>,
    followed: HashSet<Url>,
}

impl<T: DeserializeOwned + Send + 'static> PageStream<T> {
    pub(crate) fn new(client: Client, first: Result<PreparedRequest, Error>) -> Self {
        let first = match first {
            Ok(first) => first,
            Err(e) => {
                return PageStream {
                    inner: stream::once(async { Err(e) }).boxed(),
                };
            }
        };
        let followed = HashSet::from([first.url.clone()]);
        let cursor = Cursor {
            client,
            next: Some(first),
            followed,
        };
        let inner = stream::try_unfold(cursor, |mut cursor| async move {
            let Some(request) = cursor.next.take() else {
                return Ok(None);
            };
            let raw = cursor.client.execute(request.clone()).await?;
            let page = Page::<T>::decode(&raw)?;
            if let (Some(next), false) = (&page.next, page.items.is_empty()) {
                let org = cursor.client.org_url();
                if next.origin() != org.origin() {
                    return Err(Error::Pagination(format!(
                        "the next link points to {}, not to the org ({}); not following it, so the token \
                         stays with the org",
                        next.origin().ascii_serialization(),
                        org.origin().ascii_serialization()
                    )));
                }
                if !cursor.followed.insert(next.clone()) {
                    return Err(Error::Pagination(
                        "the server sent a next link that was already followed; stopping instead of looping".into(),
                    ));
                }
                cursor.next = Some(request.follow(next.clone()));
            }
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
