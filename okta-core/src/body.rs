//! Declare: what a request sends, as bytes, and the media type when the body names its own.

use std::fmt;

use bytes::Bytes;
use serde::Serialize;

use crate::error::Error;

/// The body of a request: JSON, bytes sent as they are, or a multipart form.
///
/// An [`Endpoint`](crate::Endpoint) returns one from [`body`](crate::Endpoint::body). A JSON body
/// and bytes go with the endpoint's declared
/// [`CONTENT_TYPE`](crate::Endpoint::CONTENT_TYPE); a body that names its own media type (a
/// [`Multipart`](crate::Multipart) form, whose media type carries its boundary) goes with that.
/// It is built once and sent again as it is on every retry.
///
/// ```
/// use okta_core::Body;
/// let json = Body::json(&serde_json::json!({ "profile": { "login": "a@example.com" } }))?;
/// assert_eq!(json.content_type(), None);
/// let pem = Body::bytes("-----BEGIN CERTIFICATE-----\n…").with_content_type("application/x-pem-file");
/// assert_eq!(pem.content_type(), Some("application/x-pem-file"));
/// # Ok::<(), okta_core::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Body {
    bytes: Bytes,
    /// `None`: the endpoint's declared media type.
    content_type: Option<String>,
}

impl Body {
    /// A JSON body; fails, before anything is sent, when the value does not serialize.
    pub fn json<T: Serialize + ?Sized>(value: &T) -> Result<Body, Error> {
        serde_json::to_vec(value)
            .map(Body::bytes)
            .map_err(|e| Error::InvalidRequest(format!("the body does not serialize to JSON: {e}")))
    }

    /// Bytes sent as they are: a certificate, a signed token, any bytes.
    pub fn bytes(bytes: impl Into<Bytes>) -> Body {
        Body {
            bytes: bytes.into(),
            content_type: None,
        }
    }

    /// Sends the body with this media type instead of the endpoint's declared one
    /// (`application/pkix-cert` for a DER certificate, say).
    #[must_use]
    pub fn with_content_type(mut self, content_type: impl Into<String>) -> Body {
        self.content_type = Some(content_type.into());
        self
    }

    /// The media type the body names for itself, if any.
    pub fn content_type(&self) -> Option<&str> {
        self.content_type.as_deref()
    }

    /// The bytes sent.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The bytes and the media type, for the request.
    pub(crate) fn into_parts(self) -> (Bytes, Option<String>) {
        (self.bytes, self.content_type)
    }
}

/// Bytes sent as they are.
impl From<Vec<u8>> for Body {
    fn from(bytes: Vec<u8>) -> Body {
        Body::bytes(bytes)
    }
}

/// Text sent as its UTF-8 bytes.
impl From<String> for Body {
    fn from(text: String) -> Body {
        Body::bytes(text)
    }
}

/// Text sent as its UTF-8 bytes, without copying them.
impl From<&'static str> for Body {
    fn from(text: &'static str) -> Body {
        Body::bytes(text)
    }
}

/// Bytes sent as they are, without copying them.
impl From<&'static [u8]> for Body {
    fn from(bytes: &'static [u8]) -> Body {
        Body::bytes(bytes)
    }
}

/// Bytes sent as they are.
impl From<Bytes> for Body {
    fn from(bytes: Bytes) -> Body {
        Body::bytes(bytes)
    }
}

/// What a body sent as it is (`#[endpoint(body, raw)]`) can be: any bytes, sent with the
/// declared media type, or a [`Body`], which may name its own.
///
/// ```
/// use okta_core::{Body, RawBody};
/// let pem = "-----BEGIN CERTIFICATE-----\n…".to_body();
/// assert_eq!(pem.content_type(), None);
/// let der = Body::bytes(vec![0x30, 0x82]).with_content_type("application/pkix-cert").to_body();
/// assert_eq!(der.content_type(), Some("application/pkix-cert"));
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be sent as it is",
    label = "a raw body is bytes (`Vec<u8>`, `String`, `&[u8]`, …) or an `okta::Body`"
)]
pub trait RawBody {
    /// The body to send.
    fn to_body(&self) -> Body;
}

impl<T: AsRef<[u8]> + ?Sized> RawBody for T {
    fn to_body(&self) -> Body {
        Body::bytes(self.as_ref().to_vec())
    }
}

impl RawBody for Body {
    fn to_body(&self) -> Body {
        self.clone()
    }
}

/// The size and media type, never the bytes: a body can carry a password or a key.
impl fmt::Debug for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Body")
            .field("bytes", &self.bytes.len())
            .field("content_type", &self.content_type)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_shows_the_size_not_the_bytes() {
        let body = Body::json(&serde_json::json!({ "credentials": { "password": { "value": "hunter2" } } }))
            .expect("serializes");
        let shown = format!("{body:?}");
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(shown.contains(&body.as_bytes().len().to_string()), "{shown}");
    }

    #[test]
    fn a_body_that_does_not_serialize_is_refused() {
        let mut map = std::collections::HashMap::new();
        map.insert(vec![1u8], 1);
        let err = Body::json(&map).expect_err("keys must be strings");
        assert!(err.to_string().contains("does not serialize to JSON"), "{err}");
    }
}
