//! The shared half of the `Serialize` and `Deserialize` impls `#[okta::model]` writes.
//!
//! serde's derive, given a struct with a `#[serde(flatten)]` map, writes about 300 lines per
//! model: a field enum whose visitor buffers any other key and value as serde `Content`, four
//! copies of the key match, and code to replay the buffer into the map, instantiated again for
//! every deserializer. A model has only optional fields and one map of unknown ones, so it needs
//! far less: one `match` from wire name to field, calling the generic functions here, which are
//! compiled once per field type instead of once per model. The JSON is the same in both
//! directions (see `tests::same_as_serde_derive`).

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::JsonMap;

/// A model's fields, read from a JSON object: what `#[okta::model]` implements besides
/// `Deserialize`, which calls [`deserialize`] with it.
pub trait ModelFields: Sized {
    /// What an error says was expected (`struct User`), as serde's derive says it.
    const EXPECTING: &'static str;

    /// Reads every member of the object: known ones into their fields, the others into `extra`.
    fn visit_map<'de, A: MapAccess<'de>>(map: A) -> Result<Self, A::Error>;
}

/// `T::deserialize`: a JSON object, read by `T`'s [`ModelFields::visit_map`].
pub fn deserialize<'de, D: Deserializer<'de>, T: ModelFields>(deserializer: D) -> Result<T, D::Error> {
    deserializer.deserialize_map(ModelVisitor(PhantomData))
}

struct ModelVisitor<T>(PhantomData<T>);

impl<'de, T: ModelFields> Visitor<'de> for ModelVisitor<T> {
    type Value = T;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str(T::EXPECTING)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::visit_map(map)
    }
}

/// A member name, borrowed from the input when it can be: one type for the keys of every
/// model, so the key-reading code is compiled once, not once per model.
pub struct Key<'de>(Cow<'de, str>);

impl Key<'_> {
    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_identifier(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("field identifier")
    }

    fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Borrowed(value)))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(value.to_owned())))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(value)))
    }

    fn visit_borrowed_bytes<E: de::Error>(self, value: &'de [u8]) -> Result<Key<'de>, E> {
        std::str::from_utf8(value)
            .map(|value| Key(Cow::Borrowed(value)))
            .map_err(|_| E::invalid_value(de::Unexpected::Bytes(value), &self))
    }

    fn visit_bytes<E: de::Error>(self, value: &[u8]) -> Result<Key<'de>, E> {
        std::str::from_utf8(value)
            .map(|value| Key(Cow::Owned(value.to_owned())))
            .map_err(|_| E::invalid_value(de::Unexpected::Bytes(value), &self))
    }
}

/// Reads a known member's value into its field; a second member of the same name overwrites the
/// first (serde's derive refuses it). An `Option` field reads `null` as `None` by itself. (The generated
/// code checks the result with a `match`, not `?`: see [`Members`].)
pub fn field<'de, A: MapAccess<'de>, T: Deserialize<'de>>(map: &mut A, field: &mut T) -> Result<(), A::Error> {
    *field = map.next_value()?;
    Ok(())
}

/// [`field`] for a field that is not an `Option`: `null` reads as `T::default()`.
pub fn field_or_default<'de, A: MapAccess<'de>, T: Deserialize<'de> + Default>(
    map: &mut A,
    field: &mut T,
) -> Result<(), A::Error> {
    *field = map.next_value::<Option<T>>()?.unwrap_or_default();
    Ok(())
}

/// Keeps a member no field names, verbatim.
pub fn extra<'de, A: MapAccess<'de>>(map: &mut A, extra: &mut JsonMap, key: Key<'de>) -> Result<(), A::Error> {
    let value = map.next_value::<serde_json::Value>()?;
    extra.insert(key.0.into_owned(), value);
    Ok(())
}

/// A model's members being written, in order: known fields, then `extra`. The first error
/// stops the writing and is what [`end`](Self::end) returns, so a model's `serialize` is a list
/// of calls with no `?` (each one a costly trait search for the compiler, in generic code).
pub struct Members<S: Serializer> {
    state: Result<S::SerializeMap, S::Error>,
}

impl<S: Serializer> Members<S> {
    /// Starts the JSON object.
    pub fn start(serializer: S) -> Self {
        Members {
            state: serializer.serialize_map(None),
        }
    }

    /// Writes `key: value`.
    pub fn value<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) {
        if let Ok(map) = &mut self.state {
            if let Err(error) = map.serialize_entry(key, value) {
                self.state = Err(error);
            }
        }
    }

    /// Writes `key: value` unless the value is `None`: Okta must not receive a `null` it did not
    /// send.
    pub fn some<T: Serialize>(&mut self, key: &str, value: &Option<T>) {
        if let Some(value) = value {
            self.value(key, value);
        }
    }

    /// Writes every member of `extra`.
    pub fn extra(&mut self, extra: &JsonMap) {
        for (key, value) in extra.iter() {
            self.value(key, value);
        }
    }

    /// Ends the object, or returns the first error.
    pub fn end(self) -> Result<S::Ok, S::Error> {
        self.state.and_then(SerializeMap::end)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use serde::{Deserialize, Serialize};
    use serde_json::json;

    use crate::models::{JsonMap, Timestamp};

    fn is_blank(login: &str) -> bool {
        login.trim().is_empty()
    }

    /// A model as `#[okta::model]` writes it.
    #[okta::model]
    #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Compact {
        id: Option<String>,
        #[serde(rename = "type")]
        kind: Option<String>,
        r#ref: Option<String>,
        self_: Option<String>,
        created: Option<Timestamp>,
        #[serde(skip_serializing_if = "is_blank")]
        login: String,
        count: Option<i64>,
        nested: Option<Vec<JsonMap>>,
        #[serde(rename = "_links")]
        links: Option<JsonMap>,
        #[serde(flatten)]
        extra: JsonMap,
    }

    /// The same model as serde's derive writes it, with the attributes `#[okta::model]` means.
    #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Derived {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<String>,
        #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
        kind: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        r#ref: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        self_: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        created: Option<Timestamp>,
        #[serde(skip_serializing_if = "is_blank")]
        #[serde(default, deserialize_with = "crate::models::__model::null_as_default")]
        login: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        count: Option<i64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        nested: Option<Vec<JsonMap>>,
        #[serde(rename = "_links", default, skip_serializing_if = "Option::is_none")]
        links: Option<JsonMap>,
        #[serde(flatten)]
        extra: JsonMap,
    }

    fn both(json: &serde_json::Value) -> (Result<Compact, String>, Result<Derived, String>) {
        let text = json.to_string();
        (
            serde_json::from_str(&text).map_err(|e| e.to_string()),
            serde_json::from_str(&text).map_err(|e| e.to_string()),
        )
    }

    #[test]
    fn same_as_serde_derive() {
        let inputs = [
            json!({}),
            json!({"id": "00u1", "type": "A", "ref": "r", "self": "s", "created": "2024-01-02T03:04:05.000Z", "login": "ada"}),
            json!({"id": null, "login": null, "count": -12, "big": 12345678901234567890123_u128, "unknown": {"deep": [1, 2.50]}}),
            json!({"_links": {"self": {"href": "x"}}, "nested": [{"a": 1}], "zeta": 1, "alpha": true}),
            json!({"login": "  ", "extra": "a member named like the map field is an unknown one"}),
        ];
        for input in &inputs {
            let (compact, derived) = both(input);
            let (compact, derived) = (compact.expect("compact decodes"), derived.expect("derive decodes"));
            assert_eq!(
                serde_json::to_string(&compact).unwrap(),
                serde_json::to_string(&derived).unwrap(),
                "{input}"
            );
            assert_eq!(
                format!("{compact:?}"),
                format!("{derived:?}").replace("Derived", "Compact")
            );
        }
    }

    #[test]
    fn errors_are_serde_derives() {
        let inputs = [
            json!({"id": 5}),
            json!([1, 2]),
            json!("text"),
            json!({"login": 7}),
            json!({"created": false}),
        ];
        for input in &inputs {
            let (compact, derived) = both(input);
            assert_eq!(
                compact.err(),
                derived.err().map(|e| e.replace("Derived", "Compact")),
                "{input}"
            );
        }
    }

    #[test]
    fn a_repeated_member_overwrites_the_first_where_serdes_derive_refuses_it() {
        // `json!` keeps one of two equal keys: the repeated member goes as text.
        let text = r#"{"id": "a", "count": 1, "id": "b", "later": 1, "later": 2}"#;
        let compact: Compact = serde_json::from_str(text).expect("lenient");
        assert_eq!(compact.id.as_deref(), Some("b"));
        assert_eq!(compact.extra["later"], 2, "a known member behaves as an unknown one");
        let derived = serde_json::from_str::<Derived>(text).unwrap_err().to_string();
        assert!(derived.starts_with("duplicate field `id`"), "{derived}");
    }

    #[test]
    fn decodes_from_a_value_and_from_escaped_keys() {
        let value = json!({"id": "00u1", "later": [1]});
        let from_value: Compact = serde_json::from_value(value.clone()).unwrap();
        assert_eq!(from_value.id.as_deref(), Some("00u1"));
        assert_eq!(serde_json::to_value(&from_value).unwrap(), value);
        // An escaped key is not borrowed from the input.
        let escaped: Compact = serde_json::from_str(r#"{"\u0069d": "00u2", "n\u00e9": 1}"#).unwrap();
        assert_eq!(escaped.id.as_deref(), Some("00u2"));
        assert_eq!(escaped.extra["né"], 1);
    }
}
