//! Writes the wire tests of the generated operations: for each, the exact request (method,
//! percent-encoded hostile ids, query, headers, body) against a local wiremock server, the
//! decode of a response built from the schema (and its lossless re-encoding), and for lists a
//! stream over three pages. One test function per area drives its operations in turn, so the
//! test binary stays small.

use std::collections::BTreeSet;
use std::fmt::Write;

use yaml_rust2::Yaml;

use crate::endpoints::MacroSupport;
use crate::operation::{Area, BodyKind, Location, Operation, ParamType, Response};
use crate::spec::{Spec, entries, items, schema_ref, text};
use crate::types::TypeRef;

/// The test file of one area.
pub fn area_file(spec: &Spec, area: &Area, ops: &[&Operation], support: MacroSupport) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "//! Wire tests of the {} operations.", area.title);
    out.push_str(crate::HEADER);
    out.push_str("\nuse crate::common::{Expected, Org, org};\nuse crate::json;\n\n");
    let mut fixtures = Fixtures::default();
    let mut body = String::new();
    let mut fns = String::new();
    for op in ops {
        let name = op.method_name();
        let _ = writeln!(
            fns,
            "\nasync fn {name}(org: &Org) {{\n{}}}",
            check(spec, op, support, &mut fixtures)
        );
        // Boxed: one future per operation on the heap, not all of them in the test's stack frame.
        let _ = writeln!(body, "    Box::pin({name}(&org)).await;");
    }
    for (i, f) in fixtures.0.iter().enumerate() {
        let _ = writeln!(out, "const F{i}: &str = r##\"{f}\"##;");
    }
    let _ = writeln!(
        out,
        "\n#[tokio::test]\nasync fn every_operation_on_the_wire() {{\n    let org = org().await;"
    );
    out.push_str(&body);
    out.push_str("}\n");
    out.push_str(&fns);
    out
}

/// The JSON fixtures of a file, each written once as a `const`.
#[derive(Default)]
struct Fixtures(Vec<String>);

impl Fixtures {
    /// `json(F<n>)` for this JSON text.
    fn json(&mut self, text: &str) -> String {
        format!("json({})", self.text(text))
    }

    /// `F<n>`, the text itself (a body that is not JSON).
    fn text(&mut self, text: &str) -> String {
        let n = self.0.iter().position(|f| f == text).unwrap_or_else(|| {
            self.0.push(text.to_owned());
            self.0.len() - 1
        });
        format!("F{n}")
    }
}

/// The test crate's root: common helpers and one module per area.
pub fn main_file(areas: &[(&Area, usize)]) -> String {
    let mut out = String::from(
        "//! Every generated operation on the wire, one module per API area (enabled with its feature).\n",
    );
    out.push_str(crate::HEADER);
    out.push_str(
        "#![allow(clippy::unwrap_used, clippy::expect_used)]\n\n#[allow(unused_imports)]\n#[path = \"../../../tests/tests/common/mod.rs\"]\nmod common;\n\n\
         /// Parses a JSON fixture: a string is much cheaper to compile than `json!`.\n\
         #[allow(dead_code)]\nfn json(text: &str) -> serde_json::Value {\n    serde_json::from_str(text).expect(\"fixture is JSON\")\n}\n",
    );
    out.push_str(BODY_STREAM);
    out.push_str("\n#[cfg(feature = \"full\")]\nmod models;\n");
    for (area, _) in areas {
        let _ = write!(
            out,
            "\n#[cfg(feature = \"{}\")]\nmod {};\n",
            area.feature(),
            area.module()
        );
    }
    out
}

/// Streams a list that pages in its body over three pages, as `check_stream` does for `Link`.
const BODY_STREAM: &str = r#"
/// Serves a list that pages in its body (items under `items`, the next page at
/// `_links.next.href`) over three pages of 2 + 2 + 1 items, streams it, and checks that every item
/// arrived in three requests to `list_path`.
#[allow(dead_code)]
async fn check_body_stream<T>(
    org: &common::Org,
    op: &str,
    list_path: &'static str,
    items: &str,
    item: serde_json::Value,
    stream: okta::ItemStream<T>,
) {
    use futures::TryStreamExt;
    use wiremock::matchers::{method, path, query_param, query_param_is_missing};
    use wiremock::{Mock, ResponseTemplate};

    org.server.reset().await;
    let uri = org.server.uri();
    let page = |n: usize, next: Option<&str>| {
        let mut body = serde_json::Map::new();
        body.insert(items.to_owned(), serde_json::Value::Array(vec![item.clone(); n]));
        if let Some(cursor) = next {
            let href = format!("{uri}{list_path}?after={cursor}");
            body.insert("_links".to_owned(), serde_json::json!({"next": {"href": href}}));
        }
        ResponseTemplate::new(200).set_body_json(serde_json::Value::Object(body))
    };
    for (after, n, next) in [(None, 2, Some("c1")), (Some("c1"), 2, Some("c2")), (Some("c2"), 1, None)] {
        let mock = Mock::given(method("GET")).and(path(list_path));
        let mock = match after {
            None => mock.and(query_param_is_missing("after")),
            Some(cursor) => mock.and(query_param("after", cursor)),
        };
        mock.respond_with(page(n, next)).mount(&org.server).await;
    }
    let got: Vec<T> = stream.try_collect().await.unwrap_or_else(|e| panic!("{op}: streaming failed: {e}"));
    assert_eq!(got.len(), 5, "{op}: every item of the three pages");
    let requests = org.server.received_requests().await.expect("recording is on");
    assert_eq!(requests.len(), 3, "{op}: one request per page");
}
"#;

/// A certificate as a `format: binary` body is sent (the spec's example names a file).
const PEM: &str =
    "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUb2t0YS1zZGstd2lyZS10ZXN0\n-----END CERTIFICATE-----\n";

/// The bytes of an uploaded file: a PNG signature, which is not UTF-8 and holds a CR LF.
const FILE_BYTES: &str = "b\"\\x89PNG\\r\\n\\x1a\\n\"";

/// A hostile id for the `n`th path parameter, and how it must look on the wire.
fn hostile(n: usize) -> (String, String) {
    (format!("id/{n} ?#%"), format!("id%2F{n}%20%3F%23%25"))
}

fn check(spec: &Spec, op: &Operation, support: MacroSupport, fx: &mut Fixtures) -> String {
    let mut args = Vec::new();
    let mut setters = String::new();
    let mut query = Vec::new();
    let mut headers = Vec::new();
    let mut path = op.path.clone();
    let mut n = 0;
    for p in &op.params {
        let (value, wire): (String, Vec<String>) = match (p.location, p.ty) {
            (Location::Path, _) => {
                n += 1;
                let (raw, encoded) = hostile(n);
                path = path.replace(&format!("{{{}}}", p.wire), &encoded);
                (format!("{raw:?}"), Vec::new())
            }
            (_, ParamType::Integer) => ("7".to_owned(), vec!["7".to_owned()]),
            (_, ParamType::Boolean) => ("true".to_owned(), vec!["true".to_owned()]),
            (_, ParamType::List { explode }) => {
                if !explode && !support.explode {
                    // Not sent until the macro joins values with commas.
                    continue;
                }
                let wire = if explode {
                    vec!["a b".to_owned(), "c".to_owned()]
                } else {
                    vec!["a b,c".to_owned()]
                };
                ("vec![\"a b\".to_owned(), \"c\".to_owned()]".to_owned(), wire)
            }
            (_, ParamType::String) => (format!("\"{}-1 &=\"", p.wire), vec![format!("{}-1 &=", p.wire)]),
        };
        for w in wire {
            match p.location {
                Location::Query => query.push(format!("({:?}, {:?})", p.wire, w)),
                Location::Header => headers.push(format!("({:?}, {:?})", p.wire.to_ascii_lowercase(), w)),
                Location::Path => {}
            }
        }
        if p.required {
            args.push(value);
        } else {
            let mut ident = p.ident();
            // The macro names the setter after the field; the generator deduplicated the same way.
            if op.params.iter().filter(|q| q.ident() == ident).count() > 1 && p.location == Location::Header {
                ident.push('_');
            }
            let _ = write!(setters, ".{ident}({value})");
        }
    }
    let mut raw_body = None;
    let mut form = None;
    let body = op.body.as_ref().and_then(|b| {
        if let BodyKind::Form(fields) = &b.kind {
            // A file of bytes that are not UTF-8, and text that is not ASCII: both byte for byte.
            let mut parts = Vec::new();
            for f in fields {
                let (value, part) = if f.file {
                    (
                        format!("okta::FileUpload::new(\"{0}.png\", \"image/png\", {FILE_BYTES}.to_vec())", f.wire),
                        format!(
                            "crate::common::Part {{ name: {:?}, file: Some((\"{}.png\", \"image/png\")), bytes: {FILE_BYTES} }}",
                            f.wire, f.wire
                        ),
                    )
                } else {
                    (
                        format!("\"{}-ü\".to_owned()", f.wire),
                        format!(
                            "crate::common::Part {{ name: {:?}, file: None, bytes: \"{}-ü\".as_bytes() }}",
                            f.wire, f.wire
                        ),
                    )
                };
                if f.required {
                    args.push(value);
                } else {
                    let _ = write!(setters, ".{}({value})", f.ident());
                }
                parts.push(part);
            }
            form = Some(format!("&[{}]", parts.join(", ")));
            return None;
        }
        if b.content_type != "application/json" {
            // The shared check takes a `content-type` it is given over `application/json`.
            headers.push(format!("(\"content-type\", {:?})", b.content_type));
        }
        if b.kind == BodyKind::Raw {
            // Bytes (a certificate) or text (a signed token), compared byte for byte.
            let value = match b.ty {
                TypeRef::Bytes => PEM.to_owned(),
                _ => example_text(spec, &media_of_body(spec, op)["examples"]).unwrap_or_else(|| "text body".to_owned()),
            };
            let value = fx.text(&value);
            raw_body = Some(format!("{value}.as_bytes()"));
            if b.required {
                args.push(value);
            } else {
                let _ = write!(setters, ".body({value})");
            }
            return None;
        }
        let value = synth(spec, schema_of_body(spec, op), 0);
        let typed = format!(
            "serde_json::from_value::<{}>({}).expect(\"body fixture\")",
            b.ty.rust().replace("crate::models::", "okta::models::"),
            fx.json(&value)
        );
        if b.required {
            args.push(typed);
        } else {
            let _ = write!(setters, ".body({typed})");
        }
        Some(value)
    });
    let response_schema = response_schema(spec, op);
    let raw_response = match &op.response {
        Response::Text { media_type } => {
            headers.push(format!("(\"accept\", {media_type:?})"));
            let text = example_text(spec, &success_media(spec, op, media_type)["examples"]);
            Some(fx.text(&text.unwrap_or_else(|| "<text/>".to_owned())))
        }
        _ => None,
    };
    let response = match &op.response {
        Response::Empty | Response::Text { .. } => None,
        Response::LinkList(_) => Some(format!("[{}]", synth(spec, items_of(spec, response_schema), 0))),
        Response::BodyList { items, .. } if support.body_pagination => Some(format!(
            "{{{items:?}: [{}]}}",
            synth(spec, body_items_of(spec, response_schema, items), 0)
        )),
        _ => Some(synth(spec, response_schema, 0)),
    };
    // The item of a list, and how its three pages are served (`None`: not streamed here, the
    // first request needs a required query or header parameter).
    let args_only_path = op.params.iter().all(|p| p.location == Location::Path || !p.required);
    let stream_args = op
        .params
        .iter()
        .filter(|p| p.required)
        .enumerate()
        .map(|(i, _)| format!("{:?}", hostile(i + 1).0))
        .collect::<Vec<_>>()
        .join(", ");
    let call = format!("org.client.{}({}){setters}", op.method_name(), args.join(", "));
    let mut out = String::new();
    let raw = (raw_body.is_some() || raw_response.is_some() || form.is_some() || op.public).then(|| {
        let some = |v: &Option<String>| v.as_ref().map_or("None".to_owned(), |v| format!("Some({v})"));
        format!(
            "            crate::common::Raw {{\n                body: {},\n                response: {},\n                form: {},\n                public: {},\n            }},\n",
            some(&raw_body),
            some(&raw_response),
            some(&form),
            op.public
        )
    });
    let _ = writeln!(
        out,
        "    let got = org\n        .{}(\n            Expected {{",
        if raw.is_some() { "check_raw" } else { "check" }
    );
    let _ = writeln!(
        out,
        "                op: {:?},\n                method: {:?},\n                path: {:?},",
        op.id, op.method, path
    );
    let _ = writeln!(
        out,
        "                query: &[{}],\n                headers: &[{}],",
        query.join(", "),
        headers.join(", ")
    );
    let _ = writeln!(
        out,
        "                body: {},",
        body.as_ref()
            .map_or("None".to_owned(), |b| format!("Some({})", fx.json(b)))
    );
    let _ = writeln!(out, "                status: {},", op.status);
    let _ = writeln!(
        out,
        "                response: {},",
        response
            .as_ref()
            .map_or("None".to_owned(), |r| format!("Some({})", fx.json(r)))
    );
    let _ = writeln!(
        out,
        "            }},\n{}            {call}.send(),\n        )\n        .await;",
        raw.unwrap_or_default()
    );
    match (&op.response, &response) {
        (Response::Text { .. }, _) => {
            let _ = writeln!(
                out,
                "    assert_eq!(got, {}, {:?});",
                raw_response.unwrap_or_default(),
                op.id
            );
        }
        (Response::Empty, _) | (_, None) => {
            let _ = writeln!(out, "    let () = got;");
        }
        (Response::LinkList(_), Some(r)) => {
            let _ = writeln!(
                out,
                "    assert_eq!(serde_json::to_value(got.into_items()).unwrap(), {}, {:?});",
                fx.json(r),
                op.id
            );
            if args_only_path {
                let item = synth(spec, items_of(spec, response_schema), 0);
                let _ = writeln!(
                    out,
                    "    org.check_stream({:?}, {:?}, {}, org.client.{}({stream_args}).stream()).await;",
                    op.id,
                    path,
                    fx.json(&item),
                    op.method_name(),
                );
            }
        }
        (Response::BodyList { items, .. }, Some(_)) if support.body_pagination => {
            let item = synth(spec, body_items_of(spec, response_schema, items), 0);
            let _ = writeln!(
                out,
                "    assert_eq!(serde_json::to_value(got.into_items()).unwrap(), {}, {:?});",
                fx.json(&format!("[{item}]")),
                op.id
            );
            if args_only_path {
                let _ = writeln!(
                    out,
                    "    crate::check_body_stream(org, {:?}, {:?}, {items:?}, {}, org.client.{}({stream_args}).stream()).await;",
                    op.id,
                    path,
                    fx.json(&item),
                    op.method_name(),
                );
            }
        }
        (_, Some(r)) => {
            let _ = writeln!(
                out,
                "    assert_eq!(serde_json::to_value(&got).unwrap(), {}, {:?});",
                fx.json(r),
                op.id
            );
        }
    }
    out
}

fn schema_of_body<'a>(spec: &'a Spec, op: &Operation) -> &'a Yaml {
    &media_of_body(spec, op)["schema"]
}

/// The spec's media type object of the body the declaration sends.
fn media_of_body<'a>(spec: &'a Spec, op: &Operation) -> &'a Yaml {
    let node = spec_op(spec, op);
    let body = spec.resolve(&node["requestBody"]);
    match &op.body {
        Some(b) => &body["content"][b.content_type.as_str()],
        None => &Yaml::BadValue,
    }
}

/// The media type object `media_type` of the first success response.
fn success_media<'a>(spec: &'a Spec, op: &Operation, media_type: &str) -> &'a Yaml {
    let node = spec_op(spec, op);
    entries(&node["responses"])
        .find(|(code, _)| code.starts_with('2'))
        .map_or(&Yaml::BadValue, |(_, r)| &spec.resolve(r)["content"][media_type])
}

/// The value of the first of `examples`, when it is text.
fn example_text(spec: &Spec, examples: &Yaml) -> Option<String> {
    let (_, example) = entries(examples).next()?;
    spec.resolve(example)["value"].as_str().map(str::to_owned)
}

fn response_schema<'a>(spec: &'a Spec, op: &Operation) -> &'a Yaml {
    let node = spec_op(spec, op);
    entries(&node["responses"])
        .find(|(code, _)| code.starts_with('2'))
        .and_then(|(_, r)| entries(&spec.resolve(r)["content"]).find(|(ct, _)| ct.contains("json")))
        .map_or(&Yaml::BadValue, |(_, m)| &m["schema"])
}

fn items_of<'a>(spec: &'a Spec, schema: &'a Yaml) -> &'a Yaml {
    &spec.resolve(schema)["items"]
}

fn body_items_of<'a>(spec: &'a Spec, schema: &'a Yaml, items: &str) -> &'a Yaml {
    &spec.resolve(&spec.resolve(schema)["properties"][items])["items"]
}

fn spec_op<'a>(spec: &'a Spec, op: &Operation) -> &'a Yaml {
    &spec.root["paths"][op.path.as_str()][op.method.to_ascii_lowercase().as_str()]
}

/// A JSON value valid for `schema`, every property filled to a small depth: decoding it must
/// land every property in a typed field and re-encode to the same JSON.
pub fn synth(spec: &Spec, schema: &Yaml, depth: usize) -> String {
    synth_in(spec, schema, depth, &mut BTreeSet::new())
}

/// How deep fixtures nest.
const LIMIT: usize = 3;

fn synth_in(spec: &Spec, schema: &Yaml, depth: usize, stack: &mut BTreeSet<String>) -> String {
    if let Some(name) = schema_ref(schema) {
        if !stack.insert(name.to_owned()) {
            // A schema inside itself: stop with an empty object or nothing.
            return empty_of(spec.resolve(schema));
        }
        let out = synth_in(spec, spec.resolve(schema), depth, stack);
        stack.remove(name);
        return out;
    }
    if let Some(only) = crate::spec::single_ref(schema) {
        return synth_in(spec, only, depth, stack);
    }
    let disc = &schema["discriminator"];
    if let Some((wire, target)) = entries(&disc["mapping"]).next() {
        if let Some(name) = text(target).strip_prefix("#/components/schemas/") {
            if stack.insert(name.to_owned()) {
                let mut out = synth_in(spec, &spec.root["components"]["schemas"][name], depth, stack);
                stack.remove(name);
                let tag = text(&disc["propertyName"]);
                out = set_property(&out, tag, &format!("{wire:?}"));
                return out;
            }
        }
    }
    if let Some(first) = items(&schema["enum"]).iter().find_map(Yaml::as_str) {
        return format!("{first:?}");
    }
    if let Some(first) = items(&schema["oneOf"]).first().or(items(&schema["anyOf"]).first()) {
        return synth_in(spec, first, depth, stack);
    }
    let mut props = Vec::new();
    collect(spec, schema, &mut props, &mut BTreeSet::new());
    if !props.is_empty() || !schema["allOf"].is_badvalue() || text(&schema["type"]) == "object" {
        if depth >= LIMIT {
            return "{}".to_owned();
        }
        let fields: Vec<String> = props
            .iter()
            .map(|(name, p)| (name, synth_in(spec, p, depth + 1, stack)))
            // Cut off at the depth limit: absent, not an empty object a model may not keep.
            .filter(|(_, v)| depth + 1 < LIMIT || (v != "{}" && v != "[]"))
            .map(|(name, v)| format!("{name:?}: {v}"))
            .collect();
        if fields.is_empty() {
            if let Some(h) = schema["additionalProperties"].as_hash() {
                if !h.is_empty() {
                    return format!(
                        "{{\"k\": {}}}",
                        synth_in(spec, &schema["additionalProperties"], depth + 1, stack)
                    );
                }
            }
        }
        return format!("{{{}}}", fields.join(", "));
    }
    match text(&schema["type"]) {
        "array" if depth < LIMIT => format!("[{}]", synth_in(spec, &schema["items"], depth + 1, stack)),
        "array" => "[]".to_owned(),
        "integer" => "1".to_owned(),
        "number" => "1.5".to_owned(),
        "boolean" => "true".to_owned(),
        "string" if text(&schema["format"]) == "date-time" => "\"2026-01-02T03:04:05.000Z\"".to_owned(),
        "string" => "\"x\"".to_owned(),
        _ => "{}".to_owned(),
    }
}

fn empty_of(schema: &Yaml) -> String {
    match text(&schema["type"]) {
        "array" => "[]".to_owned(),
        "string" => "\"x\"".to_owned(),
        _ => "{}".to_owned(),
    }
}

/// Every property of a schema, those of its `allOf` parts included (the first of a name wins).
pub fn properties<'a>(spec: &'a Spec, node: &'a Yaml) -> Vec<(String, &'a Yaml)> {
    let mut out = Vec::new();
    collect(spec, node, &mut out, &mut BTreeSet::new());
    out
}

fn collect<'a>(spec: &'a Spec, node: &'a Yaml, out: &mut Vec<(String, &'a Yaml)>, seen: &mut BTreeSet<String>) {
    for part in items(&node["allOf"]) {
        collect(spec, spec.resolve(part), out, seen);
    }
    for (name, prop) in entries(&node["properties"]) {
        if seen.insert(name.to_owned()) {
            out.push((name.to_owned(), prop));
        }
    }
}

/// `{"a": 1}` with `tag` set to `value` (replacing what the schema gave it).
fn set_property(object: &str, tag: &str, value: &str) -> String {
    let key = format!("{tag:?}: ");
    if let Some(at) = object.find(&key) {
        // Replace the scalar after the key (the synthesized tag is always a string or scalar).
        let start = at + key.len();
        let rest = &object[start..];
        let end = scalar_end(rest);
        return format!("{}{value}{}", &object[..start], &rest[end..]);
    }
    match object.strip_prefix('{') {
        Some("}") => format!("{{{key}{value}}}"),
        Some(rest) => format!("{{{key}{value}, {rest}"),
        None => object.to_owned(),
    }
}

fn scalar_end(text: &str) -> usize {
    if let Some(body) = text.strip_prefix('"') {
        let mut escaped = false;
        for (i, c) in body.char_indices() {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => return i + 2,
                _ => escaped = false,
            }
        }
        return text.len();
    }
    text.find([',', '}']).unwrap_or(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synthesized_values_follow_the_schema() {
        let spec = Spec::parse(
            r#"
components:
  schemas:
    Base:
      type: object
      properties:
        kind: {type: string}
        at: {type: string, format: date-time}
        n: {type: integer}
        me: {$ref: '#/components/schemas/Base'}
      discriminator:
        propertyName: kind
        mapping:
          K1: '#/components/schemas/Child'
    Child:
      allOf:
        - $ref: '#/components/schemas/Base'
        - properties: {extra: {type: array, items: {type: string, enum: [A, B]}}}
"#,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let base = Spec::parse("{$ref: '#/components/schemas/Base'}")
            .unwrap_or_else(|e| panic!("{e}"))
            .root;
        assert_eq!(
            synth(&spec, &base, 0),
            r#"{"kind": "K1", "at": "2026-01-02T03:04:05.000Z", "n": 1, "me": {}, "extra": ["A"]}"#
        );
        assert_eq!(set_property("{}", "k", "\"v\""), r#"{"k": "v"}"#);
        assert_eq!(set_property(r#"{"a": 1}"#, "k", "\"v\""), r#"{"k": "v", "a": 1}"#);
    }

    #[test]
    fn hostile_ids_are_encoded() {
        assert_eq!(hostile(1), ("id/1 ?#%".to_owned(), "id%2F1%20%3F%23%25".to_owned()));
    }
}
