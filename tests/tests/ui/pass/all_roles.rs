//! Every role, `rename`, `paginated`, and `call` on the user's own type implementing `AsClient`.
#![deny(warnings)]

use okta::Endpoint as _;
use okta::AsClient;

/// The user's own client wrapper: `call = Tenant::..` puts methods on it.
struct Tenant {
    client: okta::Client,
}

impl AsClient for Tenant {
    fn as_client(&self) -> &okta::CoreClient {
        self.client.as_client()
    }
}

#[derive(serde::Serialize)]
struct Note {
    text: String,
}

/// Adds a note to a group.
#[derive(okta::Endpoint)]
#[endpoint(POST "/api/v1/groups/{groupId}/notes", response = serde_json::Value, call = Tenant::add_note)]
struct AddNote {
    #[endpoint(path)]
    group_id: String,
    #[endpoint(query, rename = "query_scope")]
    scope: Option<String>,
    #[endpoint(header = "X-Forwarded-For")]
    forwarded_for: Option<String>,
    #[endpoint(body)]
    body: Option<Note>,
}

/// Lists the notes of a group, page by page.
#[derive(okta::Endpoint)]
#[endpoint(GET "/api/v1/groups/{groupId}/notes", response = serde_json::Value, paginated, call = Tenant::list_notes)]
struct ListNotes {
    #[endpoint(path)]
    group_id: String,
    #[endpoint(query)]
    limit: Option<u32>,
    #[endpoint(query)]
    include_archived: bool,
}

/// Deletes a note; an empty success.
#[derive(okta::Endpoint)]
#[endpoint(DELETE "/api/v1/groups/{groupId}/notes/{noteId}", response = (), call = Tenant::delete_note)]
struct DeleteNote {
    #[endpoint(path)]
    group_id: String,
    #[endpoint(path)]
    note_id: String,
}

/// Type-checks awaiting and streaming; never run (it would need a server).
#[allow(dead_code)]
async fn use_calls(tenant: &Tenant) -> Result<(), okta::Error> {
    use futures::TryStreamExt;
    let note: serde_json::Value = tenant.add_note("00g1").scope("all").body(Note { text: "hi".into() }).await?;
    let sent: serde_json::Value = tenant.add_note("00g1").send().await?;
    let full: okta::Response<serde_json::Value> = tenant.add_note("00g1").send_full().await?;
    let page: okta::Page<serde_json::Value> = tenant.list_notes("00g1", true).limit(5u32).await?;
    let mut items = tenant.list_notes("00g1", false).stream();
    while let Some(item) = items.try_next().await? {
        let _: serde_json::Value = item;
    }
    let mut pages = tenant.list_notes("00g1", false).pages();
    while let Some(page) = pages.try_next().await? {
        let _: okta::Page<serde_json::Value> = page;
    }
    let (): () = tenant.delete_note("00g1", "n1").await?;
    let direct: serde_json::Value = tenant.client.send(AddNote::new("00g1")).await?;
    let _ = (note, sent, full, page, direct);
    Ok(())
}

fn main() {
    let client = okta::Client::builder()
        .org_url("http://127.0.0.1:9")
        .api_token("00abc")
        .build()
        .expect("a loopback org needs no TLS");
    let tenant = Tenant { client };

    // The bound call carries the endpoint, with its setters applied.
    let call = tenant
        .add_note("00g1/../x y")
        .scope("user groups")
        .forwarded_for("203.0.113.7")
        .body(Note { text: "hello".into() });
    let endpoint = call.endpoint();
    assert_eq!(endpoint.path().expect("path"), "/api/v1/groups/00g1%2F..%2Fx%20y/notes");
    let mut query = okta::Query::default();
    endpoint.query(&mut query);
    assert_eq!(query.to_string(), "query_scope=user%20groups");
    let mut headers = Default::default();
    endpoint.headers(&mut headers).expect("valid header");
    assert_eq!(headers.get("x-forwarded-for").expect("set"), "203.0.113.7");
    // `body` is also the name of the setter: the trait's method is named in full.
    let body = okta::Endpoint::body(endpoint).expect("serializes").expect("set");
    assert_eq!(body.as_bytes(), br#"{"text":"hello"}"#);
    assert_eq!(<AddNote as okta::Endpoint>::METHOD, okta::Method::POST);
    assert_eq!(<AddNote as okta::Endpoint>::PATH, "/api/v1/groups/{groupId}/notes");

    // Unset optionals send nothing; a required query parameter is always sent.
    let bare = AddNote::new("00g1");
    let mut query = okta::Query::default();
    bare.query(&mut query);
    assert!(query.is_empty());
    assert_eq!(okta::Endpoint::body(&bare).expect("no body"), None);

    let list = ListNotes::new("00g1", true).limit(20u32);
    let mut query = okta::Query::default();
    list.query(&mut query);
    assert_eq!(query.to_string(), "limit=20&includeArchived=true");
    fn paginated<E: okta::Paginated<Item = serde_json::Value>>(_: &E) {}
    paginated(&list);

    let delete = tenant.delete_note("00g1", "n1");
    assert_eq!(delete.endpoint().path().expect("path"), "/api/v1/groups/00g1/notes/n1");

    // Building the future sends nothing.
    drop(use_calls(&tenant));
}
