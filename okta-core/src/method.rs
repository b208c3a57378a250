//! The HTTP methods of Okta's API, as the SDK's own type: endpoints name theirs as a constant.

use std::fmt;

/// An HTTP method: what an [`Endpoint`](crate::Endpoint) declares as its `METHOD`, and what
/// [`Client::request`](crate::Client::request) takes.
///
/// The names are the methods' own, upper case as on the wire (and as `#[endpoint(method = GET)]`
/// writes them).
///
/// ```
/// use okta_core::Method;
/// assert_eq!(Method::PATCH.as_str(), "PATCH");
/// assert_eq!(format!("{} /api/v1/users", Method::GET), "GET /api/v1/users");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
// The wire names, as every HTTP library spells them (`http::Method::GET`), so code reads the same.
#[allow(clippy::upper_case_acronyms)]
pub enum Method {
    /// `GET`: read.
    GET,
    /// `POST`: create, or an action (`/lifecycle/activate`).
    POST,
    /// `PUT`: replace.
    PUT,
    /// `PATCH`: change part of a resource.
    PATCH,
    /// `DELETE`: remove.
    DELETE,
    /// `HEAD`: a `GET` without the body.
    HEAD,
    /// `OPTIONS`: what a resource allows.
    OPTIONS,
}

impl Method {
    /// The method as sent on the wire: `GET`, `POST`, …
    pub const fn as_str(self) -> &'static str {
        match self {
            Method::GET => "GET",
            Method::POST => "POST",
            Method::PUT => "PUT",
            Method::PATCH => "PATCH",
            Method::DELETE => "DELETE",
            Method::HEAD => "HEAD",
            Method::OPTIONS => "OPTIONS",
        }
    }

    /// The transport's name for it.
    pub(crate) fn to_http(self) -> reqwest::Method {
        match self {
            Method::GET => reqwest::Method::GET,
            Method::POST => reqwest::Method::POST,
            Method::PUT => reqwest::Method::PUT,
            Method::PATCH => reqwest::Method::PATCH,
            Method::DELETE => reqwest::Method::DELETE,
            Method::HEAD => reqwest::Method::HEAD,
            Method::OPTIONS => reqwest::Method::OPTIONS,
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wire_name_is_the_transports() {
        for m in [
            Method::GET,
            Method::POST,
            Method::PUT,
            Method::PATCH,
            Method::DELETE,
            Method::HEAD,
            Method::OPTIONS,
        ] {
            assert_eq!(m.as_str(), m.to_http().as_str());
            assert_eq!(m.to_string(), m.as_str());
        }
    }
}
