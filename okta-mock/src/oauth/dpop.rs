//! DPoP proofs (RFC 9449): signature by the embedded key, `typ`, `htm`, `htu`, `iat` window,
//! `jti` replay, `ath`, and the nonce the server demands.

use serde_json::Value;

use super::jws::Jws;
use super::keys::{self, sha256_b64url};
use super::replay::SeenJtis;

/// How far a proof's `iat` may be from the org's clock, either way.
const IAT_WINDOW_SECS: i64 = 60;

/// What the request carrying a proof was.
#[derive(Debug)]
pub(crate) struct Expected<'a> {
    pub(crate) method: &'a str,
    /// The URL the request was sent to (query, if any, is ignored).
    pub(crate) url: &'a str,
    /// On resource requests: the access token the proof must hash into `ath`.
    pub(crate) access_token: Option<&'a str>,
    /// The nonce the proof must carry, when the server demands one.
    pub(crate) nonce: Option<&'a str>,
    /// Wall clock, epoch milliseconds: the client stamps `iat` with the machine's clock.
    pub(crate) now_ms: i64,
}

/// Why a proof was refused.
#[derive(Debug, PartialEq)]
pub(crate) enum ProofError {
    /// `invalid_dpop_proof`, with the description.
    Invalid(String),
    /// `use_dpop_nonce`: the proof lacks the current nonce.
    Nonce,
}

fn invalid(what: impl Into<String>) -> ProofError {
    ProofError::Invalid(what.into())
}

/// Verifies a proof; returns the thumbprint of its key (what a token is bound to).
pub(crate) fn verify(proof: &str, expected: &Expected<'_>, seen: &mut SeenJtis) -> Result<String, ProofError> {
    let jws = Jws::decode(proof).map_err(|e| invalid(format!("The DPoP proof JWT is malformed: {e}.")))?;
    if jws
        .header_str("typ")
        .is_none_or(|t| !t.eq_ignore_ascii_case("dpop+jwt"))
    {
        return Err(invalid("The DPoP proof JWT header 'typ' must be 'dpop+jwt'."));
    }
    let jwk = match jws.header.get("jwk") {
        Some(Value::Object(jwk)) => jwk,
        _ => return Err(invalid("The DPoP proof JWT header has no 'jwk'.")),
    };
    if jwk.contains_key("d") {
        return Err(invalid("The DPoP proof JWT header 'jwk' must be a public key."));
    }
    let key = keys::from_jwk(jwk).map_err(|e| invalid(format!("The DPoP proof JWT header 'jwk' is invalid: {e}.")))?;
    jws.verify(&key)
        .map_err(|e| invalid(format!("The DPoP proof JWT signature is invalid: {e}.")))?;
    if jws.claim_str("htm") != Some(expected.method) {
        return Err(invalid("The DPoP proof 'htm' does not match the request method."));
    }
    if jws
        .claim_str("htu")
        .is_none_or(|htu| normalize_url(htu) != normalize_url(expected.url))
    {
        return Err(invalid("The DPoP proof 'htu' does not match the request URL."));
    }
    let now_secs = expected.now_ms.div_euclid(1000);
    let iat = jws
        .claim_secs("iat")
        .ok_or_else(|| invalid("The DPoP proof has no 'iat'."))?;
    if now_secs
        .checked_sub(iat)
        .is_none_or(|d| d.unsigned_abs() > IAT_WINDOW_SECS.unsigned_abs())
    {
        return Err(invalid("The DPoP proof 'iat' is outside the accepted window."));
    }
    let jti = jws
        .claim_str("jti")
        .filter(|j| !j.is_empty())
        .ok_or_else(|| invalid("The DPoP proof has no 'jti'."))?;
    if let Some(token) = expected.access_token {
        if jws.claim_str("ath") != Some(sha256_b64url(token.as_bytes()).as_str()) {
            return Err(invalid("The DPoP proof 'ath' does not match the access token."));
        }
    }
    if let Some(nonce) = expected.nonce {
        if jws.claim_str("nonce") != Some(nonce) {
            return Err(ProofError::Nonce);
        }
    }
    let forget_after = iat.saturating_add(IAT_WINDOW_SECS).saturating_mul(1000);
    if !seen.first_use(jti, forget_after, expected.now_ms) {
        return Err(invalid("The DPoP proof 'jti' was already used."));
    }
    keys::thumbprint(jwk).map_err(invalid)
}

/// `scheme://host[:port]/path` with the path percent-decoded, scheme and host lower-cased,
/// the default port dropped, and no query or fragment: what `htu` is compared by.
fn normalize_url(url: &str) -> String {
    let url = url.split(['?', '#']).next().unwrap_or_default();
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let scheme = scheme.to_ascii_lowercase();
    let (authority, path) = rest.find('/').map_or((rest, "/"), |i| rest.split_at(i));
    let mut authority = authority.to_ascii_lowercase();
    let default_port = if scheme == "https" { ":443" } else { ":80" };
    if let Some(stripped) = authority.strip_suffix(default_port) {
        authority = stripped.to_owned();
    }
    let path = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    format!("{scheme}://{authority}{path}")
}

#[cfg(test)]
mod tests {
    use super::normalize_url;

    #[test]
    fn htu_ignores_query_case_default_port_and_encoding() {
        let base = normalize_url("http://127.0.0.1:8080/api/v1/users/a@b.com");
        assert_eq!(
            normalize_url("HTTP://127.0.0.1:8080/api/v1/users/a%40b.com?limit=2#x"),
            base
        );
        assert_eq!(
            normalize_url("https://Dev-1.okta.com:443/x"),
            "https://dev-1.okta.com/x"
        );
        assert_ne!(normalize_url("http://127.0.0.1:8080/api/v1/groups"), base);
    }
}
