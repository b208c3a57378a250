//! A failed example's last words: the error as a person reads it (`Display`), not a `Debug` dump.

use std::error::Error;
use std::fmt;

/// What an example's `main` returns. `?` turns any error into one; when `main` returns it, Rust
/// prints `Error: ` and this type's `Debug`, which is the error's one-line `Display` followed by
/// each cause its message does not already include.
pub struct Report(Box<dyn Error + Send + Sync>);

impl<E: Error + Send + Sync + 'static> From<E> for Report {
    fn from(error: E) -> Self {
        Report(Box::new(error))
    }
}

impl fmt::Debug for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut shown = self.0.to_string();
        let mut source = self.0.source();
        while let Some(cause) = source {
            let cause_text = cause.to_string();
            if !shown.contains(&cause_text) {
                shown.push_str("\n  caused by: ");
                shown.push_str(&cause_text);
            }
            source = cause.source();
        }
        f.write_str(&shown)
    }
}
