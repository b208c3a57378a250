//! What every integration test needs: a real HTTP server on 127.0.0.1 (wiremock) and a client
//! pointed at it, plus the two checks every operation goes through.

#![allow(dead_code)]

use std::future::Future;

use futures::TryStreamExt;
use okta::ItemStream;
use serde_json::Value;
use wiremock::matchers::{any, method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

pub const TOKEN: &str = "00test-token-never-printed";

/// A local stand-in server and a client for it (no retries, so every test sees one request).
pub struct Org {
    pub server: MockServer,
    pub client: okta::Client,
}

pub async fn org() -> Org {
    let server = MockServer::start().await;
    let client = okta::Client::builder()
        .org_url(server.uri())
        .api_token(TOKEN)
        .retry_policy(okta::RetryPolicy::none())
        .build()
        .expect("client for the local server");
    Org { server, client }
}

/// What one operation must put on the wire, and what the server answers.
pub struct Expected {
    /// The operation's name in okta-operations.tsv, named in every failure.
    pub op: &'static str,
    pub method: &'static str,
    /// The path as sent (percent-encoded).
    pub path: &'static str,
    /// Every query pair, exactly (order does not matter).
    pub query: &'static [(&'static str, &'static str)],
    /// Headers that must be present with these values (a `content-type` here replaces the
    /// `application/json` a body is otherwise expected with, an `accept` the `application/json`
    /// asked for).
    pub headers: &'static [(&'static str, &'static str)],
    /// The JSON body, or `None` for no body.
    pub body: Option<Value>,
    /// The success status the server answers with.
    pub status: u16,
    /// The response body, or `None` for an empty one.
    pub response: Option<Value>,
}

/// What an operation sends or answers besides JSON with the org's credentials: bodies that are
/// not JSON, exactly as they go on the wire, and no credentials at all.
#[derive(Default)]
pub struct Raw {
    /// A public endpoint: sent without an `Authorization` header.
    pub public: bool,
    /// The request body as sent (replaces [`Expected::body`]).
    pub body: Option<&'static [u8]>,
    /// The response body, served with the `accept` of [`Expected::headers`] as its type
    /// (replaces [`Expected::response`]).
    pub response: Option<&'static str>,
    /// A `multipart/form-data` body, these parts in order (replaces [`Expected::body`]).
    pub form: Option<&'static [Part]>,
}

/// One part of a `multipart/form-data` body.
pub struct Part {
    pub name: &'static str,
    /// A file's name and media type; `None` for a text field.
    pub file: Option<(&'static str, &'static str)>,
    pub bytes: &'static [u8],
}

/// `parts` encoded as RFC 7578 says, under `boundary`: what a form must be byte for byte.
pub fn multipart(boundary: &str, parts: &[Part]) -> Vec<u8> {
    let mut out = Vec::new();
    for part in parts {
        out.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{}\"", part.name).as_bytes(),
        );
        if let Some((file_name, media_type)) = part.file {
            out.extend_from_slice(format!("; filename=\"{file_name}\"\r\nContent-Type: {media_type}").as_bytes());
        }
        out.extend_from_slice(b"\r\n\r\n");
        out.extend_from_slice(part.bytes);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    out
}

impl Org {
    /// Answers the next request as `expected` says, runs `call`, and checks that exactly one
    /// request was made with exactly the expected method, path, query, headers and body.
    pub async fn check<T>(&self, expected: Expected, call: impl Future<Output = Result<T, okta::Error>>) -> T {
        self.check_raw(expected, Raw::default(), call).await
    }

    /// [`check`](Self::check), with bodies that are not JSON.
    pub async fn check_raw<T>(
        &self,
        expected: Expected,
        raw: Raw,
        call: impl Future<Output = Result<T, okta::Error>>,
    ) -> T {
        let op = expected.op;
        let wanted = |name: &str, default: &'static str| {
            expected
                .headers
                .iter()
                .find(|(n, _)| *n == name)
                .map_or(default, |(_, value)| *value)
        };
        self.server.reset().await;
        let mut response = ResponseTemplate::new(expected.status).insert_header("X-Okta-Request-Id", "req-1");
        if let Some(body) = &expected.response {
            response = response.set_body_json(body);
        }
        if let Some(text) = raw.response {
            response = response.set_body_raw(text, wanted("accept", "application/json"));
        }
        Mock::given(any()).respond_with(response).mount(&self.server).await;

        let output = call.await.unwrap_or_else(|e| panic!("{op}: the call failed: {e}"));

        let requests = self.server.received_requests().await.expect("request recording is on");
        assert_eq!(requests.len(), 1, "{op}: expected exactly one request");
        let request = &requests[0];
        assert_eq!(request.method.as_str(), expected.method, "{op}: method");
        assert_eq!(request.url.path(), expected.path, "{op}: path");
        let mut got: Vec<(String, String)> = request
            .url
            .query_pairs()
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        let mut want: Vec<(String, String)> = expected
            .query
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        got.sort();
        want.sort();
        assert_eq!(got, want, "{op}: query pairs");
        let header = |name: &str| {
            request
                .headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let authorization = (!raw.public).then(|| format!("SSWS {TOKEN}"));
        assert_eq!(header("authorization"), authorization, "{op}: authorization");
        assert_eq!(
            header("accept").as_deref(),
            Some(wanted("accept", "application/json")),
            "{op}: accept"
        );
        for (name, value) in expected.headers {
            assert_eq!(header(name).as_deref(), Some(*value), "{op}: header {name}");
        }
        if let Some(body) = raw.body {
            assert_eq!(&request.body[..], body, "{op}: body, byte for byte");
        }
        if let Some(parts) = raw.form {
            let content_type = header("content-type").unwrap_or_default();
            let boundary = content_type
                .strip_prefix("multipart/form-data; boundary=")
                .unwrap_or_else(|| panic!("{op}: content-type {content_type:?} is not a form with a boundary"));
            assert!(
                !boundary.is_empty() && boundary.len() <= 70,
                "{op}: boundary {boundary:?}"
            );
            assert_eq!(
                String::from_utf8_lossy(&request.body),
                String::from_utf8_lossy(&multipart(boundary, parts)),
                "{op}: the form, byte for byte"
            );
            assert_eq!(request.body, multipart(boundary, parts), "{op}: the form's bytes");
        } else if raw.body.is_some() || expected.body.is_some() {
            // JSON unless the operation names another type (`application/merge-patch+json`).
            assert_eq!(
                header("content-type").as_deref(),
                Some(wanted("content-type", "application/json")),
                "{op}: content-type"
            );
        }
        match &expected.body {
            _ if raw.body.is_some() || raw.form.is_some() => {}
            Some(body) => {
                let got: Value = serde_json::from_slice(&request.body)
                    .unwrap_or_else(|e| panic!("{op}: the body is not JSON ({e})"));
                assert_eq!(&got, body, "{op}: body");
            }
            None => assert!(
                request.body.is_empty(),
                "{op}: expected no body, got {:?}",
                String::from_utf8_lossy(&request.body)
            ),
        }
        output
    }

    /// Serves a list over three pages (2 + 2 + 1 items, `Link` headers as Okta sends them:
    /// separate `self` and `next` lines), streams it, and checks that every item of every page
    /// arrived, in three requests to `path`.
    pub async fn check_stream<T>(
        &self,
        op: &str,
        list_path: &'static str,
        item: Value,
        stream: ItemStream<T>,
    ) -> Vec<T> {
        self.server.reset().await;
        let uri = self.server.uri();
        let page = |items: usize, next: Option<&str>| {
            let body = Value::Array(vec![item.clone(); items]);
            let mut response = ResponseTemplate::new(200)
                .set_body_json(body)
                .append_header("link", format!("<{uri}{list_path}>; rel=\"self\"").as_str());
            if let Some(cursor) = next {
                response = response.append_header(
                    "link",
                    format!("<{uri}{list_path}?after={cursor}>; rel=\"next\"").as_str(),
                );
            }
            response
        };
        Mock::given(method("GET"))
            .and(path(list_path))
            .and(query_param_is_missing("after"))
            .respond_with(page(2, Some("c1")))
            .mount(&self.server)
            .await;
        Mock::given(method("GET"))
            .and(path(list_path))
            .and(query_param("after", "c1"))
            .respond_with(page(2, Some("c2")))
            .mount(&self.server)
            .await;
        Mock::given(method("GET"))
            .and(path(list_path))
            .and(query_param("after", "c2"))
            .respond_with(page(1, None))
            .mount(&self.server)
            .await;

        let items: Vec<T> = stream
            .try_collect()
            .await
            .unwrap_or_else(|e| panic!("{op}: streaming failed: {e}"));
        assert_eq!(items.len(), 5, "{op}: every item of the three pages");
        let requests = self.server.received_requests().await.expect("recording is on");
        assert_eq!(requests.len(), 3, "{op}: one request per page");
        items
    }
}
