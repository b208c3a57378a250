//! `POST /oauth2/v1/token`: the client credentials grant with a `private_key_jwt` client
//! assertion, DPoP-bound for apps that require it.

use serde_json::json;

use super::dpop::{self, ProofError};
use super::jws::Jws;
use super::{IssuedToken, assertion};
use crate::request::{Reply, Req};
use crate::state::State;
use crate::{clock, media};

/// The path of the org authorization server's token endpoint.
pub(crate) const PATH: &str = "/oauth2/v1/token";

const ASSERTION_TYPE: &str = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/// An OAuth error answer: `{"error", "error_description"}`.
pub(crate) fn oauth_error(status: u16, error: &str, description: &str) -> Reply {
    let mut reply = Reply::ok(json!({ "error": error, "error_description": description }));
    reply.status = status;
    no_store(reply)
}

fn no_store(reply: Reply) -> Reply {
    reply.header("cache-control", "no-store").header("pragma", "no-cache")
}

/// Answers one token request.
pub(crate) fn handle(st: &mut State, req: &Req, body: &[u8]) -> Reply {
    if req.method != "POST" {
        return oauth_error(405, "invalid_request", "The token endpoint accepts only POST.");
    }
    if req.header("content-type").is_some_and(|ct| !media::is_form(ct)) {
        return oauth_error(400, "invalid_request", "The request must be form-encoded.");
    }
    let form: Vec<(String, String)> = form_urlencoded::parse(body).into_owned().collect();
    let field = |name: &str| form.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    match field("grant_type") {
        None | Some("") => {
            return oauth_error(
                400,
                "invalid_request",
                "The request is missing a required parameter: grant_type.",
            );
        }
        Some("client_credentials") => {}
        Some(_) => {
            return oauth_error(
                400,
                "unsupported_grant_type",
                "The authorization grant type is not supported.",
            );
        }
    }
    if field("client_assertion_type") != Some(ASSERTION_TYPE) {
        return oauth_error(
            400,
            "invalid_request",
            "The 'client_assertion_type' must be urn:ietf:params:oauth:client-assertion-type:jwt-bearer.",
        );
    }
    let Some(assertion_text) = field("client_assertion").filter(|a| !a.is_empty()) else {
        return oauth_error(
            401,
            "invalid_client",
            "Client authentication failed: no client_assertion.",
        );
    };
    let jws = match Jws::decode(assertion_text) {
        Ok(jws) => jws,
        Err(e) => return oauth_error(401, "invalid_client", &format!("The client_assertion is invalid: {e}.")),
    };
    let client_id = match (assertion::claimed_client(&jws), field("client_id")) {
        (Some(iss), None) => iss,
        (Some(iss), Some(given)) if iss == given => iss,
        _ => {
            return oauth_error(
                401,
                "invalid_client",
                "The client_assertion 'iss' must be the client_id.",
            );
        }
    };
    let Some(app) = st.oauth.apps.get(&client_id).cloned() else {
        return oauth_error(401, "invalid_client", "Invalid value for 'client_id' parameter.");
    };
    let wall_ms = clock::now_millis();
    let token_urls = [format!("{}{PATH}", req.base_url), req.url()];
    if let Err(description) = assertion::verify(
        &jws,
        &client_id,
        &app,
        &token_urls,
        wall_ms,
        &mut st.oauth.assertion_jtis,
    ) {
        return oauth_error(401, "invalid_client", &description);
    }
    let requested: Vec<String> = field("scope")
        .unwrap_or_default()
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    if requested.is_empty() {
        return oauth_error(
            400,
            "invalid_scope",
            "The authorization server requires the 'scope' parameter.",
        );
    }
    let refused: Vec<&str> = requested
        .iter()
        .filter(|s| !app.scopes.contains(s))
        .map(String::as_str)
        .collect();
    if !refused.is_empty() {
        return oauth_error(
            400,
            "invalid_scope",
            &format!(
                "The following scopes are not granted to the client: {}.",
                refused.join(" ")
            ),
        );
    }
    let jkt = if app.require_dpop {
        match bind(st, req, wall_ms) {
            Ok(jkt) => Some(jkt),
            Err(reply) => return *reply,
        }
    } else {
        None
    };
    let lifetime = st.oauth.token_lifetime;
    let lifetime_ms = i64::try_from(lifetime.as_millis()).unwrap_or(i64::MAX);
    let token_type = if jkt.is_some() { "DPoP" } else { "Bearer" };
    let token = IssuedToken {
        scopes: requested.clone(),
        expires_at_ms: st.clock.now_millis().saturating_add(lifetime_ms),
        jkt,
    };
    let now_ms = st.clock.now_millis();
    let access_token = st.oauth.issue(token, now_ms);
    let actor = json!({ "id": client_id, "type": "PublicClientApp", "alternateId": client_id,
        "displayName": client_id, "detailEntry": null });
    st.log_as(
        req,
        actor,
        "app.oauth2.as.token.grant.access_token",
        "OAuth2 access token is granted",
        "SUCCESS",
        vec![],
    );
    let body = json!({
        "token_type": token_type,
        "expires_in": lifetime.as_secs(),
        "access_token": access_token,
        "scope": requested.join(" "),
    });
    let mut reply = no_store(Reply::ok(body));
    if app.require_dpop {
        reply = reply.header("dpop-nonce", st.oauth.nonce());
    }
    reply
}

/// Checks the DPoP proof of a DPoP app's token request; the key thumbprint the token binds to.
fn bind(st: &mut State, req: &Req, wall_ms: i64) -> Result<String, Box<Reply>> {
    let Some(proof) = req.header("dpop") else {
        return Err(Box::new(oauth_error(
            400,
            "invalid_dpop_proof",
            "The DPoP proof JWT header is missing.",
        )));
    };
    let url = req.url();
    let nonce = st.oauth.nonce_at_token_endpoint.then(|| st.oauth.nonce.clone());
    let expected = dpop::Expected {
        method: "POST",
        url: &url,
        access_token: None,
        nonce: nonce.as_deref(),
        now_ms: wall_ms,
    };
    dpop::verify(proof, &expected, &mut st.oauth.proof_jtis).map_err(|e| {
        Box::new(match e {
            ProofError::Invalid(description) => oauth_error(400, "invalid_dpop_proof", &description),
            ProofError::Nonce => oauth_error(
                400,
                "use_dpop_nonce",
                "Authorization server requires nonce in DPoP proof.",
            )
            .header("dpop-nonce", st.oauth.nonce()),
        })
    })
}
