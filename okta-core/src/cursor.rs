//! Where a list is: the next page's request, fetched undecoded, and the checks on each next link.
//!
//! Not generic over the item type, so it is compiled once for every list there is; the streams
//! in `pagination` only decode each response and hand back the page's next link.

use std::collections::HashSet;
use std::task::{Context, Poll};
use std::time::Duration;

use futures::future::BoxFuture;
use url::Url;

use crate::client::Client;
use crate::error::Error;
use crate::request::PreparedRequest;
use crate::response::RawResponse;

/// A request and the response it gets, undecoded.
pub(crate) type Answered = (PreparedRequest, RawResponse);

pub(crate) struct Cursor {
    client: Client,
    /// The next request, or why there is none although the server announced one: that error
    /// comes after the page that carried the link, so none of its items is lost.
    next: Option<Result<PreparedRequest, Error>>,
    /// The request on its way, and its response.
    in_flight: Option<(PreparedRequest, BoxFuture<'static, Result<RawResponse, Error>>)>,
    followed: HashSet<Url>,
    /// Following a log: after an empty page, wait this long and ask the same link again.
    follow: Option<Duration>,
    /// The last page was empty: wait before the next request.
    dry: bool,
}

impl Cursor {
    /// A list from `first` on.
    pub(crate) fn new(client: Client, first: Result<PreparedRequest, Error>, follow: Option<Duration>) -> Self {
        Cursor {
            client,
            followed: first.iter().map(|r| r.url().clone()).collect(),
            next: Some(first),
            in_flight: None,
            follow,
            dry: false,
        }
    }

    /// The response to the next request, if there is one. After it, the list ends unless
    /// [`Cursor::after`] is told where the next page is: an error (of the request, or of the
    /// decoding the caller does) ends the list, nothing is dropped silently.
    pub(crate) fn poll_next(&mut self, cx: &mut Context<'_>) -> Poll<Option<Result<Answered, Error>>> {
        let (request, mut response) = match self.in_flight.take() {
            Some(in_flight) => in_flight,
            None => match self.next.take() {
                None => return Poll::Ready(None),
                Some(Err(e)) => return Poll::Ready(Some(Err(e))),
                Some(Ok(request)) => {
                    let response = self.send(&request);
                    (request, response)
                }
            },
        };
        match response.as_mut().poll(cx) {
            Poll::Pending => {
                self.in_flight = Some((request, response));
                Poll::Pending
            }
            Poll::Ready(response) => Poll::Ready(Some(response.map(|response| (request, response)))),
        }
    }

    fn send(&self, request: &PreparedRequest) -> BoxFuture<'static, Result<RawResponse, Error>> {
        match self.follow.filter(|_| self.dry) {
            None => self.client.execute(request.clone()),
            Some(interval) => {
                let (client, request) = (self.client.clone(), request.clone());
                Box::pin(async move {
                    tokio::time::sleep(interval).await;
                    client.execute(request).await
                })
            }
        }
    }

    /// Where the page after the one `request` got is, if anywhere, checked before any token
    /// goes there: `next` is its next link, `empty` whether it had no items.
    pub(crate) fn after(&mut self, request: &PreparedRequest, next: Option<&Result<Url, String>>, empty: bool) {
        self.next = next.and_then(|next| self.check(request, next, empty));
    }

    fn check(
        &mut self,
        request: &PreparedRequest,
        next: &Result<Url, String>,
        empty: bool,
    ) -> Option<Result<PreparedRequest, Error>> {
        let next = match next {
            Ok(next) => next,
            Err(target) => {
                return Some(Err(Error::Pagination(format!("the next link `{target}` is not a URL"))));
            }
        };
        // An empty page ends the list even with a next link: System Log polls always have one.
        // Following, it means "nothing new yet": ask again after the interval.
        self.dry = empty;
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
}
