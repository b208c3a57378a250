use futures::{StreamExt, TryStreamExt};
use okta::{Error, Method};
use serde_json::{Value, json};
use wiremock::matchers::{method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::common::org;

fn items(range: std::ops::Range<u32>) -> Value {
    Value::Array(range.map(|i| json!({"id": format!("00u{i}")})).collect())
}

/// Mounts page `n` (after=`cursor`, or the first page when `None`) answering `response`.
async fn page(server: &MockServer, cursor: Option<&str>, response: ResponseTemplate) {
    let mock = Mock::given(method("GET")).and(path("/api/v1/users"));
    let mock = match cursor {
        Some(c) => mock.and(query_param("after", c)),
        None => mock.and(query_param_is_missing("after")),
    };
    mock.respond_with(response).mount(server).await;
}

/// Up to 10 results of streaming `/api/v1/users`: enough for every case here, bounded if a
/// stream failed to stop.
async fn stream_users(client: &okta::Client) -> Vec<Result<Value, Error>> {
    client
        .request(Method::GET, "/api/v1/users")
        .stream()
        .take(10)
        .collect()
        .await
}

fn ids(users: &[Value]) -> Vec<String> {
    users
        .iter()
        .map(|u| u["id"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test]
async fn link_headers_joined_reversed_or_separate_are_all_followed() {
    let org = org().await;
    let uri = org.server.uri();
    let next = |c: &str| format!("<{uri}/api/v1/users?after={c}&limit=2>; rel=\"next\"");
    let this = format!("<{uri}/api/v1/users?limit=2>; rel=\"self\"");
    // Page 1: one comma-joined header. Page 2: separate lines, next first. Page 3: self only.
    page(
        &org.server,
        None,
        ResponseTemplate::new(200)
            .set_body_json(items(0..2))
            .insert_header("link", format!("{this}, {}", next("c1")).as_str()),
    )
    .await;
    page(
        &org.server,
        Some("c1"),
        ResponseTemplate::new(200)
            .set_body_json(items(2..4))
            .append_header("link", next("c2").as_str())
            .append_header("link", this.as_str()),
    )
    .await;
    page(
        &org.server,
        Some("c2"),
        ResponseTemplate::new(200)
            .set_body_json(items(4..6))
            .append_header("link", this.as_str()),
    )
    .await;
    page(&org.server, Some("c3"), ResponseTemplate::new(500)).await;

    let users: Vec<Value> = org
        .client
        .request(Method::GET, "/api/v1/users")
        .query("limit", "2")
        .stream()
        .try_collect()
        .await
        .expect("stream");
    assert_eq!(ids(&users), ["00u0", "00u1", "00u2", "00u3", "00u4", "00u5"]);
    let requests = org.server.received_requests().await.expect("recorded");
    assert_eq!(requests.len(), 3);
    assert_eq!(
        requests[1].url.query(),
        Some("after=c1&limit=2"),
        "the next link is followed as given"
    );
}

#[tokio::test]
async fn streams_are_lazy_and_expose_the_cursor_for_resuming() {
    let org = org().await;
    let uri = org.server.uri();
    page(
        &org.server,
        None,
        ResponseTemplate::new(200)
            .set_body_json(items(0..2))
            .insert_header("link", format!("<{uri}/api/v1/users?after=c1>; rel=\"next\"").as_str()),
    )
    .await;
    page(
        &org.server,
        Some("c1"),
        ResponseTemplate::new(200).set_body_json(items(2..3)),
    )
    .await;

    let mut stream = org.client.request(Method::GET, "/api/v1/users").stream::<Value>();
    let first = stream.try_next().await.expect("ok").expect("an item");
    assert_eq!(first["id"], "00u0");
    assert_eq!(
        org.server.received_requests().await.expect("recorded").len(),
        1,
        "page 2 is not fetched before it is needed"
    );

    let mut pages = org.client.request(Method::GET, "/api/v1/users").pages::<Value>();
    let page1 = pages.try_next().await.expect("ok").expect("page");
    assert_eq!(page1.next_cursor().as_deref(), Some("c1"));
    assert!(page1.has_next());
    // Resume later from the cursor alone.
    let rest: Vec<Value> = org
        .client
        .request(Method::GET, "/api/v1/users")
        .query("after", "c1")
        .stream()
        .try_collect()
        .await
        .expect("resumed");
    assert_eq!(ids(&rest), ["00u2"]);
}

#[tokio::test]
async fn a_next_link_to_another_origin_is_refused_and_never_contacted() {
    let org = org().await;
    let elsewhere = MockServer::start().await;
    page(
        &org.server,
        None,
        ResponseTemplate::new(200).set_body_json(items(0..1)).insert_header(
            "link",
            format!("<{}/api/v1/users?after=c1>; rel=\"next\"", elsewhere.uri()).as_str(),
        ),
    )
    .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(items(9..10)))
        .mount(&elsewhere)
        .await;

    let results: Vec<Result<Value, Error>> = org
        .client
        .request(Method::GET, "/api/v1/users")
        .stream()
        .collect()
        .await;
    assert_eq!(results.len(), 2, "the first page's item, then the error");
    assert_eq!(results[0].as_ref().expect("first item")["id"], "00u0");
    let err = results[1].as_ref().expect_err("refused");
    assert!(matches!(err, Error::Pagination(_)), "{err:?}");
    assert!(err.to_string().contains("not to the org"), "{err}");
    assert!(
        elsewhere.received_requests().await.expect("recorded").is_empty(),
        "the token never left the org"
    );
}

#[tokio::test]
async fn a_repeated_cursor_stops_the_stream_instead_of_looping() {
    let org = org().await;
    let uri = org.server.uri();
    let to_c1 = format!("<{uri}/api/v1/users?after=c1>; rel=\"next\"");
    page(
        &org.server,
        None,
        ResponseTemplate::new(200)
            .set_body_json(items(0..1))
            .insert_header("link", to_c1.as_str()),
    )
    .await;
    page(
        &org.server,
        Some("c1"),
        ResponseTemplate::new(200)
            .set_body_json(items(1..2))
            .insert_header("link", to_c1.as_str()),
    )
    .await;

    let results = stream_users(&org.client).await;
    assert_eq!(results.len(), 3, "two items, then the error: {results:?}");
    assert!(matches!(results[2], Err(Error::Pagination(_))));
    assert_eq!(org.server.received_requests().await.expect("recorded").len(), 2);
}

#[tokio::test]
async fn an_error_mid_stream_surfaces_after_the_items_before_it() {
    let org = org().await;
    let uri = org.server.uri();
    page(
        &org.server,
        None,
        ResponseTemplate::new(200)
            .set_body_json(items(0..2))
            .insert_header("link", format!("<{uri}/api/v1/users?after=c1>; rel=\"next\"").as_str()),
    )
    .await;
    page(
        &org.server,
        Some("c1"),
        ResponseTemplate::new(500).set_body_json(
            json!({"errorCode": "E0000009", "errorSummary": "Internal Server Error", "errorCauses": []}),
        ),
    )
    .await;

    let mut stream = org.client.request(Method::GET, "/api/v1/users").stream::<Value>();
    let mut seen = Vec::new();
    let err = loop {
        match stream.try_next().await {
            Ok(Some(item)) => seen.push(item),
            Ok(None) => panic!("the stream ended silently after {} items", seen.len()),
            Err(e) => break e,
        }
    };
    assert_eq!(ids(&seen), ["00u0", "00u1"]);
    assert_eq!(err.error_code(), Some("E0000009"));
    assert!(
        stream.try_next().await.expect("ended").is_none(),
        "nothing after the error"
    );
}

#[tokio::test]
async fn a_page_that_does_not_decode_ends_the_stream_even_with_a_next_link() {
    let org = org().await;
    let uri = org.server.uri();
    page(
        &org.server,
        None,
        ResponseTemplate::new(200)
            .set_body_json(json!({"not": "a list"}))
            .insert_header("link", format!("<{uri}/api/v1/users?after=c1>; rel=\"next\"").as_str()),
    )
    .await;
    page(
        &org.server,
        Some("c1"),
        ResponseTemplate::new(200).set_body_json(items(0..2)),
    )
    .await;

    let results = stream_users(&org.client).await;
    assert_eq!(results.len(), 1, "the error alone: {results:?}");
    assert!(matches!(results[0], Err(Error::Decode(_))), "{results:?}");
    assert_eq!(
        org.server.received_requests().await.expect("recorded").len(),
        1,
        "the next link of a page that failed is not followed"
    );
}

#[tokio::test]
async fn a_bad_item_fails_with_the_json_path() {
    let org = org().await;
    page(
        &org.server,
        None,
        ResponseTemplate::new(200).set_body_json(json!([{"id": "00u0"}, {"id": 7}])),
    )
    .await;
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Strict {
        id: String,
    }
    let err = org
        .client
        .request(Method::GET, "/api/v1/users")
        .stream::<Strict>()
        .try_collect::<Vec<_>>()
        .await
        .expect_err("decode");
    let Error::Decode(decode) = &err else { panic!("{err:?}") };
    assert_eq!(decode.json_path, "[1].id");
    assert!(decode.type_name.contains("Strict"));
    assert!(err.to_string().contains("at `[1].id`"), "{err}");
}

#[tokio::test]
async fn streams_ask_for_the_largest_page_unless_a_limit_is_set() {
    let org = org().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
        .mount(&org.server)
        .await;
    let _: Vec<okta::models::Application> = org
        .client
        .list_applications()
        .stream()
        .try_collect()
        .await
        .expect("streamed");
    let _: Vec<okta::models::Application> = org
        .client
        .list_applications()
        .limit(5)
        .stream()
        .try_collect()
        .await
        .expect("streamed");
    let _ = org.client.list_applications().await.expect("one page");
    let _: Vec<okta::models::LogEvent> = org.client.get_logs().stream().try_collect().await.expect("streamed");
    let queries: Vec<Option<String>> = org
        .server
        .received_requests()
        .await
        .expect("recorded")
        .iter()
        .map(|r| r.url.query().map(str::to_owned))
        .collect();
    assert_eq!(
        queries,
        [
            Some("limit=200".to_owned()),
            Some("limit=5".to_owned()),
            None,
            Some("limit=1000".to_owned())
        ],
        "streams take the maximum page, a caller's limit wins, one awaited page uses the server default"
    );
}

/// Streams `/api/v1/users` whose first page carries `link`, and returns what the stream gave and
/// how many requests reached the server.
async fn first_page_linking(link: &str) -> (Vec<Result<Value, Error>>, usize) {
    let org = org().await;
    let link = link.replace("{uri}", &org.server.uri());
    page(
        &org.server,
        None,
        ResponseTemplate::new(200)
            .set_body_json(items(0..2))
            .insert_header("link", link.as_str()),
    )
    .await;
    // Whatever a wrongly followed link would reach.
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([{"id": "00g-not-a-user"}])))
        .mount(&org.server)
        .await;
    let results = org
        .client
        .request(Method::GET, "/api/v1/users")
        .stream()
        .take(10)
        .collect()
        .await;
    (results, org.server.received_requests().await.expect("recorded").len())
}

#[tokio::test]
async fn a_rel_inside_a_quoted_parameter_is_not_a_next_link() {
    let (results, requests) =
        first_page_linking(r#"<{uri}/api/v1/users?after=c1>; title="x;rel=next"; rel="self""#).await;
    let users: Vec<Value> = results.into_iter().collect::<Result<_, _>>().expect("no error");
    assert_eq!(ids(&users), ["00u0", "00u1"]);
    assert_eq!(requests, 1, "the self link was not followed as a next link");

    // And a real next link after a quoted comma is still found.
    let (results, requests) = first_page_linking(
        r#"<{uri}/api/v1/users?limit=2>; title="a, <{uri}/api/v1/users?after=x>; rel=next"; rel="self", <{uri}/api/v1/users?after=c1>; rel="next""#,
    )
    .await;
    assert_eq!(requests, 2);
    let requests_ok = results.iter().filter(|r| r.is_ok()).count();
    assert_eq!(requests_ok, 3, "two users, then what the next page held: {results:?}");
}

#[tokio::test]
async fn a_next_link_that_is_not_a_url_comes_after_the_items_of_its_page() {
    let (results, requests) = first_page_linking(r#"<http://[not-a-url>; rel="next""#).await;
    assert_eq!(results.len(), 3, "two users, then the error: {results:?}");
    assert_eq!(results[0].as_ref().expect("first")["id"], "00u0");
    assert_eq!(results[1].as_ref().expect("second")["id"], "00u1");
    let err = results[2].as_ref().expect_err("then the error");
    assert!(matches!(err, Error::Pagination(_)), "{err:?}");
    assert!(err.to_string().contains("is not a URL"), "{err}");
    assert_eq!(requests, 1);
}

#[tokio::test]
async fn a_next_link_to_another_path_of_the_org_is_refused() {
    let (results, requests) = first_page_linking(r#"<{uri}/api/v1/groups?after=c1>; rel="next""#).await;
    assert_eq!(results.len(), 3, "two users, then the error: {results:?}");
    assert!(results[..2].iter().all(Result::is_ok));
    let err = results[2].as_ref().expect_err("refused");
    assert!(matches!(err, Error::Pagination(_)), "{err:?}");
    assert!(err.to_string().contains("another path"), "{err}");
    assert_eq!(requests, 1, "no group was decoded as a user");
}

/// Keeps a paused clock from moving by itself until the returned sender is dropped.
///
/// A paused current-thread runtime jumps to the next timer whenever it is idle, and waiting for
/// wiremock (which answers from its own thread) looks idle: the request's 60 s timeout would fire
/// at once. Tokio does not auto-advance while a blocking task runs, so one waits here, and the
/// test moves time itself with `tokio::time::advance`.
fn hold_the_clock() -> std::sync::mpsc::Sender<()> {
    let (release, wait) = std::sync::mpsc::channel::<()>();
    tokio::task::spawn_blocking(move || wait.recv());
    release
}

/// Lets the runtime run spawned tasks and I/O, without moving the (held) clock, until `done` or
/// a bounded number of turns.
async fn settle(done: impl Fn() -> bool) {
    for _ in 0..20_000 {
        if done() {
            return;
        }
        tokio::task::yield_now().await;
    }
}

#[tokio::test(start_paused = true)]
async fn following_the_system_log_polls_its_next_link_at_the_interval_until_dropped() {
    let org = org().await;
    let _clock = hold_the_clock();
    let uri = org.server.uri();
    let events = |ids: &[&str]| Value::Array(ids.iter().map(|id| json!({ "uuid": id })).collect());
    let next = |after: &str| format!("<{uri}/api/v1/logs?after={after}&limit=1000>; rel=\"next\"");
    let logs = |after: Option<&str>| {
        let mock = Mock::given(method("GET")).and(path("/api/v1/logs"));
        match after {
            Some(a) => mock.and(query_param("after", a)),
            None => mock
                .and(query_param("since", "2026-12-01T00:00:00.000Z"))
                .and(query_param_is_missing("after")),
        }
    };
    logs(None)
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(events(&["e1", "e2"]))
                .insert_header("link", next("e2").as_str()),
        )
        .mount(&org.server)
        .await;
    // Dry at first, then one new event; its link then stays dry.
    logs(Some("e2"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(events(&[]))
                .insert_header("link", next("e2").as_str()),
        )
        .up_to_n_times(1)
        .mount(&org.server)
        .await;
    logs(Some("e2"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(events(&["e3"]))
                .insert_header("link", next("e3").as_str()),
        )
        .mount(&org.server)
        .await;
    logs(Some("e3"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(events(&[]))
                .insert_header("link", next("e3").as_str()),
        )
        .mount(&org.server)
        .await;
    let requests = || async { org.server.received_requests().await.map_or(0, |r| r.len()) };

    let interval = std::time::Duration::from_secs(15);
    let started = tokio::time::Instant::now();
    let mut log = org
        .client
        .follow(okta::logs::GetLogs::new().since("2026-12-01T00:00:00.000Z"), interval);
    let uuids = |page: &okta::Page<okta::models::LogEvent>| -> Vec<String> {
        page.items.iter().filter_map(|e| e.uuid.clone()).collect()
    };
    let first = log.try_next().await.expect("no error").expect("a page");
    assert_eq!(uuids(&first), ["e1", "e2"]);
    let dry = log.try_next().await.expect("no error").expect("a page");
    assert!(dry.is_empty(), "nothing new yet");
    assert_eq!(requests().await, 2);

    // Polled now, the stream waits; it asks again only once the interval is up.
    let mut next = log.try_next();
    assert!(futures::poll!(&mut next).is_pending());
    tokio::time::advance(interval - std::time::Duration::from_millis(1)).await;
    assert!(futures::poll!(&mut next).is_pending());
    assert_eq!(requests().await, 2, "nothing is asked before the interval is up");
    // Tokio rounds a timer up to its next millisecond tick.
    tokio::time::advance(std::time::Duration::from_millis(2)).await;
    let new = next.await.expect("no error").expect("a page");
    assert_eq!(uuids(&new), ["e3"]);
    let elapsed = started.elapsed();
    assert!(
        elapsed >= interval && elapsed < interval + std::time::Duration::from_millis(5),
        "one interval of (paused) time passed: {elapsed:?}"
    );

    let received = org.server.received_requests().await.expect("recorded");
    let query = |i: usize, name: &str| {
        let url = &received[i].url;
        url.query_pairs().find(|(k, _)| k == name).map(|(_, v)| v.into_owned())
    };
    let afters: Vec<Option<String>> = (0..received.len()).map(|i| query(i, "after")).collect();
    assert_eq!(
        afters,
        [None, Some("e2".into()), Some("e2".into())],
        "the same link, asked again"
    );
    assert_eq!(query(0, "limit").as_deref(), Some("1000"), "the largest page");

    // Dropped, it asks no more, however long it would have waited.
    drop(log);
    tokio::time::advance(interval * 10).await;
    settle(|| false).await;
    assert_eq!(requests().await, 3);
}

#[tokio::test(start_paused = true)]
async fn get_logs_follow_yields_events_across_quiet_polls() {
    let org = org().await;
    let _clock = hold_the_clock();
    let uri = org.server.uri();
    let next = format!("<{uri}/api/v1/logs?after=e1>; rel=\"next\"");
    Mock::given(method("GET"))
        .and(query_param_is_missing("after"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!([{ "uuid": "e1" }]))
                .insert_header("link", next.as_str()),
        )
        .mount(&org.server)
        .await;
    // Quiet for three polls, then an event.
    Mock::given(method("GET"))
        .and(query_param("after", "e1"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!([]))
                .insert_header("link", next.as_str()),
        )
        .up_to_n_times(3)
        .mount(&org.server)
        .await;
    Mock::given(method("GET"))
        .and(query_param("after", "e1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([{ "uuid": "e2" }])))
        .mount(&org.server)
        .await;

    let interval = std::time::Duration::from_secs(30);
    let mut live = org.client.get_logs().follow(interval);
    let e1 = live.try_next().await.expect("no error").expect("an event");
    assert_eq!(e1.uuid.as_deref(), Some("e1"));
    let waiting = tokio::spawn(async move { live.try_next().await });
    for _ in 0..20 {
        if waiting.is_finished() {
            break;
        }
        tokio::time::advance(interval).await;
        settle(|| waiting.is_finished()).await;
    }
    let e2 = waiting.await.expect("the task").expect("no error").expect("an event");
    assert_eq!(e2.uuid.as_deref(), Some("e2"));
    assert_eq!(
        org.server.received_requests().await.expect("recorded").len(),
        5,
        "one, three quiet polls, one"
    );
}

#[tokio::test]
async fn following_a_list_whose_last_page_has_no_next_link_ends() {
    let org = org().await;
    Mock::given(method("GET"))
        .and(path("/api/v1/logs"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([{ "uuid": "e1" }])))
        .mount(&org.server)
        .await;
    // An hour's interval: were it waited, the test would hang.
    let pages: Vec<okta::Page<okta::models::LogEvent>> = org
        .client
        .follow(okta::logs::GetLogs::new(), std::time::Duration::from_secs(3600))
        .try_collect()
        .await
        .expect("ended");
    assert_eq!(pages.len(), 1);
    assert_eq!(pages[0].items[0].uuid.as_deref(), Some("e1"));
}
