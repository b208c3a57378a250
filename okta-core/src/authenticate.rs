//! Authenticate: the layer of the send path that decides each attempt's credentials, and what a
//! response means for them. An API token or a bearer token is a fixed header; a service app
//! ([`ServiceApp`]) mints assertions, keeps its token fresh and proves possession with DPoP.

use std::sync::Arc;

use reqwest::header::HeaderValue;

use crate::client::Client;
use crate::error::Error;
use crate::request::PreparedRequest;
use crate::response::RawResponse;
pub(crate) use crate::service_app::{AccessToken, Authorized, Reaction, ServiceApp};

/// How a client authenticates, decided once when it is built.
pub(crate) enum Credentials {
    /// `SSWS <token>`, `Bearer <token>`, or no `Authorization` header at all.
    Fixed(Option<HeaderValue>),
    /// OAuth 2.0 client credentials with `private_key_jwt`, and DPoP when the app uses it.
    ServiceApp(Box<ServiceApp>),
}

impl Credentials {
    /// The credentials of one attempt: none for a public endpoint.
    pub(crate) async fn authorize(&self, client: &Client, req: &PreparedRequest) -> Result<Authorized, Error> {
        if !req.is_authenticated() {
            return Ok(Authorized::default());
        }
        match self {
            Credentials::Fixed(header) => Ok(Authorized {
                authorization: header.clone(),
                ..Authorized::default()
            }),
            Credentials::ServiceApp(app) => app.authorize(client, req).await,
        }
    }

    /// What a response means for the credentials.
    pub(crate) fn react(
        &self,
        req: &PreparedRequest,
        used: Option<&Arc<AccessToken>>,
        response: &RawResponse,
        auth_retries: u32,
    ) -> Reaction {
        if !req.is_authenticated() {
            // It sent no credentials, so a 401 says nothing about them.
            return Reaction::Proceed;
        }
        match self {
            Credentials::Fixed(_) => Reaction::Proceed,
            Credentials::ServiceApp(app) => app.react(req, used, response, auth_retries),
        }
    }
}
