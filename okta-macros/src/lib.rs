//! `#[derive(Endpoint)]`: declare an Okta endpoint as a struct, get a checked request builder.
//!
//! Use it through the `okta` crate (`#[derive(okta::Endpoint)]`), whose documentation has the
//! full syntax. The macro parses the declaration into a model that keeps spans (`ast.rs`,
//! `attr.rs`, `template.rs`), checks it (`valid.rs`), and only then generates code
//! (`expand.rs`); when the declaration is wrong it reports every mistake at once, at the
//! offending token, beside a stub impl (`fallback.rs`) so one mistake does not cascade.

mod ast;
mod attr;
mod case;
mod ctxt;
mod expand;
mod fallback;
mod model;
mod template;
mod valid;

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

/// Derives `okta_core::Endpoint` (and a constructor, setters, and optionally a client method).
/// See the `okta` crate's documentation of `Endpoint` for the syntax.
#[proc_macro_derive(Endpoint, attributes(endpoint))]
pub fn derive_endpoint(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::derive(&input).into()
}

/// Adds the serde attributes every Okta model field needs; see `okta::model`.
#[proc_macro_attribute]
pub fn model(args: TokenStream, item: TokenStream) -> TokenStream {
    model::expand(args.into(), item.into()).into()
}
