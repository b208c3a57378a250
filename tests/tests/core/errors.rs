use okta::{Error, Method, StatusCode};
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, ResponseTemplate};

use crate::common::{TOKEN, org};

#[tokio::test]
async fn okta_error_bodies_keep_every_field() {
    let org = org().await;
    Mock::given(method("GET"))
        .and(path("/api/v1/users/nobody"))
        .respond_with(
            ResponseTemplate::new(404)
                .insert_header("X-Okta-Request-Id", "reqX")
                .insert_header("X-Rate-Limit-Limit", "600")
                .insert_header("X-Rate-Limit-Remaining", "598")
                .insert_header("X-Rate-Limit-Reset", "1700000000")
                .set_body_json(json!({
                    "errorCode": "E0000007",
                    "errorSummary": "Not found: Resource not found: nobody (User)",
                    "errorLink": "E0000007",
                    "errorId": "oaeABC",
                    "errorCauses": [{"errorSummary": "first cause"}]
                })),
        )
        .mount(&org.server)
        .await;
    let err = org.client.get_user("nobody").await.expect_err("404");
    assert!(err.is_not_found());
    assert_eq!(err.error_code(), Some("E0000007"));
    assert_eq!(err.request_id(), Some("reqX"));
    let Error::Api(api) = &err else { panic!("{err:?}") };
    assert_eq!(api.error_link.as_deref(), Some("E0000007"));
    assert_eq!(api.error_id.as_deref(), Some("oaeABC"));
    assert_eq!(api.error_causes[0].error_summary, "first cause");
    assert_eq!(api.rate_limit.remaining, Some(598));
    assert_eq!(
        api.path, "/api/v1/users/{userId}",
        "errors name the template, not the id"
    );
    assert_eq!(
        err.to_string(),
        "GET /api/v1/users/{userId}: okta answered 404 E0000007: Not found: Resource not found: nobody (User) \
         (first cause) [request id reqX]"
    );
}

#[tokio::test]
async fn non_json_error_bodies_are_kept_as_a_snippet() {
    let org = org().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(502).set_body_string("<html>\n<body>Bad gateway</body>\n</html>"))
        .mount(&org.server)
        .await;
    let err = org.client.get_user("00u1").await.expect_err("502");
    assert_eq!(err.status(), Some(StatusCode::BAD_GATEWAY));
    assert_eq!(err.error_code(), None);
    let line = err.to_string();
    assert!(line.contains("Bad gateway") && !line.contains('\n'), "{line}");
}

#[tokio::test]
async fn a_body_of_the_wrong_shape_names_type_and_path_without_secrets() {
    let org = org().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(
                json!({"id": "00u1", "profile": ["not", "an", "object"], "sessionToken": "s3cr3t-session"}),
            ),
        )
        .mount(&org.server)
        .await;
    let err = org.client.get_user("00u1").await.expect_err("decode");
    let Error::Decode(decode) = &err else { panic!("{err:?}") };
    assert!(decode.type_name.ends_with("User"), "{}", decode.type_name);
    assert_eq!(decode.json_path, "profile");
    assert!(decode.body_snippet.contains("00u1"));
    assert!(
        !decode.body_snippet.contains("s3cr3t-session"),
        "{}",
        decode.body_snippet
    );
    assert!(!format!("{err} {err:?}").contains("s3cr3t-session"));
}

#[tokio::test]
async fn empty_successes_decode_as_unit_whether_204_or_200_with_braces() {
    let org = org().await;
    for response in [
        ResponseTemplate::new(204),
        ResponseTemplate::new(200).set_body_json(json!({})),
    ] {
        org.server.reset().await;
        Mock::given(method("POST"))
            .respond_with(response)
            .mount(&org.server)
            .await;
        let raw = org
            .client
            .request(Method::POST, "/api/v1/users/00u1/lifecycle/suspend")
            .send()
            .await
            .expect("ok");
        raw.empty().expect("unit");
        let _: Option<Value> = raw.json().expect("an empty body is JSON null");
    }
}

#[tokio::test]
async fn full_responses_carry_status_rate_limit_and_request_id() {
    let org = org().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("X-Okta-Request-Id", "req-full")
                .insert_header("X-Rate-Limit-Limit", "1200")
                .insert_header("X-Rate-Limit-Remaining", "1199")
                .insert_header("X-Rate-Limit-Reset", "1609459200")
                .set_body_json(json!({"id": "00u1", "profile": {"login": "a@example.com"}})),
        )
        .mount(&org.server)
        .await;
    let full = org.client.get_user("00u1").send_full().await.expect("ok");
    assert_eq!(full.status, StatusCode::OK);
    assert_eq!(full.request_id.as_deref(), Some("req-full"));
    assert_eq!(
        full.rate_limit,
        okta::RateLimit {
            limit: Some(1200),
            remaining: Some(1199),
            reset: Some(1609459200)
        }
    );
    assert_eq!(full.value.profile.login, "a@example.com");
}

#[tokio::test]
async fn response_headers_read_as_text_by_any_case_and_every_value() {
    let org = org().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(201)
                .append_header("Link", "<https://x/a>; rel=\"self\"")
                .append_header("Link", "<https://x/b>; rel=\"next\"")
                .insert_header("X-Okta-Request-Id", "req-h")
                .set_body_json(json!([])),
        )
        .mount(&org.server)
        .await;
    let raw = org
        .client
        .request(Method::GET, "/api/v1/users")
        .send()
        .await
        .expect("ok");
    assert_eq!(raw.status(), StatusCode::CREATED);
    assert_eq!(raw.status().to_string(), "201 Created");
    let headers = raw.headers();
    assert_eq!(headers.get("x-okta-request-id"), Some("req-h"));
    assert_eq!(headers.get("X-OKTA-REQUEST-ID"), Some("req-h"));
    assert_eq!(
        headers.get_all("link").collect::<Vec<_>>(),
        ["<https://x/a>; rel=\"self\"", "<https://x/b>; rel=\"next\""]
    );
    assert_eq!(headers.iter().filter(|(name, _)| *name == "link").count(), 2);
    assert!(!headers.contains("x-not-sent") && headers.get("x-not-sent").is_none());
    assert_eq!(headers.get("not a header name"), None);
}

#[tokio::test]
async fn the_raw_escape_hatch_shares_auth_query_headers_and_errors() {
    let org = org().await;
    Mock::given(method("GET"))
        .and(path("/api/v1/meta/schemas/user/default"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": "schema"})))
        .mount(&org.server)
        .await;
    let value: Value = org
        .client
        .request(Method::GET, "/api/v1/meta/schemas/user/default")
        .query("expand", "a b&c")
        .header("X-Custom", "1")
        .send_json()
        .await
        .expect("ok");
    assert_eq!(value["id"], "schema");
    let requests = org.server.received_requests().await.expect("recorded");
    assert_eq!(requests[0].url.query(), Some("expand=a%20b%26c"));
    assert_eq!(requests[0].headers["x-custom"], "1");
    assert_eq!(requests[0].headers["authorization"], format!("SSWS {TOKEN}").as_str());

    // An absolute URL elsewhere is refused before anything is sent.
    let err = org
        .client
        .request(Method::GET, "https://evil.example/api/v1/users")
        .send()
        .await
        .expect_err("refused");
    assert!(matches!(err, Error::InvalidRequest(_)), "{err:?}");
    let err = org
        .client
        .request(Method::GET, "/x")
        .header("Bad Header", "v")
        .send()
        .await
        .expect_err("refused");
    assert!(matches!(err, Error::InvalidRequest(_)), "{err:?}");
    assert_eq!(org.server.received_requests().await.expect("recorded").len(), 1);
}

#[tokio::test]
async fn hostile_and_empty_ids_are_handled_before_sending() {
    let org = org().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": "x"})))
        .mount(&org.server)
        .await;
    org.client.get_user("a/b?c#d").await.expect("sent");
    org.client.get_user("x y%2F..").await.expect("sent");
    let requests = org.server.received_requests().await.expect("recorded");
    assert_eq!(requests[0].url.path(), "/api/v1/users/a%2Fb%3Fc%23d");
    assert_eq!(requests[0].url.query(), None);
    assert_eq!(requests[1].url.path(), "/api/v1/users/x%20y%252F..");

    for (bad, says) in [
        ("", "`userId` is empty"),
        ("..", "cannot be `..`"),
        (".", "cannot be `.`"),
    ] {
        let err = org.client.get_user(bad).await.expect_err("refused");
        assert!(matches!(err, Error::InvalidRequest(_)));
        assert!(err.to_string().contains(says), "{err}");
    }
    assert_eq!(
        org.server.received_requests().await.expect("recorded").len(),
        2,
        "the refused ids were never sent"
    );
}

#[tokio::test]
async fn bad_configuration_is_refused_with_a_hint() {
    for (url, hint) in [
        ("https://{yourOktaDomain}", "placeholder"),
        ("https://dev-1-admin.okta.com", "-admin"),
        ("http://dev-1.okta.com", "HTTPS is required"),
        ("https://dev-1.okta.com/oauth2/default", "only scheme and host"),
    ] {
        let err = okta::Client::builder()
            .org_url(url)
            .api_token(TOKEN)
            .build()
            .expect_err(url);
        assert!(matches!(err, Error::Config(_)));
        assert!(err.to_string().contains(hint), "{url}: {err}");
    }
    let err = okta::Client::builder()
        .org_url("https://dev-1.okta.com")
        .build()
        .expect_err("no token");
    assert!(err.to_string().contains("no credentials"), "{err}");
}

#[tokio::test]
async fn the_user_agent_names_the_sdk_and_the_app() {
    let org = org().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
        .mount(&org.server)
        .await;
    let client = okta::Client::builder()
        .org_url(org.server.uri())
        .api_token(TOKEN)
        .user_agent_extra("provisioner/2.1")
        .build()
        .expect("client");
    client.request(Method::GET, "/api/v1/org").send().await.expect("ok");
    let requests = org.server.received_requests().await.expect("recorded");
    let ua = requests[0].headers["user-agent"].to_str().expect("ascii").to_owned();
    assert!(ua.starts_with("okta-sdk-rust/0.1.0 rust/"), "{ua}");
    assert!(
        ua.ends_with(&format!(
            "{}/{} provisioner/2.1",
            std::env::consts::OS,
            std::env::consts::ARCH
        )),
        "{ua}"
    );
}

#[tokio::test]
async fn models_with_passwords_do_not_print_them() {
    let user = okta::models::User::new(okta::models::UserProfile::new(
        "a@example.com",
        "a@example.com",
        "A",
        "B",
    ))
    .with_password("Pa55word-never-printed");
    let printed = format!("{user:?}");
    assert!(!printed.contains("Pa55word-never-printed"), "{printed}");
    // But it is sent: the body carries it.
    let org = org().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": "00u9"})))
        .mount(&org.server)
        .await;
    org.client.create_user(user).await.expect("created");
    let requests = org.server.received_requests().await.expect("recorded");
    assert!(String::from_utf8_lossy(&requests[0].body).contains("Pa55word-never-printed"));
}

#[tokio::test]
async fn an_okta_yaml_fills_what_the_builder_leaves_unset() {
    let org = org().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": "00u1"})))
        .mount(&org.server)
        .await;
    let dir = std::env::temp_dir().join(format!("okta-yaml-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("okta.yaml");
    std::fs::write(
        &file,
        "okta:\n  client:\n    orgUrl: \"https://from-file.okta.com\"\n    token: \"00from-file\"\n    authorizationMode: Bearer\n",
    )
    .expect("written");

    // The builder's org URL wins; the token and its mode come from the file.
    let client = okta::Client::builder()
        .org_url(org.server.uri())
        .config_file(&file)
        .build()
        .expect("client");
    client.get_user("00u1").await.expect("sent");
    let requests = org.server.received_requests().await.expect("recorded");
    assert_eq!(requests[0].headers["authorization"], "Bearer 00from-file");

    // The file's org URL is used when nothing else sets one.
    let from_file = okta::Client::builder().config_file(&file).build().expect("client");
    assert_eq!(from_file.org_url().as_str(), "https://from-file.okta.com/");

    // A broken file fails the build, naming the file and not echoing its token.
    std::fs::write(&file, "okta:\n  client:\n    token: \"00from-file\n  - [\n").expect("written");
    let err = okta::Client::builder()
        .org_url(org.server.uri())
        .api_token(TOKEN)
        .config_file(&file)
        .build()
        .expect_err("broken");
    assert!(err.to_string().contains("okta.yaml is not valid YAML"), "{err}");
    assert!(!err.to_string().contains("00from-file"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn a_body_with_anything_after_its_value_is_refused() {
    let org = org().await;
    for body in [r#"{"id":"00u1"} trailing garbage"#, r#"{"id":"00u1"}{"id":"00u2"}"#] {
        org.server.reset().await;
        Mock::given(method("GET"))
            .respond_with(ResponseTemplate::new(200).set_body_string(body))
            .mount(&org.server)
            .await;
        let err = org.client.get_user("00u1").await.expect_err(body);
        let Error::Decode(decode) = &err else {
            panic!("{body}: {err:?}")
        };
        assert!(decode.source.to_string().contains("trailing"), "{err}");
    }
}
