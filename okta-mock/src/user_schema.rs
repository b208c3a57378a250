//! The org's user profile schema: Okta's base properties and the custom properties an admin
//! added, and the check every profile a user is created or updated with passes against it.

use serde_json::{Map, Value, json};

use crate::clock;
use crate::error::{ApiError, ApiResult};

/// The id of the default user type's schema (`/api/v1/meta/schemas/user/{id}` takes it or
/// `default`).
pub(crate) const SCHEMA_ID: &str = "oscmockdefault000000";

/// Okta's base profile properties (all strings): name, title, and whether a profile needs it.
const BASE: &[(&str, &str, bool)] = &[
    ("login", "Username", true),
    ("firstName", "First name", true),
    ("lastName", "Last name", true),
    ("middleName", "Middle name", false),
    ("honorificPrefix", "Honorific prefix", false),
    ("honorificSuffix", "Honorific suffix", false),
    ("email", "Primary email", true),
    ("title", "Title", false),
    ("displayName", "Display name", false),
    ("nickName", "Nickname", false),
    ("profileUrl", "Profile Url", false),
    ("secondEmail", "Secondary email", false),
    ("mobilePhone", "Mobile phone", false),
    ("primaryPhone", "Primary phone", false),
    ("streetAddress", "Street address", false),
    ("city", "City", false),
    ("state", "State", false),
    ("zipCode", "Zip code", false),
    ("countryCode", "Country code", false),
    ("postalAddress", "Postal Address", false),
    ("preferredLanguage", "Preferred language", false),
    ("locale", "Locale", false),
    ("timezone", "Time zone", false),
    ("userType", "User type", false),
    ("employeeNumber", "Employee number", false),
    ("costCenter", "Cost center", false),
    ("organization", "Organization", false),
    ("division", "Division", false),
    ("department", "Department", false),
    ("managerId", "ManagerId", false),
    ("manager", "Manager", false),
];

/// The JSON types a custom property can have.
const TYPES: &[&str] = &["string", "boolean", "number", "integer", "array"];

/// The schema of the default user type: the base properties are fixed, the custom ones are
/// kept as their definitions, in the order they were added.
#[derive(Debug)]
pub(crate) struct UserSchema {
    custom: Map<String, Value>,
    created: String,
    last_updated: String,
}

impl Default for UserSchema {
    fn default() -> Self {
        let now = clock::now();
        Self {
            custom: Map::new(),
            created: now.clone(),
            last_updated: now,
        }
    }
}

impl UserSchema {
    /// Whether `id` names this schema (`default` or its id).
    pub(crate) fn is(id: &str) -> bool {
        id == "default" || id == SCHEMA_ID
    }

    /// The schema as `GET /api/v1/meta/schemas/user/default` answers it.
    pub(crate) fn json(&self, base_url: &str) -> Value {
        let base: Map<String, Value> = BASE
            .iter()
            .map(|(name, title, required)| {
                let mut def = json!({
                    "title": title, "type": "string", "mutability": "READ_WRITE", "scope": "NONE",
                    "permissions": [{ "principal": "SELF", "action": "READ_WRITE" }],
                });
                if *required {
                    def["required"] = json!(true);
                }
                ((*name).to_owned(), def)
            })
            .collect();
        let base_required: Vec<&str> = BASE.iter().filter(|(_, _, r)| *r).map(|(n, _, _)| *n).collect();
        let custom_required: Vec<&String> = self
            .custom
            .iter()
            .filter(|(_, def)| def["required"] == true)
            .map(|(name, _)| name)
            .collect();
        json!({
            "id": format!("{base_url}/meta/schemas/user/{SCHEMA_ID}"),
            "$schema": "http://json-schema.org/draft-04/schema#",
            "name": "user",
            "title": "User",
            "description": "Okta user profile template with default permission settings",
            "created": self.created,
            "lastUpdated": self.last_updated,
            "definitions": {
                "base": { "id": "#base", "type": "object", "properties": base, "required": base_required },
                "custom": { "id": "#custom", "type": "object", "properties": self.custom, "required": custom_required },
            },
            "type": "object",
            "properties": { "profile": { "allOf": [{ "$ref": "#/definitions/base" }, { "$ref": "#/definitions/custom" }] } },
        })
    }

    /// Applies a partial update (`POST /api/v1/meta/schemas/user/{id}`): each property under
    /// `definitions.custom.properties` is added or replaced, or removed when it is `null`.
    /// Returns the names removed, whose values users must lose. Nothing changes on an error.
    pub(crate) fn update(&mut self, body: &Value) -> ApiResult<Vec<String>> {
        let changes = body
            .pointer("/definitions/custom/properties")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        let mut custom = self.custom.clone();
        let mut removed = Vec::new();
        for (name, def) in changes {
            if def.is_null() {
                if custom.remove(&name).is_some() {
                    removed.push(name);
                }
                continue;
            }
            check_definition(&name, &def)?;
            let mut def = def;
            for (key, default) in [
                ("mutability", json!("READ_WRITE")),
                ("scope", json!("NONE")),
                ("permissions", json!([{ "principal": "SELF", "action": "READ_WRITE" }])),
                ("master", json!({ "type": "PROFILE_MASTER" })),
            ] {
                if def.get(key).is_none_or(Value::is_null) {
                    def[key] = default;
                }
            }
            custom.insert(name, def);
        }
        self.custom = custom;
        self.last_updated = clock::now();
        Ok(removed)
    }

    /// Checks a whole profile: every property is a base or custom one with a value of its type
    /// (`null` clears any), and the custom properties marked required are there. `what` names
    /// the object in the error summary, as Okta does (`newUser` on creation).
    pub(crate) fn check(&self, profile: &Map<String, Value>, what: &str) -> ApiResult<()> {
        for (name, value) in profile {
            let ty = match (BASE.iter().any(|(n, _, _)| n == name), self.custom.get(name)) {
                (true, _) => "string",
                (false, Some(def)) => def["type"].as_str().unwrap_or("string"),
                (false, None) => {
                    return Err(ApiError::validation(
                        what,
                        format!("Property name '{name}' is not defined in profile"),
                    ));
                }
            };
            let items = self
                .custom
                .get(name)
                .and_then(|d| d.pointer("/items/type"))
                .and_then(Value::as_str);
            if !value.is_null() && !is_of_type(value, ty, items) {
                let expected = items.map_or_else(|| ty.to_owned(), |i| format!("{ty} of {i}"));
                return Err(ApiError::validation(
                    what,
                    format!("{name}: Property value does not match the type {expected}"),
                ));
            }
        }
        for (name, def) in &self.custom {
            if def["required"] == true && profile.get(name).is_none_or(Value::is_null) {
                return Err(ApiError::required(name));
            }
        }
        Ok(())
    }
}

/// A custom property's name and definition are ones Okta accepts.
fn check_definition(name: &str, def: &Value) -> ApiResult<()> {
    let valid_name = name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && name.chars().next().is_some_and(|c| !c.is_ascii_digit());
    if !valid_name {
        return Err(ApiError::validation(
            "invalid property name",
            "Property name should only have alphanumeric characters and underscores. It should not start with a digit.",
        ));
    }
    if BASE.iter().any(|(n, _, _)| *n == name) {
        return Err(ApiError::validation(
            name,
            format!("{name}: A custom property cannot have the name of a base property"),
        ));
    }
    match def.get("type").and_then(Value::as_str) {
        Some(ty) if TYPES.contains(&ty) => Ok(()),
        Some(ty) => Err(ApiError::validation(
            name,
            format!("{name}: '{ty}' is not one of the types string, boolean, number, integer, array"),
        )),
        None => Err(ApiError::required(&format!("{name}.type"))),
    }
}

/// Whether `value` is of JSON schema type `ty` (an array's elements of `items`, when given).
fn is_of_type(value: &Value, ty: &str, items: Option<&str>) -> bool {
    match (ty, value) {
        ("string", Value::String(_)) | ("boolean", Value::Bool(_)) | ("number", Value::Number(_)) => true,
        ("integer", Value::Number(n)) => n.is_i64() || n.is_u64(),
        ("array", Value::Array(elements)) => {
            items.is_none_or(|i| elements.iter().all(|e| i == "array" || is_of_type(e, i, None)))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(v: Value) -> Map<String, Value> {
        v.as_object().cloned().unwrap_or_default()
    }

    #[test]
    fn custom_properties_are_typed_and_removable() {
        let mut schema = UserSchema::default();
        let add = json!({ "definitions": { "custom": { "properties": {
            "badge": { "type": "integer" }, "tags": { "type": "array", "items": { "type": "string" } },
        } } } });
        assert_eq!(schema.update(&add).map_err(|e| e.summary), Ok(vec![]));
        assert!(
            schema
                .check(
                    &profile(json!({ "badge": 7, "tags": ["a"], "city": "Oslo" })),
                    "newUser"
                )
                .is_ok()
        );
        let wrong = schema.check(&profile(json!({ "badge": "seven" })), "newUser");
        assert_eq!(
            wrong.map_err(|e| e.causes),
            Err(vec!["badge: Property value does not match the type integer".to_owned()])
        );
        assert!(schema.check(&profile(json!({ "tags": [1] })), "newUser").is_err());
        assert!(schema.check(&profile(json!({ "badge": 1.5 })), "newUser").is_err());

        let remove = json!({ "definitions": { "custom": { "properties": { "badge": null } } } });
        assert_eq!(
            schema.update(&remove).map_err(|e| e.summary),
            Ok(vec!["badge".to_owned()])
        );
        let unknown = schema.check(&profile(json!({ "badge": 7 })), "newUser");
        assert_eq!(
            unknown.map_err(|e| (e.summary, e.causes)),
            Err((
                "Api validation failed: newUser".to_owned(),
                vec!["Property name 'badge' is not defined in profile".to_owned()]
            ))
        );
    }

    #[test]
    fn a_bad_definition_changes_nothing() {
        let mut schema = UserSchema::default();
        for props in [
            json!({ "ok": { "type": "string" }, "9lives": { "type": "string" } }),
            json!({ "ok": { "type": "string" }, "city": { "type": "string" } }),
            json!({ "ok": { "type": "object" } }),
        ] {
            let body = json!({ "definitions": { "custom": { "properties": props } } });
            assert_eq!(schema.update(&body).map(|_| ()).map_err(|e| e.code), Err("E0000001"));
        }
        assert!(
            schema.json("http://x")["definitions"]["custom"]["properties"]
                .as_object()
                .is_some_and(Map::is_empty)
        );
    }
}
