//! An in-process, stateful Okta org on `127.0.0.1`, for testing code that talks to Okta.
//!
//! One line starts it; it speaks Okta's wire format (camelCase JSON, `_links`, Okta-shaped ids
//! and error bodies, `Link` paging, `X-Rate-Limit-*` and `X-Okta-Request-Id` headers) and keeps
//! state: create a user, and it is there to list, suspend, enroll factors for, log in as.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() {
//! let org = okta_mock::OktaMock::start().await;
//! // Point the code under test at org.url() with `Authorization: SSWS {org.token()}`.
//! println!("{} {}", org.url(), org.token());
//! # }
//! ```
//!
//! What it covers: users and their lifecycle and credentials, groups and membership, group
//! rules, apps with user/group assignments and keys, admin roles and group targets, policies
//! and rules, MFA factors, sessions, the Authentication API (`/api/v1/authn…`), the System
//! Log, the user schema (a profile attribute is accepted once the schema has it, as in a real
//! org) and authorization servers with their scopes, claims and policies. Every other operation
//! of Okta's Management API answers with the example response of Okta's specification, in the
//! media type the request's `Accept` asks for where the operation offers several (a certificate
//! signing request as JSON or PKCS#10; SAML metadata is XML).
//! Factors accept the passcode [`TEST_PASSCODE`]; seeded users have the password
//! [`SEED_PASSWORD`]. Fault injection ([`Faults`]) makes requests fail, stall, drop or hit a
//! rate limit, and [`OktaMock::requests`] shows what reached the server (credentials redacted).
//!
//! API service apps ([`ServiceApp`]) get access tokens at `/oauth2/v1/token` with a
//! `private_key_jwt` client assertion, DPoP-bound when the app requires it, and the org enforces
//! their scopes; see [`OktaMock::register_service_app`].
//!
//! The org serves from a thread of its own: [`OktaMock::start_blocking`] starts it from a plain
//! `#[test]`, and it keeps serving whichever runtime the test code uses.

mod cascade;
mod clock;
mod control;
mod error;
mod examples_generated;
mod faults;
mod filter;
mod harness;
mod ids;
mod media;
mod oauth;
mod paging;
mod rate_limit;
mod recorded;
mod request;
mod routes;
mod seed;
mod server;
mod state;
mod status;
mod user_schema;
mod user_store;

pub use faults::Faults;
pub use oauth::{InvalidServiceApp, ServiceApp};
pub use recorded::RecordedRequest;
pub use server::{OktaMock, OktaMockBuilder};

/// The one-time passcode every sms/call/email/TOTP factor accepts, for activation and
/// verification alike.
pub const TEST_PASSCODE: &str = "123456";

/// The password of every seeded user.
pub const SEED_PASSWORD: &str = "Okta-Mock-Passw0rd!";
