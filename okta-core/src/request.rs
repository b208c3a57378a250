//! Build: an endpoint (or a raw request) turned into method, URL, headers and body, once.

use std::borrow::Cow;

use bytes::Bytes;
use reqwest::header::{HeaderMap, HeaderValue};
use url::Url;

use crate::body::Body;
use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::headers::Headers;
use crate::method::Method;
use crate::params::Query;
use crate::retry::is_idempotent;

/// A request ready to send, and to send again on retry.
#[derive(Debug, Clone)]
pub(crate) struct PreparedRequest {
    method: Method,
    url: Url,
    /// What traces and errors name: the declared template, never ids.
    template: Cow<'static, str>,
    headers: HeaderMap,
    body: Option<Bytes>,
    /// The body's `Content-Type`.
    content_type: HeaderValue,
    /// The `Accept` header: the media type of the answer asked for.
    accept: HeaderValue,
    /// Whether this is a service app's OAuth token request, whose body (a fresh client assertion)
    /// and DPoP proof the authentication layer mints for every attempt.
    token_request: bool,
    /// Whether the request carries the client's credentials (a public endpoint takes none).
    authenticated: bool,
}

impl PreparedRequest {
    pub(crate) fn from_endpoint<E: Endpoint>(org: &Url, endpoint: &E) -> Result<Self, Error> {
        let mut request = Self::from_parts(org, E::METHOD, E::PATH, [E::CONTENT_TYPE, E::ACCEPT], endpoint)?;
        request.authenticated = E::AUTHENTICATED;
        Ok(request)
    }

    /// The work of [`from_endpoint`](Self::from_endpoint), compiled once rather than once per
    /// endpoint.
    fn from_parts(
        org: &Url,
        method: Method,
        template: &'static str,
        [content_type, accept]: [&'static str; 2],
        endpoint: &dyn EndpointParts,
    ) -> Result<Self, Error> {
        let path = endpoint.path()?;
        let mut query = Query::default();
        endpoint.query(&mut query);
        let mut headers = Headers::new();
        endpoint.headers(&mut headers)?;
        let body = endpoint.body()?;
        // Checked here, so sending them as headers never fails: a hand-written `CONTENT_TYPE` or
        // `ACCEPT` could hold anything.
        let accept = static_media_type(template, "accepted media type", accept)?;
        PreparedRequest {
            accept,
            ..PreparedRequest::new(
                method,
                join(org, &path, &query)?,
                Cow::Borrowed(template),
                headers.into_http(),
            )
        }
        .with_body(body, content_type)
    }

    /// A resource request without a body, asking for JSON.
    pub(crate) fn new(method: Method, url: Url, template: Cow<'static, str>, headers: HeaderMap) -> Self {
        PreparedRequest {
            method,
            url,
            template,
            headers,
            body: None,
            content_type: HeaderValue::from_static(JSON),
            accept: HeaderValue::from_static(JSON),
            token_request: false,
            authenticated: true,
        }
    }

    /// The request with `body`, sent as the media type the body names, or else as `declared`.
    pub(crate) fn with_body(mut self, body: Option<Body>, declared: &'static str) -> Result<Self, Error> {
        let Some(body) = body else { return Ok(self) };
        let (bytes, own) = body.into_parts();
        self.content_type = match own {
            Some(own) => HeaderValue::from_str(&own).map_err(|_| invalid_media_type(&self.template, "content type"))?,
            None => static_media_type(&self.template, "content type", declared)?,
        };
        self.body = Some(bytes);
        Ok(self)
    }

    /// A service app's OAuth token request to `url`: its body and proof are minted per attempt.
    pub(crate) fn token_request(url: Url, template: Cow<'static, str>) -> Self {
        PreparedRequest {
            content_type: HeaderValue::from_static("application/x-www-form-urlencoded"),
            token_request: true,
            ..PreparedRequest::new(Method::POST, url, template, HeaderMap::new())
        }
    }

    pub(crate) fn method(&self) -> Method {
        self.method
    }

    pub(crate) fn url(&self) -> &Url {
        &self.url
    }

    /// The declared path template (or a raw request's path): what traces and errors name.
    pub(crate) fn template(&self) -> &Cow<'static, str> {
        &self.template
    }

    pub(crate) fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    pub(crate) fn body(&self) -> Option<&Bytes> {
        self.body.as_ref()
    }

    /// The body's `Content-Type`.
    pub(crate) fn content_type(&self) -> &HeaderValue {
        &self.content_type
    }

    /// The `Accept` header.
    pub(crate) fn accept(&self) -> &HeaderValue {
        &self.accept
    }

    /// Whether this is a service app's OAuth token request.
    pub(crate) fn is_token_request(&self) -> bool {
        self.token_request
    }

    /// Whether the request carries the client's credentials.
    pub(crate) fn is_authenticated(&self) -> bool {
        self.authenticated
    }

    /// Whether sending the request again cannot do anything twice at Okta, so that a failure
    /// that may have reached it (a 503, a connection lost under it) can be retried: an idempotent
    /// method, or a token request (a POST, but it changes nothing, and the authentication layer
    /// mints a new assertion for every attempt, so no attempt replays another).
    pub(crate) fn safe_to_repeat(&self) -> bool {
        self.token_request || is_idempotent(&self.method)
    }

    /// The request for the next page: a GET of the `next` link with the same headers.
    pub(crate) fn follow(&self, url: Url) -> Self {
        PreparedRequest {
            method: Method::GET,
            url,
            template: self.template.clone(),
            headers: self.headers.clone(),
            body: None,
            content_type: self.content_type.clone(),
            accept: self.accept.clone(),
            token_request: false,
            authenticated: self.authenticated,
        }
    }
}

pub(crate) const JSON: &str = "application/json";

/// A declared media type as a header value, without copying it; checked, because a
/// hand-written `CONTENT_TYPE` or `ACCEPT` could hold anything.
fn static_media_type(template: &str, what: &str, value: &'static str) -> Result<HeaderValue, Error> {
    // What `HeaderValue::from_static` accepts without panicking.
    if value.bytes().all(|b| b == b'\t' || (0x20..0x7f).contains(&b)) {
        Ok(HeaderValue::from_static(value))
    } else {
        Err(invalid_media_type(template, what))
    }
}

fn invalid_media_type(template: &str, what: &str) -> Error {
    Error::InvalidRequest(format!("the {what} of `{template}` is not a valid HTTP header value"))
}

/// `org` + an already-encoded path + the query. The result must stay on the org's origin.
pub(crate) fn join(org: &Url, path: &str, query: &Query) -> Result<Url, Error> {
    let mut url = if path.starts_with('/') {
        // The org was parsed once, when the client was built; only the path is new. A raw path
        // may carry its own query (`/api/v1/users?limit=2`).
        let (path, own_query) = match path.split_once('?') {
            Some((path, q)) => (path, Some(q)),
            None => (path, None),
        };
        if path.contains('#') || own_query.is_some_and(|q| q.contains('#')) {
            return Err(Error::InvalidRequest(format!("the path `{path}` has a fragment (`#`)")));
        }
        let mut url = org.clone();
        url.set_path(path);
        url.set_query(own_query);
        url
    } else {
        let url = Url::parse(path).map_err(|_| {
            Error::InvalidRequest(format!(
                "the path `{path}` must start with `/` or be an absolute URL on the org"
            ))
        })?;
        if url.origin() != org.origin() {
            return Err(Error::InvalidRequest(format!(
                "`{}` is not on the org ({}): the token is only ever sent to the org",
                url.origin().ascii_serialization(),
                org.origin().ascii_serialization()
            )));
        }
        url
    };
    if !query.is_empty() {
        let joined = match url.query() {
            Some(existing) if !existing.is_empty() => format!("{existing}&{query}"),
            _ => query.to_string(),
        };
        url.set_query(Some(&joined));
    }
    Ok(url)
}

/// The parts of an [`Endpoint`] that vary per value, behind a vtable, so that building a
/// request is not compiled again for every endpoint.
trait EndpointParts {
    fn path(&self) -> Result<String, Error>;
    fn query(&self, query: &mut Query);
    fn headers(&self, headers: &mut Headers) -> Result<(), Error>;
    fn body(&self) -> Result<Option<Body>, Error>;
}

impl<E: Endpoint> EndpointParts for E {
    fn path(&self) -> Result<String, Error> {
        Endpoint::path(self)
    }
    fn query(&self, query: &mut Query) {
        Endpoint::query(self, query)
    }
    fn headers(&self, headers: &mut Headers) -> Result<(), Error> {
        Endpoint::headers(self, headers)
    }
    fn body(&self) -> Result<Option<Body>, Error> {
        Endpoint::body(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idempotent_methods_and_token_requests_are_safe_to_repeat() {
        let org = Url::parse("https://dev-1.okta.com/oauth2/v1/token").expect("url");
        let request = |m: Method| PreparedRequest::new(m, org.clone(), Cow::Borrowed("/x"), HeaderMap::new());
        for m in [Method::GET, Method::PUT, Method::DELETE, Method::HEAD] {
            assert!(request(m).safe_to_repeat(), "{m}");
        }
        for m in [Method::POST, Method::PATCH] {
            assert!(!request(m).safe_to_repeat(), "{m}");
        }
        let mut token = request(Method::POST);
        token.token_request = true;
        assert!(
            token.safe_to_repeat(),
            "a token request mints a new assertion every attempt"
        );
    }

    #[test]
    fn join_keeps_the_org_origin() {
        let org = Url::parse("https://dev-1.okta.com").expect("url");
        let mut q = Query::default();
        q.push("limit", "2");
        assert_eq!(
            join(&org, "/api/v1/users", &q).expect("ok").as_str(),
            "https://dev-1.okta.com/api/v1/users?limit=2"
        );
        assert_eq!(
            join(&org, "https://dev-1.okta.com/api/v1/users?after=x", &q)
                .expect("ok")
                .as_str(),
            "https://dev-1.okta.com/api/v1/users?after=x&limit=2"
        );
        assert!(join(&org, "https://evil.example/api/v1/users", &q).is_err());
        assert!(join(&org, "api/v1/users", &q).is_err());
        assert_eq!(
            join(&org, "/api/v1/users?filter=a%20b", &q).expect("ok").as_str(),
            "https://dev-1.okta.com/api/v1/users?filter=a%20b&limit=2"
        );
        assert!(join(&org, "/api/v1/users#x", &q).is_err());
        // `//host` after the origin stays a path on the org.
        assert_eq!(
            join(&org, "//evil.example/x", &Query::default())
                .expect("ok")
                .host_str(),
            Some("dev-1.okta.com")
        );
    }
}
