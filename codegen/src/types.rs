//! Schema → Rust type mapping.

use std::collections::BTreeMap;

use yaml_rust2::Yaml;

use crate::naming::type_name;
use crate::spec::{Spec, schema_ref, text};

/// A Rust type a schema maps to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeRef {
    /// A model of `okta::models`, by its Rust name.
    Model(String),
    Vec(Box<TypeRef>),
    /// `additionalProperties: <schema>`: a map from string keys.
    Map(Box<TypeRef>),
    String,
    /// `format: binary`, sent as it is: a request body only (a model's binary property is a
    /// JSON string), as a `Body`, which can name another of the media types the spec offers.
    Bytes,
    /// `format: date-time`: the text as Okta sent it, parsed on demand.
    Timestamp,
    Integer,
    Number,
    Boolean,
    /// Anything the generator does not type: inline objects, untagged unions, free-form JSON.
    Json,
    /// A value that may be `null` on the wire, where `null` means something (see
    /// `overrides::nullable_map_values`).
    Nullable(Box<TypeRef>),
}

impl TypeRef {
    /// The type as written in the facade's source.
    pub fn rust(&self) -> String {
        match self {
            TypeRef::Model(name) => format!("crate::models::{name}"),
            TypeRef::Vec(inner) => format!("Vec<{}>", inner.rust()),
            TypeRef::Map(inner) => format!("std::collections::BTreeMap<String, {}>", inner.rust()),
            TypeRef::String => "String".to_owned(),
            TypeRef::Bytes => "crate::Body".to_owned(),
            TypeRef::Timestamp => "crate::models::Timestamp".to_owned(),
            TypeRef::Integer => "i64".to_owned(),
            TypeRef::Number => "f64".to_owned(),
            TypeRef::Boolean => "bool".to_owned(),
            TypeRef::Json => "serde_json::Value".to_owned(),
            TypeRef::Nullable(inner) => format!("Option<{}>", inner.rust()),
        }
    }

    /// The type in rustdoc prose: ``[`User`](crate::models::User)``, `` `String` ``.
    pub fn doc(&self) -> String {
        match self {
            TypeRef::Model(name) => format!("[`{name}`](crate::models::{name})"),
            TypeRef::Vec(inner) => format!("a list of {}", inner.doc()),
            TypeRef::Bytes => "[`Body`](crate::Body)".to_owned(),
            other => format!("`{}`", other.rust().replace("std::collections::", "")),
        }
    }

    /// The model this type names, if any, looking through lists and maps.
    pub fn model(&self) -> Option<&str> {
        match self {
            TypeRef::Model(name) => Some(name),
            TypeRef::Vec(inner) | TypeRef::Map(inner) | TypeRef::Nullable(inner) => inner.model(),
            _ => None,
        }
    }
}

/// Spec schema names → Rust model names.
pub struct TypeMap {
    names: BTreeMap<String, String>,
}

impl TypeMap {
    pub fn new(spec: &Spec) -> TypeMap {
        TypeMap {
            names: spec
                .schemas()
                .map(|(name, _)| (name.to_owned(), type_name(name)))
                .collect(),
        }
    }

    /// The Rust name of a component schema.
    pub fn name(&self, schema: &str) -> Option<&str> {
        self.names.get(schema).map(String::as_str)
    }

    /// The Rust type of a schema (a `$ref` or inline).
    pub fn of(&self, schema: &Yaml) -> TypeRef {
        if let Some(name) = schema_ref(schema) {
            return match self.name(name) {
                Some(rust) => TypeRef::Model(rust.to_owned()),
                None => TypeRef::Json,
            };
        }
        if schema.is_badvalue() || schema.is_null() {
            return TypeRef::Json;
        }
        // `allOf: [$ref]`, maybe with a description or an example beside it, is that model.
        if let Some(only) = crate::spec::single_ref(schema) {
            return self.of(only);
        }
        match text(&schema["type"]) {
            "string" if text(&schema["format"]) == "date-time" => TypeRef::Timestamp,
            "string" => TypeRef::String,
            "integer" => TypeRef::Integer,
            "number" => TypeRef::Number,
            "boolean" => TypeRef::Boolean,
            "array" => TypeRef::Vec(Box::new(self.of(&schema["items"]))),
            "object"
                if schema["properties"].is_badvalue()
                    && schema["additionalProperties"].as_hash().is_some_and(|h| !h.is_empty()) =>
            {
                TypeRef::Map(Box::new(self.of(&schema["additionalProperties"])))
            }
            _ => TypeRef::Json,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec() -> Spec {
        Spec::parse(
            r#"
components:
  schemas:
    OAuth2Claim: {type: object, properties: {name: {type: string}}}
    appLink: {type: object}
"#,
        )
        .unwrap_or_else(|e| panic!("{e}"))
    }

    fn of(yaml: &str) -> String {
        let spec = spec();
        let map = TypeMap::new(&spec);
        let node = Spec::parse(yaml).unwrap_or_else(|e| panic!("{e}")).root;
        map.of(&node).rust()
    }

    #[test]
    fn schemas_to_rust_types() {
        assert_eq!(
            of("{$ref: '#/components/schemas/OAuth2Claim'}"),
            "crate::models::OAuth2Claim"
        );
        assert_eq!(of("{$ref: '#/components/schemas/appLink'}"), "crate::models::AppLink");
        assert_eq!(
            of("{type: array, items: {$ref: '#/components/schemas/OAuth2Claim'}}"),
            "Vec<crate::models::OAuth2Claim>"
        );
        assert_eq!(of("{type: string, format: date-time}"), "crate::models::Timestamp");
        assert_eq!(of("{type: string, format: email}"), "String");
        assert_eq!(of("{type: integer, format: int32}"), "i64");
        assert_eq!(of("{type: number}"), "f64");
        assert_eq!(of("{type: boolean}"), "bool");
        assert_eq!(
            of("{type: object, additionalProperties: {type: string}}"),
            "std::collections::BTreeMap<String, String>"
        );
        assert_eq!(
            of("{type: object, properties: {a: {type: string}}}"),
            "serde_json::Value"
        );
        assert_eq!(of("{oneOf: [{type: string}, {type: integer}]}"), "serde_json::Value");
        assert_eq!(
            of("{allOf: [{$ref: '#/components/schemas/OAuth2Claim'}], description: x}"),
            "crate::models::OAuth2Claim"
        );
        assert_eq!(of("{$ref: '#/components/schemas/Missing'}"), "serde_json::Value");
        assert_eq!(
            of("{allOf: [{$ref: '#/components/schemas/OAuth2Claim'}, {example: x, description: y}]}"),
            "crate::models::OAuth2Claim"
        );
    }
}
