//! The SDK's generated operations against `okta-mock` where the stand-in keeps state (the user
//! schema, its custom profile attributes then accepted on users, and authorization servers) and
//! where it answers or takes something other than JSON.

mod authorization_servers;
mod media_types;
mod user_schema;

use okta::Client;
use okta_mock::OktaMock;

fn client(org: &OktaMock) -> Client {
    Client::builder()
        .org_url(org.url())
        .api_token(org.token())
        .retry_policy(okta::RetryPolicy::none())
        .build()
        .expect("client")
}

/// The `errorSummary` and first `errorCauses[].errorSummary` of an Okta error.
fn summary_and_cause(err: &okta::Error) -> (String, String) {
    match err {
        okta::Error::Api(e) => (
            e.error_summary.clone().unwrap_or_default(),
            e.error_causes
                .first()
                .map(|c| c.error_summary.clone())
                .unwrap_or_default(),
        ),
        other => panic!("not an Okta error: {other}"),
    }
}
