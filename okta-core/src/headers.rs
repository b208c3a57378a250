//! HTTP headers, as the SDK's own type: what a response carries and an endpoint adds.

use std::fmt;

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};

use crate::error::Error;

/// HTTP headers: a response's (read-only), or those an [`Endpoint`](crate::Endpoint) adds to its
/// request. Names are case-insensitive; a name may have several values (`Link`).
///
/// Values are read as text. Okta's headers always are; a value that is not (opaque bytes outside
/// visible ASCII) is not shown by [`get`](Self::get), [`get_all`](Self::get_all) or
/// [`iter`](Self::iter).
///
/// ```
/// let mut headers = okta_core::Headers::new();
/// headers.append("Link", r#"<https://dev-1.okta.com/api/v1/users?after=00u2>; rel="next""#)?;
/// headers.append("X-Okta-Request-Id", "req-1")?;
/// assert_eq!(headers.get("x-okta-request-id"), Some("req-1"));
/// assert_eq!(headers.get_all("link").count(), 1);
/// assert!(headers.append("X-Note", "two\nlines").is_err());
/// # Ok::<(), okta_core::Error>(())
/// ```
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Headers(HeaderMap);

impl Headers {
    /// No headers.
    pub fn new() -> Self {
        Headers::default()
    }

    /// The first value of the header `name`, if it is there.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.get(name).and_then(|v| v.to_str().ok())
    }

    /// Every value of the header `name`, in order.
    pub fn get_all<'a>(&'a self, name: &str) -> impl Iterator<Item = &'a str> + 'a {
        self.0.get_all(name).into_iter().filter_map(|v| v.to_str().ok())
    }

    /// Whether the header `name` is there.
    pub fn contains(&self, name: &str) -> bool {
        self.0.contains_key(name)
    }

    /// Every `(name, value)`, names in lower case; a header with several values comes once per
    /// value.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0
            .iter()
            .filter_map(|(name, value)| Some((name.as_str(), value.to_str().ok()?)))
    }

    /// How many values there are (a header with several values counts each).
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Adds a value to the header `name`, after those it already has. A name or value that is not
    /// valid HTTP (a newline, say) is refused, naming the header but not echoing the value.
    pub fn append(&mut self, name: &str, value: &str) -> Result<(), Error> {
        let header = header_name(name)?;
        self.append_value(&header, name, value)
    }

    /// Adds a value to `header`, already checked; errors call it `name`, as the caller wrote it.
    pub(crate) fn append_value(&mut self, header: &HeaderName, name: &str, value: &str) -> Result<(), Error> {
        let value = HeaderValue::from_str(value).map_err(|_| {
            Error::InvalidRequest(format!("the value of header `{name}` is not a valid HTTP header value"))
        })?;
        self.0.append(header.clone(), value);
        Ok(())
    }

    /// What the transport received.
    pub(crate) fn from_http(headers: HeaderMap) -> Self {
        Headers(headers)
    }

    /// What the transport sends.
    pub(crate) fn into_http(self) -> HeaderMap {
        self.0
    }

    /// For what reads headers inside the SDK (links, rate limits, the server's clock).
    pub(crate) fn as_http(&self) -> &HeaderMap {
        &self.0
    }
}

/// `name` as a header name, or the error that says it is not one.
pub(crate) fn header_name(name: &str) -> Result<HeaderName, Error> {
    HeaderName::from_bytes(name.as_bytes())
        .map_err(|_| Error::InvalidRequest(format!("`{name}` is not a valid HTTP header name")))
}

/// As a map of names to values (sensitive values hidden).
impl fmt::Debug for Headers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}
