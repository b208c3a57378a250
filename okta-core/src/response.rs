//! Decode: what came back, raw or typed, with the metadata Okta puts in headers.

use bytes::{Bytes, BytesMut};
use reqwest::header::HeaderMap;
use serde::de::DeserializeOwned;
use serde_json::de::SliceRead;
use url::Url;

use crate::error::{DecodeError, Error};
use crate::headers::Headers;
use crate::json_path;
use crate::rate_limit::RateLimit;
use crate::redact::{is_secret_field, snippet};
use crate::request::PreparedRequest;
use crate::status_code::StatusCode;

/// A successful response, not yet decoded: what the raw escape hatch returns, and what every
/// endpoint's `decode` reads.
#[derive(Debug, Clone)]
pub struct RawResponse {
    status: StatusCode,
    headers: Headers,
    body: Bytes,
    url: Url,
}

impl RawResponse {
    /// A response as the transport read it, from `url`.
    pub(crate) fn new(status: StatusCode, headers: HeaderMap, body: Bytes, url: Url) -> Self {
        RawResponse {
            status,
            headers: Headers::from_http(headers),
            body,
            url,
        }
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The response headers.
    pub fn headers(&self) -> &Headers {
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
        request_id(self.headers.as_http())
    }

    /// The rate-limit headers.
    pub fn rate_limit(&self) -> RateLimit {
        RateLimit::from_headers(self.headers.as_http())
    }

    /// Decodes the JSON body. An empty body (204) decodes as JSON `null`, so `Option<T>`,
    /// `()` and `serde_json::Value` accept it.
    ///
    /// A failure names the target type and the JSON path where decoding stopped.
    pub fn json<T: DeserializeOwned>(&self) -> Result<T, Error> {
        // Only the decode itself is generic; the rest is compiled once, not once per type.
        let mut de = serde_json::Deserializer::from_slice(self.json_text());
        match T::deserialize(&mut de) {
            Ok(value) => self.end_of_json(std::any::type_name::<T>(), de).map(|()| value),
            Err(error) => Err(self.decode_error(std::any::type_name::<T>(), None, error)),
        }
    }

    /// The body as UTF-8 text, for operations that answer something other than JSON (a SAML
    /// metadata document as `text/xml`). A body that is not UTF-8 fails as a decode error.
    ///
    /// ```no_run
    /// # async fn demo(client: okta_core::Client) -> Result<(), okta_core::Error> {
    /// let metadata = client
    ///     .request(okta_core::Method::GET, "/api/v1/apps/0oa1/sso/saml/metadata?kid=k1")
    ///     .header("Accept", "text/xml")
    ///     .send()
    ///     .await?
    ///     .text()?;
    /// # Ok(()) }
    /// ```
    pub fn text(&self) -> Result<String, Error> {
        match std::str::from_utf8(&self.body) {
            Ok(text) => Ok(text.to_owned()),
            Err(e) => Err(self.decode_error(
                std::any::type_name::<String>(),
                Some(String::new()),
                serde::de::Error::custom(format!("the body is not UTF-8 text: {e}")),
            )),
        }
    }

    /// The body to decode: an empty one reads as `null`.
    fn json_text(&self) -> &[u8] {
        if self.body.iter().all(u8::is_ascii_whitespace) {
            b"null"
        } else {
            &self.body
        }
    }

    /// One value and nothing after it: a second object or garbage fails the decode.
    fn end_of_json(
        &self,
        type_name: &'static str,
        mut de: serde_json::Deserializer<SliceRead<'_>>,
    ) -> Result<(), Error> {
        de.end()
            .map_err(|trailing| self.decode_error(type_name, Some(String::new()), trailing))
    }

    /// The error of [`json`](Self::json); `json_path` is found from the error's position unless
    /// given.
    fn decode_error(&self, type_name: &'static str, json_path: Option<String>, source: serde_json::Error) -> Error {
        let body = self.json_text();
        let json_path = json_path.unwrap_or_else(|| json_path::of_error(body, &source));
        let source = hide_value_of_secret(&json_path, source);
        Error::Decode(Box::new(DecodeError {
            type_name,
            json_path,
            body_snippet: snippet(body),
            status: self.status,
            request_id: self.request_id().map(str::to_owned),
            source,
        }))
    }

    /// Reads an empty success: `204` with no body, or `200` with `{}` (Okta uses both, sometimes
    /// for the same operation). Any body is accepted and ignored. For raw requests whose answer
    /// has no content, like a lifecycle operation:
    ///
    /// ```no_run
    /// # async fn demo(client: okta_core::Client) -> Result<(), okta_core::Error> {
    /// client
    ///     .request(okta_core::Method::POST, "/api/v1/users/00u1/lifecycle/unlock")
    ///     .send()
    ///     .await?
    ///     .empty()?;
    /// # Ok(()) }
    /// ```
    pub fn empty(&self) -> Result<(), Error> {
        Ok(())
    }
}

/// serde's message quotes the value it could not take (`invalid type: string "123456"`): when
/// that value sits under a secret member, the message keeps only where and what kind of error.
fn hide_value_of_secret(json_path: &str, source: serde_json::Error) -> serde_json::Error {
    if !json_path.split(['.', '[']).any(is_secret_field) {
        return source;
    }
    serde::de::Error::custom(format!(
        "{:?} error at line {} column {} (the message is not shown: it would quote a secret)",
        source.classify(),
        source.line(),
        source.column()
    ))
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
        method: req.method(),
        path: req.template().to_string(),
        status,
        limit,
    };
    let status = StatusCode::from_http(response.status());
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
    pub headers: Headers,
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
    use crate::redact::SNIPPET_LEN;

    fn ok(body: &'static str) -> RawResponse {
        RawResponse {
            status: StatusCode::OK,
            headers: Headers::new(),
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
    fn a_type_error_does_not_quote_a_secret_value() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Verify {
            #[serde(rename = "passCode")]
            pass_code: Option<u32>,
            status: Option<u32>,
        }
        let Err(err) = ok(r#"{"passCode": "123456"}"#).json::<Verify>() else {
            panic!("decoded")
        };
        let source = std::error::Error::source(&err)
            .map(ToString::to_string)
            .unwrap_or_default();
        let shown = format!("{err}\n{err:?}\n{source}");
        assert!(!shown.contains("123456"), "{shown}");
        assert!(shown.contains("passCode") && shown.contains("line 1 column"), "{shown}");
        // Elsewhere serde's message, value included, is kept: it is what explains the failure.
        let Err(err) = ok(r#"{"status": "ACTIVE"}"#).json::<Verify>() else {
            panic!("decoded")
        };
        assert!(err.to_string().contains(r#"string "ACTIVE""#), "{err}");
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

    /// What a hostile server's bodies look like: real replies, mutated.
    const SEEDS: [&str; 4] = [
        r#"{"status":"MFA_REQUIRED","stateToken":"SEK1","expiresAt":"2026-01-01T00:00:00.000Z","_embedded":{"factors":[{"id":"f1","profile":{"credentialId":"a@example.com"}}]}}"#,
        r#"[{"id":"00u1","status":"ACTIVE","profile":{"login":"a@example.com","apiToken":"SEK2"},"credentials":{"password":{"value":"SEK3"}}}]"#,
        r#"{"errorCode":"E0000001","errorSummary":"Api validation failed","errorCauses":[{"errorSummary":"login"}]}"#,
        r#"{"keys":[{"kty":"RSA","kid":"k1","e":"AQAB","n":"abc","d":"SEK4","p":"SEK5"}]}"#,
    ];

    fn mutate(rng: &mut fastrand::Rng, seed: &[u8]) -> Vec<u8> {
        let mut body = seed.to_vec();
        for _ in 0..rng.usize(1..4) {
            let at = rng.usize(..=body.len());
            match rng.u8(..6) {
                0 => body.truncate(at),
                1 => body.insert(at, rng.u8(..)),
                2 if !body.is_empty() => {
                    let at = at.min(body.len() - 1);
                    let structural = b"{}[]:,\"\\ 0a-";
                    body[at] = structural[rng.usize(..structural.len())];
                }
                3 => {
                    let copy = body[at..].to_vec();
                    body.extend_from_slice(&copy);
                }
                4 => body
                    .splice(at..at, std::iter::repeat_n(b'[', rng.usize(..300)))
                    .for_each(drop),
                _ => body = (0..rng.usize(..600)).map(|_| rng.u8(..)).collect(),
            }
        }
        body
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Probe {
        id: Option<String>,
        status: Option<String>,
        profile: Option<std::collections::HashMap<String, serde_json::Value>>,
    }

    #[test]
    fn mutated_bodies_never_panic_and_errors_stay_bounded() {
        let mut rng = fastrand::Rng::with_seed(11);
        for _ in 0..3000 {
            let seed = SEEDS[rng.usize(..SEEDS.len())];
            let body = mutate(&mut rng, seed.as_bytes());
            let raw = RawResponse {
                body: Bytes::from(body.clone()),
                ..ok("")
            };
            let errors = [
                raw.json::<serde_json::Value>().err(),
                raw.json::<Probe>().err(),
                raw.json::<Vec<Probe>>().err(),
            ];
            for err in errors.into_iter().flatten() {
                let Error::Decode(decode) = &err else { panic!("{err:?}") };
                assert!(decode.body_snippet.len() <= SNIPPET_LEN + '…'.len_utf8(), "{err}");
            }
            let api = crate::error::ApiError::from_response(
                crate::Method::GET,
                "/api/v1/users",
                StatusCode::BAD_REQUEST,
                None,
                RateLimit::from_headers(&HeaderMap::new()),
                &body,
            );
            assert!(api.body_snippet.is_none_or(|s| s.len() <= SNIPPET_LEN + '…'.len_utf8()));
        }
    }

    /// A random JSON document; every string under a secret name (at any depth) is `SEK…`.
    fn document(rng: &mut fastrand::Rng, depth: u32, secret: bool) -> serde_json::Value {
        use serde_json::Value;
        const NAMES: [&str; 16] = [
            "id",
            "status",
            "login",
            "d",
            "q",
            "sessionToken",
            "password",
            "answers",
            "settings",
            "value",
            "secretKey",
            "activationUrl",
            "hash",
            "tokens",
            "name",
            "dp",
        ];
        let scalar = |rng: &mut fastrand::Rng| match (secret, rng.u8(..3)) {
            (false, 0) => Value::from(rng.u32(..)),
            (false, 1) => Value::Null,
            (true, _) => Value::from(format!("SEK{}", rng.u32(..))),
            (false, _) => Value::from(format!("PUB{}", rng.u32(..))),
        };
        match rng.u8(..4) {
            _ if depth > 4 => scalar(rng),
            0 => {
                let jwk = rng.bool();
                let mut map = serde_json::Map::new();
                if jwk {
                    map.insert("kty".into(), "RSA".into());
                }
                for _ in 0..rng.usize(..5) {
                    let name = NAMES[rng.usize(..NAMES.len())];
                    let inner = secret || crate::redact::is_secret_member(name, jwk);
                    map.insert(name.into(), document(rng, depth + 1, inner));
                }
                Value::Object(map)
            }
            1 => Value::Array((0..rng.usize(..4)).map(|_| document(rng, depth + 1, secret)).collect()),
            _ => scalar(rng),
        }
    }

    #[test]
    fn no_secret_of_a_random_document_shows_however_it_is_cut_or_spoiled() {
        let mut rng = fastrand::Rng::with_seed(12);
        for _ in 0..3000 {
            let value = document(&mut rng, 0, false);
            let debug = format!("{:?}", crate::Redacted(&value));
            assert!(!debug.contains("SEK"), "{debug}");
            let mut body = if rng.bool() {
                serde_json::to_vec(&value)
            } else {
                serde_json::to_vec_pretty(&value)
            }
            .expect("serializes");
            match rng.u8(..3) {
                0 => body.truncate(rng.usize(..=body.len())),
                1 => body.extend((0..rng.usize(1..20)).map(|_| rng.u8(..))),
                _ => {}
            }
            let shown = snippet(&body);
            assert!(!shown.contains("SEK"), "{}\n=> {shown}", String::from_utf8_lossy(&body));
            assert!(shown.len() <= SNIPPET_LEN + '…'.len_utf8());
        }
    }

    #[test]
    fn garbage_after_a_value_never_decodes() {
        let mut rng = fastrand::Rng::with_seed(13);
        for _ in 0..500 {
            let mut body = SEEDS[rng.usize(..SEEDS.len())].as_bytes().to_vec();
            let garbage = rng.u8(b'!'..=b'~');
            body.push(garbage);
            let raw = RawResponse {
                body: Bytes::from(body),
                ..ok("")
            };
            assert!(raw.json::<serde_json::Value>().is_err(), "{}", garbage as char);
        }
    }
}
