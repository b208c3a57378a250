//! Shared by the examples: a client for the org in the environment, or for an embedded stand-in.

// Each example is its own crate and uses only some of these.
#![allow(dead_code)]

mod report;

use okta::Client;
use okta_mock::OktaMock;

pub use report::Report;

/// A client for `OKTA_CLIENT_ORGURL`/`OKTA_CLIENT_TOKEN`, or, when they are not set, for a fresh
/// embedded stand-in (returned too, so it lives as long as the client is used).
pub async fn client_or_stand_in(seed_users: usize) -> Result<(Client, Option<OktaMock>), okta::Error> {
    client_or(OktaMock::builder().seed_users(seed_users)).await
}

/// Like [`client_or_stand_in`], with the stand-in configured by `stand_in`.
pub async fn client_or(stand_in: okta_mock::OktaMockBuilder) -> Result<(Client, Option<OktaMock>), okta::Error> {
    if std::env::var("OKTA_CLIENT_ORGURL").is_ok() && std::env::var("OKTA_CLIENT_TOKEN").is_ok() {
        let client = Client::from_env()?;
        eprintln!("using {}", client.org_url());
        return Ok((client, None));
    }
    let org = stand_in.start().await;
    eprintln!(
        "no OKTA_CLIENT_ORGURL/OKTA_CLIENT_TOKEN: using an embedded stand-in at {}",
        org.url()
    );
    let client = Client::builder().org_url(org.url()).api_token(org.token()).build()?;
    Ok((client, Some(org)))
}
