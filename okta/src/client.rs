//! `okta::Client`: the core client, plus one method per Okta operation.

use std::ops::Deref;

use okta_core::{AsClient, ClientBuilder, Error};

/// A handle on one Okta org, with a method for every operation of the Management and
/// Authentication APIs. Cheap to clone (clones share one connection pool), `Send + Sync`.
///
/// It dereferences to [`okta_core::Client`], so `send`, `stream`, `pages` and the raw
/// `request` escape hatch are here too.
///
/// ```no_run
/// # async fn demo() -> Result<(), okta::Error> {
/// use futures::TryStreamExt;
/// let client = okta::Client::from_env()?;
/// let user = client.get_user("00u1abcd").await?;
/// let mut active = client.list_users().filter(r#"status eq "ACTIVE""#).stream();
/// while let Some(user) = active.try_next().await? {
///     println!("{}", user.profile.login);
/// }
/// # let _ = user; Ok(()) }
/// ```
#[derive(Clone, Debug)]
pub struct Client {
    core: okta_core::Client,
}

impl Client {
    /// Starts configuring a client: `Client::builder().org_url(..).api_token(..).build()?`.
    pub fn builder() -> ClientBuilder<Client> {
        ClientBuilder::new()
    }

    /// A client configured from `OKTA_CLIENT_*` variables or `okta.yaml`, like Okta's other SDKs
    /// (an API token, or a service app with `OKTA_CLIENT_AUTHORIZATIONMODE=PrivateKey`).
    pub fn from_env() -> Result<Client, Error> {
        Client::builder().with_env().build()
    }

    /// The seed-003 factor operations (`UserFactorApi`): `client.user_factors().list_factors(id)`.
    pub fn user_factors(&self) -> UserFactors {
        UserFactors {
            client: self.core.clone(),
        }
    }
}

impl From<okta_core::Client> for Client {
    fn from(core: okta_core::Client) -> Self {
        Client { core }
    }
}

impl Deref for Client {
    type Target = okta_core::Client;
    fn deref(&self) -> &okta_core::Client {
        &self.core
    }
}

impl AsClient for Client {
    fn as_client(&self) -> &okta_core::Client {
        &self.core
    }
}

/// The user-factor operations of Okta's `UserFactorApi`, from [`Client::user_factors`].
///
/// They share endpoints (and declarations) with the factor methods of [`Client`]; they live here
/// because three of their names mean other (Authentication API) endpoints on [`Client`].
#[derive(Clone, Debug)]
pub struct UserFactors {
    client: okta_core::Client,
}

impl AsClient for UserFactors {
    fn as_client(&self) -> &okta_core::Client {
        &self.client
    }
}
