//! OAuth service apps against the stand-in, over HTTP on 127.0.0.1: `private_key_jwt` client
//! assertions and DPoP proofs signed with keys generated here, tokens, scopes, expiry, replay,
//! the nonce dance, `ath` and `htu`.
#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

mod common;

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use aws_lc_rs::encoding::AsDer;
use aws_lc_rs::rand::SystemRandom;
use aws_lc_rs::rsa::KeySize;
use aws_lc_rs::signature::{self, EcdsaKeyPair, EcdsaSigningAlgorithm, KeyPair, RsaKeyPair};
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use common::Resp;
use okta_mock::{OktaMock, ServiceApp};
use serde_json::{Value, json};

const CLIENT: &str = "0oa1serviceapp000001";
const ASSERTION_TYPE: &str = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

fn b64(data: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(data)
}

fn now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs() as i64
}

fn jti() -> String {
    format!("jti-{}", fastrand::u64(..))
}

/// A signing key of one of the families the org accepts.
enum Key {
    Rsa(RsaKeyPair),
    Ec(EcdsaKeyPair, &'static str),
}

impl Key {
    fn rsa() -> Self {
        Key::Rsa(RsaKeyPair::generate(KeySize::Rsa2048).unwrap())
    }

    fn p256() -> Self {
        Self::ec(&signature::ECDSA_P256_SHA256_FIXED_SIGNING, "P-256")
    }

    fn p384() -> Self {
        Self::ec(&signature::ECDSA_P384_SHA384_FIXED_SIGNING, "P-384")
    }

    fn ec(alg: &'static EcdsaSigningAlgorithm, crv: &'static str) -> Self {
        Key::Ec(EcdsaKeyPair::generate(alg).unwrap(), crv)
    }

    /// The public key as a JWK object.
    fn jwk(&self) -> Value {
        match self {
            Key::Ec(k, crv) => {
                let point = k.public_key().as_ref();
                let half = (point.len() - 1) / 2;
                json!({ "kty": "EC", "crv": crv, "x": b64(&point[1..=half]), "y": b64(&point[half + 1..]) })
            }
            Key::Rsa(_) => panic!("RSA keys are registered as PEM here"),
        }
    }

    /// The public key as PEM `PUBLIC KEY` (SubjectPublicKeyInfo).
    fn pem(&self) -> String {
        let der = match self {
            Key::Rsa(k) => k.public_key().as_der().unwrap().as_ref().to_vec(),
            Key::Ec(k, _) => k.public_key().as_der().unwrap().as_ref().to_vec(),
        };
        let body = STANDARD.encode(der);
        let lines: Vec<&str> = body
            .as_bytes()
            .chunks(64)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect();
        format!(
            "-----BEGIN PUBLIC KEY-----\n{}\n-----END PUBLIC KEY-----\n",
            lines.join("\n")
        )
    }

    fn sign(&self, alg: &str, message: &[u8]) -> Vec<u8> {
        let rng = SystemRandom::new();
        match self {
            Key::Rsa(k) => {
                let padding: &'static dyn signature::RsaEncoding = match alg {
                    "RS384" => &signature::RSA_PKCS1_SHA384,
                    "RS512" => &signature::RSA_PKCS1_SHA512,
                    _ => &signature::RSA_PKCS1_SHA256,
                };
                let mut sig = vec![0; k.public_modulus_len()];
                k.sign(padding, &rng, message, &mut sig).unwrap();
                sig
            }
            Key::Ec(k, _) => k.sign(&rng, message).unwrap().as_ref().to_vec(),
        }
    }

    fn default_alg(&self) -> &'static str {
        match self {
            Key::Rsa(_) => "RS256",
            Key::Ec(_, "P-384") => "ES384",
            Key::Ec(..) => "ES256",
        }
    }
}

/// A compact JWS over `header` and `claims`, signed with `key` (whatever `alg` says).
fn jws(key: &Key, header: &Value, claims: &Value) -> String {
    let alg = header["alg"].as_str().unwrap_or("RS256");
    let input = format!(
        "{}.{}",
        b64(header.to_string().as_bytes()),
        b64(claims.to_string().as_bytes())
    );
    let sig = key.sign(alg, input.as_bytes());
    format!("{input}.{}", b64(&sig))
}

fn token_url(org: &OktaMock) -> String {
    format!("{}/oauth2/v1/token", org.url())
}

fn assertion_claims(org: &OktaMock) -> Value {
    json!({ "iss": CLIENT, "sub": CLIENT, "aud": token_url(org), "iat": now(), "exp": now() + 300, "jti": jti() })
}

fn assertion(org: &OktaMock, key: &Key) -> String {
    let header = json!({ "alg": key.default_alg(), "typ": "JWT" });
    jws(key, &header, &assertion_claims(org))
}

/// A DPoP proof for `method url`, with `ath` for `token` and the nonce, if given.
fn proof(key: &Key, method: &str, url: &str, token: Option<&str>, nonce: Option<&str>) -> String {
    let mut claims = json!({ "htm": method, "htu": url, "iat": now(), "jti": jti() });
    if let Some(token) = token {
        let hash = aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, token.as_bytes());
        claims["ath"] = json!(b64(hash.as_ref()));
    }
    if let Some(nonce) = nonce {
        claims["nonce"] = json!(nonce);
    }
    let header = json!({ "typ": "dpop+jwt", "alg": key.default_alg(), "jwk": key.jwk() });
    jws(key, &header, &claims)
}

fn http() -> reqwest::Client {
    reqwest::Client::builder().no_proxy().build().unwrap()
}

async fn into_resp(resp: reqwest::Response) -> Resp {
    let status = resp.status().as_u16();
    let headers = resp.headers().clone();
    let text = resp.text().await.unwrap();
    let body = if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap()
    };
    Resp { status, headers, body }
}

/// `POST /oauth2/v1/token` with these form fields and an optional `DPoP` header.
async fn token_request(org: &OktaMock, fields: &[(&str, &str)], dpop: Option<&str>) -> Resp {
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields)
        .finish();
    let mut req = http()
        .post(token_url(org))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body);
    if let Some(dpop) = dpop {
        req = req.header("dpop", dpop);
    }
    into_resp(req.send().await.unwrap()).await
}

/// A client-credentials request with `assertion` for `scope`.
async fn grant(org: &OktaMock, assertion: &str, scope: &str, dpop: Option<&str>) -> Resp {
    let fields = [
        ("grant_type", "client_credentials"),
        ("scope", scope),
        ("client_assertion_type", ASSERTION_TYPE),
        ("client_assertion", assertion),
    ];
    token_request(org, &fields, dpop).await
}

/// A resource request with this `Authorization` and optional `DPoP`.
async fn call(org: &OktaMock, method: &str, path: &str, auth: &str, dpop: Option<&str>) -> Resp {
    let mut req = http()
        .request(
            reqwest::Method::from_bytes(method.as_bytes()).unwrap(),
            format!("{}{path}", org.url()),
        )
        .header("authorization", auth);
    if let Some(dpop) = dpop {
        req = req.header("dpop", dpop);
    }
    if method == "POST" {
        req = req.header("content-type", "application/json").body("{}");
    }
    into_resp(req.send().await.unwrap()).await
}

fn oauth_error(r: &Resp) -> &str {
    r.body["error"].as_str().unwrap_or_default()
}

fn www_authenticate(r: &Resp) -> &str {
    r.header("www-authenticate").unwrap_or_default()
}

async fn bearer_app(scopes: &[&str]) -> (OktaMock, Key) {
    let org = OktaMock::builder().seed_users(3).start().await;
    let key = Key::rsa();
    org.register_service_app(
        ServiceApp::new(CLIENT)
            .public_key(key.pem())
            .scopes(scopes.iter().copied()),
    );
    (org, key)
}

#[tokio::test]
async fn a_pem_key_gets_a_bearer_token_whose_scopes_are_enforced() {
    let (org, key) = bearer_app(&["okta.users.read"]).await;
    let r = grant(&org, &assertion(&org, &key), "okta.users.read", None).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.header("content-type"), Some("application/json"));
    assert_eq!(r.body["token_type"], "Bearer");
    assert_eq!(r.body["expires_in"], 3600);
    assert_eq!(r.body["scope"], "okta.users.read");
    let bearer = format!("Bearer {}", r.body["access_token"].as_str().unwrap());

    let users = call(&org, "GET", "/api/v1/users", &bearer, None).await;
    assert_eq!(users.status, 200, "{}", users.body);
    assert_eq!(users.body.as_array().map(Vec::len), Some(3));

    for (method, path) in [
        ("POST", "/api/v1/users"),
        ("GET", "/api/v1/groups"),
        ("GET", "/api/v1/logs"),
    ] {
        let r = call(&org, method, path, &bearer, None).await;
        assert_eq!(r.status, 403, "{method} {path}: {}", r.body);
        assert_eq!(r.body["errorCode"], "E0000006");
        assert_eq!(
            www_authenticate(&r),
            "Bearer error=\"insufficient_scope\", error_description=\"The access token provided does not contain the required scopes.\""
        );
    }
    // The API token keeps working, without scopes.
    let ssws = call(&org, "POST", "/api/v1/groups", &format!("SSWS {}", org.token()), None).await;
    assert_eq!(
        ssws.status, 400,
        "SSWS reaches the route, which wants a profile: {}",
        ssws.body
    );
}

#[tokio::test]
async fn every_algorithm_and_key_format_is_accepted() {
    let org = OktaMock::start().await;
    let rsa = Key::rsa();
    for alg in ["RS256", "RS384", "RS512"] {
        org.register_service_app(
            ServiceApp::new(CLIENT)
                .public_key(rsa.pem())
                .scopes(["okta.users.read"]),
        );
        let signed = jws(&rsa, &json!({ "alg": alg, "typ": "JWT" }), &assertion_claims(&org));
        let r = grant(&org, &signed, "okta.users.read", None).await;
        assert_eq!(r.status, 200, "{alg}: {}", r.body);
    }
    // EC keys as PEM, as a JWK, and in a JWKS whose `kid` picks the key.
    let (p256, p384) = (Key::p256(), Key::p384());
    let mut second = p384.jwk();
    second["kid"] = json!("k2");
    let mut first = p256.jwk();
    first["kid"] = json!("k1");
    let jwks = json!({ "keys": [first, second] }).to_string();
    let cases = [
        (p256.pem(), &p256, None),
        (p256.jwk().to_string(), &p256, None),
        (p384.jwk().to_string(), &p384, None),
        (jwks.clone(), &p384, Some("k2")),
        (jwks, &p256, Some("k1")),
    ];
    for (registered, key, kid) in cases {
        org.register_service_app(
            ServiceApp::new(CLIENT)
                .public_key(registered)
                .scopes(["okta.users.read"]),
        );
        let mut header = json!({ "alg": key.default_alg(), "typ": "JWT" });
        if let Some(kid) = kid {
            header["kid"] = json!(kid);
        }
        let r = grant(
            &org,
            &jws(key, &header, &assertion_claims(&org)),
            "okta.users.read",
            None,
        )
        .await;
        assert_eq!(r.status, 200, "{} {kid:?}: {}", key.default_alg(), r.body);
    }
    let bad = org.try_register_service_app(
        ServiceApp::new(CLIENT).public_key("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"),
    );
    assert!(bad.is_err());
    assert!(org.try_register_service_app(ServiceApp::new(CLIENT)).is_err());
}

#[tokio::test]
async fn bad_assertions_are_invalid_client() {
    let (org, key) = bearer_app(&["okta.users.read"]).await;
    let other = Key::rsa();
    let header = json!({ "alg": "RS256", "typ": "JWT" });
    let claims = |patch: Value| {
        let mut c = assertion_claims(&org);
        for (k, v) in patch.as_object().unwrap() {
            c[k] = v.clone();
        }
        c
    };
    let reused = jws(&key, &header, &claims(json!({})));
    assert_eq!(grant(&org, &reused, "okta.users.read", None).await.status, 200);
    let cases: Vec<(&str, String)> = vec![
        ("replayed jti", reused),
        ("signed by another key", jws(&other, &header, &claims(json!({})))),
        (
            "wrong aud",
            jws(
                &key,
                &header,
                &claims(json!({ "aud": "https://elsewhere.example/oauth2/v1/token" })),
            ),
        ),
        (
            "aud with a trailing slash",
            jws(
                &key,
                &header,
                &claims(json!({ "aud": format!("{}/", token_url(&org)) })),
            ),
        ),
        (
            "expired",
            jws(&key, &header, &claims(json!({ "iat": now() - 600, "exp": now() - 10 }))),
        ),
        (
            "exp too far",
            jws(&key, &header, &claims(json!({ "exp": now() + 7200 }))),
        ),
        ("no jti", jws(&key, &header, &claims(json!({ "jti": null })))),
        (
            "unknown client",
            jws(
                &key,
                &header,
                &claims(json!({ "iss": "0oaunknown", "sub": "0oaunknown" })),
            ),
        ),
        (
            "sub is not the client",
            jws(&key, &header, &claims(json!({ "sub": "someone" }))),
        ),
        (
            "unsupported alg",
            jws(&key, &json!({ "alg": "HS256", "typ": "JWT" }), &claims(json!({}))),
        ),
        (
            "alg that does not fit the key",
            jws(&key, &json!({ "alg": "ES256", "typ": "JWT" }), &claims(json!({}))),
        ),
        ("not a JWS", "not-a-jws".to_owned()),
    ];
    for (case, signed) in cases {
        let r = grant(&org, &signed, "okta.users.read", None).await;
        assert_eq!(
            (r.status, oauth_error(&r)),
            (401, "invalid_client"),
            "{case}: {}",
            r.body
        );
        assert!(
            r.body["error_description"].as_str().is_some_and(|d| !d.is_empty()),
            "{case}"
        );
    }
}

#[tokio::test]
async fn scopes_and_malformed_forms_are_refused() {
    let (org, key) = bearer_app(&["okta.users.read"]).await;
    for scope in ["", "okta.users.manage", "okta.users.read okta.groups.read"] {
        let r = grant(&org, &assertion(&org, &key), scope, None).await;
        assert_eq!(
            (r.status, oauth_error(&r)),
            (400, "invalid_scope"),
            "{scope:?}: {}",
            r.body
        );
    }
    let a = assertion(&org, &key);
    let password = [
        ("grant_type", "password"),
        ("client_assertion_type", ASSERTION_TYPE),
        ("client_assertion", &a),
    ];
    let r = token_request(&org, &password, None).await;
    assert_eq!((r.status, oauth_error(&r)), (400, "unsupported_grant_type"));
    let r = token_request(&org, &[("scope", "okta.users.read")], None).await;
    assert_eq!((r.status, oauth_error(&r)), (400, "invalid_request"));
    let r = token_request(
        &org,
        &[
            ("grant_type", "client_credentials"),
            ("client_assertion_type", ASSERTION_TYPE),
        ],
        None,
    )
    .await;
    assert_eq!((r.status, oauth_error(&r)), (401, "invalid_client"));
}

#[tokio::test]
async fn tokens_expire_on_the_org_clock() {
    let (org, key) = bearer_app(&["okta.users.read"]).await;
    org.set_token_lifetime(Duration::from_secs(300));
    let r = grant(&org, &assertion(&org, &key), "okta.users.read", None).await;
    assert_eq!(r.body["expires_in"], 300);
    let bearer = format!("Bearer {}", r.body["access_token"].as_str().unwrap());
    org.advance_clock(Duration::from_secs(299));
    assert_eq!(call(&org, "GET", "/api/v1/users", &bearer, None).await.status, 200);
    org.advance_clock(Duration::from_secs(2));
    let r = call(&org, "GET", "/api/v1/users", &bearer, None).await;
    assert_eq!(r.status, 401);
    assert_eq!(r.body["errorCode"], "E0000011");
    assert!(
        www_authenticate(&r).starts_with("Bearer error=\"invalid_token\""),
        "{}",
        www_authenticate(&r)
    );
    // A new assertion, signed on the machine's clock, still gets a new token.
    let again = grant(&org, &assertion(&org, &key), "okta.users.read", None).await;
    assert_eq!(again.status, 200, "{}", again.body);
    let unknown = call(&org, "GET", "/api/v1/users", "Bearer not-issued", None).await;
    assert_eq!(unknown.status, 401);
}

/// A DPoP app's token after the nonce dance; returns the token and the DPoP key.
async fn dpop_token(org: &OktaMock, client_key: &Key, scope: &str) -> (String, Key) {
    let dpop_key = Key::p256();
    let url = token_url(org);
    let first = grant(
        org,
        &assertion(org, client_key),
        scope,
        Some(&proof(&dpop_key, "POST", &url, None, None)),
    )
    .await;
    assert_eq!(
        (first.status, oauth_error(&first)),
        (400, "use_dpop_nonce"),
        "{}",
        first.body
    );
    assert_eq!(
        first.body["error_description"],
        "Authorization server requires nonce in DPoP proof."
    );
    let nonce = first.header("dpop-nonce").expect("DPoP-Nonce").to_owned();
    let with_nonce = proof(&dpop_key, "POST", &url, None, Some(&nonce));
    let r = grant(org, &assertion(org, client_key), scope, Some(&with_nonce)).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["token_type"], "DPoP");
    (r.body["access_token"].as_str().unwrap().to_owned(), dpop_key)
}

async fn dpop_app() -> (OktaMock, Key) {
    let org = OktaMock::builder().seed_users(2).start().await;
    let key = Key::p256();
    let app = ServiceApp::new(CLIENT)
        .public_key(key.jwk().to_string())
        .scopes(["okta.users.manage"])
        .require_dpop(true);
    org.register_service_app(app);
    (org, key)
}

#[tokio::test]
async fn dpop_nonce_dance_binding_ath_and_htu() {
    let (org, key) = dpop_app().await;
    let missing = grant(&org, &assertion(&org, &key), "okta.users.manage", None).await;
    assert_eq!((missing.status, oauth_error(&missing)), (400, "invalid_dpop_proof"));
    assert_eq!(
        missing.body["error_description"],
        "The DPoP proof JWT header is missing."
    );

    let (token, dpop_key) = dpop_token(&org, &key, "okta.users.manage").await;
    let auth = format!("DPoP {token}");
    let users = format!("{}/api/v1/users", org.url());
    let good = proof(&dpop_key, "GET", &users, Some(&token), None);
    let r = call(&org, "GET", "/api/v1/users", &auth, Some(&good)).await;
    assert_eq!(r.status, 200, "{}", r.body);
    // A query is not part of `htu`.
    let r = call(
        &org,
        "GET",
        "/api/v1/users?limit=1",
        &auth,
        Some(&proof(&dpop_key, "GET", &users, Some(&token), None)),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);

    let replay = call(&org, "GET", "/api/v1/users", &auth, Some(&good)).await;
    assert_eq!(replay.status, 401);
    assert!(
        www_authenticate(&replay).starts_with("DPoP error=\"invalid_dpop_proof\""),
        "{}",
        www_authenticate(&replay)
    );

    let bad_proofs = [
        (
            "wrong ath",
            proof(&dpop_key, "GET", &users, Some("another token"), None),
        ),
        ("no ath", proof(&dpop_key, "GET", &users, None, None)),
        (
            "wrong htu",
            proof(
                &dpop_key,
                "GET",
                &format!("{}/api/v1/groups", org.url()),
                Some(&token),
                None,
            ),
        ),
        ("wrong htm", proof(&dpop_key, "POST", &users, Some(&token), None)),
        ("another key", proof(&Key::p256(), "GET", &users, Some(&token), None)),
    ];
    for (case, bad) in bad_proofs {
        let r = call(&org, "GET", "/api/v1/users", &auth, Some(&bad)).await;
        assert_eq!(r.status, 401, "{case}");
        assert_eq!(r.body["errorCode"], "E0000011", "{case}");
        assert!(
            www_authenticate(&r).starts_with("DPoP error=\"invalid_dpop_proof\""),
            "{case}: {}",
            www_authenticate(&r)
        );
    }
    let no_proof = call(&org, "GET", "/api/v1/users", &auth, None).await;
    assert_eq!(no_proof.status, 401);
    let as_bearer = call(&org, "GET", "/api/v1/users", &format!("Bearer {token}"), None).await;
    assert_eq!(as_bearer.status, 401);
    assert!(www_authenticate(&as_bearer).contains("error=\"invalid_token\""));

    // The resource server's nonce, when the org asks for one.
    org.require_dpop_nonce_on_resources(true);
    let r = call(
        &org,
        "GET",
        "/api/v1/users",
        &auth,
        Some(&proof(&dpop_key, "GET", &users, Some(&token), None)),
    )
    .await;
    assert_eq!(r.status, 401);
    assert!(
        www_authenticate(&r).starts_with("DPoP error=\"use_dpop_nonce\""),
        "{}",
        www_authenticate(&r)
    );
    let nonce = r.header("dpop-nonce").expect("DPoP-Nonce").to_owned();
    let with_nonce = proof(&dpop_key, "GET", &users, Some(&token), Some(&nonce));
    assert_eq!(
        call(&org, "GET", "/api/v1/users", &auth, Some(&with_nonce))
            .await
            .status,
        200
    );
    org.rotate_dpop_nonce();
    let stale = proof(&dpop_key, "GET", &users, Some(&token), Some(&nonce));
    let r = call(&org, "GET", "/api/v1/users", &auth, Some(&stale)).await;
    assert!(www_authenticate(&r).starts_with("DPoP error=\"use_dpop_nonce\""));
    assert_ne!(r.header("dpop-nonce"), Some(nonce.as_str()));
}

#[tokio::test]
async fn bad_token_endpoint_proofs_are_invalid_dpop_proof() {
    let (org, key) = dpop_app().await;
    org.require_dpop_nonce_at_token_endpoint(false);
    let dpop_key = Key::p256();
    let url = token_url(&org);
    let signed = |header: Value, claims: Value| jws(&dpop_key, &header, &claims);
    let header = json!({ "typ": "dpop+jwt", "alg": "ES256", "jwk": dpop_key.jwk() });
    let claims = |patch: Value| {
        let mut c = json!({ "htm": "POST", "htu": url, "iat": now(), "jti": jti() });
        for (k, v) in patch.as_object().unwrap() {
            c[k] = v.clone();
        }
        c
    };
    let good = signed(header.clone(), claims(json!({})));
    assert_eq!(
        grant(&org, &assertion(&org, &key), "okta.users.manage", Some(&good))
            .await
            .status,
        200
    );
    let mut private = header.clone();
    private["jwk"]["d"] = json!("AAAA");
    let cases = [
        ("replayed jti", good),
        (
            "wrong typ",
            signed(
                json!({ "typ": "JWT", "alg": "ES256", "jwk": dpop_key.jwk() }),
                claims(json!({})),
            ),
        ),
        (
            "no jwk",
            signed(json!({ "typ": "dpop+jwt", "alg": "ES256" }), claims(json!({}))),
        ),
        ("private jwk", signed(private, claims(json!({})))),
        ("jwk of another key", jws(&Key::p256(), &header, &claims(json!({})))),
        ("wrong htm", signed(header.clone(), claims(json!({ "htm": "GET" })))),
        (
            "wrong htu",
            signed(
                header.clone(),
                claims(json!({ "htu": format!("{}/oauth2/v1/authorize", org.url()) })),
            ),
        ),
        ("old iat", signed(header.clone(), claims(json!({ "iat": now() - 600 })))),
        (
            "future iat",
            signed(header.clone(), claims(json!({ "iat": now() + 600 }))),
        ),
    ];
    for (case, bad) in cases {
        let r = grant(&org, &assertion(&org, &key), "okta.users.manage", Some(&bad)).await;
        assert_eq!(
            (r.status, oauth_error(&r)),
            (400, "invalid_dpop_proof"),
            "{case}: {}",
            r.body
        );
    }
}

#[tokio::test]
async fn an_app_without_dpop_ignores_a_proof() {
    let (org, key) = bearer_app(&["okta.users.read"]).await;
    let dpop_key = Key::p256();
    let p = proof(&dpop_key, "POST", &token_url(&org), None, None);
    let r = grant(&org, &assertion(&org, &key), "okta.users.read", Some(&p)).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["token_type"], "Bearer");
}

#[tokio::test]
async fn service_apps_register_over_http_and_credentials_are_not_recorded() {
    let org = OktaMock::start().await;
    let key = Key::p256();
    let body =
        json!({ "clientId": CLIENT, "publicKey": key.jwk(), "scopes": ["okta.users.read"], "requireDpop": true });
    let r = into_resp(
        http()
            .post(format!("{}/__mock/service-apps", org.url()))
            .header("content-type", "application/json")
            .body(body.to_string())
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(r.body["tokenUrl"], token_url(&org));
    let refused = into_resp(
        http()
            .post(format!("{}/__mock/service-apps", org.url()))
            .body(json!({ "clientId": CLIENT, "publicKey": "not a key" }).to_string())
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(refused.status, 400, "{}", refused.body);

    let (token, dpop_key) = dpop_token(&org, &key, "okta.users.read").await;
    let users = format!("{}/api/v1/users", org.url());
    let p = proof(&dpop_key, "GET", &users, Some(&token), None);
    assert_eq!(
        call(&org, "GET", "/api/v1/users", &format!("DPoP {token}"), Some(&p))
            .await
            .status,
        200
    );

    let recorded = org.requests();
    let text = format!("{recorded:?}");
    assert!(!text.contains(&token), "the access token is recorded");
    assert!(!text.contains(&p), "the DPoP proof is recorded");
    assert!(!text.contains("eyJ"), "a JWS is recorded: {text}");
    let resource = recorded.iter().rfind(|r| r.path == "/api/v1/users").unwrap();
    assert_eq!(resource.header("authorization"), Some("DPoP [REDACTED]"));
    let token_call = recorded.iter().rfind(|r| r.path == "/oauth2/v1/token").unwrap();
    assert!(
        token_call.body.contains("grant_type=client_credentials"),
        "{}",
        token_call.body
    );
    assert!(
        token_call.body.contains("client_assertion=%5BREDACTED%5D"),
        "{}",
        token_call.body
    );
}
