//! A call: an endpoint bound to a client, to await, send, or stream.

use std::future::{Future, IntoFuture};
use std::pin::Pin;
use std::task::{Context, Poll};

use futures::future::BoxFuture;

use crate::client::Client;
use crate::endpoint::{Endpoint, Paginated};
use crate::error::Error;
use crate::pagination::{ItemStream, PageStream};
use crate::response::{RawResponse, Response};

/// An endpoint bound to a client.
///
/// Await it (or call [`send`](Self::send)) for the decoded output; list operations can also
/// [`stream`](Self::stream) their items or their [`pages`](Self::pages).
///
/// ```no_run
/// # use okta_core::{Client, Endpoint};
/// # async fn demo<E: Endpoint>(client: Client, endpoint: E) -> Result<(), okta_core::Error> {
/// let output = client.call(endpoint).await?;
/// # let _ = output; Ok(()) }
/// ```
#[must_use = "a call does nothing until it is awaited, sent or streamed"]
#[derive(Debug, Clone)]
pub struct Call<E> {
    client: Client,
    endpoint: E,
}

impl<E: Endpoint> Call<E> {
    /// Binds `endpoint` to `client`.
    pub fn new(client: Client, endpoint: E) -> Self {
        Call { client, endpoint }
    }

    /// The endpoint, to inspect what will be sent.
    pub fn endpoint(&self) -> &E {
        &self.endpoint
    }

    /// Changes the endpoint before it is sent: how code that receives a call (a helper that adds
    /// a filter, a default `limit`) adjusts it.
    ///
    /// ```no_run
    /// # use okta_core::{Call, Endpoint};
    /// fn with_defaults<E: Endpoint + Clone>(call: Call<E>, default: E) -> Call<E> {
    ///     call.map(|_| default)
    /// }
    /// ```
    pub fn map(self, f: impl FnOnce(E) -> E) -> Self {
        Call {
            client: self.client,
            endpoint: f(self.endpoint),
        }
    }

    /// Sends the call and decodes the response.
    pub fn send(self) -> BoxFuture<'static, Result<E::Output, Error>> {
        self.into_future()
    }

    /// Sends the call and returns the decoded value with status, headers, rate-limit info and
    /// request id.
    pub fn send_full(self) -> BoxFuture<'static, Result<Response<E::Output>, Error>> {
        Box::pin(Decoded {
            response: self.client.run(&self.endpoint),
            decode: E::decode,
            finish: Response::new,
        })
    }

    /// Sends the call and returns the response undecoded.
    pub async fn send_raw(self) -> Result<RawResponse, Error> {
        self.client.send_raw(self.endpoint).await
    }
}

impl<E: Paginated> Call<E> {
    /// Every item of every page, lazily.
    pub fn stream(self) -> ItemStream<E::Item> {
        self.client.stream(self.endpoint)
    }

    /// Every page, lazily.
    pub fn pages(self) -> PageStream<E::Item> {
        self.client.pages(self.endpoint)
    }

    /// Every page, then new ones as they come, polled every `interval`: see [`Client::follow`].
    pub fn follow(self, interval: std::time::Duration) -> PageStream<E::Item> {
        self.client.follow(self.endpoint, interval)
    }
}

impl<E: Endpoint> IntoFuture for Call<E> {
    type Output = Result<E::Output, Error>;
    type IntoFuture = BoxFuture<'static, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        // Prepared here, so the future holds no endpoint and needs no `E: Send`.
        Box::pin(Decoded {
            response: self.client.run(&self.endpoint),
            decode: E::decode,
            finish: value_only,
        })
    }
}

/// The endpoint of a call, to change in place: how a bound call's setters set a field.
#[doc(hidden)]
pub fn endpoint_mut<E>(call: &mut Call<E>) -> &mut E {
    &mut call.endpoint
}

/// A response on its way, then decoded: generic only in what it decodes to, so every endpoint
/// of the same output shares one copy of this code (an `async` block would be one per endpoint).
struct Decoded<T, O> {
    response: BoxFuture<'static, Result<RawResponse, Error>>,
    decode: fn(&RawResponse) -> Result<T, Error>,
    finish: fn(RawResponse, T) -> O,
}

impl<T, O> Future for Decoded<T, O> {
    type Output = Result<O, Error>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.response.as_mut().poll(cx).map(|response| {
            let response = response?;
            let value = (self.decode)(&response)?;
            Ok((self.finish)(response, value))
        })
    }
}

fn value_only<T>(_: RawResponse, value: T) -> T {
    value
}
