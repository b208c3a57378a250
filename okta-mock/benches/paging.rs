//! What one page of `/api/v1/users` costs in a small org and in a large one, over HTTP on
//! 127.0.0.1: the first page, a page deep in the list, and pages filtered on the indexed
//! `status` and `profile.login`. Run with `cargo bench -p okta-mock --bench paging`; the ratios
//! near 1 are the point (a page costs what it holds, not what the org holds).

use std::time::{Duration, Instant};

use okta_mock::OktaMock;

const SMALL: usize = 100;
const LARGE: usize = 100_000;
const PAGE: usize = 50;
const ROUNDS: u32 = 50;

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

    /// The mean time of one GET of `url`, after a warm-up.
    async fn per_page(&self, url: &str) -> Duration {
        assert!(!self.get(url).await.0.is_empty(), "{url} returned no users");
        let started = Instant::now();
        for _ in 0..ROUNDS {
            self.get(url).await;
        }
        started.elapsed() / ROUNDS
    }
}

/// Per-page times: first page, deep page, status filter, login filter.
async fn measure(users: usize) -> [Duration; 4] {
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
    [
        o.per_page(&first).await,
        o.per_page(&deep).await,
        o.per_page(&status).await,
        o.per_page(&login_url).await,
    ]
}

fn main() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let small = runtime.block_on(measure(SMALL));
    let large = runtime.block_on(measure(LARGE));
    println!("per-page cost of GET /api/v1/users (limit {PAGE}), {SMALL} vs {LARGE} users:");
    for (i, what) in [
        "first page",
        "deep page (after cursor)",
        "filter status eq",
        "filter profile.login eq",
    ]
    .iter()
    .enumerate()
    {
        let ratio = large[i].as_secs_f64() / small[i].as_secs_f64().max(1e-9);
        println!(
            "  {what:<26} {:>8.3} ms  {:>8.3} ms  ratio {ratio:.2}",
            small[i].as_secs_f64() * 1e3,
            large[i].as_secs_f64() * 1e3,
        );
    }
}
