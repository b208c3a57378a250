//! The escape hatch: any method and path of the org, with the client's auth, retries and errors.

use std::borrow::Cow;
use std::fmt;

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::body::Body;
use crate::client::Client;
use crate::error::Error;
use crate::method::Method;
use crate::multipart::Multipart;
use crate::page::Page;
use crate::pagination::{ItemStream, PageStream};
use crate::params::Query;
use crate::redact::redact_pairs;
use crate::request::{JSON, PreparedRequest, join};
use crate::response::{RawResponse, Response};

/// A request the SDK does not declare, built from [`Client::request`].
///
/// Mistakes in what you add (a bad header name, a body that does not serialize) are reported when
/// it is sent, before anything leaves the process.
///
/// ```no_run
/// # async fn demo(client: okta_core::Client) -> Result<(), okta_core::Error> {
/// use okta_core::Method;
/// let schema: serde_json::Value = client
///     .request(Method::GET, "/api/v1/meta/schemas/user/default")
///     .send_json()
///     .await?;
/// client
///     .request(Method::POST, "/api/v1/users/00u1/lifecycle/reactivate")
///     .query("sendEmail", "false")
///     .send()
///     .await?;
/// # let _ = schema; Ok(()) }
/// ```
#[must_use = "a request does nothing until it is sent"]
pub struct RawRequest {
    client: Client,
    method: Method,
    path: String,
    query: Query,
    headers: HeaderMap,
    body: Option<Body>,
    error: Option<Error>,
}

/// Shows what is sent, not the secrets it may carry: header names without their values, the
/// body's size, and the values of secret-named query parameters masked.
impl fmt::Debug for RawRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let query: Vec<String> = self
            .query
            .pairs()
            .map(|(name, value)| redact_pairs(&format!("{name}={value}")))
            .collect();
        f.debug_struct("RawRequest")
            .field("method", &self.method)
            .field("path", &redact_pairs(&self.path))
            .field("query", &query)
            .field("headers", &self.headers.keys().collect::<Vec<_>>())
            .field("body", &self.body)
            .field("error", &self.error)
            .finish_non_exhaustive()
    }
}

impl RawRequest {
    pub(crate) fn new(client: Client, method: Method, path: String) -> Self {
        RawRequest {
            client,
            method,
            path,
            query: Query::default(),
            headers: HeaderMap::new(),
            body: None,
            error: None,
        }
    }

    /// Adds a query parameter.
    pub fn query(mut self, name: impl Into<Cow<'static, str>>, value: impl Into<String>) -> Self {
        self.query.push(name, value);
        self
    }

    /// Adds a header.
    pub fn header(mut self, name: &str, value: &str) -> Self {
        match (HeaderName::from_bytes(name.as_bytes()), HeaderValue::from_str(value)) {
            (Ok(name), Ok(value)) => {
                self.headers.append(name, value);
            }
            _ => self.fail(format!("header `{name}` has an invalid name or value")),
        }
        self
    }

    /// Sets a JSON body.
    pub fn json<T: Serialize + ?Sized>(self, body: &T) -> Self {
        self.body_or_error(Body::json(body))
    }

    /// Sets a body sent as it is, with its media type, or else as JSON.
    ///
    /// ```no_run
    /// # async fn demo(client: okta_core::Client, der: Vec<u8>) -> Result<(), okta_core::Error> {
    /// use okta_core::{Body, Method};
    /// client
    ///     .request(Method::POST, "/api/v1/apps/0oa1/credentials/csrs/cs1/lifecycle/publish")
    ///     .body(Body::bytes(der).with_content_type("application/pkix-cert"))
    ///     .send()
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub fn body(mut self, body: Body) -> Self {
        self.body = Some(body);
        self
    }

    /// Sets a `multipart/form-data` body.
    ///
    /// ```no_run
    /// # async fn demo(client: okta_core::Client) -> Result<(), okta_core::Error> {
    /// use okta_core::{FileUpload, Method, Multipart};
    /// let logo = FileUpload::from_path("logo.png")?;
    /// client
    ///     .request(Method::POST, "/api/v1/apps/0oa1/logo")
    ///     .multipart(Multipart::new().file("file", logo))
    ///     .send()
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub fn multipart(self, form: Multipart) -> Self {
        self.body_or_error(form.into_body())
    }

    fn body_or_error(mut self, body: Result<Body, Error>) -> Self {
        match body {
            Ok(body) => self.body = Some(body),
            Err(e) => self.error = self.error.or(Some(e)),
        }
        self
    }

    fn fail(&mut self, message: String) {
        self.error.get_or_insert(Error::InvalidRequest(message));
    }

    fn prepare(self) -> (Client, Result<PreparedRequest, Error>) {
        let prepared = match self.error {
            Some(e) => Err(e),
            None => join(self.client.org_url(), &self.path, &self.query).and_then(|url| {
                // Raw paths may hold ids; only the path part is named, never the query.
                let template = Cow::Owned(url.path().to_owned());
                PreparedRequest::new(self.method, url, template, self.headers).with_body(self.body, JSON)
            }),
        };
        (self.client, prepared)
    }

    /// Sends it and returns the undecoded response.
    pub async fn send(self) -> Result<RawResponse, Error> {
        let (client, prepared) = self.prepare();
        client.execute(prepared?).await
    }

    /// Sends it and decodes the JSON body.
    pub async fn send_json<T: DeserializeOwned>(self) -> Result<T, Error> {
        self.send().await?.json()
    }

    /// Sends it and decodes the JSON body, keeping status, headers and rate-limit info.
    pub async fn send_full<T: DeserializeOwned>(self) -> Result<Response<T>, Error> {
        let raw = self.send().await?;
        let value = raw.json()?;
        Ok(Response::new(raw, value))
    }

    /// Sends it and decodes one page of a list.
    pub async fn send_page<T: DeserializeOwned>(self) -> Result<Page<T>, Error> {
        Page::decode(&self.send().await?)
    }

    /// Every page of a list, following `rel="next"`.
    pub fn pages<T: DeserializeOwned + Send + 'static>(self) -> PageStream<T> {
        let (client, prepared) = self.prepare();
        PageStream::new(client, prepared, Page::decode, None)
    }

    /// Every item of a list, across pages.
    pub fn stream<T: DeserializeOwned + Send + 'static>(self) -> ItemStream<T> {
        self.pages().items()
    }
}
