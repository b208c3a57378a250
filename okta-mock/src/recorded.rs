//! The log of requests the mock received, for tests to assert on.

/// One request the mock received.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// let org = okta_mock::OktaMock::start().await;
/// // ... exercise code against org.url() ...
/// for r in org.requests() {
///     println!("{} {} -> {:?}", r.method, r.path, r.status);
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
