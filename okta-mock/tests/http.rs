//! The HTTP contract: start/stop, auth, Okta headers and errors, rate limits, faults.
#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

mod common;

use std::time::{Duration, Instant};

use common::Api;
use okta_mock::OktaMock;
use serde_json::json;

#[tokio::test]
async fn starts_on_loopback_and_refuses_connections_after_drop() {
    let api = Api::start().await;
    let url = api.org.url();
    assert!(url.starts_with("http://127.0.0.1:") && !url.ends_with('/'));
    assert_eq!(api.get("/api/v1/users").await.status, 200);
    let addr = api.org.addr();
    // A pooled client keeps its connection alive; dropping the org must close it too.
    let pooled = reqwest::Client::builder().no_proxy().build().unwrap();
    let users = format!("{url}/api/v1/users");
    let auth = format!("SSWS {}", api.org.token());
    let first = pooled.get(&users).header("authorization", &auth).send().await.unwrap();
    assert_eq!(first.status().as_u16(), 200);
    drop(first.bytes().await);
    drop(api);
    let mut failed = false;
    for _ in 0..200 {
        if pooled.get(&users).header("authorization", &auth).send().await.is_err() {
            failed = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    assert!(failed, "a kept-alive connection still answers after drop");
    let mut refused = false;
    for _ in 0..200 {
        if tokio::net::TcpStream::connect(addr).await.is_err() {
            refused = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    assert!(refused, "the port still accepts connections after drop");
}

#[tokio::test]
async fn every_response_carries_okta_headers_and_errors_have_okta_shape() {
    let api = Api::start().await;
    let ok = api.get("/api/v1/groups").await;
    for h in [
        "x-okta-request-id",
        "date",
        "x-rate-limit-limit",
        "x-rate-limit-remaining",
        "x-rate-limit-reset",
    ] {
        assert!(ok.header(h).is_some(), "missing {h}");
    }
    let reset: i64 = ok.header("x-rate-limit-reset").unwrap().parse().unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    assert!(reset > now && reset <= now + 61, "reset {reset} now {now}");

    // No or a wrong token on a management endpoint: 401 E0000011. Both SSWS and Bearer work.
    let none = api.raw("GET", "/api/v1/users", None, None).await.unwrap();
    assert_eq!((none.status, none.error_code()), (401, "E0000011"));
    let wrong = api.raw("GET", "/api/v1/users", None, Some("SSWS nope")).await.unwrap();
    assert_eq!(wrong.status, 401);
    let bearer = api
        .raw(
            "GET",
            "/api/v1/users",
            None,
            Some(&format!("Bearer {}", api.org.token())),
        )
        .await
        .unwrap();
    assert_eq!(bearer.status, 200);

    let missing = api.get("/api/v1/users/00uDoesNotExist12345").await;
    assert_eq!(missing.status, 404);
    assert_eq!(missing.body["errorCode"], "E0000007");
    assert_eq!(
        missing.body["errorSummary"],
        "Not found: Resource not found: 00uDoesNotExist12345 (User)"
    );
    assert_eq!(missing.body["errorLink"], "E0000007");
    assert!(missing.body["errorId"].as_str().unwrap().starts_with("oae"));
    assert!(missing.body["errorCauses"].is_array());

    assert_eq!(
        api.call("PATCH", "/api/v1/users", None).await.body["errorCode"],
        "E0000022"
    );
    let bad_json = api
        .http
        .post(format!("{}/api/v1/groups", api.org.url()))
        .header("authorization", format!("SSWS {}", api.org.token()))
        .body("{nope")
        .send()
        .await
        .unwrap();
    assert_eq!(bad_json.status().as_u16(), 400);
}

#[tokio::test]
async fn rate_limit_budget_answers_429_with_headers() {
    let api = Api::with(OktaMock::builder().rate_limit(3, Duration::from_secs(60)).start().await);
    for remaining in ["2", "1", "0"] {
        let r = api.get("/api/v1/groups").await;
        assert_eq!((r.status, r.header("x-rate-limit-remaining")), (200, Some(remaining)));
        assert_eq!(r.header("x-rate-limit-limit"), Some("3"));
    }
    let limited = api.get("/api/v1/groups").await;
    assert_eq!(limited.status, 429);
    assert_eq!(limited.error_code(), "E0000047");
    assert_eq!(limited.header("x-rate-limit-remaining"), Some("0"));
    assert!(limited.header("x-rate-limit-reset").is_some());
}

#[tokio::test]
async fn injected_failures_are_scoped_and_counted() {
    let api = Api::start().await;
    api.org.faults_on("/api/v1/users").fail_next(2, 503);
    assert_eq!(
        api.get("/api/v1/groups").await.status,
        200,
        "other paths are not affected"
    );
    let first = api.get("/api/v1/users").await;
    assert_eq!(first.status, 503);
    assert!(first.error_code().starts_with("E0000"));
    assert_eq!(api.get("/api/v1/users").await.status, 503);
    assert_eq!(api.get("/api/v1/users").await.status, 200);

    let statuses: Vec<Option<u16>> = api.org.requests().iter().map(|r| r.status).collect();
    assert_eq!(statuses, [Some(200), Some(503), Some(503), Some(200)]);
    let last = api.org.requests().pop().unwrap();
    assert_eq!((last.method.as_str(), last.path.as_str()), ("GET", "/api/v1/users"));
    assert_eq!(last.header("user-agent"), Some("okta-mock-tests/1.0"));
    assert_eq!(api.org.request_count(), 4);
}

#[tokio::test]
async fn injected_rate_limit_delay_and_drop() {
    let api = Api::start().await;

    api.org.rate_limit_next(1);
    let limited = api.get("/api/v1/users").await;
    assert_eq!((limited.status, limited.error_code()), (429, "E0000047"));
    assert_eq!(limited.header("x-rate-limit-remaining"), Some("0"));
    let reset: i64 = limited.header("x-rate-limit-reset").unwrap().parse().unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    assert!((now..=now + 2).contains(&reset));
    assert_eq!(api.get("/api/v1/users").await.status, 200);

    api.org.delay_next(1, Duration::from_millis(150));
    let started = Instant::now();
    assert_eq!(api.get("/api/v1/users").await.status, 200);
    assert!(started.elapsed() >= Duration::from_millis(150));

    api.org.drop_next(1);
    let dropped = api
        .raw("GET", "/api/v1/users", None, Some(&format!("SSWS {}", api.org.token())))
        .await;
    assert!(dropped.is_err(), "a dropped connection must not produce a response");
    assert_eq!(api.get("/api/v1/users").await.status, 200);
    assert!(api.org.requests().iter().any(|r| r.status.is_none()));

    // A delay combines with a failure on the same request.
    api.org
        .faults()
        .delay_next(1, Duration::from_millis(20))
        .fail_next(1, 500);
    let r = api.post("/api/v1/groups", json!({ "profile": { "name": "x" } })).await;
    assert_eq!((r.status, r.error_code()), (500, "E0000009"));
}

/// Every method + path of the operations table (121 operations, 105 distinct endpoints),
/// `X` standing for an id.
const OPERATIONS: &[(&str, &str)] = &[
    ("DELETE", "/api/v1/apps/X"),
    ("DELETE", "/api/v1/apps/X/groups/X"),
    ("DELETE", "/api/v1/apps/X/users/X"),
    ("DELETE", "/api/v1/groups/rules/X"),
    ("DELETE", "/api/v1/groups/X"),
    ("DELETE", "/api/v1/groups/X/users/X"),
    ("DELETE", "/api/v1/policies/X"),
    ("DELETE", "/api/v1/policies/X/rules/X"),
    ("DELETE", "/api/v1/sessions/X"),
    ("DELETE", "/api/v1/users/X"),
    ("DELETE", "/api/v1/users/X/factors/X"),
    ("DELETE", "/api/v1/users/X/roles/X"),
    ("DELETE", "/api/v1/users/X/roles/X/targets/groups/X"),
    ("DELETE", "/api/v1/users/X/sessions"),
    ("GET", "/api/v1/apps"),
    ("GET", "/api/v1/apps/X"),
    ("GET", "/api/v1/apps/X/credentials/keys"),
    ("GET", "/api/v1/apps/X/credentials/keys/X"),
    ("GET", "/api/v1/apps/X/groups"),
    ("GET", "/api/v1/apps/X/groups/X"),
    ("GET", "/api/v1/apps/X/users"),
    ("GET", "/api/v1/apps/X/users/X"),
    ("GET", "/api/v1/groups"),
    ("GET", "/api/v1/groups/rules"),
    ("GET", "/api/v1/groups/rules/X"),
    ("GET", "/api/v1/groups/X"),
    ("GET", "/api/v1/groups/X/users"),
    ("GET", "/api/v1/logs"),
    ("GET", "/api/v1/policies"),
    ("GET", "/api/v1/policies/X"),
    ("GET", "/api/v1/policies/X/rules"),
    ("GET", "/api/v1/policies/X/rules/X"),
    ("GET", "/api/v1/sessions/X"),
    ("GET", "/api/v1/users"),
    ("GET", "/api/v1/users/X"),
    ("GET", "/api/v1/users/X/appLinks"),
    ("GET", "/api/v1/users/X/factors"),
    ("GET", "/api/v1/users/X/factors/catalog"),
    ("GET", "/api/v1/users/X/factors/questions"),
    ("GET", "/api/v1/users/X/factors/X"),
    ("GET", "/api/v1/users/X/factors/X/transactions/X"),
    ("GET", "/api/v1/users/X/groups"),
    ("GET", "/api/v1/users/X/roles"),
    ("GET", "/api/v1/users/X/roles/X/targets/groups"),
    ("POST", "/api/v1/apps"),
    ("POST", "/api/v1/apps/X/credentials/keys/X/clone"),
    ("POST", "/api/v1/apps/X/lifecycle/activate"),
    ("POST", "/api/v1/apps/X/lifecycle/deactivate"),
    ("POST", "/api/v1/apps/X/users"),
    ("POST", "/api/v1/apps/X/users/X"),
    ("POST", "/api/v1/authn"),
    ("POST", "/api/v1/authn/cancel"),
    ("POST", "/api/v1/authn/credentials/change_password"),
    ("POST", "/api/v1/authn/credentials/reset_password"),
    ("POST", "/api/v1/authn/factors"),
    ("POST", "/api/v1/authn/factors/X/lifecycle/activate"),
    ("POST", "/api/v1/authn/factors/X/verify"),
    ("POST", "/api/v1/authn/previous"),
    ("POST", "/api/v1/authn/recovery/answer"),
    ("POST", "/api/v1/authn/recovery/factors/call/resend"),
    ("POST", "/api/v1/authn/recovery/factors/call/verify"),
    ("POST", "/api/v1/authn/recovery/factors/sms/resend"),
    ("POST", "/api/v1/authn/recovery/factors/sms/verify"),
    ("POST", "/api/v1/authn/recovery/password"),
    ("POST", "/api/v1/authn/recovery/token"),
    ("POST", "/api/v1/authn/recovery/unlock"),
    ("POST", "/api/v1/authn/skip"),
    ("POST", "/api/v1/groups"),
    ("POST", "/api/v1/groups/rules"),
    ("POST", "/api/v1/groups/rules/X/lifecycle/activate"),
    ("POST", "/api/v1/groups/rules/X/lifecycle/deactivate"),
    ("POST", "/api/v1/policies"),
    ("POST", "/api/v1/policies/X/lifecycle/activate"),
    ("POST", "/api/v1/policies/X/lifecycle/deactivate"),
    ("POST", "/api/v1/policies/X/rules"),
    ("POST", "/api/v1/policies/X/rules/X/lifecycle/activate"),
    ("POST", "/api/v1/policies/X/rules/X/lifecycle/deactivate"),
    ("POST", "/api/v1/sessions"),
    ("POST", "/api/v1/sessions/X/lifecycle/refresh"),
    ("POST", "/api/v1/users"),
    ("POST", "/api/v1/users/X/credentials/change_password"),
    ("POST", "/api/v1/users/X/credentials/change_recovery_question"),
    ("POST", "/api/v1/users/X/credentials/forgot_password"),
    ("POST", "/api/v1/users/X/factors"),
    ("POST", "/api/v1/users/X/factors/X/lifecycle/activate"),
    ("POST", "/api/v1/users/X/factors/X/resend"),
    ("POST", "/api/v1/users/X/factors/X/verify"),
    ("POST", "/api/v1/users/X/lifecycle/activate"),
    ("POST", "/api/v1/users/X/lifecycle/deactivate"),
    ("POST", "/api/v1/users/X/lifecycle/expire_password"),
    ("POST", "/api/v1/users/X/lifecycle/reset_factors"),
    ("POST", "/api/v1/users/X/lifecycle/reset_password"),
    ("POST", "/api/v1/users/X/lifecycle/suspend"),
    ("POST", "/api/v1/users/X/lifecycle/unlock"),
    ("POST", "/api/v1/users/X/lifecycle/unsuspend"),
    ("POST", "/api/v1/users/X/roles"),
    ("PUT", "/api/v1/apps/X"),
    ("PUT", "/api/v1/apps/X/groups/X"),
    ("PUT", "/api/v1/groups/rules/X"),
    ("PUT", "/api/v1/groups/X"),
    ("PUT", "/api/v1/groups/X/users/X"),
    ("PUT", "/api/v1/policies/X"),
    ("PUT", "/api/v1/policies/X/rules/X"),
    ("PUT", "/api/v1/users/X"),
    ("PUT", "/api/v1/users/X/roles/X/targets/groups/X"),
];

#[tokio::test]
async fn every_documented_operation_is_routed() {
    let api = Api::start().await;
    for (method, template) in OPERATIONS {
        let path = template.replace('X', "00uNoSuchThing000000");
        let body = matches!(*method, "POST" | "PUT").then(|| json!({}));
        let r = api.call(method, &path, body).await;
        let unrouted = r.status == 405
            || (r.status == 404
                && r.body["errorSummary"]
                    .as_str()
                    .unwrap_or_default()
                    .ends_with("(Resource)"));
        assert!(!unrouted, "{method} {template} is not served: {} {}", r.status, r.body);
        assert!(r.status < 500, "{method} {template}: {}", r.status);
    }
}

/// One HTTP/1.1 GET over a plain socket, no runtime involved; the status line.
fn blocking_get(org: &OktaMock, path: &str) -> String {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(org.addr()).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let request = format!(
        "GET {path} HTTP/1.1\r\nHost: {}\r\nAuthorization: SSWS {}\r\nConnection: close\r\n\r\n",
        org.addr(),
        org.token()
    );
    stream.write_all(request.as_bytes()).unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    answer.lines().next().unwrap_or_default().to_owned()
}

#[test]
fn serves_from_a_plain_test_without_a_runtime() {
    let org = OktaMock::builder().seed_users(2).start_blocking();
    assert_eq!(blocking_get(&org, "/api/v1/users"), "HTTP/1.1 200 OK");
    assert_eq!(org.request_count(), 1);
}

#[test]
fn outlives_the_runtime_that_started_it() {
    let first = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let org = first.block_on(OktaMock::start());
    drop(first);
    let second = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let api = Api::with(org);
    let status = second.block_on(async { api.get("/api/v1/users").await.status });
    assert_eq!(status, 200);
    assert_eq!(blocking_get(&api.org, "/api/v1/groups"), "HTTP/1.1 200 OK");
}

#[tokio::test]
async fn operations_it_does_not_model_answer_the_spec_example() {
    let api = Api::start().await;
    // Identity providers are not modelled: the spec's example list comes back.
    let idps = api.get("/api/v1/idps").await;
    assert_eq!(idps.status, 200);
    let list = idps.body.as_array().expect("a list");
    assert!(!list.is_empty() && list[0].get("id").is_some(), "{:?}", idps.body);
    // One page, linking itself and no next one, so a stream of it ends.
    let links: Vec<&str> = idps
        .headers
        .get_all("link")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    assert_eq!(links, [format!("<{}/api/v1/idps>; rel=\"self\"", api.org.url())]);
    let one = api.get("/api/v1/idps/0oa1abc/users").await;
    assert_eq!(one.status, 200);
    // A path of no operation at all is still Okta's 404.
    let none = api.get("/api/v1/no-such-thing").await;
    assert_eq!((none.status, none.error_code()), (404, "E0000007"));
    // A modelled route keeps its state, never an example.
    assert_eq!(api.get("/api/v1/users/00unknown").await.status, 404);
}

#[tokio::test]
async fn the_specs_public_endpoints_answer_without_credentials_and_nothing_else_does() {
    let api = Api::start().await;
    let anonymous = |path: &str| api.http.get(format!("{}{path}", api.org.url())).send();
    let metadata = anonymous("/.well-known/okta-organization").await.expect("sent");
    assert_eq!(metadata.status(), 200);
    let body: serde_json::Value = serde_json::from_slice(&metadata.bytes().await.expect("body")).expect("JSON");
    assert!(body.get("id").is_some(), "{body}");
    for private in ["/api/v1/users", "/api/v1/idps", "/api/v1/meta/schemas/user/default"] {
        assert_eq!(anonymous(private).await.expect("sent").status(), 401, "{private}");
    }
}

#[tokio::test]
async fn a_body_is_read_as_json_unless_sent_as_another_media_type() {
    let api = Api::start().await;
    let send = |path: &'static str, content_type: Option<&'static str>| {
        let mut req = api
            .http
            .post(format!("{}{path}", api.org.url()))
            .header("authorization", format!("SSWS {}", api.org.token()))
            .body("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        if let Some(content_type) = content_type {
            req = req.header("content-type", content_type);
        }
        async move {
            let resp = req.send().await.unwrap();
            let status = resp.status().as_u16();
            (status, resp.text().await.unwrap())
        }
    };
    // Sent as JSON, or as nothing said: read as JSON, and refused as malformed.
    for content_type in [Some("application/json"), Some("application/merge-patch+json"), None] {
        let (status, body) = send("/api/v1/users", content_type).await;
        assert_eq!(status, 400, "{content_type:?}");
        assert!(body.contains("E0000003"), "{content_type:?}: {body}");
    }
    // Sent as PEM, to the operation that takes PEM: its example answers.
    let publish = "/api/v1/apps/0oa1/credentials/csrs/c1/lifecycle/publish";
    let (status, body) = send(publish, Some("application/x-pem-file")).await;
    assert_eq!(status, 201, "{body}");
    assert!(body.contains("x5c"), "{body}");
}
