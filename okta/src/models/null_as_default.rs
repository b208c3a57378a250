//! What `#[okta::model]` gives a field that is not an `Option`: `null` reads as the default.

use serde::{Deserialize, Deserializer};

/// Decodes `T`, reading an explicit `null` as `T::default()` (as an absent field already is).
pub fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Option::<T>::deserialize(deserializer).map(Option::unwrap_or_default)
}
