//! An Okta SDK for Rust: every operation of the Management and Authentication APIs, typed,
//! streamed, retried and rate-limit aware.
//!
//! ```no_run
//! use futures::TryStreamExt;
//! use okta::{Client, models::User};
//!
//! #[tokio::main]
//! async fn main() -> Result<(), okta::Error> {
//!     // OKTA_CLIENT_ORGURL + OKTA_CLIENT_TOKEN, or the builder
//!     let client = Client::from_env()?;
//!
//!     let user: User = client.get_user("00u1abcd").await?;          // IntoFuture: no .send() needed
//!     client.activate_user("00u1abcd", false).await?;                 // seed-required args are positional
//!
//!     let mut users = client.list_users().filter(r#"status eq "ACTIVE""#).stream(); // every page, lazily
//!     while let Some(user) = users.try_next().await? { println!("{}", user.profile.login); }
//!
//!     let page = client.list_groups().limit(50).await?;               // one page: items + next cursor
//!     let factors = client.user_factors().list_factors("00u1abcd").await?;
//!     # let _ = (user, page, factors);
//!     Ok(())
//! }
//! ```
//!
//! Every operation is a method of [`Client`] named as in Okta's API reference; required
//! parameters are arguments, optional ones are chainable setters. A call is awaited directly, or
//! sent with `.send()` / `.send_full()`; list operations also `.stream()` every item and
//! `.pages()`. Your own endpoints use the same machinery through [`derive@Endpoint`], and
//! [`models`] holds lossless typed models for every body and response.

extern crate self as okta;

pub mod apps;
pub mod authn;
mod client;
pub mod groups;
pub mod logs;
pub mod models;
pub mod policies;
pub mod sessions;
pub mod users;

pub use client::{Client, UserFactors};
/// The transport-level client that [`Client`] wraps; what [`AsClient`] hands out.
pub use okta_core::Client as CoreClient;
pub use okta_core::{
    ApiError, AsClient, Auth, Call, ClientBuilder, DecodeError, Endpoint, Error, ErrorCause, HeaderMap, ItemStream,
    Method, Pacing, Page, PageStream, Paginated, ParamValue, Query, RateLimit, RateLimitBucket, RateLimitedError,
    RawRequest, RawResponse, Response, RetryPolicy, SecretString, StatusCode,
};
pub use okta_macros::Endpoint;

#[doc(hidden)]
pub use okta_core::__private;
