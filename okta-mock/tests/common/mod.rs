//! A tiny HTTP client for talking to the mock the way an SDK would.
#![allow(dead_code, unreachable_pub)]

use okta_mock::OktaMock;
use reqwest::Method;
use serde_json::Value;

/// One answer: status, headers, parsed body (Null when empty).
pub struct Resp {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: Value,
}

impl Resp {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// Every `Link` header's URL for `rel`.
    pub fn link(&self, rel: &str) -> Option<String> {
        self.headers
            .get_all("link")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find_map(|v| {
                let (url, params) = v.split_once(';')?;
                params
                    .contains(&format!("rel=\"{rel}\""))
                    .then(|| url.trim().trim_matches(['<', '>']).to_owned())
            })
    }

    pub fn error_code(&self) -> &str {
        self.body["errorCode"].as_str().unwrap_or_default()
    }
}

pub struct Api {
    pub org: OktaMock,
    pub http: reqwest::Client,
}

impl Api {
    pub async fn start() -> Self {
        Self::with(OktaMock::start().await)
    }

    pub fn with(org: OktaMock) -> Self {
        let http = reqwest::Client::builder()
            .no_proxy()
            .pool_max_idle_per_host(0)
            .build()
            .unwrap();
        Self { org, http }
    }

    /// A request with the API token; `path` may be absolute (a `Link` URL) or `/api/v1/...`.
    pub async fn call(&self, method: &str, path: &str, body: Option<Value>) -> Resp {
        self.raw(method, path, body, Some(&format!("SSWS {}", self.org.token())))
            .await
            .unwrap()
    }

    pub async fn raw(
        &self,
        method: &str,
        path: &str,
        body: Option<Value>,
        auth: Option<&str>,
    ) -> reqwest::Result<Resp> {
        let url = if path.starts_with("http") {
            path.to_owned()
        } else {
            format!("{}{path}", self.org.url())
        };
        let mut req = self
            .http
            .request(Method::from_bytes(method.as_bytes()).unwrap(), url)
            .header("accept", "application/json")
            .header("user-agent", "okta-mock-tests/1.0");
        if let Some(auth) = auth {
            req = req.header("authorization", auth);
        }
        if let Some(body) = body {
            req = req.header("content-type", "application/json").body(body.to_string());
        }
        let resp = req.send().await?;
        let status = resp.status().as_u16();
        let headers = resp.headers().clone();
        let text = resp.text().await?;
        let body = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap()
        };
        Ok(Resp { status, headers, body })
    }

    pub async fn get(&self, path: &str) -> Resp {
        self.call("GET", path, None).await
    }

    pub async fn post(&self, path: &str, body: Value) -> Resp {
        self.call("POST", path, Some(body)).await
    }

    /// Creates an ACTIVE user with a password; returns its id.
    pub async fn create_user(&self, first: &str, last: &str, password: &str) -> String {
        let login = format!("{}.{}@example.com", first.to_lowercase(), last.to_lowercase());
        let r = self
            .post(
                "/api/v1/users?activate=true",
                serde_json::json!({
                    "profile": { "firstName": first, "lastName": last, "email": login, "login": login },
                    "credentials": { "password": { "value": password } },
                }),
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        r.body["id"].as_str().unwrap().to_owned()
    }
}
