//! The machinery every operation stands on, against real HTTP servers on 127.0.0.1: retries and
//! their limits, rate limits, deadlines, pagination edge cases, errors, and secrets.

#[path = "../common/mod.rs"]
mod common;

mod errors;
mod pagination;
mod retries;

use std::time::Duration;

/// A client for `uri` whose waits are tiny, so retry tests never sleep for seconds.
/// Also used by `tests/secrets.rs`.
pub fn fast_retry_client(uri: &str, retries: u32) -> okta::Client {
    okta::Client::builder()
        .org_url(uri)
        .api_token(common::TOKEN)
        .retry_policy(
            okta::RetryPolicy::default()
                .max_retries(retries)
                .base_backoff(Duration::from_millis(1))
                .max_wait(Duration::from_millis(20)),
        )
        .build()
        .expect("client")
}
