//! Every key format Okta service apps use signs an assertion with the algorithm its key calls
//! for; every refused kind says which and how to mend it, without echoing the key.

use okta::PrivateKey;

use crate::{fixture, fixture_text, jwt};

#[tokio::test]
async fn every_key_format_signs_a_token_request_with_its_algorithm_and_key_id() {
    let cases = [
        (PrivateKey::from_pem_file(fixture("rsa-pkcs1.pem")), "RS256", None),
        (PrivateKey::from_pem_file(fixture("rsa-pkcs8.pem")), "RS256", None),
        (PrivateKey::from_pem_file(fixture("ec-p256-sec1.pem")), "ES256", None),
        (PrivateKey::from_pem_file(fixture("ec-p384-pkcs8.pem")), "ES384", None),
        (
            PrivateKey::from_jwk_file(fixture("rsa-private.jwk.json")),
            "RS256",
            Some("rsa-jwk-kid"),
        ),
        (
            PrivateKey::from_jwk(&fixture_text("ec-p256-private.jwk.json")),
            "ES256",
            Some("ec-jwk-kid"),
        ),
        (
            PrivateKey::from_text_or_file(fixture("ec-p256-sec1.pem").to_str().expect("path")),
            "ES256",
            None,
        ),
    ];
    for (key, alg, kid) in cases {
        let key = key.expect("the key parses");
        assert_eq!(key.algorithm(), alg);
        let server = wiremock::MockServer::start().await;
        crate::token_endpoint(&server, "Bearer", 3600).await;
        wiremock::Mock::given(wiremock::matchers::path("/api/v1/users/me"))
            .respond_with(wiremock::ResponseTemplate::new(200).set_body_json(crate::user("me")))
            .mount(&server)
            .await;
        let client = crate::client_with(&server, key);
        client.get_user("me").await.expect("authenticated call");
        let tokens = crate::token_requests(&server).await;
        assert_eq!(tokens.len(), 1);
        let (header, claims) = jwt::assertion(&tokens[0]);
        assert_eq!(header["alg"], alg);
        assert_eq!(header.get("kid").and_then(|k| k.as_str()), kid);
        assert_eq!(claims["aud"], format!("{}/oauth2/v1/token", server.uri()));
        let resources = crate::resource_requests(&server).await;
        assert_eq!(jwt::header(&resources[0], "authorization"), Some("Bearer tok-1"));
    }
}

#[test]
fn a_key_id_set_on_the_builder_wins_over_none() {
    // `.key_id` names a PEM key (which has no kid of its own).
    let key = PrivateKey::from_pem_file(fixture("rsa-pkcs8.pem"))
        .expect("key")
        .with_key_id("kid-9");
    assert_eq!(key.key_id(), Some("kid-9"));
    assert_eq!(key.public_jwk()["kid"], "kid-9");
}

#[test]
fn refused_keys_say_which_and_how_to_mend_it_without_echoing_the_key() {
    let cases = [
        ("encrypted-pkcs8.pem", "encrypted"),
        ("rsa-public.pem", "public key"),
        ("ec-p521-sec1.pem", "P-256 or P-384"),
        ("ec-secp256k1-sec1.pem", "P-256 or P-384"),
    ];
    for (file, says) in cases {
        let text = fixture_text(file);
        let err = PrivateKey::from_pem(&text).expect_err(file).to_string();
        assert!(err.contains(says), "{file}: {err}");
        let body_line = text.lines().nth(1).expect("a body line");
        assert!(!err.contains(&body_line[..24]), "{file} echoes key material: {err}");
        // The builder refuses the same key from a configuration file, naming the setting.
        let err = okta::Client::builder()
            .org_url("https://dev-1.okta.com")
            .config_file(write_yaml(file, &fixture(file)))
            .build()
            .expect_err("refused at build")
            .to_string();
        assert!(err.contains("privateKey") && err.contains(says), "{err}");
        assert!(!err.contains(&body_line[..24]), "{err}");
    }
    let public_jwk = PrivateKey::generate_p256().expect("key").public_jwk().to_string();
    assert!(
        PrivateKey::from_jwk(&public_jwk)
            .expect_err("public")
            .to_string()
            .contains("public key")
    );
    let malformed = fixture_text("rsa-pkcs8.pem").replace('M', "*");
    assert!(PrivateKey::from_pem(&malformed).is_err());
}

fn write_yaml(name: &str, key: &std::path::Path) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("okta-keys-{}-{name}.yaml", std::process::id()));
    std::fs::write(
        &path,
        format!(
            "okta:\n  client:\n    authorizationMode: PrivateKey\n    clientId: 0oa1\n    scopes: [okta.users.read]\n    privateKey: \"{}\"\n",
            key.display()
        ),
    )
    .expect("yaml");
    path
}
