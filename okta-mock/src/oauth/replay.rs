//! Remembered `jti` values, so an assertion or a DPoP proof is accepted once.

use std::collections::HashMap;

/// `jti` → when it may be forgotten (epoch milliseconds): after that its token is refused on
/// its own time claims anyway.
#[derive(Debug, Default)]
pub(crate) struct SeenJtis(HashMap<String, i64>);

impl SeenJtis {
    /// Records `jti`; false when it was already used.
    pub(crate) fn first_use(&mut self, jti: &str, forget_after_ms: i64, now_ms: i64) -> bool {
        // Forget the stale ones now and then, so a long bulk run stays bounded.
        if self.0.len() >= 4096 {
            self.0.retain(|_, until| *until >= now_ms);
        }
        if self.0.get(jti).is_some_and(|until| *until >= now_ms) {
            return false;
        }
        self.0.insert(jti.to_owned(), forget_after_ms);
        true
    }
}
