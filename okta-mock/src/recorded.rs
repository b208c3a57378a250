//! The log of requests the mock received, for tests to assert on.

/// One request the mock received.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// let org = okta_mock::OktaMock::start().await;
/// // ... exercise code against org.url() ...
/// for r in org.requests() {
///     if let Some(status) = r.status {
///         println!("{} {} -> {status}", r.method, r.path);
///     }
/// }
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RecordedRequest {
    /// `GET`, `POST`…
    pub method: String,
    /// Path and query, as sent (`/api/v1/users?limit=2`).
    pub path: String,
    /// Every request header, names lower-cased, in the order received.
    pub headers: Vec<(String, String)>,
    /// The request body as text (lossy UTF-8).
    pub body: String,
    /// The status answered, or `None` when an injected fault dropped the connection.
    pub status: Option<u16>,
}

impl RecordedRequest {
    /// The first value of a header (name matched case-insensitively).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// What a recorded credential reads as.
const REDACTED: &str = "[REDACTED]";

/// A header value as recorded: credentials (`Authorization`, `DPoP`) are replaced, keeping the
/// `Authorization` scheme so tests can still tell `SSWS` from `Bearer` from `DPoP`.
pub(crate) fn recorded_header(name: &str, value: &str) -> String {
    match name {
        "authorization" => match value.split_once(' ') {
            Some((scheme, _)) => format!("{scheme} {REDACTED}"),
            None => REDACTED.to_owned(),
        },
        "dpop" | "cookie" => REDACTED.to_owned(),
        _ => value.to_owned(),
    }
}

/// A body as recorded: a form's `client_assertion` is replaced.
pub(crate) fn recorded_body(content_type: Option<&str>, body: &[u8]) -> String {
    if !content_type.is_some_and(crate::media::is_form) {
        return String::from_utf8_lossy(body).into_owned();
    }
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (k, v) in form_urlencoded::parse(body) {
        let secret = matches!(k.as_ref(), "client_assertion" | "client_secret" | "password");
        out.append_pair(&k, if secret { REDACTED } else { &v });
    }
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_are_redacted() {
        assert_eq!(recorded_header("authorization", "DPoP abc.def"), "DPoP [REDACTED]");
        assert_eq!(recorded_header("dpop", "eyJ.x.y"), REDACTED);
        assert_eq!(recorded_header("accept", "application/json"), "application/json");
        let body = recorded_body(
            Some("application/x-www-form-urlencoded"),
            b"grant_type=client_credentials&client_assertion=eyJ.secret.sig&scope=a+b",
        );
        assert!(!body.contains("secret"), "{body}");
        assert!(
            body.contains("grant_type=client_credentials") && body.contains("scope=a+b"),
            "{body}"
        );
    }
}
