//! Reading and writing a profile attribute by its wire name, typed or not.
//!
//! A profile has typed fields for the attributes this SDK knows and `extra` for the rest. Going
//! through the model's own JSON form means a name reaches the typed field when there is one (so
//! the JSON sent never holds a key twice) and `extra` otherwise, for every profile type alike.

use serde::{Serialize, de::DeserializeOwned};
use serde_json::Value;

/// The attribute `name` of `model` as JSON: the typed field's value, or the `extra` entry.
pub(crate) fn get<T: Serialize>(model: &T, name: &str) -> Option<Value> {
    match serde_json::to_value(model) {
        Ok(Value::Object(mut map)) => map.remove(name),
        _ => None,
    }
}

/// Sets attribute `name` of `model` to `value`: the typed field when `name` is one (a `null`
/// unsets it), the `extra` entry otherwise. A value the typed field cannot hold is an error and
/// leaves `model` unchanged.
pub(crate) fn set<T: Serialize + DeserializeOwned>(
    model: &mut T,
    name: String,
    value: Value,
) -> Result<(), serde_json::Error> {
    let mut map = match serde_json::to_value(&*model)? {
        Value::Object(map) => map,
        _ => serde_json::Map::new(),
    };
    map.insert(name, value);
    *model = serde_json::from_value(Value::Object(map))?;
    Ok(())
}
