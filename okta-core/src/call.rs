//! A call: an endpoint bound to a client, to await, send, or stream.

use std::future::IntoFuture;

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

    /// Changes the endpoint (the generated setters of bound calls use this).
    pub fn map(self, f: impl FnOnce(E) -> E) -> Self {
        Call {
            client: self.client,
            endpoint: f(self.endpoint),
        }
    }

    /// Sends the call and decodes the response.
    pub async fn send(self) -> Result<E::Output, Error> {
        self.into_future().await
    }

    /// Sends the call and returns the decoded value with status, headers, rate-limit info and
    /// request id.
    pub async fn send_full(self) -> Result<Response<E::Output>, Error> {
        self.client.send_full(self.endpoint).await
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
        let response = self.client.run(&self.endpoint);
        Box::pin(async move { E::decode(&response.await?) })
    }
}
