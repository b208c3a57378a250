//! `#[derive(Endpoint)]`: declare an Okta endpoint as a struct, get a checked request builder.
//!
//! Use it through the `okta` crate (`#[derive(okta::Endpoint)]`), whose documentation has the
//! full syntax. The macro parses the declaration into a model that keeps spans (`ast.rs`,
//! `attr.rs`, `template.rs`; every key named once in `symbol.rs`), checks it (`valid.rs`, with
//! `suggest.rs` for typos; `ctxt.rs` gathers the errors), and only then generates code
//! (`expand.rs`); when the declaration is wrong it reports every mistake at once, at the
//! offending token, beside a stub impl (`fallback.rs`) so one mistake does not cascade.

mod ast;
mod attr;
mod case;
mod ctxt;
mod expand;
mod fallback;
mod model;
mod model_serde;
mod suggest;
mod symbol;
mod template;
mod valid;

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

/// Derives `okta_core::Endpoint` (and a constructor, setters, and optionally a client method).
///
/// ```text
/// #[derive(okta::Endpoint)]
/// #[endpoint(GET "/api/v1/iam/roles", response = Role, paginated(items = "roles", page_size = 50),
///            call = MyClient::list_roles)]
/// struct ListRoles {
///     #[endpoint(query)] limit: Option<i32>,
///     #[endpoint(query)] after: Option<String>,
///     #[endpoint(query, explode = false)] expand: Option<Vec<String>>,
/// }
/// ```
///
/// On the struct, after the method and the path template:
/// - `response = Type`: what a successful call decodes to (`()` for an empty success; the item
///   type of a list).
/// - `paginated`: a list, as a JSON array continued by `Link: <…>; rel="next"`. With
///   `items = "property"` the page is an object instead, its items under that property and the
///   next page at `_links.next.href`. With `page_size = N` a stream asks for `limit=N` unless the
///   caller set a `limit` (the struct needs an optional `limit` query field).
/// - `content_type = "application/merge-patch+json"`: the body's media type (default
///   `application/json`). A `raw` body needs one (`"application/x-pem-file"`).
/// - `accept = "text/xml"`: the media type asked for (default `application/json`). An answer
///   that is not JSON is read as UTF-8 text into `response = String`, or as bytes into
///   `response = Vec<u8>`.
/// - `unauthenticated`: a public endpoint (Okta's `/.well-known/…` documents), sent without the
///   client's credentials; a service app mints no token for it.
/// - `call = Type::method`, any number of times: a method on `Type` (which implements `AsClient`)
///   returning the call, with the same setters, awaitable and streamable.
/// - `crate = path`: where the `okta` crate is, when it is renamed.
///
/// On each field, its role: `path` (fills `{name}` in the template), `query`, `header = "Name"`,
/// `body` or `part`; and optionally `rename = "wireName"` (the default is the field's name in
/// camelCase). A body is sent as JSON; `#[endpoint(body, raw)]` sends it as its bytes instead
/// (a `String`, `Vec<u8>`, `bytes::Bytes`: anything `AsRef<[u8]>`), with the declared
/// `content_type`, or an `okta::Body` that names its own. `part` fields are the body instead:
/// a `multipart/form-data` form, each field one part under its wire name (an `okta::FileUpload`
/// for a file, a `String` for text). A `Vec` query field goes on the wire as one pair per value (`k=a&k=b`), or as one
/// comma-joined pair (`k=a,b`) with `explode = false`. `Option` fields are optional and get a
/// setter; the others are the arguments of `new` and of `call` methods.
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
