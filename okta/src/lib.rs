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
//!     client.activate_user("00u1abcd", false).await?;                 // required parameters are arguments
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

pub mod api;
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
    ApiError, AsClient, Auth, Body, Call, ClientBuilder, Config, DecodeError, Endpoint, Error, ErrorCause, FileUpload,
    FormPart, Headers, ItemStream, Method, Multipart, OAuthError, Pacing, Page, PageForm, PageStream, Paginated,
    ParamValue, PrivateKey, Query, RateLimit, RateLimitBucket, RateLimitedError, RawBody, RawRequest, RawResponse,
    Redacted, Response, RetryPolicy, SecretString, Source, StatusCode, is_secret_field,
};
pub use okta_macros::Endpoint;
/// Adds the serde attributes every Okta model field needs, so a model says them once.
///
/// On a struct with named fields: an `Option<T>` field gets `#[serde(default,
/// skip_serializing_if = "Option::is_none")]` (absent or `null` reads as `None`, `None` is not
/// sent); any other field gets `default` and reads `null` as `T::default()`. A key the field
/// already names (its own `skip_serializing_if`, `with`, …) is kept, and `#[serde(flatten)]` or
/// `#[serde(skip)]` fields are left alone. Put it above the `#[derive]`.
///
/// A struct like Okta's models (deriving `Default`, `Serialize` and `Deserialize`, with one
/// `#[serde(flatten)]` [`JsonMap`](models::JsonMap), and no serde attributes but
/// `rename_all = "camelCase"`, `rename`, `skip_serializing_if` and `default`) gets the two serde
/// impls written by this macro instead of serde's derive: the same JSON, for a fraction of the
/// compile time.
///
/// ```
/// use serde::{Deserialize, Serialize};
///
/// #[okta::model]
/// #[derive(Debug, Default, Serialize, Deserialize)]
/// #[serde(rename_all = "camelCase")]
/// struct Badge {
///     badge_id: Option<String>,
///     holder: String,
///     #[serde(flatten)]
///     extra: okta::models::JsonMap,
/// }
///
/// let badge: Badge = serde_json::from_str(r#"{"badgeId": null, "holder": null, "color": "red"}"#).unwrap();
/// assert_eq!((badge.badge_id.as_deref(), badge.holder.as_str()), (None, ""));
/// assert_eq!(serde_json::to_string(&badge).unwrap(), r#"{"holder":"","color":"red"}"#);
/// ```
pub use okta_macros::model;

#[doc(hidden)]
pub use okta_core::__private;

/// The README's code blocks, compiled (and the stand-in one run) by `cargo test --doc`, so the
/// README cannot drift from the API.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
