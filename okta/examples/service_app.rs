//! Authenticate as an API service app, the way Okta recommends for automation: OAuth 2.0 client
//! credentials with a `private_key_jwt` assertion, scoped tokens, and DPoP when the app requires it.
//!
//! ```sh
//! cargo run -p okta-sdk --example service_app
//! ```
//!
//! With `OKTA_CLIENT_AUTHORIZATIONMODE=PrivateKey`, `OKTA_CLIENT_ORGURL`, `OKTA_CLIENT_CLIENTID`,
//! `OKTA_CLIENT_SCOPES` (e.g. `okta.users.read okta.groups.read`) and `OKTA_CLIENT_PRIVATEKEY`
//! (PEM or JWK text, or a file path) set, it reads a few users and groups of that org. Otherwise
//! it starts an embedded stand-in org, registers a DPoP-requiring service app with a key it
//! generates, and does the same there.

use futures::TryStreamExt;
use okta::{Client, PrivateKey};
use okta_mock::{OktaMock, ServiceApp};

#[tokio::main]
async fn main() -> Result<(), okta::Error> {
    let real_org = std::env::var("OKTA_CLIENT_AUTHORIZATIONMODE").is_ok_and(|m| m.eq_ignore_ascii_case("PrivateKey"));
    let _stand_in;
    let client = if real_org {
        let client = Client::from_env()?;
        println!("service app against {}", client.org_url());
        client
    } else {
        let org = OktaMock::builder().seed_users(12).seed_groups(3).start().await;
        // A new key pair: the public half is what you would paste into the app's Public keys.
        let key = PrivateKey::generate_p256()?.with_key_id("example-key");
        org.register_service_app(
            ServiceApp::new("0oa1exampleapp")
                .public_key(key.public_jwk().to_string())
                .scopes(["okta.users.read", "okta.groups.read"])
                .require_dpop(true),
        );
        println!(
            "no OKTA_CLIENT_AUTHORIZATIONMODE=PrivateKey: using an embedded stand-in at {}",
            org.url()
        );
        println!(
            "registered service app 0oa1exampleapp (DPoP required) with public key {}",
            key.public_jwk()
        );
        let client = Client::builder()
            .org_url(org.url())
            .private_key_jwt("0oa1exampleapp", key)
            .scopes(["okta.users.read", "okta.groups.read"])
            .build()?;
        _stand_in = org;
        client
    };
    println!("settings:\n{}", client.config());

    // The first call fetches a token (and answers the DPoP nonce challenge); the rest reuse it.
    let users: Vec<okta::models::User> = client.list_users().limit(5).stream().try_collect().await?;
    println!(
        "{} users, read page by page, each page with its own DPoP proof:",
        users.len()
    );
    for user in users.iter().take(5) {
        println!("  {}", user.profile.login);
    }
    let groups = client.list_groups().limit(5).await?;
    println!("{} groups on the first page", groups.len());
    Ok(())
}
