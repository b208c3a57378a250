use futures::TryStreamExt;
use serde_json::json;
use wiremock::matchers::{method, path, query_param, query_param_is_missing};
use wiremock::{Mock, ResponseTemplate};

use crate::common::{Expected, org};
use okta::models::LogSeverity;

fn event(uuid: &str) -> serde_json::Value {
    json!({
        "actor": {"id": "00uttidj01jqL21aM1d6", "type": "User", "alternateId": "john.doe@example.com", "displayName": "John Doe", "detailEntry": null},
        "client": {
            "userAgent": {"rawUserAgent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64)", "os": "Windows 10", "browser": "CHROME"},
            "zone": null,
            "device": "Computer",
            "id": null,
            "ipAddress": "10.0.0.1",
            "geographicalContext": {
                "city": "New York", "state": "New York", "country": "United States", "postalCode": 10013,
                "geolocation": {"lat": 40.3157, "lon": -74.01}
            }
        },
        "authenticationContext": {
            "authenticationProvider": null, "credentialProvider": null, "credentialType": null,
            "issuer": null, "interface": null, "authenticationStep": 0, "externalSessionId": "102bZDNFfWaQSyEZQuDgWt-uQ"
        },
        "displayMessage": "User login to Okta",
        "eventType": "user.session.start",
        "outcome": {"result": "SUCCESS", "reason": null},
        "published": "2017-09-31T22:23:07.777Z",
        "securityContext": {"asNumber": 394, "asOrg": "home", "isp": "internet service provider", "domain": null, "isProxy": false},
        "severity": "INFO",
        "debugContext": {"debugData": {"requestUri": "/login/do-login"}},
        "legacyEventType": "core.user_auth.login_success",
        "transaction": {"type": "WEB", "id": "V04Oy4ubUOc5UuG6s9DyNQAABtc", "detail": {}},
        "uuid": uuid,
        "version": "0",
        "request": {"ipChain": [{"ip": "10.0.0.1", "geographicalContext": {"city": "New York"}, "version": "V4", "source": null}]},
        "target": null
    })
}

#[tokio::test]
async fn get_logs() {
    let org = org().await;
    let page = org
        .check(
            Expected {
                op: "get_logs",
                method: "GET",
                path: "/api/v1/logs",
                query: &[
                    ("until", "2017-10-02T00:00:00.000Z"),
                    ("since", "2017-10-01T00:00:00.000Z"),
                    ("filter", "eventType eq \"user.session.start\""),
                    ("q", "john.doe"),
                    ("limit", "100"),
                    ("sortOrder", "DESCENDING"),
                    ("after", "1507015200000_1"),
                ],
                headers: &[],
                body: None,
                status: 200,
                response: Some(json!([event("dc9fd3c0-598c-11ef-8478-2b7584bf8d5a")])),
            },
            org.client
                .get_logs()
                .until("2017-10-02T00:00:00.000Z")
                .since("2017-10-01T00:00:00.000Z")
                .filter(r#"eventType eq "user.session.start""#)
                .q("john.doe")
                .limit(100)
                .sort_order("DESCENDING")
                .after("1507015200000_1")
                .send(),
        )
        .await;
    let event0 = &page.items[0];
    assert_eq!(event0.event_type.as_deref(), Some("user.session.start"));
    assert_eq!(event0.severity, Some(LogSeverity::Info));
    assert_eq!(
        event0.actor.as_ref().and_then(|a| a.alternate_id.as_deref()),
        Some("john.doe@example.com")
    );
    org.check_stream("get_logs", "/api/v1/logs", event("e1"), org.client.get_logs().stream())
        .await;
}

/// A System Log poll (ASCENDING, no `until`) announces a next page on every page, the empty one
/// included; the stream must end at the first empty page instead of polling forever.
#[tokio::test]
async fn get_logs_poll_ends_at_the_first_empty_page() {
    let org = org().await;
    let uri = org.server.uri();
    let next = |cursor: &str| format!("<{uri}/api/v1/logs?after={cursor}&sortOrder=ASCENDING>; rel=\"next\"");
    Mock::given(method("GET"))
        .and(path("/api/v1/logs"))
        .and(query_param_is_missing("after"))
        .and(query_param("sortOrder", "ASCENDING"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!([event("e1"), event("e2")]))
                .append_header(
                    "link",
                    format!("<{uri}/api/v1/logs?sortOrder=ASCENDING>; rel=\"self\"").as_str(),
                )
                .append_header("link", next("c1").as_str()),
        )
        .expect(2)
        .mount(&org.server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v1/logs"))
        .and(query_param("after", "c1"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!([]))
                .append_header("link", next("c2").as_str()),
        )
        .expect(2)
        .mount(&org.server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v1/logs"))
        .and(query_param("after", "c2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([event("e3")])))
        .expect(0)
        .mount(&org.server)
        .await;

    let events: Vec<_> = org
        .client
        .get_logs()
        .sort_order("ASCENDING")
        .stream()
        .try_collect()
        .await
        .expect("the poll ends cleanly");
    let uuids: Vec<_> = events.iter().map(|e| e.uuid.as_deref().unwrap_or_default()).collect();
    assert_eq!(uuids, ["e1", "e2"]);

    // `pages()` yields the empty page too, with the cursor to poll from next time.
    let pages: Vec<_> = org
        .client
        .get_logs()
        .sort_order("ASCENDING")
        .pages()
        .try_collect()
        .await
        .expect("the poll ends cleanly");
    assert_eq!(pages.len(), 2);
    assert!(pages[1].is_empty());
    assert_eq!(pages[1].next_cursor().as_deref(), Some("c2"));
    org.server.verify().await;
}
