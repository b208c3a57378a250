//! `okta.yaml`, the configuration file every Okta SDK reads:
//!
//! ```yaml
//! okta:
//!   client:
//!     orgUrl: "https://dev-123456.okta.com"
//!     token: "00abc…"
//!     authorizationMode: "SSWS"   # or "Bearer", or "PrivateKey" for a service app:
//!     clientId: "0oa1clientid"
//!     scopes: ["okta.users.read", "okta.groups.manage"]
//!     privateKey: "/etc/okta/key.pem"   # PEM or JWK text, or a file holding either
//!     privateKeyId: "kid-1"
//!     connectionTimeout: 30             # seconds
//!     requestTimeout: 60                # seconds
//!     rateLimit:
//!       maxRetries: 4
//!     proxy: { host: "proxy.internal", port: 3128, username: "u", password: "p" }
//!     userAgent: "my-sync/2.1"
//! ```

use std::path::{Path, PathBuf};

use yaml_rust2::{Yaml, YamlLoader};

use crate::config::{ALL, Key};
use crate::error::Error;

/// Reads `path`: every `okta.client` setting it has, or `Ok(None)` when there is no such file. A
/// file that exists but cannot be read or is not YAML is an error naming the file (never its
/// content: it holds a token or a key).
pub(crate) fn read(path: &Path) -> Result<Option<Vec<(Key, String)>>, Error> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::Config(format!("{} could not be read: {e}", path.display()))),
    };
    let docs = YamlLoader::load_from_str(&text).map_err(|e| {
        Error::Config(format!(
            "{} is not valid YAML (line {}, column {})",
            path.display(),
            e.marker().line(),
            e.marker().col() + 1
        ))
    })?;
    let Some(doc) = docs.first() else {
        return Ok(Some(Vec::new()));
    };
    let client = &doc["okta"]["client"];
    let values = ALL
        .iter()
        .filter_map(|key| {
            let node = key.yaml().split('.').fold(client, |node, part| &node[part]);
            scalar(node).map(|value| (*key, value))
        })
        .collect();
    Ok(Some(values))
}

/// A setting's text: a string, a number, a boolean, or a list (scopes) joined by spaces.
fn scalar(node: &Yaml) -> Option<String> {
    let text = match node {
        Yaml::String(s) => s.trim().to_owned(),
        Yaml::Integer(i) => i.to_string(),
        Yaml::Real(r) => r.clone(),
        Yaml::Boolean(b) => b.to_string(),
        Yaml::Array(items) => items.iter().filter_map(scalar).collect::<Vec<_>>().join(" "),
        _ => return None,
    };
    (!text.is_empty()).then_some(text)
}

/// Where the SDKs look, most specific first: `./okta.yaml`, then `~/.okta/okta.yaml`.
pub(crate) fn default_paths() -> Vec<PathBuf> {
    let mut paths = vec![PathBuf::from("okta.yaml")];
    if let Some(home) = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE")) {
        paths.push(PathBuf::from(home).join(".okta").join("okta.yaml"));
    }
    paths
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_file(name: &str, content: &str) -> PathBuf {
        let path = std::env::temp_dir().join(format!("okta-core-{}-{name}", std::process::id()));
        std::fs::write(&path, content).expect("temp file");
        path
    }

    #[test]
    fn reads_the_okta_client_keys() {
        let path = temp_file(
            "ok.yaml",
            "okta:\n  client:\n    orgUrl: \"https://dev-1.okta.com\"\n    token: \"00secret\"\n    authorizationMode: Bearer\n",
        );
        let config = read(&path).expect("readable").expect("present");
        let get = |key: Key| config.iter().find(|(k, _)| *k == key).map(|(_, v)| v.as_str());
        assert_eq!(get(crate::config::ORG_URL), Some("https://dev-1.okta.com"));
        assert_eq!(get(crate::config::TOKEN), Some("00secret"));
        assert_eq!(get(crate::config::AUTHORIZATION_MODE), Some("Bearer"));
        let _ = std::fs::remove_file(path);
    }

    #[test]
    fn a_missing_file_is_no_config_and_a_broken_one_an_error_without_its_content() {
        assert!(
            read(Path::new("/definitely/not/here/okta.yaml"))
                .expect("fine")
                .is_none()
        );
        let path = temp_file("bad.yaml", "okta:\n  client:\n    token: \"00secret\n  - [\n");
        let err = read(&path).expect_err("not YAML").to_string();
        assert!(err.contains("is not valid YAML"), "{err}");
        assert!(!err.contains("00secret"), "{err}");
        let _ = std::fs::remove_file(path);
    }

    #[test]
    fn other_shapes_give_nothing_rather_than_failing() {
        let path = temp_file("other.yaml", "something: else\nokta: 3\n");
        let config = read(&path).expect("readable").expect("present");
        assert!(config.is_empty());
        let _ = std::fs::remove_file(path);
    }
}
