//! `okta.yaml`, the configuration file every Okta SDK reads:
//!
//! ```yaml
//! okta:
//!   client:
//!     orgUrl: "https://dev-123456.okta.com"
//!     token: "00abc…"
//!     authorizationMode: "SSWS"   # or "Bearer"
//! ```

use std::path::{Path, PathBuf};

use yaml_rust2::{Yaml, YamlLoader};

use crate::error::Error;
use crate::secret::SecretString;

/// What an `okta.yaml` says; every key is optional.
#[derive(Debug, Default)]
pub(crate) struct FileConfig {
    pub(crate) org_url: Option<String>,
    pub(crate) token: Option<SecretString>,
    pub(crate) authorization_mode: Option<String>,
}

/// Reads `path`; `Ok(None)` when there is no such file. A file that exists but cannot be read or
/// is not YAML is an error naming the file (never its content: it holds a token).
pub(crate) fn read(path: &Path) -> Result<Option<FileConfig>, Error> {
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
        return Ok(Some(FileConfig::default()));
    };
    let client = &doc["okta"]["client"];
    let text = |key: &str| match &client[key] {
        Yaml::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        _ => None,
    };
    Ok(Some(FileConfig {
        org_url: text("orgUrl"),
        token: text("token").map(SecretString::new),
        authorization_mode: text("authorizationMode"),
    }))
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
        assert_eq!(config.org_url.as_deref(), Some("https://dev-1.okta.com"));
        assert_eq!(config.token.as_ref().map(SecretString::expose), Some("00secret"));
        assert_eq!(config.authorization_mode.as_deref(), Some("Bearer"));
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
        assert!(config.org_url.is_none() && config.token.is_none());
        let _ = std::fs::remove_file(path);
    }
}
