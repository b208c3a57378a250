//! Okta's error body and the error codes the mock answers with.

use serde_json::{Value, json};

use crate::ids;

/// An Okta API error: status plus `errorCode`/`errorSummary`/`errorCauses`.
#[derive(Debug, Clone)]
pub(crate) struct ApiError {
    pub(crate) status: u16,
    pub(crate) code: &'static str,
    pub(crate) summary: String,
    pub(crate) causes: Vec<String>,
    /// No route serves the path (see `routes::fallback`).
    pub(crate) unrouted: bool,
}

/// The result type of every route handler.
pub(crate) type ApiResult<T> = Result<T, ApiError>;

impl ApiError {
    /// Any error.
    pub(crate) fn new(status: u16, code: &'static str, summary: impl Into<String>) -> Self {
        Self {
            status,
            code,
            summary: summary.into(),
            causes: Vec::new(),
            unrouted: false,
        }
    }

    /// Adds an `errorCauses[].errorSummary`.
    pub(crate) fn cause(mut self, cause: impl Into<String>) -> Self {
        self.causes.push(cause.into());
        self
    }

    /// 404 E0000007 for an unknown id of `kind` (Okta's internal type name, e.g. `User`).
    pub(crate) fn not_found(id: &str, kind: &str) -> Self {
        Self::new(404, "E0000007", format!("Not found: Resource not found: {id} ({kind})"))
    }

    /// 400 E0000001: `Api validation failed: {what}` with one cause.
    pub(crate) fn validation(what: &str, cause: impl Into<String>) -> Self {
        Self::new(400, "E0000001", format!("Api validation failed: {what}")).cause(cause)
    }

    /// 400 E0000001 for a missing required field.
    pub(crate) fn required(field: &str) -> Self {
        Self::validation(field, format!("{field}: The field cannot be left blank"))
    }

    /// 400 E0000003: the body is not JSON.
    pub(crate) fn malformed_body() -> Self {
        Self::new(400, "E0000003", "The request body was not well-formed.")
    }

    /// 401 E0000011: missing or wrong API token (also an unknown stateToken).
    pub(crate) fn invalid_token() -> Self {
        Self::new(401, "E0000011", "Invalid token provided")
    }

    /// 401 E0000004: wrong username or password.
    pub(crate) fn authn_failed() -> Self {
        Self::new(401, "E0000004", "Authentication failed")
    }

    /// 403 E0000068: wrong passcode or security answer.
    pub(crate) fn bad_passcode() -> Self {
        Self::new(403, "E0000068", "Invalid Passcode/Answer")
            .cause("Your passcode doesn't match our records. Please try again.")
    }

    /// 403 E0000079: the authn transaction is not in a state that allows this step.
    pub(crate) fn wrong_state() -> Self {
        Self::new(
            403,
            "E0000079",
            "This operation is not allowed in the current authentication state.",
        )
    }

    /// 429 E0000047.
    pub(crate) fn rate_limited() -> Self {
        Self::new(
            429,
            "E0000047",
            "API call exceeded rate limit due to too many requests.",
        )
    }

    /// 405 E0000022.
    pub(crate) fn method_not_allowed() -> Self {
        Self::new(
            405,
            "E0000022",
            "The endpoint does not support the provided HTTP method",
        )
    }

    /// A fault-injected failure with the code Okta uses for that status.
    pub(crate) fn injected(status: u16) -> Self {
        match status {
            429 => Self::rate_limited(),
            401 => Self::invalid_token(),
            404 => Self::new(404, "E0000007", "Not found: Resource not found"),
            400..=499 => Self::new(status, "E0000001", "Api validation failed"),
            503 => Self::new(503, "E0000010", "Service is temporarily unavailable"),
            _ => Self::new(status, "E0000009", "Internal Server Error"),
        }
    }

    /// The JSON body Okta sends.
    pub(crate) fn body(&self) -> Value {
        let causes: Vec<Value> = self.causes.iter().map(|c| json!({ "errorSummary": c })).collect();
        json!({
            "errorCode": self.code,
            "errorSummary": self.summary,
            "errorLink": self.code,
            "errorId": ids::error_id(),
            "errorCauses": causes,
        })
    }
}
