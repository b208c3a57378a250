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

    /// Okta's User Factors API under the names of its UserFactor API reference (`UserFactorApi` in
    /// Okta's other SDKs): `client.user_factors().enroll_factor(user_id, factor)`.
    ///
    /// The same endpoints are methods of `Client` too, under their Management API v1 names
    /// (`add_factor`, `list_factors`, …). The UserFactor names live apart because three of them,
    /// `activate_factor`, `enroll_factor` and `verify_factor`, are Authentication API operations on
    /// `Client`.
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

/// Okta's User Factors API (`/api/v1/users/{userId}/factors`) named as in its UserFactor API
/// reference, from [`Client::user_factors`].
///
/// They are the endpoints of the factor methods of [`Client`] (which carry the Management API v1
/// names); they live here because three of their names mean Authentication API endpoints on
/// [`Client`].
#[derive(Clone, Debug)]
pub struct UserFactors {
    client: okta_core::Client,
}

impl AsClient for UserFactors {
    fn as_client(&self) -> &okta_core::Client {
        &self.client
    }
}
