//! An Okta SDK for Rust: every operation of the Management and Authentication APIs, typed,
//! streamed, retried and rate-limit aware.
//!
//! ```no_run
//! use futures::TryStreamExt;
//! use okta::{Client, models::User};
//!
//! # async fn demo() -> Result<(), okta::Error> {
//! let client = Client::from_env()?; // OKTA_CLIENT_ORGURL + OKTA_CLIENT_TOKEN
//!
//! let user: User = client.get_user("00u1abcd").await?;
//! let mut users = client.list_users().filter(r#"status eq "ACTIVE""#).stream();
//! while let Some(user) = users.try_next().await? {
//!     println!("{}", user.profile.login);
//! }
//! # let _ = user; Ok(()) }
//! ```
//!
//! Every operation is a method of [`Client`] named as in Okta's API reference; required
//! parameters are arguments, optional ones are chainable setters. A call is awaited directly, or
//! sent with `.send()` / `.send_full()`; list operations also `.stream()` every item and
//! `.pages()`. Your own endpoints use the same machinery through [`derive@Endpoint`].

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
    Method, Page, PageStream, Paginated, ParamValue, Query, RateLimit, RateLimitedError, RawRequest, RawResponse,
    Response, RetryPolicy, SecretString, StatusCode,
};
pub use okta_macros::Endpoint;

#[doc(hidden)]
pub use okta_core::__private;
