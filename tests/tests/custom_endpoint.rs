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

/// A list paged in its body, as Okta's IAM lists are: `{"roles": [..], "_links": {"next": ..}}`.
#[derive(okta::Endpoint)]
#[endpoint(GET "/api/v1/iam/roles", response = Thing, paginated(items = "roles", page_size = 50))]
struct ListRoles {
    #[endpoint(query)]
    limit: Option<u32>,
    #[endpoint(query)]
    after: Option<String>,
}

fn roles_page(ids: &[&str], next: Option<String>) -> Value {
    let roles: Vec<Value> = ids.iter().map(|id| json!({ "id": id })).collect();
    let mut page = json!({ "roles": roles, "_links": { "self": { "href": "ignored" } } });
    if let Some(next) = next {
        page["_links"]["next"] = json!({ "href": next });
    }
    page
}

#[tokio::test]
async fn a_list_paged_in_its_body_streams_every_page() {
    let (server, client) = start().await;
    let uri = server.uri();
    Mock::given(method("GET"))
        .and(path("/api/v1/iam/roles"))
        .and(query_param("limit", "50"))
        .and(query_param_is_missing("after"))
        .respond_with(ResponseTemplate::new(200).set_body_json(roles_page(
            &["r1", "r2"],
            Some(format!("{uri}/api/v1/iam/roles?after=r2&limit=50")),
        )))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v1/iam/roles"))
        .and(query_param("after", "r2"))
        .and(header("Authorization", format!("SSWS {TOKEN}").as_str()))
        // A relative link resolves against the page that carried it.
        .respond_with(
            ResponseTemplate::new(200).set_body_json(roles_page(&["r3"], Some("/api/v1/iam/roles?after=r3".into()))),
        )
        // Once by the stream, once awaited below.
        .expect(2)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v1/iam/roles"))
        .and(query_param("after", "r3"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({ "roles": [{ "id": "r4" }], "_links": null })))
        .expect(1)
        .mount(&server)
        .await;

    let roles: Vec<Thing> = client
        .stream(ListRoles::new())
        .try_collect()
        .await
        .expect("three pages");
    let ids: Vec<&str> = roles.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["r1", "r2", "r3", "r4"]);

    // One page, awaited: the cursor comes from the body's link.
    let page = client.send(ListRoles::new().after("r2")).await.expect("one page");
    assert_eq!(page.len(), 1);
    assert_eq!(page.next_cursor().as_deref(), Some("r3"));
}

#[tokio::test]
async fn a_body_paged_list_keeps_the_origin_path_and_loop_checks() {
    let (server, client) = start().await;
    let elsewhere = MockServer::start().await;
    let uri = server.uri();
    for (after, next) in [
        (None, format!("{uri}/api/v1/iam/roles?after=a")),
        // Repeats itself.
        (Some("a"), format!("{uri}/api/v1/iam/roles?after=a")),
        (Some("b"), format!("{}/api/v1/iam/roles?after=c", elsewhere.uri())),
        (Some("d"), format!("{uri}/api/v1/users?after=e")),
    ] {
        let mock = Mock::given(method("GET")).and(path("/api/v1/iam/roles"));
        let mock = match after {
            Some(a) => mock.and(query_param("after", a)),
            None => mock.and(query_param_is_missing("after")),
        };
        mock.respond_with(ResponseTemplate::new(200).set_body_json(roles_page(&["x"], Some(next))))
            .mount(&server)
            .await;
    }
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({ "roles": [] })))
        .mount(&elsewhere)
        .await;

    for (first, says) in [
        (None, "already followed"),
        (Some("b"), "not to the org"),
        (Some("d"), "another path"),
    ] {
        let endpoint = match first {
            Some(a) => ListRoles::new().after(a),
            None => ListRoles::new(),
        };
        let results: Vec<Result<Thing, okta::Error>> = futures::StreamExt::collect(client.stream(endpoint)).await;
        let (last, items) = results.split_last().expect("some results");
        assert!(items.iter().all(Result::is_ok), "the items come first: {results:?}");
        let err = last.as_ref().expect_err("then the error");
        assert!(matches!(err, okta::Error::Pagination(_)), "{err:?}");
        assert!(err.to_string().contains(says), "{err}");
    }
    assert!(elsewhere.received_requests().await.expect("recorded").is_empty());
}

#[tokio::test]
async fn a_body_paged_list_with_a_bad_item_names_the_json_path() {
    let (server, client) = start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({ "roles": [{ "id": "r1" }, { "id": 7 }] })))
        .mount(&server)
        .await;
    let err = client.send(ListRoles::new()).await.expect_err("a number is not an id");
    let okta::Error::Decode(decode) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(decode.json_path, "roles[1].id");

    server.reset().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({ "items": [] })))
        .mount(&server)
        .await;
    let err = client.send(ListRoles::new()).await.expect_err("no `roles`");
    assert!(err.to_string().contains("missing field `roles`"), "{err}");
}

/// A JSON merge patch, with a list query parameter in each of OpenAPI's two forms.
#[derive(okta::Endpoint)]
#[endpoint(PATCH "/api/v1/things/{thingId}", response = Value, content_type = "application/merge-patch+json")]
struct PatchThing {
    #[endpoint(path)]
    thing_id: String,
    #[endpoint(body)]
    patch: Value,
    #[endpoint(query)]
    expand: Option<Vec<String>>,
    #[endpoint(query, explode = false)]
    fields: Option<Vec<String>>,
    #[endpoint(query, explode = true)]
    tag: Vec<String>,
}

#[tokio::test]
async fn content_type_and_list_query_parameters_go_on_the_wire_as_declared() {
    let (server, client) = start().await;
    Mock::given(method("PATCH"))
        .and(path("/api/v1/things/t1"))
        .and(header("Content-Type", "application/merge-patch+json"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({ "id": "t1" })))
        .expect(1)
        .mount(&server)
        .await;

    let patch = PatchThing::new("t1", json!({ "label": null }), vec!["x".to_owned(), "y z".to_owned()])
        .expand(vec!["users".to_owned(), "groups".to_owned()])
        .fields(vec!["id".to_owned(), "a,b".to_owned(), "c&d".to_owned()]);
    assert_eq!(
        <PatchThing as okta::Endpoint>::CONTENT_TYPE,
        "application/merge-patch+json"
    );
    let got = client.send(patch).await.expect("patched");
    assert_eq!(got["id"], "t1");

    let requests = server.received_requests().await.expect("recorded");
    assert_eq!(requests.len(), 1);
    assert_eq!(
        requests[0].url.query(),
        Some("expand=users&expand=groups&fields=id,a,b,c%26d&tag=x&tag=y%20z"),
        "repeated by default and with `explode = true`, one comma-joined pair with `explode = false`"
    );
    let body: Value = serde_json::from_slice(&requests[0].body).expect("JSON body");
    assert_eq!(body, json!({ "label": null }));
    // Without `content_type`, JSON.
    assert_eq!(<LabelThing as okta::Endpoint>::CONTENT_TYPE, "application/json");
}

/// A certificate sent as it is: `raw` bytes with the declared media type, answered as JSON.
#[derive(okta::Endpoint)]
#[endpoint(POST "/api/v1/things/{thingId}/cert", response = Value, content_type = "application/x-pem-file")]
struct PublishCert {
    #[endpoint(path)]
    thing_id: String,
    #[endpoint(body, raw)]
    certificate: String,
}

/// An optional raw body, and an answer that is XML text, not JSON.
#[derive(okta::Endpoint)]
#[endpoint(POST "/api/v1/things/{thingId}/metadata", response = String, content_type = "application/pkix-cert",
           accept = "text/xml")]
struct ThingMetadata {
    #[endpoint(path)]
    thing_id: String,
    #[endpoint(body, raw)]
    der: Option<Vec<u8>>,
}

#[tokio::test]
async fn a_raw_body_goes_as_its_bytes_with_the_declared_content_type() {
    let (server, client) = start().await;
    let pem = "-----BEGIN CERTIFICATE-----\nMIIB\"not json\"\n-----END CERTIFICATE-----\n";
    Mock::given(method("POST"))
        .and(path("/api/v1/things/t1/cert"))
        .and(header("Content-Type", "application/x-pem-file"))
        .and(header("Accept", "application/json"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({ "kid": "k1" })))
        .expect(1)
        .mount(&server)
        .await;
    let got = client
        .send(PublishCert::new("t1", pem.to_owned()))
        .await
        .expect("published");
    assert_eq!(got["kid"], "k1");
    let requests = server.received_requests().await.expect("recorded");
    assert_eq!(requests[0].body, pem.as_bytes(), "sent as it is, not as a JSON string");
}

#[tokio::test]
async fn a_text_answer_is_asked_for_and_read_as_text() {
    let (server, client) = start().await;
    let xml = "<md:EntityDescriptor entityID=\"http://www.okta.com/exk1\"/>";
    Mock::given(method("POST"))
        .and(path("/api/v1/things/t1/metadata"))
        .and(header("Accept", "text/xml"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(xml, "text/xml"))
        .expect(2)
        .mount(&server)
        .await;
    let der = vec![0x30, 0x82, 0xff, 0x00];
    let got = client
        .send(ThingMetadata::new("t1").der(der.clone()))
        .await
        .expect("text");
    assert_eq!(got, xml);
    let got = client.send(ThingMetadata::new("t1")).await.expect("no body");
    assert_eq!(got, xml);
    let requests = server.received_requests().await.expect("recorded");
    assert_eq!(requests[0].body, der);
    assert_eq!(
        requests[0].headers.get("content-type").map(|v| v.as_bytes()),
        Some(&b"application/pkix-cert"[..])
    );
    assert!(requests[1].body.is_empty() && requests[1].headers.get("content-type").is_none());

    server.reset().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(vec![b'<', 0xff, b'>'], "text/xml"))
        .mount(&server)
        .await;
    let err = client.send(ThingMetadata::new("t1")).await.expect_err("not UTF-8");
    assert!(matches!(err, okta::Error::Decode(_)), "{err:?}");
    assert!(err.to_string().contains("not UTF-8"), "{err}");
}
