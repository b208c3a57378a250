//! The `private_key_jwt` client assertion: signature by one of the app's keys, `iss`/`sub`,
//! `aud`, `exp`, and `jti` replay.

use serde_json::Value;

use super::RegisteredApp;
use super::jws::Jws;
use super::replay::SeenJtis;

/// The longest an assertion may live, as Okta allows.
const MAX_LIFETIME_SECS: i64 = 3600;
/// Clock skew tolerated on `iat`.
const SKEW_SECS: i64 = 60;

/// The client id an assertion claims (`iss`), before anything is verified.
pub(crate) fn claimed_client(jws: &Jws<'_>) -> Option<String> {
    jws.claim_str("iss").map(str::to_owned)
}

/// Verifies an assertion for `app` against the token URLs it may name in `aud`;
/// the error is the `error_description` of an `invalid_client` answer.
pub(crate) fn verify(
    jws: &Jws<'_>,
    client_id: &str,
    app: &RegisteredApp,
    token_urls: &[String],
    now_ms: i64,
    seen: &mut SeenJtis,
) -> Result<(), String> {
    let alg = jws
        .alg()
        .map_err(|_| "The client_assertion token has an unsupported or missing 'alg'.".to_owned())?;
    let kid = jws.header_str("kid");
    let candidates: Vec<_> = app
        .keys
        .iter()
        .filter(|k| kid.is_none() || k.kid.is_none() || k.kid.as_deref() == kid)
        .collect();
    if candidates.is_empty() {
        return Err("The client_assertion 'kid' names no key of the client.".to_owned());
    }
    if !candidates.iter().any(|k| jws.verify(k).is_ok()) {
        return Err(format!("The client_assertion signature is invalid ({alg})."));
    }
    if jws.claim_str("sub") != Some(client_id) {
        return Err("The client_assertion 'sub' must be the client_id.".to_owned());
    }
    let aud_ok = match jws.claims.get("aud") {
        Some(Value::String(aud)) => token_urls.contains(aud),
        Some(Value::Array(auds)) => auds
            .iter()
            .filter_map(Value::as_str)
            .any(|a| token_urls.iter().any(|u| u == a)),
        _ => false,
    };
    if !aud_ok {
        return Err("The audience claim for client_assertion must be the endpoint invoked for the request.".to_owned());
    }
    let now = now_ms.div_euclid(1000);
    let exp = jws
        .claim_secs("exp")
        .ok_or("The client_assertion token has no 'exp'.")?;
    if exp <= now {
        return Err("The client_assertion token is expired.".to_owned());
    }
    let issued = jws.claim_secs("iat").unwrap_or(now);
    if issued > now.saturating_add(SKEW_SECS) {
        return Err("The client_assertion token was issued in the future.".to_owned());
    }
    if exp.saturating_sub(issued.min(now)) > MAX_LIFETIME_SECS.saturating_add(SKEW_SECS) {
        return Err("The client_assertion token has an expiration too far into the future.".to_owned());
    }
    let jti = jws
        .claim_str("jti")
        .filter(|j| !j.is_empty())
        .ok_or("The client_assertion token has no 'jti'.")?;
    if !seen.first_use(&format!("{client_id}\u{0}{jti}"), exp.saturating_mul(1000), now_ms) {
        return Err("The client_assertion token has already been used (jti).".to_owned());
    }
    Ok(())
}
