//! An endpoint declared outside the SDK, with the same derive, works end to end against a real
//! HTTP server on 127.0.0.1: the same auth, path encoding, decoding and pagination as the SDK's
//! own operations, and `call = ..` methods on the user's own client type.

use futures::TryStreamExt;
use serde_json::{Value, json};
use wiremock::matchers::{header, method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const TOKEN: &str = "00custom-endpoint-token";

/// The user schema, which the SDK does not cover: declared here as any user crate would.
#[derive(okta::Endpoint)]
#[endpoint(GET "/api/v1/meta/schemas/user/{schemaId}", response = serde_json::Value)]
struct GetUserSchema {
    #[endpoint(path)]
    schema_id: String,
}

/// A list, read page by page through `Link: rel="next"`.
#[derive(okta::Endpoint)]
#[endpoint(GET "/api/v1/things", response = Thing, paginated, call = Tenant::list_things)]
struct ListThings {
    #[endpoint(query)]
    limit: Option<u32>,
    #[endpoint(query)]
    after: Option<String>,
}

#[derive(Debug, PartialEq, serde::Deserialize)]
struct Thing {
    id: String,
}

/// A write with a path, a renamed query parameter, a header and a body, bound to `Tenant`.
#[derive(okta::Endpoint)]
#[endpoint(POST "/api/v1/things/{thingId}/labels", response = (), call = Tenant::label_thing)]
struct LabelThing {
    #[endpoint(path)]
    thing_id: String,
    #[endpoint(body)]
    label: Label,
    #[endpoint(query, rename = "dry_run")]
    dry_run: Option<bool>,
    #[endpoint(header = "X-Forwarded-For")]
    forwarded_for: Option<String>,
}

#[derive(serde::Serialize)]
struct Label {
    name: String,
}

/// The user's own client type: `call = Tenant::..` adds methods to it, because it implements
/// `okta::AsClient`.
struct Tenant {
    okta: okta::Client,
}

impl okta::AsClient for Tenant {
    fn as_client(&self) -> &okta::CoreClient {
        okta::AsClient::as_client(&self.okta)
    }
}

async fn start() -> (MockServer, okta::Client) {
    let server = MockServer::start().await;
    let client = okta::Client::builder()
        .org_url(server.uri())
        .api_token(TOKEN)
        .retry_policy(okta::RetryPolicy::none())
        .build()
        .expect("client for the local server");
    (server, client)
}

#[tokio::test]
async fn a_custom_endpoint_is_sent_with_auth_and_decoded() {
    let (server, client) = start().await;
    let schema = json!({ "id": "https://example.okta.com/meta/schemas/user/default", "name": "user" });
    Mock::given(method("GET"))
        .and(path("/api/v1/meta/schemas/user/default"))
        .and(header("Authorization", format!("SSWS {TOKEN}").as_str()))
        .and(header("Accept", "application/json"))
        .respond_with(ResponseTemplate::new(200).set_body_json(&schema))
        .expect(1)
        .mount(&server)
        .await;

    let got: Value = client.send(GetUserSchema::new("default")).await.expect("schema");
    assert_eq!(got, schema);

    let requests = server.received_requests().await.expect("recorded");
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].url.path(), "/api/v1/meta/schemas/user/default");
    assert_eq!(requests[0].url.query(), None);
}

#[tokio::test]
async fn a_custom_path_parameter_stays_one_segment() {
    let (server, client) = start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
        .mount(&server)
        .await;

    client.send(GetUserSchema::new("a/b ?#")).await.expect("sent");
    let requests = server.received_requests().await.expect("recorded");
    assert_eq!(requests[0].url.path(), "/api/v1/meta/schemas/user/a%2Fb%20%3F%23");

    let err = client
        .send(GetUserSchema::new(""))
        .await
        .expect_err("an empty id is refused");
    assert!(err.to_string().contains("schemaId"), "{err}");
    assert_eq!(
        server.received_requests().await.expect("recorded").len(),
        1,
        "nothing sent"
    );
}

#[tokio::test]
async fn a_custom_paginated_endpoint_streams_every_page() {
    let (server, client) = start().await;
    let next = format!(r#"<{}/api/v1/things?after=x>; rel="next""#, server.uri());
    Mock::given(method("GET"))
        .and(path("/api/v1/things"))
        .and(query_param("limit", "2"))
        .and(query_param_is_missing("after"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("Link", next.as_str())
                .set_body_json(json!([{ "id": "t1" }, { "id": "t2" }])),
        )
        // Once by the stream, once by the bound call below.
        .expect(2)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v1/things"))
        .and(query_param("after", "x"))
        .and(header("Authorization", format!("SSWS {TOKEN}").as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([{ "id": "t3" }])))
        .expect(1)
        .mount(&server)
        .await;

    let things: Vec<Thing> = client
        .stream(ListThings::new().limit(2u32))
        .try_collect()
        .await
        .expect("two pages");
    let ids: Vec<&str> = things.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["t1", "t2", "t3"]);

    // The same list through the bound call on the user's own type: one page when awaited.
    let tenant = Tenant { okta: client };
    let page = tenant.list_things().limit(2u32).await.expect("first page");
    assert_eq!(page.len(), 2);
    assert_eq!(page.next_cursor().as_deref(), Some("x"));
}

#[tokio::test]
async fn a_call_on_the_users_own_client_type_sends_every_part() {
    let (server, client) = start().await;
    Mock::given(method("POST"))
        .and(path("/api/v1/things/t%201/labels"))
        .and(query_param("dry_run", "true"))
        .and(header("Authorization", format!("SSWS {TOKEN}").as_str()))
        .and(header("X-Forwarded-For", "203.0.113.7"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;

    let tenant = Tenant { okta: client };
    let label = Label { name: "blue".into() };
    tenant
        .label_thing("t 1", label)
        .dry_run(true)
        .forwarded_for("203.0.113.7")
        .await
        .expect("labelled");

    let requests: Vec<Request> = server.received_requests().await.expect("recorded");
    assert_eq!(requests.len(), 1);
    let body: Value = serde_json::from_slice(&requests[0].body).expect("JSON body");
    assert_eq!(body, json!({ "name": "blue" }));
    assert_eq!(
        requests[0].headers.get("content-type").and_then(|v| v.to_str().ok()),
        Some("application/json")
    );
}
