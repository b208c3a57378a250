//! The machinery every operation stands on, against real HTTP servers on 127.0.0.1: retries and
//! their limits, rate limits, deadlines, pagination edge cases, errors, and secrets.

#[path = "../common/mod.rs"]
mod common;

mod errors;
mod pacing;
mod pagination;
mod retries;
mod stale_connections;
mod uploads;

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

/// What users rely on when they spawn tasks and share the client: checked by the compiler.
#[allow(dead_code)]
fn the_client_its_calls_and_streams_can_cross_threads() {
    fn send_sync<T: Send + Sync + Clone + 'static>() {}
    fn send<T: Send + 'static>(_: &T) {}
    send_sync::<okta::Client>();
    send_sync::<okta::UserFactors>();
    let client: okta::Client = unreachable_client();
    send(&std::future::IntoFuture::into_future(client.get_user("x")));
    send(&client.list_users().stream());
    send(&client.list_users().pages());
    send(
        &client
            .request(okta::Method::GET, "/api/v1/users")
            .send_json::<serde_json::Value>(),
    );
}

#[allow(dead_code)]
fn unreachable_client() -> okta::Client {
    unreachable!("only type-checked")
}
