//! What a route handler sees of a request ([`Req`]) and what it answers ([`Reply`]).

use bytes::Bytes;
use serde_json::{Map, Value, json};

use crate::error::{ApiError, ApiResult};

/// A parsed request: method, path, decoded query, JSON body (`null` for none or another media type).
#[derive(Debug)]
pub(crate) struct Req {
    pub(crate) method: String,
    pub(crate) path: String,
    pub(crate) query: Vec<(String, String)>,
    pub(crate) body: Value,
    pub(crate) user_agent: String,
    /// Every header, names lower-cased, values as sent.
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) request_id: String,
    /// `http://127.0.0.1:PORT`, for absolute `_links` and `Link` headers.
    pub(crate) base_url: String,
}

impl Req {
    /// The first value of a header (`name` lower-case).
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// The URL the request was sent to, without its query: `http://{Host}{path}`.
    pub(crate) fn url(&self) -> String {
        match self.header("host") {
            Some(host) => format!("http://{host}{}", self.path),
            None => format!("{}{}", self.base_url, self.path),
        }
    }

    /// The first value of a query parameter.
    pub(crate) fn q(&self, name: &str) -> Option<&str> {
        self.query.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// A boolean query parameter; anything but `true`/`false` is the default.
    pub(crate) fn q_bool(&self, name: &str, default: bool) -> bool {
        match self.q(name) {
            Some(v) if v.eq_ignore_ascii_case("true") => true,
            Some(v) if v.eq_ignore_ascii_case("false") => false,
            _ => default,
        }
    }

    /// A required query parameter (400 E0000001 when missing).
    pub(crate) fn q_required(&self, name: &str) -> ApiResult<&str> {
        self.q(name)
            .filter(|v| !v.is_empty())
            .ok_or_else(|| ApiError::required(name))
    }

    /// A string in the body at a JSON pointer (`/profile/login`).
    pub(crate) fn str_at(&self, pointer: &str) -> Option<&str> {
        self.body.pointer(pointer).and_then(Value::as_str)
    }

    /// A required string in the body (400 E0000001 naming `field` when missing).
    pub(crate) fn required_str(&self, pointer: &str, field: &str) -> ApiResult<&str> {
        self.str_at(pointer)
            .filter(|v| !v.is_empty())
            .ok_or_else(|| ApiError::required(field))
    }

    /// An object in the body at a JSON pointer, or an empty one.
    pub(crate) fn object_at(&self, pointer: &str) -> Map<String, Value> {
        self.body
            .pointer(pointer)
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default()
    }
}

/// A handler's answer: status, optional body, extra headers.
#[derive(Debug)]
pub(crate) struct Reply {
    pub(crate) status: u16,
    pub(crate) body: Option<Body>,
    pub(crate) headers: Vec<(String, String)>,
}

/// A body: a JSON value, JSON text already serialized (a page of users kept serialized), or an
/// example of the spec in its media type (SAML metadata as `text/xml`).
#[derive(Debug)]
pub(crate) enum Body {
    Json(Value),
    Serialized(String),
    Example {
        media_type: &'static str,
        text: &'static str,
    },
}

impl Body {
    /// Its `Content-Type`.
    pub(crate) fn media_type(&self) -> &'static str {
        match self {
            Self::Json(_) | Self::Serialized(_) => crate::media::JSON,
            Self::Example { media_type, .. } => media_type,
        }
    }

    /// Its bytes on the wire.
    pub(crate) fn into_bytes(self) -> Bytes {
        match self {
            Self::Json(v) => Bytes::from(serde_json::to_vec(&v).unwrap_or_default()),
            Self::Serialized(text) => Bytes::from(text),
            Self::Example { text, .. } => Bytes::from_static(text.as_bytes()),
        }
    }
}

impl Reply {
    /// 200 with a body.
    pub(crate) fn ok(body: Value) -> Self {
        Self {
            status: 200,
            body: Some(Body::Json(body)),
            headers: Vec::new(),
        }
    }

    /// 200 with JSON text already serialized.
    pub(crate) fn ok_serialized(json: String) -> Self {
        Self {
            status: 200,
            body: Some(Body::Serialized(json)),
            headers: Vec::new(),
        }
    }

    /// 201 with a body.
    pub(crate) fn created(body: Value) -> Self {
        Self {
            status: 201,
            ..Self::ok(body)
        }
    }

    /// 200 with the literal `{}` Okta sends for many lifecycle operations.
    pub(crate) fn empty_object() -> Self {
        Self::ok(json!({}))
    }

    /// 204 No Content.
    pub(crate) fn no_content() -> Self {
        Self {
            status: 204,
            body: None,
            headers: Vec::new(),
        }
    }

    /// 202 Accepted, no body (group rule deletion).
    pub(crate) fn accepted() -> Self {
        Self {
            status: 202,
            body: None,
            headers: Vec::new(),
        }
    }
}

impl Reply {
    /// Adds a header.
    pub(crate) fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }
}

impl From<ApiError> for Reply {
    fn from(e: ApiError) -> Self {
        Self {
            status: e.status,
            body: Some(Body::Json(e.body())),
            headers: Vec::new(),
        }
    }
}
