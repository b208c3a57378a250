//! The settings Okta's SDKs read from the environment and `okta.yaml`, with where each came from.
//!
//! Every setting has one name in `okta.yaml` (`okta.client.<name>`) and one environment variable
//! (`OKTA_CLIENT_<NAME>`, dots as `_`), as in Okta's other SDKs. Precedence: the builder, then the
//! environment, then `./okta.yaml`, then `~/.okta/okta.yaml`: the first that sets a value wins.

use std::fmt;
use std::path::PathBuf;

/// One setting Okta's SDKs read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Key {
    /// The name under `okta.client` in `okta.yaml`.
    yaml: &'static str,
    /// The environment variable.
    env: &'static str,
    /// Whether its value must never be shown.
    secret: bool,
}

impl Key {
    /// The name under `okta.client` in `okta.yaml` (`rateLimit.maxRetries`).
    pub(crate) fn yaml(self) -> &'static str {
        self.yaml
    }

    /// The environment variable (`OKTA_CLIENT_RATELIMIT_MAXRETRIES`).
    pub(crate) fn env(self) -> &'static str {
        self.env
    }
}

macro_rules! keys {
    ($($name:ident = $yaml:literal, $env:literal $(, $secret:ident)?;)*) => {
        $(pub(crate) const $name: Key = Key { yaml: $yaml, env: $env, secret: keys!(@secret $($secret)?) };)*
        /// Every setting, in the order [`Config`] lists them.
        pub(crate) const ALL: &[Key] = &[$($name),*];
    };
    (@secret secret) => { true };
    (@secret) => { false };
}

keys! {
    ORG_URL = "orgUrl", "OKTA_CLIENT_ORGURL";
    AUTHORIZATION_MODE = "authorizationMode", "OKTA_CLIENT_AUTHORIZATIONMODE";
    TOKEN = "token", "OKTA_CLIENT_TOKEN", secret;
    CLIENT_ID = "clientId", "OKTA_CLIENT_CLIENTID";
    SCOPES = "scopes", "OKTA_CLIENT_SCOPES";
    PRIVATE_KEY = "privateKey", "OKTA_CLIENT_PRIVATEKEY", secret;
    PRIVATE_KEY_ID = "privateKeyId", "OKTA_CLIENT_PRIVATEKEYID";
    CONNECTION_TIMEOUT = "connectionTimeout", "OKTA_CLIENT_CONNECTIONTIMEOUT";
    REQUEST_TIMEOUT = "requestTimeout", "OKTA_CLIENT_REQUESTTIMEOUT";
    MAX_RETRIES = "rateLimit.maxRetries", "OKTA_CLIENT_RATELIMIT_MAXRETRIES";
    PROXY_HOST = "proxy.host", "OKTA_CLIENT_PROXY_HOST";
    PROXY_PORT = "proxy.port", "OKTA_CLIENT_PROXY_PORT";
    PROXY_USERNAME = "proxy.username", "OKTA_CLIENT_PROXY_USERNAME";
    PROXY_PASSWORD = "proxy.password", "OKTA_CLIENT_PROXY_PASSWORD", secret;
    USER_AGENT = "userAgent", "OKTA_CLIENT_USERAGENT";
}

/// Where a setting's value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Source {
    /// A call on the builder.
    Builder,
    /// An environment variable.
    Environment(&'static str),
    /// An `okta.yaml` file.
    File(PathBuf),
    /// The SDK's default.
    Default,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Builder => f.write_str("the builder"),
            Source::Environment(var) => write!(f, "${var}"),
            Source::File(path) => write!(f, "{}", path.display()),
            Source::Default => f.write_str("default"),
        }
    }
}

/// A value read from the environment or a file, and where.
#[derive(Clone)]
pub(crate) struct Sourced {
    value: String,
    source: Source,
}

impl Sourced {
    pub(crate) fn new(value: String, source: Source) -> Self {
        Sourced { value, source }
    }

    pub(crate) fn value(&self) -> &str {
        &self.value
    }

    pub(crate) fn source(&self) -> &Source {
        &self.source
    }
}

/// The settings as they stand: each with its value (secrets as `***`) and its source.
///
/// ```
/// let builder = okta_core::Client::builder().org_url("https://dev-1.okta.com").api_token("00secret");
/// let config = builder.config();
/// assert_eq!(config.get("token"), Some(("***", &okta_core::Source::Builder)));
/// assert!(!config.to_string().contains("00secret"));
/// ```
#[derive(Debug, Clone, Default)]
pub struct Config {
    entries: Vec<(&'static str, String, Source)>,
}

impl Config {
    pub(crate) fn push(&mut self, key: Key, value: &str, source: Source) {
        let shown = match key {
            _ if key.secret => "***".to_owned(),
            // A URL may carry `user:password@` or a token in its query.
            ORG_URL | PROXY_HOST => crate::org_url::redact(value),
            _ => value.to_owned(),
        };
        self.entries.push((key.yaml, shown, source));
    }

    /// A setting by its `okta.yaml` name (`orgUrl`, `token`, `rateLimit.maxRetries`, …): its value
    /// as shown (secrets `***`) and its source; `None` when nothing set it.
    pub fn get(&self, name: &str) -> Option<(&str, &Source)> {
        self.entries
            .iter()
            .find(|(key, _, _)| *key == name)
            .map(|(_, value, source)| (value.as_str(), source))
    }

    /// Every setting that has a value, as `(okta.yaml name, shown value, source)`.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str, &Source)> {
        self.entries.iter().map(|(k, v, s)| (*k, v.as_str(), s))
    }
}

impl fmt::Display for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (key, value, source) in &self.entries {
            writeln!(f, "okta.client.{key} = {value} (from {source})")?;
        }
        Ok(())
    }
}
