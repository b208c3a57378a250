//! `#[model]`: the serde field attributes every Okta model field needs, said once per struct.
//!
//! Okta omits fields, sends `null` for them, and must not receive a `null` it did not send. So
//! every field of a model is written to:
//!
//! * `Option<T>` → `#[serde(default, skip_serializing_if = "Option::is_none")]`: absent or `null`
//!   reads as `None`, `None` is not encoded;
//! * any other type → `#[serde(default, deserialize_with = "…null_as_default")]`: absent or `null`
//!   reads as `T::default()`.
//!
//! A field that already names one of these keys keeps its own value for it (`skip_serializing_if
//! = "String::is_empty"`), a `#[serde(flatten)]` or `#[serde(skip)]` field is left alone, and
//! nothing else of the struct changes: the derives and `rename`s stay the author's.
//!
//! When the struct derives both `Serialize` and `Deserialize`, has a `#[serde(flatten)]`
//! `JsonMap`, and says nothing to serde beyond `rename_all = "camelCase"`, `rename`,
//! `skip_serializing_if` and `default` (as every Okta model does), `model_serde.rs` writes the
//! two impls in place of serde's derive, with the same JSON and a fraction of the code.

use proc_macro2::{Delimiter, TokenStream, TokenTree};
use quote::quote;
use syn::{Attribute, Data, DeriveInput, Field, Fields, Meta, Type};

use crate::model_serde;

/// Expands `#[model]` on `item`; `args` must be empty.
pub(crate) fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    match rewrite(args, item) {
        Ok(tokens) => tokens,
        Err(error) => error.to_compile_error(),
    }
}

fn rewrite(args: TokenStream, item: TokenStream) -> syn::Result<TokenStream> {
    if !args.is_empty() {
        return Err(syn::Error::new_spanned(args, "#[model] takes no arguments"));
    }
    let mut item: DeriveInput = syn::parse2(item)?;
    let Data::Struct(syn::DataStruct {
        fields: Fields::Named(_),
        ..
    }) = &item.data
    else {
        return Err(syn::Error::new_spanned(
            &item.ident,
            "#[model] applies to a struct with named fields",
        ));
    };
    if let Some(plan) = model_serde::plan(&item) {
        return Ok(model_serde::expand(item, &plan));
    }
    if let Data::Struct(syn::DataStruct {
        fields: Fields::Named(fields),
        ..
    }) = &mut item.data
    {
        fields.named.iter_mut().for_each(add_serde_defaults);
    }
    Ok(quote!(#item))
}

fn add_serde_defaults(field: &mut Field) {
    let keys = serde_keys(&field.attrs);
    let has = |key: &str| keys.iter().any(|k| k == key);
    if has("flatten") || has("skip") || has("skip_deserializing") {
        return;
    }
    let mut added = Vec::new();
    if !has("default") {
        added.push(quote!(default));
    }
    if is_option(&field.ty) {
        if !has("skip_serializing_if") && !has("skip_serializing") {
            added.push(quote!(skip_serializing_if = "::core::option::Option::is_none"));
        }
    } else if !has("deserialize_with") && !has("with") {
        added.push(quote!(deserialize_with = "::okta::models::__model::null_as_default"));
    }
    if !added.is_empty() {
        field.attrs.push(syn::parse_quote!(#[serde(#(#added),*)]));
    }
}

/// The keys of the field's `#[serde(…)]` attributes (`rename`, `default`, …), values ignored.
pub(crate) fn serde_keys(attrs: &[Attribute]) -> Vec<String> {
    let mut keys = Vec::new();
    for attr in attrs {
        let Meta::List(list) = &attr.meta else { continue };
        if !list.path.is_ident("serde") {
            continue;
        }
        // The first identifier of each comma-separated item: `rename = "x"` → `rename`.
        let mut at_item_start = true;
        for token in list.tokens.clone() {
            match token {
                TokenTree::Punct(p) if p.as_char() == ',' => at_item_start = true,
                TokenTree::Ident(ident) if at_item_start => {
                    keys.push(ident.to_string());
                    at_item_start = false;
                }
                TokenTree::Group(g) if g.delimiter() == Delimiter::None => {}
                _ => at_item_start = false,
            }
        }
    }
    keys
}

/// Whether the type is spelled `Option<…>` (also `std::option::Option<…>`).
pub(crate) fn is_option(ty: &Type) -> bool {
    let Type::Path(path) = ty else { return false };
    path.qself.is_none()
        && path
            .path
            .segments
            .last()
            .is_some_and(|segment| segment.ident == "Option")
}
