//! Writes `okta::models` types for the spec's component schemas: lossless structs, open enums,
//! discriminated unions with a fallback, and aliases.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use yaml_rust2::Yaml;

use crate::docs;
use crate::naming::{camel_case, field_ident, type_name, variant_name};
use crate::spec::{Spec, entries, items, schema_ref, text};
use crate::types::{TypeMap, TypeRef};

/// A union's variants: the Rust type of each, and the discriminator values that pick it.
pub type Variants = Vec<(String, Vec<String>)>;

/// What one schema becomes.
#[derive(Debug, Clone)]
pub enum Model {
    Struct {
        fields: Vec<Field>,
    },
    Enum {
        values: Vec<String>,
    },
    /// `oneOf`/`allOf` children picked by the `tag` property; unknown tags keep the JSON.
    Union {
        tag: String,
        variants: Variants,
        /// Variants held by a `Box` because they contain the union.
        boxed: BTreeSet<String>,
    },
    Alias(TypeRef),
}

#[derive(Debug, Clone)]
pub struct Field {
    pub wire: String,
    pub ident: String,
    pub ty: TypeRef,
    pub description: String,
    /// Held by a `Box` because the type contains itself.
    pub boxed: bool,
    pub secret: bool,
}

/// A schema as the generator will write it.
#[derive(Debug, Clone)]
pub struct Schema {
    pub name: String,
    pub rust: String,
    pub description: String,
    pub model: Model,
}

/// Property names whose string values are secrets: `SecretString` hides them from `Debug`.
fn is_secret(wire: &str) -> bool {
    let w = wire.to_ascii_lowercase();
    [
        "password",
        "secret",
        "passcode",
        "answer",
        "privatekey",
        "token",
        "assertion",
        "pem",
    ]
    .iter()
    .any(|s| w.contains(s))
        && ![
            "type",
            "lifetime",
            "expir",
            "url",
            "uri",
            "name",
            "count",
            "endpoint",
            "mode",
            "method",
            "policy",
            "format",
            "prompt",
            "algorithm",
        ]
        .iter()
        .any(|s| w.contains(s))
}

/// Every component schema, in spec order, as the model it becomes.
pub fn schemas(spec: &Spec, types: &TypeMap) -> Vec<Schema> {
    let mut out: Vec<Schema> = spec
        .schemas()
        .map(|(name, node)| Schema {
            name: name.to_owned(),
            rust: type_name(name),
            description: docs::sentence(text(&node["description"])),
            model: model(spec, types, name, node),
        })
        .collect();
    box_cycles(&mut out);
    out
}

fn model(spec: &Spec, types: &TypeMap, name: &str, node: &Yaml) -> Model {
    let discriminator = &node["discriminator"];
    if let Some(tag) = discriminator["propertyName"].as_str() {
        let mut variants: Variants = Vec::new();
        for (wire, target) in entries(&discriminator["mapping"]) {
            let Some(target) = text(target).strip_prefix("#/components/schemas/") else {
                continue;
            };
            // A base that maps a value to itself: that value decodes as `Unknown`, which keeps it.
            if target == name {
                continue;
            }
            let Some(rust) = types.name(target) else { continue };
            match variants.iter_mut().find(|(r, _)| r == rust) {
                Some((_, wires)) => wires.push(wire.to_owned()),
                None => variants.push((rust.to_owned(), vec![wire.to_owned()])),
            }
        }
        if !variants.is_empty() {
            return Model::Union {
                tag: tag.to_owned(),
                variants,
                boxed: BTreeSet::new(),
            };
        }
    }
    // `allOf: [X]` plus annotations is `X`, except under a union: its variants must be structs.
    if let Some(only) = crate::spec::single_ref(node) {
        if spec.resolve(only)["discriminator"]["mapping"].is_badvalue() {
            return Model::Alias(types.of(only));
        }
    }
    let values: Vec<String> = items(&node["enum"])
        .iter()
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect();
    if !values.is_empty() {
        return Model::Enum { values };
    }
    let mut properties = Vec::new();
    let mut seen = BTreeSet::new();
    collect_properties(spec, node, &mut properties, &mut seen, 0);
    if properties.is_empty() && node["allOf"].is_badvalue() && text(&node["type"]) != "object" {
        // Not an object: an alias of what it is.
        let of = if node["oneOf"].is_badvalue() && node["anyOf"].is_badvalue() {
            types.of(node)
        } else {
            TypeRef::Json
        };
        return Model::Alias(of);
    }
    if properties.is_empty() && node["allOf"].is_badvalue() {
        if let TypeRef::Map(inner) = types.of(node) {
            return Model::Alias(TypeRef::Map(inner));
        }
    }
    let mut idents = BTreeSet::from(["extra".to_owned()]);
    let fields = properties
        .into_iter()
        .map(|(wire, prop)| {
            let mut ident = field_ident(&wire);
            while !idents.insert(ident.clone()) {
                ident.push('_');
            }
            let ty = match types.of(prop) {
                TypeRef::Map(value) if crate::overrides::nullable_map_values(name, &wire) => {
                    TypeRef::Map(Box::new(TypeRef::Nullable(value)))
                }
                ty => ty,
            };
            let secret = ty == TypeRef::String && is_secret(&wire);
            Field {
                description: docs::sentence(text(&spec.resolve(prop)["description"])),
                wire,
                ident,
                ty,
                boxed: false,
                secret,
            }
        })
        .collect();
    Model::Struct { fields }
}

/// The properties of a schema and of everything its `allOf` names, parents first.
fn collect_properties<'a>(
    spec: &'a Spec,
    node: &'a Yaml,
    out: &mut Vec<(String, &'a Yaml)>,
    seen: &mut BTreeSet<String>,
    depth: usize,
) {
    if depth > 16 {
        return;
    }
    for part in items(&node["allOf"]) {
        collect_properties(spec, spec.resolve(part), out, seen, depth + 1);
    }
    for (name, prop) in entries(&node["properties"]) {
        if seen.insert(name.to_owned()) {
            out.push((name.to_owned(), prop));
        }
    }
}

/// Boxes every field whose type contains, without a `Vec` or map between, the struct itself.
fn box_cycles(schemas: &mut [Schema]) {
    let index: BTreeMap<String, usize> = schemas.iter().enumerate().map(|(i, s)| (s.rust.clone(), i)).collect();
    // A variant that is only another name of its union (`allOf: [Base]` under `Base`) would
    // decode forever: drop it, its objects decode as `Unknown`.
    let alias_end = |mut name: String| {
        for _ in 0..16 {
            match index.get(&name).map(|&i| &schemas[i].model) {
                Some(Model::Alias(TypeRef::Model(next))) => name = next.clone(),
                _ => break,
            }
        }
        name
    };
    let kept: Vec<Option<Variants>> = schemas
        .iter()
        .map(|s| match &s.model {
            Model::Union { variants, .. } => Some(
                variants
                    .iter()
                    .filter(|(v, _)| alias_end(v.clone()) != s.rust)
                    .cloned()
                    .collect(),
            ),
            _ => None,
        })
        .collect();
    for (schema, kept) in schemas.iter_mut().zip(kept) {
        if let (Model::Union { variants, .. }, Some(kept)) = (&mut schema.model, kept) {
            *variants = kept;
        }
    }
    let direct = |ty: &TypeRef| match ty {
        TypeRef::Model(name) => index.get(name).copied(),
        _ => None,
    };
    let edges: Vec<Vec<usize>> = schemas
        .iter()
        .map(|s| match &s.model {
            Model::Struct { fields } => fields.iter().filter_map(|f| direct(&f.ty)).collect(),
            Model::Union { variants, .. } => variants.iter().filter_map(|(v, _)| index.get(v).copied()).collect(),
            Model::Alias(ty) => direct(ty).into_iter().collect(),
            Model::Enum { .. } => Vec::new(),
        })
        .collect();
    let reaches = |from: usize, to: usize| {
        let mut stack = vec![from];
        let mut seen = BTreeSet::new();
        while let Some(n) = stack.pop() {
            if n == to {
                return true;
            }
            if seen.insert(n) {
                stack.extend(&edges[n]);
            }
        }
        false
    };
    let boxed: Vec<Vec<bool>> = schemas
        .iter()
        .enumerate()
        .map(|(i, s)| match &s.model {
            Model::Struct { fields } => fields
                .iter()
                .map(|f| direct(&f.ty).is_some_and(|t| reaches(t, i)))
                .collect(),
            _ => Vec::new(),
        })
        .collect();
    let boxed_variants: Vec<BTreeSet<String>> = schemas
        .iter()
        .enumerate()
        .map(|(i, s)| match &s.model {
            Model::Union { variants, .. } => variants
                .iter()
                .filter(|(v, _)| index.get(v).is_some_and(|&t| reaches(t, i)))
                .map(|(v, _)| v.clone())
                .collect(),
            _ => BTreeSet::new(),
        })
        .collect();
    for ((schema, boxed), boxed_variants) in schemas.iter_mut().zip(boxed).zip(boxed_variants) {
        match &mut schema.model {
            Model::Struct { fields } => {
                for (f, b) in fields.iter_mut().zip(boxed) {
                    f.boxed = b;
                }
            }
            Model::Union { boxed, .. } => *boxed = boxed_variants,
            _ => {}
        }
    }
}

/// The schemas `roots` need, transitively (through properties, `allOf`, unions and mappings).
pub fn closure(spec: &Spec, roots: impl IntoIterator<Item = String>) -> BTreeSet<String> {
    closure_without(spec, roots, &|_| false)
}

/// [`closure`], not entering (nor including) the schemas `skip` says are written by hand.
pub fn closure_without(
    spec: &Spec,
    roots: impl IntoIterator<Item = String>,
    skip: &dyn Fn(&String) -> bool,
) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut stack: Vec<String> = roots.into_iter().collect();
    while let Some(name) = stack.pop() {
        if skip(&name) || !seen.insert(name.clone()) {
            continue;
        }
        refs(&spec.root["components"]["schemas"][name.as_str()], &mut stack);
    }
    seen
}

fn refs(node: &Yaml, out: &mut Vec<String>) {
    if let Some(name) = schema_ref(node) {
        out.push(name.to_owned());
    }
    match node {
        Yaml::Hash(h) => {
            for (k, v) in h {
                if k.as_str() == Some("mapping") {
                    out.extend(
                        entries(v)
                            .filter_map(|(_, t)| text(t).strip_prefix("#/components/schemas/").map(str::to_owned)),
                    );
                } else {
                    refs(v, out);
                }
            }
        }
        Yaml::Array(a) => a.iter().for_each(|v| refs(v, out)),
        _ => {}
    }
}

/// The `#[cfg(..)]` of an item the given features need (`full` for one no operation needs).
pub fn cfg(features: &BTreeSet<String>) -> String {
    match features.len() {
        0 => "#[cfg(feature = \"full\")]".to_owned(),
        1 => format!(
            "#[cfg(feature = \"{}\")]",
            features.iter().next().map_or("", String::as_str)
        ),
        _ => {
            let any: Vec<_> = features.iter().map(|f| format!("feature = \"{f}\"")).collect();
            format!("#[cfg(any({}))]", any.join(", "))
        }
    }
}

/// The source of one schema.
pub fn item(schema: &Schema, cfg: &str) -> String {
    let mut out = String::new();
    let doc = if schema.description.is_empty() {
        format!("The `{}` object.", schema.name)
    } else {
        schema.description.clone()
    };
    let doc = docs::lines(&doc, "");
    match &schema.model {
        Model::Alias(ty) => {
            let _ = write!(out, "{doc}{cfg}\npub type {} = {};\n", schema.rust, ty.rust());
        }
        Model::Enum { values } => {
            let _ = writeln!(
                out,
                "{cfg}\nopen_enum! {{\n{}    pub enum {} {{",
                docs::lines(&doc_text(schema), "    "),
                schema.rust
            );
            let mut names = BTreeSet::new();
            let mut wires = BTreeSet::new();
            for value in values {
                if !wires.insert(value.clone()) {
                    continue;
                }
                let mut name = variant_name(value);
                while !names.insert(name.clone()) {
                    name.push('_');
                }
                let _ = writeln!(out, "        {name} = {value:?},");
            }
            out.push_str("    }\n}\n");
        }
        Model::Union { tag, variants, boxed } => {
            let _ = writeln!(
                out,
                "{cfg}\ndiscriminated_union! {{\n{}    pub enum {} by {tag:?} {{",
                docs::lines(&doc_text(schema), "    "),
                schema.rust
            );
            for (variant, wires) in variants {
                let wires: Vec<_> = wires.iter().map(|w| format!("{w:?}")).collect();
                let ty = if boxed.contains(variant) {
                    format!("Box<crate::models::{variant}>")
                } else {
                    format!("crate::models::{variant}")
                };
                let _ = writeln!(out, "        {variant}({ty}) = [{}],", wires.join(", "));
            }
            out.push_str("    }\n}\n");
        }
        Model::Struct { fields } => {
            out.push_str(&doc);
            let _ = writeln!(out, "{cfg}");
            out.push_str(
                "#[okta::model]\n#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]\n",
            );
            out.push_str("#[serde(rename_all = \"camelCase\")]\n");
            let _ = writeln!(out, "pub struct {} {{", schema.rust);
            for f in fields {
                let text = if f.description.is_empty() {
                    format!("`{}`.", f.wire)
                } else {
                    f.description.clone()
                };
                out.push_str(&docs::lines(&text, "    "));
                if camel_case(&f.ident) != f.wire {
                    let _ = writeln!(out, "    #[serde(rename = {:?})]", f.wire);
                }
                let ty = if f.secret {
                    "crate::SecretString".to_owned()
                } else {
                    f.ty.rust()
                };
                let ty = if f.boxed { format!("Box<{ty}>") } else { ty };
                let _ = writeln!(out, "    pub {}: Option<{ty}>,", f.ident);
            }
            out.push_str("    /// Fields this SDK does not know, kept verbatim.\n    #[serde(flatten)]\n    pub extra: crate::models::JsonMap,\n}\n");
        }
    }
    out
}

fn doc_text(schema: &Schema) -> String {
    if schema.description.is_empty() {
        format!("The `{}` object.", schema.name)
    } else {
        schema.description.clone()
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
    Base:
      type: object
      properties:
        type: {type: string}
        id: {type: string}
        clientSecret: {type: string}
      discriminator:
        propertyName: type
        mapping:
          A: '#/components/schemas/ChildA'
          A2: '#/components/schemas/ChildA'
    ChildA:
      allOf:
        - $ref: '#/components/schemas/Base'
        - type: object
          properties:
            parent: {$ref: '#/components/schemas/ChildA'}
            children: {type: array, items: {$ref: '#/components/schemas/ChildA'}}
    Status: {type: string, enum: [ACTIVE, INACTIVE, ACTIVE]}
    Ids: {type: array, items: {type: string}}
"#,
        )
        .unwrap_or_else(|e| panic!("{e}"))
    }

    fn find<'a>(all: &'a [Schema], name: &str) -> &'a Schema {
        all.iter().find(|s| s.name == name).unwrap_or_else(|| panic!("{name}"))
    }

    #[test]
    fn kinds() {
        let spec = spec();
        let all = schemas(&spec, &TypeMap::new(&spec));
        match &find(&all, "Base").model {
            Model::Union { tag, variants, .. } => {
                assert_eq!(tag, "type");
                assert_eq!(
                    variants,
                    &[("ChildA".to_owned(), vec!["A".to_owned(), "A2".to_owned()])]
                );
            }
            other => panic!("{other:?}"),
        }
        let Model::Struct { fields } = &find(&all, "ChildA").model else {
            panic!("struct")
        };
        let names: Vec<_> = fields.iter().map(|f| (f.ident.as_str(), f.boxed, f.secret)).collect();
        // Inherited first; the self-reference is boxed, the list of itself is not.
        assert_eq!(
            names,
            [
                ("r#type", false, false),
                ("id", false, false),
                ("client_secret", false, true),
                ("parent", true, false),
                ("children", false, false)
            ]
        );
        assert!(matches!(&find(&all, "Status").model, Model::Enum { values } if values.len() == 3));
        assert!(matches!(&find(&all, "Ids").model, Model::Alias(TypeRef::Vec(_))));
    }

    #[test]
    fn closure_follows_allof_and_mappings() {
        let spec = spec();
        let needed = closure(&spec, ["Base".to_owned()]);
        assert_eq!(needed, BTreeSet::from(["Base".to_owned(), "ChildA".to_owned()]));
    }

    #[test]
    fn items_render() {
        let spec = spec();
        let all = schemas(&spec, &TypeMap::new(&spec));
        let child = item(find(&all, "ChildA"), "#[cfg(feature = \"x\")]");
        assert!(child.contains("pub r#type: Option<String>,"), "{child}");
        assert!(
            child.contains("pub client_secret: Option<crate::SecretString>,"),
            "{child}"
        );
        assert!(
            child.contains("pub parent: Option<Box<crate::models::ChildA>>,"),
            "{child}"
        );
        assert!(child.contains("#[serde(flatten)]"), "{child}");
        assert!(
            child.starts_with("/// The `ChildA` object.\n#[cfg(feature = \"x\")]\n#[okta::model]\n"),
            "{child}"
        );
        let status = item(find(&all, "Status"), "");
        assert_eq!(status.matches("= \"ACTIVE\"").count(), 1, "{status}");
        assert_eq!(cfg(&BTreeSet::new()), "#[cfg(feature = \"full\")]");
        assert_eq!(
            cfg(&BTreeSet::from(["a".to_owned(), "b".to_owned()])),
            "#[cfg(any(feature = \"a\", feature = \"b\"))]"
        );
    }
}
