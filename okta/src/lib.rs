//! The Okta SDK facade.

pub mod models;
