//! Transport, authentication, retries, rate limits, pagination and errors for the Okta SDK.

mod secret;

pub use secret::SecretString;
