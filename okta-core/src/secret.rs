//! A string that never shows itself: API tokens, passwords, session and state tokens.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A secret string (an API token, a password, a one-time code, a session token).
///
/// Its `Debug` output is `SecretString("***")`, it has no `Display`, and the only way to read it
/// is [`SecretString::expose`], so a secret cannot reach a log line or an error message by
/// accident. It serializes as the plain string, because request bodies must carry it.
///
/// ```
/// use okta_core::SecretString;
///
/// let token = SecretString::new("00abc-secret");
/// assert_eq!(format!("{token:?}"), r#"SecretString("***")"#);
/// assert_eq!(token.expose(), "00abc-secret");
/// ```
#[derive(Clone, PartialEq, Eq, Default)]
pub struct SecretString(Box<str>);

impl SecretString {
    /// Wraps a secret.
    pub fn new(secret: impl Into<String>) -> Self {
        SecretString(secret.into().into_boxed_str())
    }

    /// The secret itself. Call this only where the secret must leave the process.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Whether the secret is the empty string.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for SecretString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretString(\"***\")")
    }
}

impl From<String> for SecretString {
    fn from(s: String) -> Self {
        SecretString::new(s)
    }
}

impl From<&str> for SecretString {
    fn from(s: &str) -> Self {
        SecretString::new(s)
    }
}

impl Serialize for SecretString {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for SecretString {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(SecretString::new)
    }
}

#[cfg(test)]
mod tests {
    use super::SecretString;

    #[test]
    fn debug_hides_and_serde_round_trips() {
        let s = SecretString::new("hunter2");
        assert!(!format!("{s:?}").contains("hunter2"));
        let json = serde_json::to_string(&s).expect("serialize");
        assert_eq!(json, r#""hunter2""#);
        let back: SecretString = serde_json::from_str(&json).expect("deserialize");
        assert_eq!(back, s);
    }
}
