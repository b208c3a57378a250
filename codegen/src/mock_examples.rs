//! Writes okta-mock's table of the spec's example responses: for each operation, its method,
//! path template, success status and example body in each media type the spec offers, so the
//! stand-in can answer any operation it does not model.

use std::fmt::Write;

use yaml_rust2::Yaml;

use crate::operation::Operation;
use crate::spec::{Spec, entries};

/// The source of `okta-mock/src/examples_generated.rs`.
pub fn file(spec: &Spec, ops: &[Operation]) -> String {
    let mut out = String::from(
        "//! The example success response of every operation of Okta's Management API specification\n//! that has one: what the stand-in answers for an operation it does not model.\n",
    );
    out.push_str(crate::HEADER);
    out.push_str(
        r#"
use crate::media::JSON;

/// One operation's example: method, path template (`{param}` matches one segment), status, and
/// the body in each media type the spec offers, JSON first (none for an answer without a body).
pub(crate) struct Example {
    pub(crate) method: &'static str,
    pub(crate) path: &'static str,
    pub(crate) status: u16,
    pub(crate) bodies: &'static [ExampleBody],
    /// A public endpoint (`security: []` in the spec): answered without credentials.
    pub(crate) public: bool,
}

/// An example body and its media type.
pub(crate) struct ExampleBody {
    pub(crate) media_type: &'static str,
    pub(crate) text: &'static str,
}

/// The example for a request: the operation of the spec whose method and path template match
/// it, the one with the fewest parameters when several do (`/api-tokens/current` over
/// `/api-tokens/{apiTokenId}`).
pub(crate) fn example(method: &str, path: &str) -> Option<&'static Example> {
    EXAMPLES
        .iter()
        .filter(|e| e.method == method && matches(e.path, path))
        .min_by_key(|e| e.path.matches('{').count())
}

/// Whether `path` fits `template`, a `{param}` standing for one non-empty segment.
fn matches(template: &str, path: &str) -> bool {
    let mut want = template.split('/');
    let mut got = path.split('/');
    loop {
        match (want.next(), got.next()) {
            (None, None) => return true,
            (Some(w), Some(g)) if w.starts_with('{') && w.ends_with('}') => {
                if g.is_empty() {
                    return false;
                }
            }
            (Some(w), Some(g)) if w == g => {}
            _ => return false,
        }
    }
}

"#,
    );
    let _ = writeln!(
        out,
        "/// Every example, in spec order.\nstatic EXAMPLES: &[Example] = &["
    );
    for op in ops {
        let Some((status, bodies)) = example(spec, op) else {
            continue;
        };
        let _ = write!(
            out,
            "    Example {{ method: {:?}, path: {:?}, status: {status}, bodies: &[",
            op.method, op.path
        );
        for body in bodies {
            if body.made_up {
                out.push_str("\n// The spec has no example: one built from its schema.\n");
            }
            let media_type = if body.media_type == "application/json" {
                "JSON".to_owned()
            } else {
                format!("{:?}", body.media_type)
            };
            let _ = write!(
                out,
                "ExampleBody {{ media_type: {media_type}, text: r###\"{}\"### }},",
                body.text
            );
        }
        let _ = writeln!(out, "], public: {} }},", op.public);
    }
    out.push_str("];\n");
    out.push_str(TESTS);
    out
}

const TESTS: &str = r#"
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_match_one_segment_per_parameter() {
        assert!(matches("/api/v1/x/{id}/y", "/api/v1/x/abc/y"));
        assert!(!matches("/api/v1/x/{id}/y", "/api/v1/x//y"));
        assert!(!matches("/api/v1/x/{id}", "/api/v1/x/a/b"));
        let list = example("GET", "/api/v1/authorizationServers").expect("an example");
        assert_eq!(list.status, 200);
        assert!(serde_json::from_str::<serde_json::Value>(list.bodies[0].text).is_ok_and(|v| v.is_array()));
        let current = example("DELETE", "/api/v1/api-tokens/current").expect("an example");
        assert_eq!((current.path, current.status), ("/api/v1/api-tokens/current", 204));
        assert!(current.bodies.is_empty());
    }

    #[test]
    fn json_examples_are_json_and_come_first() {
        for e in EXAMPLES {
            for (i, body) in e.bodies.iter().enumerate() {
                let json = crate::media::is_json(body.media_type);
                assert!(!json || i == 0, "{} {}: JSON first", e.method, e.path);
                let parses = serde_json::from_str::<serde_json::Value>(body.text).is_ok();
                assert!(!json || parses, "{} {}: not JSON", e.method, e.path);
            }
        }
    }
}
"#;

/// One media type of an operation's example answer.
struct Body {
    media_type: String,
    text: String,
    /// Not the spec's: it gives no example for this media type.
    made_up: bool,
}

/// The status of the operation's first 2xx response and its example body in each media type
/// (JSON first); none when the spec has an answer with a body but no example of it.
fn example(spec: &Spec, op: &Operation) -> Option<(u16, Vec<Body>)> {
    let node = &spec.root["paths"][op.path.as_str()][op.method.to_ascii_lowercase().as_str()];
    let (code, resp) = entries(&node["responses"]).find(|(c, _)| c.starts_with('2'))?;
    let status = code.parse().unwrap_or(200);
    let content = &spec.resolve(resp)["content"];
    if status == 204 || entries(content).next().is_none() {
        return Some((status, Vec::new()));
    }
    let (json, other): (Vec<_>, Vec<_>) = entries(content).partition(|(ct, _)| ct.contains("json"));
    let bodies: Vec<Body> = json
        .into_iter()
        .chain(other)
        .filter_map(|(media_type, media)| body(spec, media_type, media))
        // A body the raw string's delimiter cannot hold is left out.
        .filter(|b| !b.text.contains("\"###"))
        .collect();
    (!bodies.is_empty()).then_some((status, bodies))
}

/// The first example of one media type: JSON as compact JSON, any other as the text it is. A
/// JSON answer without one gets a value built from its schema, the one the SDK's wire tests
/// decode; another type without one is left out (the spec has none: each document it answers,
/// XML or PKCS#10, has its example).
fn body(spec: &Spec, media_type: &str, media: &Yaml) -> Option<Body> {
    let value = match entries(&media["examples"]).next() {
        Some((_, ex)) => &spec.resolve(ex)["value"],
        None => &media["example"],
    };
    let json = media_type.contains("json");
    let (text, made_up) = match value {
        Yaml::BadValue if json => (from_schema(spec, &media["schema"]), true),
        Yaml::BadValue => return None,
        _ if json => (to_json(value), false),
        Yaml::String(document) => (document.clone(), false),
        _ => return None,
    };
    Some(Body {
        media_type: media_type.to_owned(),
        text,
        made_up,
    })
}

/// A value of `schema` as compact JSON, built as the wire tests build their fixtures.
fn from_schema(spec: &Spec, schema: &Yaml) -> String {
    let pretty = crate::wire_tests::synth(spec, schema, 0);
    serde_json::from_str::<serde_json::Value>(&pretty).map_or(pretty, |v| v.to_string())
}

/// YAML as compact JSON.
pub fn to_json(node: &Yaml) -> String {
    let mut out = String::new();
    write_json(node, &mut out);
    out
}

fn write_json(node: &Yaml, out: &mut String) {
    match node {
        Yaml::Null | Yaml::BadValue | Yaml::Alias(_) => out.push_str("null"),
        Yaml::Boolean(b) => out.push_str(if *b { "true" } else { "false" }),
        Yaml::Integer(i) => out.push_str(&i.to_string()),
        Yaml::Real(r) => out.push_str(if r.parse::<f64>().is_ok_and(f64::is_finite) {
            r
        } else {
            "null"
        }),
        Yaml::String(s) => string(s, out),
        Yaml::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(item, out);
            }
            out.push(']');
        }
        Yaml::Hash(map) => {
            out.push('{');
            for (i, (k, v)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                match k {
                    Yaml::String(s) => string(s, out),
                    other => string(&to_json(other), out),
                }
                out.push(':');
                write_json(v, out);
            }
            out.push('}');
        }
    }
}

fn string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_to_json() {
        let yaml = Spec::parse("{a: [1, 2.5, true, null, \"q\\\"\\n\"], b: {c: x}}").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(to_json(&yaml.root), r#"{"a":[1,2.5,true,null,"q\"\n"],"b":{"c":"x"}}"#);
    }

    #[test]
    fn an_answer_without_an_example_is_built_from_its_schema() {
        let spec = Spec::parse(
            "components: {schemas: {Key: {type: object, required: [kid], properties: {kid: {type: string}, n: {type: integer}}}}}\n\
             cases:\n\
             - {$ref: '#/components/schemas/Key'}\n\
             - {type: array, items: {$ref: '#/components/schemas/Key'}}\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let built: Vec<serde_json::Value> = crate::spec::items(&spec.root["cases"])
            .iter()
            .map(|schema| serde_json::from_str(&from_schema(&spec, schema)).unwrap_or_else(|e| panic!("{e}")))
            .collect();
        assert!(built[0]["kid"].is_string() && built[0]["n"].is_i64(), "{}", built[0]);
        assert!(built[1][0]["kid"].is_string(), "{}", built[1]);
    }
}
