//! The `#[derive(Endpoint)]` macro of the Okta SDK.
