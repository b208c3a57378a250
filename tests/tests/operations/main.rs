//! One test per Okta operation (okta-operations.tsv): with every setter used, the exact method,
//! path, query, headers and body on the wire, and a realistic response decoded. Every list
//! operation is also streamed over three pages.

#[path = "../common/mod.rs"]
mod common;
mod fixtures;

mod apps;
mod authn;
mod decoding;
mod factors;
mod groups;
mod logs;
mod policies;
mod sessions;
mod users;
