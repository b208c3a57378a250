//! Authentication of resource requests: the API token (`SSWS`), Bearer tokens, and DPoP-bound
//! tokens with their proofs; then the scope the route needs.

use super::dpop::{self, ProofError};
use super::scope;
use crate::clock;
use crate::error::ApiError;
use crate::request::{Reply, Req};
use crate::state::State;

/// A 401 E0000011 with `WWW-Authenticate: {scheme} error="{error}", error_description="…"`.
fn refused(scheme: &str, error: &str, description: &str) -> Reply {
    Reply::from(ApiError::invalid_token()).header(
        "www-authenticate",
        &format!("{scheme} error=\"{error}\", error_description=\"{description}\""),
    )
}

/// Lets the request through, or answers what Okta would: 401 for a missing, unknown, expired
/// or wrongly presented token or a bad DPoP proof, 403 for a missing scope.
pub(crate) fn authenticate(api_token: &str, st: &mut State, req: &Req) -> Result<(), Box<Reply>> {
    let presented = req.header("authorization").unwrap_or_default();
    let (scheme, token) = presented.split_once(' ').unwrap_or((presented, ""));
    let token = token.trim();
    let scheme = if scheme.eq_ignore_ascii_case("ssws") {
        "SSWS"
    } else if scheme.eq_ignore_ascii_case("bearer") {
        "Bearer"
    } else if scheme.eq_ignore_ascii_case("dpop") {
        "DPoP"
    } else {
        return Err(Box::new(ApiError::invalid_token().into()));
    };
    // The org's API token acts with an administrator's rights, scopes do not apply.
    if matches!(scheme, "SSWS" | "Bearer") && token == api_token {
        return Ok(());
    }
    if scheme == "SSWS" {
        return Err(Box::new(ApiError::invalid_token().into()));
    }
    let now_ms = st.clock.now_millis();
    let Some(issued) = st.oauth.token(token, now_ms).cloned() else {
        return Err(Box::new(refused(
            scheme,
            "invalid_token",
            "The access token is invalid.",
        )));
    };
    match (scheme, &issued.jkt) {
        ("Bearer", Some(_)) => {
            return Err(Box::new(refused(
                "DPoP",
                "invalid_token",
                "The access token is DPoP-bound: send it with the DPoP scheme and a DPoP proof.",
            )));
        }
        ("DPoP", None) => {
            return Err(Box::new(refused(
                "DPoP",
                "invalid_token",
                "The access token is not DPoP-bound.",
            )));
        }
        ("DPoP", Some(jkt)) => check_proof(st, req, token, jkt)?,
        _ => {}
    }
    if !scope::allows(&issued.scopes, &req.method, &req.path) {
        let reply = Reply::from(ApiError::new(
            403,
            "E0000006",
            "You do not have permission to perform the requested action",
        ))
        .header(
            "www-authenticate",
            &format!(
                "{scheme} error=\"insufficient_scope\", error_description=\"The access token provided does not contain the required scopes.\""
            ),
        );
        return Err(Box::new(reply));
    }
    Ok(())
}

fn check_proof(st: &mut State, req: &Req, token: &str, jkt: &str) -> Result<(), Box<Reply>> {
    let Some(proof) = req.header("dpop") else {
        return Err(Box::new(refused(
            "DPoP",
            "invalid_dpop_proof",
            "The DPoP proof JWT header is missing.",
        )));
    };
    let url = req.url();
    let nonce = st.oauth.nonce_on_resources.then(|| st.oauth.nonce().to_owned());
    let expected = dpop::Expected {
        method: &req.method,
        url: &url,
        access_token: Some(token),
        nonce: nonce.as_deref(),
        now_ms: clock::now_millis(),
    };
    match dpop::verify(proof, &expected, &mut st.oauth.proof_jtis) {
        Ok(thumbprint) if thumbprint == jkt => Ok(()),
        Ok(_) => Err(Box::new(refused(
            "DPoP",
            "invalid_dpop_proof",
            "The DPoP proof key is not the key the access token is bound to.",
        ))),
        Err(ProofError::Invalid(description)) => Err(Box::new(refused("DPoP", "invalid_dpop_proof", &description))),
        Err(ProofError::Nonce) => Err(Box::new(
            refused(
                "DPoP",
                "use_dpop_nonce",
                "Resource server requires nonce in DPoP proof.",
            )
            .header("dpop-nonce", st.oauth.nonce()),
        )),
    }
}
