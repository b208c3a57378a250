//! Provision users from a CSV file with bounded concurrency that stays under the rate limit.
//!
//! `cargo run -p okta-sdk --example bulk_provision -- people.csv` (columns `login,email,firstName,lastName`;
//! without a file, a generated sample of 300 rows is used).
//!
//! At most 8 requests are in flight. Every response's `X-Rate-Limit-Remaining` and `-Reset` are
//! read (`send_full`); when the window is nearly spent, new requests wait for the reset instead of
//! running into 429s. The client's own retries still handle a 429 if one happens anyway. Failed
//! rows are reported with Okta's error, not dropped.

mod support;

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use futures::StreamExt;
use okta::models::{User, UserProfile};
use tokio::sync::Mutex;

#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct Row {
    login: String,
    email: String,
    first_name: String,
    last_name: String,
}

/// Shared view of the rate-limit window, from the latest response.
#[derive(Default)]
struct Window {
    remaining: Option<u64>,
    reset: Option<SystemTime>,
}

/// Requests kept in reserve for everything else that uses the same token.
const RESERVE: u64 = 10;
const CONCURRENCY: usize = 8;

#[tokio::main]
async fn main() -> Result<(), support::Report> {
    let rows = read_rows(std::env::args().nth(1))?;
    // The stand-in gets a tight budget (120 requests per 2 s window) so the pacing shows.
    let stand_in = okta_mock::OktaMock::builder().rate_limit(120, Duration::from_secs(2));
    let (client, _stand_in) = support::client_or(stand_in).await?;
    let window = Arc::new(Mutex::new(Window::default()));

    let results: Vec<(String, Result<String, okta::Error>)> = futures::stream::iter(rows)
        .map(|row| {
            let (client, window) = (client.clone(), window.clone());
            async move {
                wait_for_budget(&window).await;
                let user = User::new(UserProfile::new(
                    row.login.as_str(),
                    row.email,
                    row.first_name,
                    row.last_name,
                ));
                let result = client.create_user(user).activate(false).send_full().await;
                if let Ok(full) = &result {
                    let mut w = window.lock().await;
                    w.remaining = full.rate_limit.remaining;
                    w.reset = full.rate_limit.reset_at();
                }
                (row.login, result.map(|full| full.value.id.unwrap_or_default()))
            }
        })
        .buffer_unordered(CONCURRENCY)
        .collect()
        .await;

    let failed: Vec<_> = results
        .iter()
        .filter_map(|(login, r)| r.as_ref().err().map(|e| (login, e)))
        .collect();
    println!(
        "created {} users, {} failed",
        results.len() - failed.len(),
        failed.len()
    );
    for (login, err) in failed.iter().take(20) {
        println!("  {login}: {err}");
    }
    Ok(())
}

/// Waits for the window to reset when fewer than `RESERVE` requests are left in it.
async fn wait_for_budget(window: &Mutex<Window>) {
    let wait = {
        let w = window.lock().await;
        match (w.remaining, w.reset) {
            (Some(left), Some(reset)) if left <= RESERVE => reset.duration_since(SystemTime::now()).ok(),
            _ => None,
        }
    };
    if let Some(wait) = wait {
        println!(
            "rate-limit window nearly spent; waiting {}s for the reset",
            wait.as_secs() + 1
        );
        tokio::time::sleep(wait + Duration::from_secs(1)).await;
    }
}

fn read_rows(path: Option<String>) -> Result<Vec<Row>, support::Report> {
    let text = match path {
        Some(path) => std::fs::read_to_string(path)?,
        None => {
            let mut csv = String::from("login,email,firstName,lastName\n");
            for i in 0..300 {
                csv.push_str(&format!(
                    "new.hire{i}@example.com,new.hire{i}@example.com,New,Hire{i}\n"
                ));
            }
            csv
        }
    };
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    Ok(reader.deserialize().collect::<Result<Vec<Row>, _>>()?)
}
