//! A service app configured the way Okta's other SDKs are: `okta.yaml` keys (and the same
//! names as `OKTA_CLIENT_*` variables), each setting's source visible, secrets never shown.

use okta::Source;
use wiremock::MockServer;

use crate::{fixture, jwt, me_endpoint, token_endpoint, token_requests};

#[tokio::test]
async fn okta_yaml_configures_a_service_app() {
    let server = MockServer::start().await;
    token_endpoint(&server, "Bearer", 3600).await;
    me_endpoint(&server).await;
    let yaml = std::env::temp_dir().join(format!("okta-service-app-{}.yaml", std::process::id()));
    std::fs::write(
        &yaml,
        format!(
            "okta:\n  client:\n    orgUrl: \"{}\"\n    authorizationMode: PrivateKey\n    clientId: 0oa1fromyaml\n    \
             scopes: [okta.users.read, okta.groups.manage]\n    privateKey: \"{}\"\n    privateKeyId: kid-yaml\n    \
             requestTimeout: 30\n    rateLimit:\n      maxRetries: 2\n",
            server.uri(),
            fixture("ec-p256-sec1.pem").display()
        ),
    )
    .expect("yaml");
    let builder = okta::Client::builder().config_file(&yaml);
    let config = builder.config();
    assert_eq!(
        config.get("clientId"),
        Some(("0oa1fromyaml", &Source::File(yaml.clone())))
    );
    assert_eq!(config.get("privateKey").map(|(v, _)| v), Some("***"));
    assert_eq!(config.get("rateLimit.maxRetries").map(|(v, _)| v), Some("2"));
    let client = builder.build().expect("client");
    assert_eq!(client.retry_policy(), &okta::RetryPolicy::default().max_retries(2));
    assert!(!client.config().to_string().contains("BEGIN"), "{}", client.config());
    client.get_user("me").await.expect("call");
    let tokens = token_requests(&server).await;
    let (header, claims) = jwt::assertion(&tokens[0]);
    assert_eq!(header["kid"], "kid-yaml");
    assert_eq!(claims["iss"], "0oa1fromyaml");
    assert_eq!(
        jwt::form_value(&tokens[0], "scope").as_deref(),
        Some("okta.users.read okta.groups.manage")
    );
    let _ = std::fs::remove_file(yaml);
}

#[test]
fn the_builder_wins_and_says_so() {
    let yaml = std::env::temp_dir().join(format!("okta-precedence-{}.yaml", std::process::id()));
    std::fs::write(
        &yaml,
        "okta:\n  client:\n    orgUrl: https://from-file.okta.com\n    token: 00file\n",
    )
    .expect("yaml");
    let builder = okta::Client::builder()
        .org_url("https://from-builder.okta.com")
        .config_file(&yaml);
    let config = builder.config();
    assert_eq!(
        config.get("orgUrl"),
        Some(("https://from-builder.okta.com", &Source::Builder))
    );
    assert_eq!(config.get("token"), Some(("***", &Source::File(yaml.clone()))));
    assert!(!format!("{builder:?}").contains("00file"));
    let _ = std::fs::remove_file(yaml);
}

#[test]
fn a_service_app_without_scopes_or_client_id_is_refused_at_build() {
    let key = okta::PrivateKey::generate_p256().expect("key");
    let err = okta::Client::builder()
        .org_url("https://dev-1.okta.com")
        .private_key_jwt("0oa1", key.clone())
        .build()
        .expect_err("no scopes")
        .to_string();
    assert!(err.contains("scopes"), "{err}");
    let err = okta::Client::builder()
        .org_url("https://dev-1.okta.com")
        .private_key_jwt(" ", key)
        .scopes(["okta.users.read"])
        .build()
        .expect_err("no client id")
        .to_string();
    assert!(err.contains("client id"), "{err}");
}
