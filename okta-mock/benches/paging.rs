//! What one page of `/api/v1/users` costs in a small org and in a large one, over HTTP on
//! 127.0.0.1: the first page, a page deep in the list, and pages filtered on the indexed
//! `status` and `profile.login`. Run with `cargo bench -p okta-sdk-mock --bench paging`; the ratios
//! near 1 are the point (a page costs what it holds, not what the org holds).

use std::time::{Duration, Instant};

use okta_mock::OktaMock;

const SMALL: usize = 100;
const LARGE: usize = 100_000;
const PAGE: usize = 50;
const ROUNDS: usize = 51;

struct Org {
    org: OktaMock,
    http: reqwest::Client,
}

impl Org {
    /// One page: its users and its `next` link.
    async fn get(&self, url: &str) -> (Vec<serde_json::Value>, Option<String>) {
        let resp = self
            .http
            .get(url)
            .header("authorization", format!("SSWS {}", self.org.token()))
            .send()
            .await
            .expect("the stand-in answers");
        let next = resp
            .headers()
            .get_all("link")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.contains("rel=\"next\""))
            .and_then(|v| v.split(['<', '>']).nth(1))
            .map(str::to_owned);
        let text = resp.text().await.expect("a body");
        let body: serde_json::Value = serde_json::from_str(&text).expect("a JSON page");
        (body.as_array().cloned().unwrap_or_default(), next)
    }
}

/// The URLs of the four cases in one org: first page, deep page, status filter, login filter.
async fn start(users: usize) -> (Org, [String; 4]) {
    let seeding = Instant::now();
    let org = OktaMock::builder()
        .seed_users(users)
        .rate_limit(u32::MAX, Duration::from_secs(60))
        .try_start()
        .await
        .expect("the stand-in starts");
    eprintln!("seeded {users} users in {:.1?}", seeding.elapsed());
    let http = reqwest::Client::builder().no_proxy().build().expect("an HTTP client");
    let o = Org { org, http };
    let base = format!("{}/api/v1/users", o.org.url());
    let first = format!("{base}?limit={PAGE}");
    // The cursor of the page in the middle of the list (the last page in the small org).
    let mut deep = o.get(&first).await.1.expect("a next link");
    for _ in 1..(users / PAGE / 2) {
        match o.get(&deep).await.1 {
            Some(next) => deep = next,
            None => break,
        }
    }
    let status = format!("{base}?limit={PAGE}&filter=status%20eq%20%22ACTIVE%22");
    // A login from the middle of the list.
    let middle = o.get(&deep).await.0;
    let login = middle[0]["profile"]["login"]
        .as_str()
        .unwrap_or_default()
        .replace('@', "%40");
    let login_url = format!("{base}?filter=profile.login%20eq%20%22{login}%22");
    (o, [first, deep, status, login_url])
}

/// The median time of one GET, the two orgs asked in turn so a busy machine slows both alike.
async fn median_pair(small: &Org, small_url: &str, large: &Org, large_url: &str) -> (Duration, Duration) {
    assert!(
        !small.get(small_url).await.0.is_empty(),
        "{small_url} returned no users"
    );
    assert!(
        !large.get(large_url).await.0.is_empty(),
        "{large_url} returned no users"
    );
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        let t = Instant::now();
        small.get(small_url).await;
        a.push(t.elapsed());
        let t = Instant::now();
        large.get(large_url).await;
        b.push(t.elapsed());
    }
    a.sort();
    b.sort();
    (a[a.len() / 2], b[b.len() / 2])
}

fn main() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        let (small, small_urls) = start(SMALL).await;
        let (large, large_urls) = start(LARGE).await;
        println!("median cost of one GET /api/v1/users (limit {PAGE}), {SMALL} vs {LARGE} users:");
        let cases = [
            "first page",
            "deep page (after cursor)",
            "filter status eq",
            "filter profile.login eq",
        ];
        for (i, what) in cases.iter().enumerate() {
            let (s, l) = median_pair(&small, &small_urls[i], &large, &large_urls[i]).await;
            let ratio = l.as_secs_f64() / s.as_secs_f64().max(1e-9);
            println!(
                "  {what:<26} {:>8.3} ms  {:>8.3} ms  ratio {ratio:.2}",
                s.as_secs_f64() * 1e3,
                l.as_secs_f64() * 1e3,
            );
        }
    });
}
