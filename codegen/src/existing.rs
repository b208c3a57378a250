//! What the hand-written part of the facade already declares: endpoints (not generated twice,
//! but given the spec's operation id as a rustdoc alias) and models (reused, not generated).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use crate::operation::endpoint_key;

/// A hand-written source file, its text, and the endpoints it declares.
pub struct HandFile {
    pub path: PathBuf,
    pub text: String,
}

/// One hand-written declaration: where its `#[derive(..)]` line is.
pub struct HandEndpoint {
    pub file: usize,
    /// Byte offset of the `#[derive(` line of the declaration.
    pub derive_at: usize,
}

pub struct Existing {
    pub files: Vec<HandFile>,
    /// `METHOD /path/{}` → the declaration.
    pub endpoints: BTreeMap<String, HandEndpoint>,
    /// Names `okta::models` already defines by hand.
    pub models: BTreeSet<String>,
}

/// Directories the generator writes; everything else under `okta/src` is hand-written.
pub const GENERATED_DIRS: &[&str] = &["okta/src/api", "okta/src/models/generated", "okta/tests/api"];

impl Existing {
    pub fn scan(root: &Path) -> Result<Existing, String> {
        let mut files = Vec::new();
        collect(root, &root.join("okta/src"), &mut files)?;
        files.sort_by(|a, b| a.path.cmp(&b.path));
        let mut endpoints = BTreeMap::new();
        let mut models = BTreeSet::new();
        for (i, file) in files.iter().enumerate() {
            for (at, _) in file.text.match_indices("#[endpoint(") {
                let rest = &file.text[at + "#[endpoint(".len()..];
                let Some((method, path)) = method_and_path(rest) else {
                    continue;
                };
                let derive_at = file.text[..at].rfind("#[derive(").unwrap_or(at);
                endpoints.insert(endpoint_key(method, path), HandEndpoint { file: i, derive_at });
            }
            if file.path.starts_with(root.join("okta/src/models")) && !file.path.ends_with("authn.rs") {
                models.extend(defined_types(&file.text));
            }
            if file.path.ends_with("okta/src/models/mod.rs") {
                models.extend(reexported(&file.text, "pub use authn::{"));
            }
        }
        Ok(Existing {
            files,
            endpoints,
            models,
        })
    }

    /// The hand file with `#[doc(alias = "..")]` on each declaration `aliases` names (declaration
    /// offset → operation ids), added where missing; `None` if nothing changes.
    pub fn with_aliases(&self, file: usize, aliases: &BTreeMap<usize, Vec<String>>) -> Option<String> {
        let text = &self.files[file].text;
        let mut out = String::with_capacity(text.len() + 256);
        let mut last = 0;
        let mut changed = false;
        for (&at, ids) in aliases {
            out.push_str(&text[last..at]);
            // The attributes between the doc comment and the derive.
            let head = &text[text[..at].rfind("///").unwrap_or(0)..at];
            for id in ids {
                let line = format!("#[doc(alias = \"{id}\")]\n");
                if !head.contains(&line) {
                    out.push_str(&line);
                    changed = true;
                }
            }
            last = at;
        }
        out.push_str(&text[last..]);
        changed.then_some(out)
    }
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<HandFile>) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if GENERATED_DIRS.iter().any(|g| path.starts_with(root.join(g))) {
            continue;
        }
        if path.is_dir() {
            collect(root, &path, out)?;
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            out.push(HandFile { path, text });
        }
    }
    Ok(())
}

/// `GET "/api/v1/users/{userId}", ...` → `("GET", "/api/v1/users/{userId}")`.
fn method_and_path(rest: &str) -> Option<(&str, &str)> {
    let (method, rest) = rest.trim_start().split_once(' ')?;
    if !method.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let rest = rest.strip_prefix('"')?;
    let (path, _) = rest.split_once('"')?;
    Some((method, path))
}

/// `pub struct X`, `pub enum X`, `pub type X` at the start of a line (open enums included).
fn defined_types(text: &str) -> impl Iterator<Item = String> + '_ {
    text.lines().filter_map(|line| {
        let line = line.trim_start();
        let rest = ["pub struct ", "pub enum ", "pub type "]
            .iter()
            .find_map(|p| line.strip_prefix(p))?;
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        (!name.is_empty()).then_some(name)
    })
}

/// The names in `pub use module::{A, B, ..};`.
fn reexported(text: &str, prefix: &str) -> Vec<String> {
    let Some(start) = text.find(prefix) else {
        return Vec::new();
    };
    let list = &text[start + prefix.len()..];
    let list = &list[..list.find('}').unwrap_or(list.len())];
    list.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declarations_are_found_by_method_and_path() {
        assert_eq!(
            method_and_path(r#"GET "/api/v1/users/{userId}", response = User)]"#),
            Some(("GET", "/api/v1/users/{userId}"))
        );
        assert_eq!(method_and_path("\n    PUT \"/x\",\n"), Some(("PUT", "/x")));
        assert_eq!(method_and_path("path)]"), None);
    }

    #[test]
    fn model_names() {
        let names: Vec<_> =
            defined_types("pub struct User {\n    pub enum UserStatus {\npub type JsonMap = x;\n").collect();
        assert_eq!(names, ["User", "UserStatus", "JsonMap"]);
        assert_eq!(
            reexported("pub use authn::{A, B,\n C};", "pub use authn::{"),
            ["A", "B", "C"]
        );
    }
}
