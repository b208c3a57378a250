//! The stand-in's own HTTP API under `/__mock/`, for tests written in other languages: register
//! a service app with `POST /__mock/service-apps`.

use serde_json::{Value, json};

use crate::error::{ApiError, ApiResult};
use crate::oauth::ServiceApp;
use crate::request::{Reply, Req};
use crate::routes::{by_method, not_found_path};
use crate::state::State;

/// Where the stand-in's own API lives; no Okta path starts so.
pub(crate) const PREFIX: &str = "/__mock/";

pub(crate) fn route(st: &mut State, req: &Req) -> ApiResult<Reply> {
    match req.path.as_str() {
        "/__mock/service-apps" => by_method!(req, "POST" => register_service_app(st, req)),
        _ => Err(not_found_path(req)),
    }
}

/// `{"clientId", "publicKey": PEM or JWK text | JWK object, "scopes": [...], "requireDpop"}` → 201.
fn register_service_app(st: &mut State, req: &Req) -> ApiResult<Reply> {
    let client_id = req.required_str("/clientId", "clientId")?;
    let key = match req.body.get("publicKey") {
        Some(Value::String(text)) => text.clone(),
        Some(obj @ Value::Object(_)) => obj.to_string(),
        _ => return Err(ApiError::required("publicKey")),
    };
    let scopes: Vec<String> = match req.body.get("scopes") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).map(str::to_owned).collect(),
        Some(_) => return Err(ApiError::validation("scopes", "scopes: must be an array of strings")),
    };
    let require_dpop = req.body.get("requireDpop").and_then(Value::as_bool).unwrap_or(false);
    let app = ServiceApp::new(client_id)
        .public_key(key)
        .scopes(scopes.clone())
        .require_dpop(require_dpop);
    st.oauth
        .register(&app)
        .map_err(|e| ApiError::validation("publicKey", format!("publicKey: {e}")))?;
    Ok(Reply::created(json!({
        "clientId": client_id,
        "scopes": scopes,
        "requireDpop": require_dpop,
        "tokenUrl": format!("{}/oauth2/v1/token", req.base_url),
    })))
}
