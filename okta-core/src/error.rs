//! The one error type of the SDK, and the Okta error body it carries.

use std::fmt;
use std::time::{Duration, SystemTime};

use serde::Deserialize;

use crate::method::Method;
use crate::rate_limit::RateLimit;
use crate::redact::snippet;
use crate::status_code::StatusCode;

/// Everything that can go wrong between declaring a call and holding its decoded result.
///
/// Display is one readable line; the variants keep every detail for code that wants to branch.
///
/// ```
/// # async fn demo(client: okta_core::Client) {
/// # #[derive(serde::Deserialize)] struct User;
/// match client.request(okta_core::Method::GET, "/api/v1/users/00u1").send_json::<serde_json::Value>().await {
///     Err(err) if err.error_code() == Some("E0000007") => println!("no such user"),
///     Err(err) => eprintln!("{err}"),
///     Ok(user) => println!("{user}"),
/// }
/// # }
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The client could not be built: a bad org URL, a missing token, a bad proxy.
    #[error("invalid configuration: {0}")]
    Config(String),
    /// The request was refused before anything was sent (an empty path parameter, a header value
    /// that is not valid HTTP, a body that does not serialize).
    #[error("invalid request: {0}")]
    InvalidRequest(String),
    /// Okta answered with an error status (and usually an Okta error body).
    #[error(transparent)]
    Api(Box<ApiError>),
    /// Okta kept answering 429 until the retries (or the deadline) ran out.
    #[error(transparent)]
    RateLimited(Box<RateLimitedError>),
    /// The response arrived but did not decode into the expected type.
    #[error(transparent)]
    Decode(Box<DecodeError>),
    /// The request could not be sent or its response could not be read (connect, TLS, timeout).
    #[error("{method} {path}: transport error: {source}")]
    Transport {
        /// HTTP method of the failed request.
        method: Method,
        /// Path template of the failed request (no ids, no query).
        path: String,
        /// The underlying transport error (connection refused, TLS, timeout, reset).
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// The overall deadline of the retry policy passed before a response could be had.
    #[error("{method} {path}: gave up after {elapsed:?} ({attempts} attempts): the retry deadline passed")]
    DeadlineExceeded {
        /// HTTP method of the request.
        method: Method,
        /// Path template of the request.
        path: String,
        /// Time spent.
        elapsed: Duration,
        /// Attempts made.
        attempts: u32,
    },
    /// A failure that would have been retried was not: so many recent calls of this client
    /// failed that its retry budget is spent (a retry storm would only add load to a struggling
    /// org). `last` is the failure as it came; calls are retried again as successes return.
    #[error("{last} (not retried: most recent calls of this client failed, and its retry budget is spent)")]
    RetryBudgetExhausted {
        /// The failure that was not retried.
        #[source]
        last: Box<Error>,
    },
    /// The response body was larger than [`ClientBuilder::max_response_bytes`] allows; it was
    /// not read further.
    ///
    /// [`ClientBuilder::max_response_bytes`]: crate::ClientBuilder::max_response_bytes
    #[error(
        "{method} {path}: okta answered {status} with a body larger than the limit of {limit} bytes \
         (ClientBuilder::max_response_bytes)",
        status = status.as_u16()
    )]
    ResponseTooLarge {
        /// HTTP method of the request.
        method: Method,
        /// Path template of the request.
        path: String,
        /// HTTP status of the response.
        status: StatusCode,
        /// The limit in force, in bytes.
        limit: usize,
    },
    /// A `Link: rel="next"` could not be followed safely.
    #[error("pagination stopped: {0}")]
    Pagination(String),
    /// Okta's token endpoint refused a service app's token request (`invalid_client`,
    /// `invalid_scope`, `invalid_dpop_proof`, …).
    #[error(transparent)]
    OAuth(Box<OAuthError>),
}

impl Error {
    /// The HTTP status of an Okta error response, if this is one.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::Api(e) => Some(e.status),
            Error::RateLimited(e) => Some(e.api.status),
            Error::Decode(e) => Some(e.status),
            Error::RetryBudgetExhausted { last } => last.status(),
            Error::OAuth(e) => Some(e.status),
            _ => None,
        }
    }

    /// Okta's `errorCode` (`E0000007`, …): the only stable field to branch on.
    pub fn error_code(&self) -> Option<&str> {
        match self {
            Error::Api(e) => e.error_code.as_deref(),
            Error::RateLimited(e) => e.api.error_code.as_deref(),
            Error::RetryBudgetExhausted { last } => last.error_code(),
            _ => None,
        }
    }

    /// The `X-Okta-Request-Id` of the response, to quote to Okta support.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Error::Api(e) => e.request_id.as_deref(),
            Error::RateLimited(e) => e.api.request_id.as_deref(),
            Error::Decode(e) => e.request_id.as_deref(),
            Error::RetryBudgetExhausted { last } => last.request_id(),
            Error::OAuth(e) => e.request_id.as_deref(),
            _ => None,
        }
    }

    /// Whether Okta said the resource does not exist (404).
    pub fn is_not_found(&self) -> bool {
        self.status() == Some(StatusCode::NOT_FOUND)
    }
}

/// One cause in an Okta error body's `errorCauses`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorCause {
    /// What this cause says.
    #[serde(default)]
    pub error_summary: String,
}

/// An error response from Okta: the status, the decoded Okta error body, and where it came from.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// `errorCode`, e.g. `E0000007`.
    pub error_code: Option<String>,
    /// `errorSummary`, a human sentence.
    pub error_summary: Option<String>,
    /// `errorLink`.
    pub error_link: Option<String>,
    /// `errorId`, Okta's id of this error occurrence.
    pub error_id: Option<String>,
    /// `errorCauses[].errorSummary`, the details (often which field failed validation).
    pub error_causes: Vec<ErrorCause>,
    /// `X-Okta-Request-Id`.
    pub request_id: Option<String>,
    /// The rate-limit headers of the response.
    pub rate_limit: RateLimit,
    /// The start of the body when it was not an Okta error body (an HTML page from a proxy…).
    pub body_snippet: Option<String>,
    /// HTTP method of the request.
    pub method: Method,
    /// Path template of the request (`/api/v1/users/{userId}`), never the ids.
    pub path: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct OktaErrorBody {
    error_code: Option<String>,
    error_summary: Option<String>,
    error_link: Option<String>,
    error_id: Option<String>,
    #[serde(default)]
    error_causes: Vec<ErrorCause>,
}

/// The largest body read as an Okta error body (real ones are well under 2 KB).
const OKTA_ERROR_BODY_MAX: usize = 64 * 1024;

impl ApiError {
    pub(crate) fn from_response(
        method: Method,
        path: &str,
        status: StatusCode,
        request_id: Option<String>,
        rate_limit: RateLimit,
        body: &[u8],
    ) -> Self {
        // Okta's error bodies are small; anything far larger is not one, and is not parsed whole.
        let parsed = (body.len() <= OKTA_ERROR_BODY_MAX)
            .then(|| serde_json::from_slice::<OktaErrorBody>(body).ok())
            .flatten()
            .filter(|b| b.error_code.is_some() || b.error_summary.is_some());
        let (body_snippet, parsed) = match parsed {
            Some(parsed) => (None, parsed),
            None => (
                (!body.is_empty()).then(|| snippet(body)),
                OktaErrorBody {
                    error_code: None,
                    error_summary: None,
                    error_link: None,
                    error_id: None,
                    error_causes: Vec::new(),
                },
            ),
        };
        ApiError {
            status,
            error_code: parsed.error_code,
            error_summary: parsed.error_summary,
            error_link: parsed.error_link,
            error_id: parsed.error_id,
            error_causes: parsed.error_causes,
            request_id,
            rate_limit,
            body_snippet,
            method,
            path: path.to_owned(),
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}: okta answered {}",
            self.method,
            self.path,
            self.status.as_u16()
        )?;
        if let Some(code) = &self.error_code {
            write!(f, " {code}")?;
        }
        if let Some(summary) = &self.error_summary {
            write!(f, ": {summary}")?;
        }
        let causes: Vec<&str> = self
            .error_causes
            .iter()
            .map(|c| c.error_summary.as_str())
            .filter(|s| !s.is_empty())
            .collect();
        if !causes.is_empty() {
            write!(f, " ({})", causes.join("; "))?;
        }
        if let Some(snippet) = &self.body_snippet {
            write!(f, ": {}", snippet.replace(['\n', '\r'], " "))?;
        }
        if let Some(id) = &self.request_id {
            write!(f, " [request id {id}]")?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

/// Okta answered 429 on the last attempt the retry policy allowed.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct RateLimitedError {
    /// The last 429 response.
    pub api: ApiError,
    /// Attempts made, the first one included.
    pub attempts: u32,
}

impl RateLimitedError {
    /// When the rate-limit window resets, per `X-Rate-Limit-Reset`.
    pub fn reset_at(&self) -> Option<SystemTime> {
        self.api.rate_limit.reset_at()
    }
}

impl fmt::Display for RateLimitedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "rate limited after {} attempts: {}", self.attempts, self.api)?;
        if let Some(reset) = self.api.rate_limit.reset {
            write!(f, "; the limit resets at epoch second {reset}")?;
            if let Ok(wait) = self
                .reset_at()
                .unwrap_or(SystemTime::UNIX_EPOCH)
                .duration_since(SystemTime::now())
            {
                write!(f, " (in {}s)", wait.as_secs().saturating_add(1))?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for RateLimitedError {}

/// A response that did not decode into the expected type.
#[derive(Debug)]
#[non_exhaustive]
pub struct DecodeError {
    /// The Rust type the body was decoded into.
    pub type_name: &'static str,
    /// Where in the JSON document decoding failed (`profile.login`, `[3].status`).
    pub json_path: String,
    /// The start of the body, with the values of secret-looking keys masked.
    pub body_snippet: String,
    /// HTTP status of the response.
    pub status: StatusCode,
    /// `X-Okta-Request-Id` of the response.
    pub request_id: Option<String>,
    /// What serde said.
    pub source: serde_json::Error,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "could not decode the response as `{}`", self.type_name)?;
        if !self.json_path.is_empty() && self.json_path != "." {
            write!(f, " at `{}`", self.json_path)?;
        }
        write!(f, ": {}", self.source)?;
        if let Some(id) = &self.request_id {
            write!(f, " [request id {id}]")?;
        }
        Ok(())
    }
}

impl std::error::Error for DecodeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redact::SNIPPET_LEN;

    #[test]
    fn okta_error_body_is_decoded_and_displayed_on_one_line() {
        let body = br#"{"errorCode":"E0000001","errorSummary":"Api validation failed: login","errorLink":"E0000001","errorId":"oaeX","errorCauses":[{"errorSummary":"login: An object with this field already exists"}]}"#;
        let err = ApiError::from_response(
            Method::POST,
            "/api/v1/users",
            StatusCode::BAD_REQUEST,
            Some("req1".into()),
            RateLimit::default(),
            body,
        );
        assert_eq!(err.error_code.as_deref(), Some("E0000001"));
        assert_eq!(err.error_id.as_deref(), Some("oaeX"));
        assert_eq!(err.error_causes.len(), 1);
        let line = err.to_string();
        assert_eq!(
            line,
            "POST /api/v1/users: okta answered 400 E0000001: Api validation failed: login \
             (login: An object with this field already exists) [request id req1]"
        );
    }

    #[test]
    fn non_json_error_body_keeps_a_bounded_snippet() {
        let body = format!("<html>{}</html>", "x".repeat(2000));
        let err = ApiError::from_response(
            Method::GET,
            "/api/v1/users",
            StatusCode::BAD_GATEWAY,
            None,
            RateLimit::default(),
            body.as_bytes(),
        );
        assert!(err.error_code.is_none());
        let snippet = err.body_snippet.expect("snippet kept");
        assert!(snippet.starts_with("<html>"));
        assert!(snippet.len() <= SNIPPET_LEN + '…'.len_utf8());
    }

    #[test]
    fn snippets_mask_secret_values() {
        let s = snippet(
            br#"{"status":"SUCCESS","sessionToken":"abc123","_embedded":{"user":{"password":{"value":"pw"}}}}"#,
        );
        assert!(!s.contains("abc123") && !s.contains("\"pw\""), "{s}");
        assert!(s.contains("SUCCESS"));
    }
}

/// Okta's token endpoint refused a token request: its `error` and `error_description`
/// (RFC 6749 §5.2), with a hint on what to mend.
///
/// ```
/// # fn demo(e: okta_core::Error) {
/// if let okta_core::Error::OAuth(e) = &e {
///     if e.error == "invalid_scope" {
///         eprintln!("grant the scope to the app: {}", e.error_description.as_deref().unwrap_or(""));
///     }
/// }
/// # }
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct OAuthError {
    /// The HTTP status (400 or 401).
    pub status: StatusCode,
    /// `invalid_client`, `invalid_scope`, `invalid_dpop_proof`, `use_dpop_nonce`, …
    pub error: String,
    /// Okta's explanation.
    pub error_description: Option<String>,
    /// `X-Okta-Request-Id`.
    pub request_id: Option<String>,
}

impl OAuthError {
    pub(crate) fn new(
        status: StatusCode,
        error: String,
        error_description: Option<String>,
        request_id: Option<String>,
    ) -> Self {
        OAuthError {
            status,
            error,
            error_description,
            request_id,
        }
    }

    /// What usually mends it, in Admin Console terms.
    pub fn hint(&self) -> Option<&'static str> {
        Some(match self.error.as_str() {
            "invalid_client" => {
                "check the client id, that the app's client authentication is Public key / Private key, and that \
                 its public key (and key id) matches the private key the client signs with"
            }
            "invalid_scope" => "grant the requested scopes to the app on its Okta API Scopes tab, or ask for fewer",
            "unauthorized_client" => "allow the Client Credentials grant for the app",
            "invalid_dpop_proof" => "the app requires DPoP and refused the proof: check the system clock",
            _ => return None,
        })
    }
}

impl fmt::Display for OAuthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "POST /oauth2/v1/token: Okta refused the token request: {} {}",
            self.status.as_u16(),
            self.error
        )?;
        if let Some(description) = &self.error_description {
            write!(f, ": {description}")?;
        }
        if let Some(hint) = self.hint() {
            write!(f, " ({hint})")?;
        }
        if let Some(id) = &self.request_id {
            write!(f, " [request id {id}]")?;
        }
        Ok(())
    }
}

impl std::error::Error for OAuthError {}
