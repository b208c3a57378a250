//! Declare: an endpoint is plain data that knows its method, path, query, headers and body.

use crate::body::Body;
use crate::error::Error;
use crate::headers::Headers;
use crate::method::Method;
use crate::page::{Page, PageForm};
use crate::params::Query;
use crate::response::RawResponse;

/// One Okta operation, described as data.
///
/// Implement it with `#[derive(okta::Endpoint)]` rather than by hand: the derive checks the
/// declaration at compile time and percent-encodes every path segment. Sending, retrying,
/// authenticating and decoding are the [`Client`](crate::Client)'s business, so an endpoint
/// declared in your crate behaves exactly like the SDK's own.
///
/// ```
/// use okta_core::{Endpoint, Error, Method, Query, RawResponse};
///
/// /// `GET /api/v1/meta/schemas/user/default`, by hand.
/// struct DefaultSchema;
///
/// impl Endpoint for DefaultSchema {
///     type Output = serde_json::Value;
///     const METHOD: Method = Method::GET;
///     const PATH: &'static str = "/api/v1/meta/schemas/user/default";
///     fn path(&self) -> Result<String, Error> {
///         Ok(Self::PATH.to_owned())
///     }
///     fn decode(response: &RawResponse) -> Result<Self::Output, Error> {
///         response.json()
///     }
/// }
/// ```
pub trait Endpoint {
    /// What a successful call gives: a model, `()` for empty successes, or a [`Page`] for lists.
    type Output: Send + 'static;

    /// The HTTP method.
    const METHOD: Method;

    /// The path template as declared (`/api/v1/users/{userId}`): used in traces and errors,
    /// which must never carry ids or secrets.
    const PATH: &'static str;

    /// The media type of the body (`Content-Type`), when there is one and it does not name its
    /// own: JSON, a JSON variant such as `application/merge-patch+json`, or the media type of a
    /// body sent as it is, such as `application/x-pem-file` (declared as `content_type = ".."`).
    const CONTENT_TYPE: &'static str = "application/json";

    /// The media type asked for (`Accept`): JSON, or what the operation answers instead, such as
    /// `text/xml` (declared as `accept = ".."`).
    const ACCEPT: &'static str = "application/json";

    /// Whether the request carries the client's credentials. Okta's public endpoints (the
    /// `/.well-known/…` documents, security event token publishing) take none: declared
    /// `unauthenticated`, they are sent without an `Authorization` header, and a service app
    /// mints no token for them.
    const AUTHENTICATED: bool = true;

    /// The path with every parameter filled in and percent-encoded as one segment.
    ///
    /// Fails, before anything is sent, when a path parameter is empty: `/api/v1/users/` would
    /// silently list users instead of getting one.
    fn path(&self) -> Result<String, Error>;

    /// Appends the query parameters that are set.
    fn query(&self, query: &mut Query) {
        let _ = query;
    }

    /// Appends the header parameters that are set ([`Headers::append`]); fails on a value that
    /// is not valid HTTP.
    fn headers(&self, headers: &mut Headers) -> Result<(), Error> {
        let _ = headers;
        Ok(())
    }

    /// The body, if the operation has one: JSON, bytes sent as they are, or a multipart form
    /// (from `#[endpoint(part)]` fields).
    fn body(&self) -> Result<Option<Body>, Error> {
        Ok(None)
    }

    /// Turns a successful response into [`Output`](Self::Output).
    fn decode(response: &RawResponse) -> Result<Self::Output, Error>;
}

/// A list operation: its response is one [`Page`] of [`Item`](Self::Item)s that links the next
/// one, and the client can stream it.
pub trait Paginated: Endpoint<Output = Page<<Self as Paginated>::Item>> {
    /// One element of the list.
    type Item: serde::de::DeserializeOwned + Send + 'static;

    /// Where the items and the next link are: a JSON array continued by `Link` headers (the
    /// default), or an object continued by `_links.next.href` (declared as
    /// `paginated(items = "roles")`). [`Page::decode_for`] reads it.
    const FORM: PageForm = PageForm::LinkHeader;

    /// Called before the list is streamed: asks for the largest page Okta allows (declared as
    /// `paginated(page_size = N)`) unless the caller chose a `limit`, so a full listing takes as
    /// few requests, and as little of the rate limit, as possible. Does nothing by default.
    fn set_default_page_size(&mut self) {}
}
