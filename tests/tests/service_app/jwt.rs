//! Reading what the SDK signed: the client assertion in a token request's form, the DPoP proof
//! in a header, and checking a proof's signature against the key in its own header.

use aws_lc_rs::signature::{ECDSA_P256_SHA256_FIXED, UnparsedPublicKey};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::Value;
use wiremock::Request;

pub fn b64_json(segment: &str) -> Value {
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(segment).expect("base64url")).expect("JSON")
}

/// Header and claims of a compact JWS.
pub fn parts(jws: &str) -> (Value, Value) {
    let mut it = jws.split('.');
    let header = b64_json(it.next().expect("header"));
    let claims = b64_json(it.next().expect("claims"));
    assert!(it.next().is_some(), "a signature");
    (header, claims)
}

pub fn form(request: &Request) -> Vec<(String, String)> {
    url::form_urlencoded::parse(&request.body).into_owned().collect()
}

pub fn form_value(request: &Request, name: &str) -> Option<String> {
    form(request).into_iter().find(|(k, _)| k == name).map(|(_, v)| v)
}

/// The assertion of a token request: header and claims.
pub fn assertion(request: &Request) -> (Value, Value) {
    parts(&form_value(request, "client_assertion").expect("client_assertion"))
}

pub fn header<'a>(request: &'a Request, name: &str) -> Option<&'a str> {
    request.headers.get(name).and_then(|v| v.to_str().ok())
}

/// The DPoP proof of a request, its signature checked against the `jwk` of its header.
pub fn proof(request: &Request) -> (Value, Value) {
    let proof = header(request, "dpop").expect("a DPoP header");
    let (header, claims) = parts(proof);
    assert_eq!(header["typ"], "dpop+jwt");
    assert_eq!(header["alg"], "ES256");
    let jwk = &header["jwk"];
    assert!(jwk.get("d").is_none(), "only the public key travels");
    let mut point = vec![4u8];
    for c in ["x", "y"] {
        point.extend(
            URL_SAFE_NO_PAD
                .decode(jwk[c].as_str().expect("coordinate"))
                .expect("b64"),
        );
    }
    let (input, signature) = proof.rsplit_once('.').expect("signed");
    UnparsedPublicKey::new(&ECDSA_P256_SHA256_FIXED, &point)
        .verify(input.as_bytes(), &URL_SAFE_NO_PAD.decode(signature).expect("b64"))
        .expect("the proof verifies with its own key");
    (header, claims)
}

/// `base64url(SHA-256(token))`.
pub fn ath(token: &str) -> String {
    URL_SAFE_NO_PAD.encode(aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, token.as_bytes()))
}
