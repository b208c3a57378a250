//! An HTTP status code, as the SDK's own type.

use std::fmt;

/// The HTTP status of a response: what [`RawResponse::status`](crate::RawResponse::status),
/// [`Response::status`](crate::Response::status) and [`Error::status`](crate::Error::status) give.
///
/// Compare it with a named constant or a number; Display shows the code and its reason phrase.
///
/// ```
/// use okta_core::StatusCode;
/// let status = StatusCode::TOO_MANY_REQUESTS;
/// assert_eq!(status, 429);
/// assert!(status.is_client_error() && !status.is_success());
/// assert_eq!(status.to_string(), "429 Too Many Requests");
/// assert_eq!(StatusCode::from_u16(204), Some(StatusCode::NO_CONTENT));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StatusCode(u16);

impl StatusCode {
    /// 200 OK.
    pub const OK: StatusCode = StatusCode(200);
    /// 201 Created.
    pub const CREATED: StatusCode = StatusCode(201);
    /// 202 Accepted.
    pub const ACCEPTED: StatusCode = StatusCode(202);
    /// 204 No Content: an empty success.
    pub const NO_CONTENT: StatusCode = StatusCode(204);
    /// 400 Bad Request: Okta's answer to a failed validation (`E0000001`).
    pub const BAD_REQUEST: StatusCode = StatusCode(400);
    /// 401 Unauthorized: a missing, invalid or expired token.
    pub const UNAUTHORIZED: StatusCode = StatusCode(401);
    /// 403 Forbidden: the token may not do this (`E0000006`), or a refused factor.
    pub const FORBIDDEN: StatusCode = StatusCode(403);
    /// 404 Not Found (`E0000007`).
    pub const NOT_FOUND: StatusCode = StatusCode(404);
    /// 405 Method Not Allowed.
    pub const METHOD_NOT_ALLOWED: StatusCode = StatusCode(405);
    /// 409 Conflict.
    pub const CONFLICT: StatusCode = StatusCode(409);
    /// 429 Too Many Requests: a rate limit, or the concurrent-request limit.
    pub const TOO_MANY_REQUESTS: StatusCode = StatusCode(429);
    /// 500 Internal Server Error.
    pub const INTERNAL_SERVER_ERROR: StatusCode = StatusCode(500);
    /// 502 Bad Gateway.
    pub const BAD_GATEWAY: StatusCode = StatusCode(502);
    /// 503 Service Unavailable.
    pub const SERVICE_UNAVAILABLE: StatusCode = StatusCode(503);
    /// 504 Gateway Timeout.
    pub const GATEWAY_TIMEOUT: StatusCode = StatusCode(504);

    /// The status with this code; `None` outside 100–999, which no response can carry.
    pub const fn from_u16(code: u16) -> Option<StatusCode> {
        if code >= 100 && code <= 999 {
            Some(StatusCode(code))
        } else {
            None
        }
    }

    /// The code, `404`.
    pub const fn as_u16(self) -> u16 {
        self.0
    }

    /// 2xx.
    pub const fn is_success(self) -> bool {
        self.0 >= 200 && self.0 < 300
    }

    /// 4xx: the request was refused as it was.
    pub const fn is_client_error(self) -> bool {
        self.0 >= 400 && self.0 < 500
    }

    /// 5xx: the server failed.
    pub const fn is_server_error(self) -> bool {
        self.0 >= 500 && self.0 < 600
    }

    /// The standard reason phrase (`Not Found`), if the code has one.
    pub fn canonical_reason(self) -> Option<&'static str> {
        reqwest::StatusCode::from_u16(self.0).ok()?.canonical_reason()
    }

    /// The status the transport read.
    pub(crate) fn from_http(status: reqwest::StatusCode) -> StatusCode {
        StatusCode(status.as_u16())
    }
}

/// The code alone, `404`.
impl fmt::Debug for StatusCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

/// The code and its reason phrase, `404 Not Found`.
impl fmt::Display for StatusCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.canonical_reason() {
            Some(reason) => write!(f, "{} {reason}", self.0),
            None => write!(f, "{}", self.0),
        }
    }
}

impl PartialEq<u16> for StatusCode {
    fn eq(&self, other: &u16) -> bool {
        self.0 == *other
    }
}

impl PartialEq<StatusCode> for u16 {
    fn eq(&self, other: &StatusCode) -> bool {
        *self == other.0
    }
}

impl From<StatusCode> for u16 {
    fn from(status: StatusCode) -> u16 {
        status.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_a_response_can_carry_and_no_other() {
        assert_eq!(StatusCode::from_u16(99), None);
        assert_eq!(StatusCode::from_u16(1000), None);
        for code in 100..=999 {
            let status = StatusCode::from_u16(code).expect("in range");
            let http = reqwest::StatusCode::from_u16(code).expect("in range");
            assert_eq!(StatusCode::from_http(http), status);
            assert_eq!(
                (status.is_success(), status.is_client_error(), status.is_server_error()),
                (http.is_success(), http.is_client_error(), http.is_server_error()),
                "{code}"
            );
            assert_eq!(
                status.to_string(),
                http.to_string().trim_end_matches(" <unknown status code>")
            );
        }
    }
}
