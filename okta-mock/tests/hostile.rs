//! Hostile input: random paging parameters, filters, cursors and credentials never make the
//! stand-in panic or answer 5xx, and it keeps serving afterwards. A bounded loop over
//! 127.0.0.1 with a fixed seed, so a failure replays.
#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

mod common;

use std::time::Duration;

use common::Api;
use okta_mock::OktaMock;

/// A random string from pieces that parsers trip on: digits, signs, quotes, operators, huge
/// numbers, multi-byte characters.
fn nasty(rng: &mut fastrand::Rng) -> String {
    const PIECES: &[&str] = &[
        "0",
        "-1",
        "9",
        "18446744073709551615",
        "99999999999999999999999",
        "ffffffffffffffff",
        "\"",
        "\\",
        "(",
        ")",
        " eq ",
        " gt ",
        " and ",
        " or ",
        " pr",
        "status",
        "profile.login",
        "lastUpdated",
        "2024-05-01T00:00:00.000Z",
        "9999-99-99T99:99:99.999+99:99",
        "é",
        "💥",
        ".",
        "",
        "null",
        "true",
        "%",
        "+",
        "=",
        "&",
    ];
    (0..rng.usize(0..8))
        .map(|_| PIECES[rng.usize(..PIECES.len())])
        .collect()
}

fn enc(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

#[tokio::test]
async fn random_parameters_and_credentials_never_break_the_org() {
    let org = OktaMock::builder()
        .seed_users(30)
        .rate_limit(10_000, Duration::from_secs(60));
    let api = Api::with(org.start().await);
    let mut rng = fastrand::Rng::with_seed(0x0c7a);
    for round in 0..300 {
        let (a, b, c) = (nasty(&mut rng), nasty(&mut rng), nasty(&mut rng));
        let path = match round % 4 {
            0 => format!("/api/v1/users?limit={}&after={}", enc(&a), enc(&b)),
            1 => format!("/api/v1/users?filter={}&limit={}", enc(&a), enc(&b)),
            2 => format!("/api/v1/users?search={}&after={}", enc(&a), enc(&c)),
            _ => format!("/api/v1/logs?since={}&until={}&limit={}", enc(&a), enc(&b), enc(&c)),
        };
        let r = api.call("GET", &path, None).await;
        assert!(r.status < 500, "{path}: {} {}", r.status, r.body);
        // Credentials the org never issued: refused, never a crash.
        let auth = format!("{} {a}", ["Bearer", "DPoP", "SSWS", "Basic"][round % 4]);
        let resp = api
            .http
            .get(format!("{}/api/v1/users", api.org.url()))
            .header("authorization", auth.replace(['\r', '\n'], ""))
            .header("dpop", format!("{}.{}.{}", enc(&a), enc(&b), enc(&c)))
            .send()
            .await
            .unwrap();
        assert!(resp.status().as_u16() == 401, "{auth:?}: {}", resp.status());
    }
    assert_eq!(api.get("/api/v1/users?limit=5").await.status, 200);
}
