//! The vendored OpenAPI document: loading it and following its `$ref`s.

use yaml_rust2::{Yaml, YamlLoader};

/// The spec file, relative to the workspace root.
pub const SPEC_PATH: &str = "codegen/spec/okta-management-2026.06.3.yaml";

/// A parsed OpenAPI 3.0 document.
pub struct Spec {
    pub root: Yaml,
}

impl Spec {
    /// Parses the YAML text of a spec.
    pub fn parse(text: &str) -> Result<Spec, String> {
        let mut docs = YamlLoader::load_from_str(text).map_err(|e| format!("the spec is not YAML: {e}"))?;
        if docs.is_empty() {
            return Err("the spec is empty".to_owned());
        }
        Ok(Spec {
            root: docs.swap_remove(0),
        })
    }

    /// Follows a `$ref` (`#/components/parameters/x`) to what it names, repeatedly; anything else
    /// is returned as is.
    pub fn resolve<'a>(&'a self, mut node: &'a Yaml) -> &'a Yaml {
        for _ in 0..8 {
            match node["$ref"].as_str() {
                Some(reference) => node = self.pointer(reference),
                None => break,
            }
        }
        node
    }

    /// The node a local JSON pointer (`#/components/schemas/User`) names, or `BadValue`.
    pub fn pointer(&self, reference: &str) -> &Yaml {
        let mut node = &self.root;
        for part in reference.trim_start_matches("#/").split('/') {
            node = &node[part];
        }
        node
    }

    /// The component schemas, in spec order.
    pub fn schemas(&self) -> impl Iterator<Item = (&str, &Yaml)> {
        entries(&self.root["components"]["schemas"])
    }
}

/// The name a `#/components/schemas/<Name>` reference points at.
pub fn schema_ref(node: &Yaml) -> Option<&str> {
    node["$ref"].as_str()?.strip_prefix("#/components/schemas/")
}

/// The string-keyed entries of a mapping, in document order.
pub fn entries(node: &Yaml) -> impl Iterator<Item = (&str, &Yaml)> {
    node.as_hash()
        .into_iter()
        .flat_map(|h| h.iter())
        .filter_map(|(k, v)| Some((k.as_str()?, v)))
}

/// A string field, or "".
pub fn text(node: &Yaml) -> &str {
    node.as_str().unwrap_or("")
}

/// The elements of a sequence (none if it is not one).
pub fn items(node: &Yaml) -> &[Yaml] {
    node.as_vec().map(Vec::as_slice).unwrap_or(&[])
}

/// The one `$ref` of an `allOf` whose other parts only annotate it (`description`, `example`):
/// `allOf: [{$ref: X}, {example: ..}]` is `X`.
pub fn single_ref(schema: &Yaml) -> Option<&Yaml> {
    let parts = items(&schema["allOf"]);
    let mut refs = parts.iter().filter(|p| schema_ref(p).is_some());
    let only = refs.next()?;
    let annotates = |p: &Yaml| {
        schema_ref(p).is_some()
            || [
                "properties",
                "allOf",
                "oneOf",
                "anyOf",
                "type",
                "enum",
                "items",
                "additionalProperties",
            ]
            .iter()
            .all(|k| p[*k].is_badvalue())
    };
    (refs.next().is_none() && parts.iter().all(annotates) && schema["properties"].is_badvalue()).then_some(only)
}
