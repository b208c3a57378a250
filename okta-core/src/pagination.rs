//! Lists: lazy streams of pages and items that follow each page's next link.

use std::pin::Pin;
use std::task::{Context, Poll, ready};
use std::time::Duration;

use futures::stream::{Stream, StreamExt};
use serde::de::DeserializeOwned;

use crate::client::Client;
use crate::cursor::Cursor;
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
    // The fetching and the checks are not generic (compiled once, not once per item type); only
    // the decoding of each page is.
    cursor: Cursor,
    decode: DecodePage<T>,
}

/// The items of a list, across pages; at most one page is held in memory.
#[must_use = "streams do nothing unless polled"]
pub struct ItemStream<T> {
    pages: PageStream<T>,
    /// The rest of the current page (none before the first: nothing per item type is compiled
    /// until the stream is polled).
    items: Option<std::vec::IntoIter<T>>,
}

// Nothing is pinned inside: the page's items are only moved out of.
impl<T> Unpin for ItemStream<T> {}

impl<T: DeserializeOwned + Send + 'static> PageStream<T> {
    /// The pages from `first` on, until one has no next link (or, when not following, is empty).
    pub(crate) fn new(
        client: Client,
        first: Result<PreparedRequest, Error>,
        decode: DecodePage<T>,
        follow: Option<Duration>,
    ) -> Self {
        PageStream {
            cursor: Cursor::new(client, first, follow),
            decode,
        }
    }

    /// The items of every page, in order.
    pub fn items(self) -> ItemStream<T> {
        ItemStream {
            pages: self,
            items: None,
        }
    }
}

impl<T> Stream for PageStream<T> {
    type Item = Result<Page<T>, Error>;
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let (request, response) = match ready!(self.cursor.poll_next(cx)) {
            None => return Poll::Ready(None),
            Some(Err(e)) => return Poll::Ready(Some(Err(e))),
            Some(Ok(answered)) => answered,
        };
        let page = (self.decode)(&response);
        if let Ok(page) = &page {
            self.cursor.after(&request, page.next_link(), page.is_empty());
        }
        Poll::Ready(Some(page))
    }
}

impl<T> Stream for ItemStream<T> {
    type Item = Result<T, Error>;
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        loop {
            if let Some(item) = self.items.as_mut().and_then(Iterator::next) {
                return Poll::Ready(Some(Ok(item)));
            }
            match ready!(self.pages.poll_next_unpin(cx)) {
                Some(Ok(page)) => self.items = Some(page.items.into_iter()),
                Some(Err(e)) => return Poll::Ready(Some(Err(e))),
                None => return Poll::Ready(None),
            }
        }
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
