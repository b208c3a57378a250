//! Writes okta-mock's table of the spec's example responses: for each operation with an example
//! success response, its method, path template, status and body, so the stand-in can answer any
//! operation it does not model statefully.

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
/// One operation's example: method, path template (`{param}` matches one segment), status, JSON body.
pub(crate) struct Example {
    pub(crate) method: &'static str,
    pub(crate) path: &'static str,
    pub(crate) status: u16,
    pub(crate) body: &'static str,
}

/// The example for a request, if an operation of the spec matches its method and path.
pub(crate) fn example(method: &str, path: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.method == method && matches(e.path, path))
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
    let mut rows = Vec::new();
    for op in ops {
        let Some((status, body)) = example(spec, op) else {
            continue;
        };
        rows.push(format!(
            "    Example {{ method: {:?}, path: {:?}, status: {status}, body: r###\"{body}\"### }},\n",
            op.method, op.path
        ));
    }
    let _ = writeln!(
        out,
        "/// Every example, in spec order.\nstatic EXAMPLES: &[Example] = &["
    );
    for row in rows {
        out.push_str(&row);
    }
    out.push_str("];\n");
    out.push_str(TESTS);
    out
}

const TESTS: &str = r#"
#[cfg(test)]
mod tests {
    #[test]
    fn templates_match_one_segment_per_parameter() {
        assert!(super::matches("/api/v1/x/{id}/y", "/api/v1/x/abc/y"));
        assert!(!super::matches("/api/v1/x/{id}/y", "/api/v1/x//y"));
        assert!(!super::matches("/api/v1/x/{id}", "/api/v1/x/a/b"));
        let list = super::example("GET", "/api/v1/authorizationServers").expect("an example");
        assert_eq!(list.status, 200);
        assert!(serde_json::from_str::<serde_json::Value>(list.body).is_ok_and(|v| v.is_array()));
    }
}
"#;

/// The first example of the operation's first 2xx JSON response.
fn example(spec: &Spec, op: &Operation) -> Option<(u16, String)> {
    let node = &spec.root["paths"][op.path.as_str()][op.method.to_ascii_lowercase().as_str()];
    let (code, resp) = entries(&node["responses"]).find(|(c, _)| c.starts_with('2'))?;
    let (_, media) = entries(&spec.resolve(resp)["content"]).find(|(ct, _)| ct.contains("json"))?;
    let value = match entries(&media["examples"]).next() {
        Some((_, ex)) => &spec.resolve(ex)["value"],
        None => &media["example"],
    };
    if value.is_badvalue() {
        return None;
    }
    let json = to_json(value);
    (!json.contains("\"###")).then(|| (code.parse().unwrap_or(200), json))
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
}
