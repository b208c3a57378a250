//! Decode: what came back, raw or typed, with the metadata Okta puts in headers.

use bytes::{Bytes, BytesMut};
use reqwest::StatusCode;
use reqwest::header::HeaderMap;
use serde::de::DeserializeOwned;
use url::Url;

use crate::error::{DecodeError, Error};
use crate::rate_limit::RateLimit;
use crate::redact::snippet;
use crate::request::PreparedRequest;

/// A successful response, not yet decoded: what the raw escape hatch returns, and what every
/// endpoint's `decode` reads.
#[derive(Debug, Clone)]
pub struct RawResponse {
    pub(crate) status: StatusCode,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Bytes,
    pub(crate) url: Url,
}

impl RawResponse {
    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The response headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The body bytes.
    pub fn body(&self) -> &Bytes {
        &self.body
    }

    /// The URL that was requested (ids and query included; no credentials are ever in it).
    pub fn url(&self) -> &Url {
        &self.url
    }

    /// `X-Okta-Request-Id`.
    pub fn request_id(&self) -> Option<&str> {
        request_id(&self.headers)
    }

    /// The rate-limit headers.
    pub fn rate_limit(&self) -> RateLimit {
        RateLimit::from_headers(&self.headers)
    }

    /// Decodes the JSON body. An empty body (204) decodes as JSON `null`, so `Option<T>`,
    /// `()` and `serde_json::Value` accept it.
    ///
    /// A failure names the target type and the JSON path where decoding stopped.
    pub fn json<T: DeserializeOwned>(&self) -> Result<T, Error> {
        let body: &[u8] = if self.body.iter().all(u8::is_ascii_whitespace) {
            b"null"
        } else {
            &self.body
        };
        // The plain decoder first: tracking the path costs time on every success, and is only
        // needed to explain a failure.
        serde_json::from_slice(body).or_else(|_| {
            let mut de = serde_json::Deserializer::from_slice(body);
            let (json_path, source) = match serde_path_to_error::deserialize::<_, T>(&mut de) {
                // One value and nothing after it: a second object or garbage fails the decode.
                Ok(value) => match de.end() {
                    Ok(()) => return Ok(value),
                    Err(trailing) => (String::new(), trailing),
                },
                Err(err) => (err.path().to_string(), err.into_inner()),
            };
            Err(Error::Decode(Box::new(DecodeError {
                type_name: std::any::type_name::<T>(),
                json_path,
                body_snippet: snippet(body),
                status: self.status,
                request_id: self.request_id().map(str::to_owned),
                source,
            })))
        })
    }

    /// Reads an empty success: `204` with no body, or `200` with `{}` (Okta uses both, sometimes
    /// for the same operation). Any body is accepted and ignored.
    pub fn empty(&self) -> Result<(), Error> {
        Ok(())
    }
}

/// Reads a response body, chunk by chunk as it arrives, and at most `limit` bytes of it.
///
/// The outer error ends the call: the body is larger than the limit, as its `Content-Length`
/// says before anything is read, or as found while reading (a chunked body says nothing in
/// advance). The inner one is a transport error, for the retry policy to judge like any other.
pub(crate) async fn read_body(
    mut response: reqwest::Response,
    limit: usize,
    req: &PreparedRequest,
) -> Result<Result<Bytes, reqwest::Error>, Error> {
    let too_large = |status| Error::ResponseTooLarge {
        method: req.method.clone(),
        path: req.template.to_string(),
        status,
        limit,
    };
    let status = response.status();
    let announced = response
        .content_length()
        .map(|n| usize::try_from(n).unwrap_or(usize::MAX));
    if announced.is_some_and(|n| n > limit) {
        return Err(too_large(status));
    }
    let mut body = BytesMut::with_capacity(announced.unwrap_or(0));
    loop {
        match response.chunk().await {
            Ok(Some(chunk)) if chunk.len() > limit - body.len() => return Err(too_large(status)),
            Ok(Some(chunk)) => body.extend_from_slice(&chunk),
            Ok(None) => return Ok(Ok(body.freeze())),
            Err(e) => return Ok(Err(e)),
        }
    }
}

const X_OKTA_REQUEST_ID: reqwest::header::HeaderName = reqwest::header::HeaderName::from_static("x-okta-request-id");

pub(crate) fn request_id(headers: &HeaderMap) -> Option<&str> {
    headers.get(X_OKTA_REQUEST_ID).and_then(|v| v.to_str().ok())
}

/// A decoded response with its metadata: what `send_full` returns.
///
/// ```
/// # async fn demo(client: okta_core::Client) -> Result<(), okta_core::Error> {
/// let response = client
///     .request(okta_core::Method::GET, "/api/v1/users/me")
///     .send_full::<serde_json::Value>()
///     .await?;
/// println!("{} left in this window", response.rate_limit.remaining.unwrap_or(0));
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Response<T> {
    /// The decoded body.
    pub value: T,
    /// The HTTP status.
    pub status: StatusCode,
    /// All response headers.
    pub headers: HeaderMap,
    /// `X-Rate-Limit-*`.
    pub rate_limit: RateLimit,
    /// `X-Okta-Request-Id`.
    pub request_id: Option<String>,
}

impl<T> Response<T> {
    pub(crate) fn new(raw: RawResponse, value: T) -> Self {
        Response {
            value,
            status: raw.status,
            rate_limit: raw.rate_limit(),
            request_id: raw.request_id().map(str::to_owned),
            headers: raw.headers,
        }
    }

    /// The decoded body, without the metadata.
    pub fn into_inner(self) -> T {
        self.value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(body: &'static str) -> RawResponse {
        RawResponse {
            status: StatusCode::OK,
            headers: HeaderMap::new(),
            body: Bytes::from_static(body.as_bytes()),
            url: Url::parse("https://dev-1.okta.com/api/v1/users/00u1").expect("url"),
        }
    }

    #[derive(Debug, serde::Deserialize)]
    struct User {
        #[allow(dead_code)]
        id: String,
    }

    #[test]
    fn one_value_and_nothing_after_it() {
        let decode_error = |result: Result<(), Error>| match result {
            Err(Error::Decode(decode)) => decode.source.to_string(),
            other => panic!("accepted: {other:?}"),
        };
        for body in [
            r#"{"id":"00u1"} garbage"#,
            r#"{"id":"00u1"}{"id":"00u2"}"#,
            r#"{"id":"00u1"},"#,
        ] {
            let why = decode_error(ok(body).json::<User>().map(drop));
            assert!(why.contains("trailing"), "{body}: {why}");
            assert!(ok(body).json::<serde_json::Value>().is_err(), "{body}");
        }
        let why = decode_error(ok(r#"[{"id":"00u1"}]]"#).json::<Vec<User>>().map(drop));
        assert!(why.contains("trailing"), "{why}");
        assert_eq!(
            ok(" {\"id\":\"00u1\"}\n ")
                .json::<User>()
                .expect("whitespace is fine")
                .id,
            "00u1"
        );
    }
}
