//! Writes the test that every property of every spec schema generated as a struct lands in a
//! typed field: an instance holding each of the schema's properties (values built from the
//! spec, as the wire tests build theirs) decodes with nothing left in `extra`, and re-encodes
//! to itself. The instance comes from the spec, not from the model, so a property the model
//! lacks or misnames shows up as untyped.

use std::collections::BTreeSet;
use std::fmt::Write;

use crate::models::{Model, Schema};
use crate::spec::Spec;
use crate::wire_tests::{properties, synth};

/// The check of every struct the generator writes (hand-written models are left out: the spec
/// they were written from has its own coverage test in the crate).
pub fn file(spec: &Spec, schemas: &[Schema], hand_written: &BTreeSet<String>) -> String {
    let mut out = String::from(
        "//! Every property of every schema of the spec that is generated as a struct is a typed\n\
         //! field: an instance holding all of them decodes with nothing in `extra` and re-encodes\n\
         //! to itself.\n",
    );
    out.push_str(crate::HEADER);
    out.push_str(CHECK);
    let mut checks = String::new();
    let mut n = 0;
    for schema in schemas {
        if !matches!(schema.model, Model::Struct { .. }) || hand_written.contains(&schema.rust) {
            continue;
        }
        let Some(instance) = instance(spec, &schema.name) else {
            continue;
        };
        n += 1;
        let _ = writeln!(checks, "    check!(failures, {}, r##\"{instance}\"##);", schema.rust);
    }
    let _ = write!(
        out,
        "\n#[test]\nfn every_spec_property_is_a_typed_field() {{\n    let mut failures = Vec::new();\n{checks}    \
         assert!(failures.is_empty(), \"{{}} of {n} models:\\n{{}}\", failures.len(), failures.join(\"\\n\"));\n}}\n"
    );
    out
}

/// `{"property": value, …}` with every property of schema `name` (its `allOf` parts included),
/// or `None` for a schema without properties.
fn instance(spec: &Spec, name: &str) -> Option<String> {
    let node = &spec.root["components"]["schemas"][name];
    let props = properties(spec, node);
    if props.is_empty() {
        return None;
    }
    let fields: Vec<String> = props
        .iter()
        .map(|(wire, prop)| format!("{wire:?}: {}", synth(spec, prop, 1)))
        .collect();
    Some(format!("{{{}}}", fields.join(", ")))
}

/// The test's helper: what one instance got wrong, gathered so one run lists every model.
const CHECK: &str = r#"
/// Checks `$json` against `okta::models::$t`, adding what went wrong to `$failures`.
macro_rules! check {
    ($failures:ident, $t:ident, $json:literal) => {
        check::<okta::models::$t>(&mut $failures, stringify!($t), $json, |v| v.extra.keys().cloned().collect())
    };
}

/// Decodes `text` as `T`: the properties left in `extra` (`untyped`), a failure to decode, or
/// a re-encoding that differs are failures of `name`.
fn check<T: serde::de::DeserializeOwned + serde::Serialize>(
    failures: &mut Vec<String>,
    name: &str,
    text: &str,
    untyped: fn(&T) -> Vec<String>,
) {
    let original: serde_json::Value = serde_json::from_str(text).expect("fixture is JSON");
    let value: T = match serde_json::from_value(original.clone()) {
        Ok(value) => value,
        Err(e) => return failures.push(format!("{name}: does not decode: {e}")),
    };
    let left = untyped(&value);
    if !left.is_empty() {
        failures.push(format!("{name}: untyped {left:?}"));
    }
    match serde_json::to_value(&value) {
        Ok(back) if back == original => {}
        Ok(back) => failures.push(format!("{name}: re-encodes as {back}")),
        Err(e) => failures.push(format!("{name}: does not encode: {e}")),
    }
}
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_instance_has_every_property_of_the_schema_and_its_parts() {
        let spec = Spec::parse(
            r#"
components:
  schemas:
    Base:
      properties: {id: {type: string}, count: {type: integer}}
    Child:
      allOf:
        - $ref: '#/components/schemas/Base'
        - properties: {tags: {type: array, items: {type: string, enum: [A, B]}}}
    Empty: {type: object}
"#,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            instance(&spec, "Child").as_deref(),
            Some(r#"{"id": "x", "count": 1, "tags": ["A"]}"#)
        );
        assert_eq!(instance(&spec, "Empty"), None);
    }
}
