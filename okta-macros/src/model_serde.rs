//! `#[model]`'s own `Serialize` and `Deserialize` impls, written in place of serde's derive.
//!
//! serde's derive, given a `#[serde(flatten)]` map, writes about 300 lines a model (a buffering
//! field visitor and four copies of the key match) that every build type-checks and compiles
//! again for each deserializer. A model needs one `match` from wire name to field; the rest is
//! generic code in `okta::models::__model`, compiled once per field type. The JSON is the same:
//! members in declaration order (unknown ones where the map field is), `None` left out, `null`
//! and absence read as the default, a repeated member an error, unknown members kept.
//!
//! Only a struct that says nothing else to serde is taken over ([`plan`] returns `None`
//! otherwise, and serde's derive does the work with the attributes `model.rs` adds).

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Attribute, Data, DeriveInput, ExprPath, Fields, Ident, LitStr, Path, Token, Type};

use crate::model::is_option;

/// What the impls need to know of each field, in declaration order.
pub(crate) struct Plan {
    fields: Vec<PlannedField>,
    /// The traits as the derive names them (`Serialize`, `serde::Serialize`): the impls name
    /// them the same way, so the author's `use serde::{..}` stays used.
    serialize: Path,
    deserialize: Path,
}

struct PlannedField {
    ident: Ident,
    ty: Type,
    /// The member name on the wire.
    wire: String,
    kind: Kind,
    /// The field's own `skip_serializing_if`.
    skip_if: Option<ExprPath>,
}

enum Kind {
    /// `Option<T>`: `None` is not written, `null` reads as `None`.
    Option,
    /// Any other type: `null` reads as the default.
    Value,
    /// The `#[serde(flatten)]` map of unknown members.
    Extra,
}

/// Keys of a field's `#[serde(…)]` this module understands.
#[derive(Default)]
struct FieldSerde {
    rename: Option<LitStr>,
    skip_serializing_if: Option<ExprPath>,
    flatten: bool,
}

/// The impls to write, or `None` when serde's derive must: the struct does not derive both
/// traits, is generic, has no one `JsonMap` to flatten, or says something else to serde.
pub(crate) fn plan(item: &DeriveInput) -> Option<Plan> {
    if !item.generics.params.is_empty() || item.generics.where_clause.is_some() {
        return None;
    }
    let derived = derived(&item.attrs);
    let named = |name| derived.iter().find(|path| last_is(path, name)).cloned();
    let (serialize, deserialize) = (named("Serialize")?, named("Deserialize")?);
    // Decoding starts from the derived default: every field's own default, as serde's
    // `default` gives an absent field.
    named("Default")?;
    let camel_case = container_serde(&item.attrs)?;
    let Data::Struct(syn::DataStruct {
        fields: Fields::Named(named),
        ..
    }) = &item.data
    else {
        return None;
    };
    let mut fields = Vec::new();
    for field in &named.named {
        let serde = field_serde(&field.attrs)?;
        let ident = field.ident.clone()?;
        let name = ident.to_string();
        let name = name.strip_prefix("r#").unwrap_or(&name);
        let kind = if serde.flatten {
            if serde.rename.is_some() || serde.skip_serializing_if.is_some() || !is_json_map(&field.ty) {
                return None;
            }
            Kind::Extra
        } else if is_option(&field.ty) {
            Kind::Option
        } else {
            Kind::Value
        };
        let wire = match &serde.rename {
            Some(rename) => rename.value(),
            None if camel_case => serde_camel_case(name),
            None => name.to_owned(),
        };
        fields.push(PlannedField {
            ident,
            ty: field.ty.clone(),
            wire,
            kind,
            skip_if: serde.skip_serializing_if,
        });
    }
    let extras = fields.iter().filter(|f| matches!(f.kind, Kind::Extra)).count();
    let mut wires: Vec<&str> = fields
        .iter()
        .filter(|f| !matches!(f.kind, Kind::Extra))
        .map(|f| f.wire.as_str())
        .collect();
    wires.sort_unstable();
    let unique = wires.windows(2).all(|pair| pair[0] != pair[1]);
    (extras == 1 && unique).then_some(Plan {
        fields,
        serialize,
        deserialize,
    })
}

/// The item without serde's derives and attributes, and the two impls.
pub(crate) fn expand(mut item: DeriveInput, plan: &Plan) -> TokenStream {
    item.attrs.retain(|attr| !attr.path().is_ident("serde"));
    item.attrs = std::mem::take(&mut item.attrs)
        .into_iter()
        .filter_map(without_serde_derives)
        .collect();
    if let Data::Struct(strukt) = &mut item.data {
        for field in strukt.fields.iter_mut() {
            field.attrs.retain(|attr| !attr.path().is_ident("serde"));
        }
    }
    let m = quote!(::okta::models::__model);
    let ident = &item.ident;
    let expecting = format!("struct {}", ident.to_string().trim_start_matches("r#"));
    let known = || plan.fields.iter().filter(|f| !matches!(f.kind, Kind::Extra));
    let extra = plan.fields.iter().find(|f| matches!(f.kind, Kind::Extra));
    let extra = &extra.expect("planned with one map").ident;
    let (serialize, deserialize) = (&plan.serialize, &plan.deserialize);

    // Into the derived default; a repeated member overwrites the first, as an unknown one does in
    // `extra`. Few locals, so no drop ladder at every early return. Results are checked by
    // `match`, not `?`, whose search for a `From` impl of a generic error type is most of what
    // type-checking this would cost. (Refusing a repeated member, as serde's derive does, cost
    // a tenth of the checking time of every model; Okta never repeats one.)
    let read = known().map(|field| {
        let (name, wire) = (&field.ident, &field.wire);
        let read = match field.kind {
            Kind::Value => quote!(field_or_default),
            _ => quote!(field),
        };
        // At the field's type, so a type that is not `Deserialize` is reported there.
        quote_spanned! {field.ty.span()=>
            #wire => #m::#read(&mut __map, &mut __value.#name),
        }
    });
    let write = plan.fields.iter().map(|field| {
        let (name, wire) = (&field.ident, &field.wire);
        let write = match (&field.kind, &field.skip_if) {
            (Kind::Extra, _) => quote!(__members.extra(&self.#name);),
            (_, Some(skip)) => quote! {
                if !#skip(&self.#name) {
                    __members.value(#wire, &self.#name);
                }
            },
            (Kind::Option, None) => quote!(__members.some(#wire, &self.#name);),
            (Kind::Value, None) => quote!(__members.value(#wire, &self.#name);),
        };
        quote_spanned!(field.ty.span()=> #write)
    });
    quote! {
        #item

        #[automatically_derived]
        impl #m::ModelFields for #ident {
            const EXPECTING: &'static str = #expecting;

            fn visit_map<'de, __A: #m::MapAccess<'de>>(mut __map: __A) -> #m::Result<Self, __A::Error> {
                let mut __value: Self = #m::Default::default();
                loop {
                    let __key = match #m::MapAccess::next_key::<#m::Key<'de>>(&mut __map) {
                        #m::Result::Ok(#m::Option::Some(key)) => key,
                        #m::Result::Ok(#m::Option::None) => break,
                        #m::Result::Err(error) => return #m::Result::Err(error),
                    };
                    let __read = match __key.as_str() {
                        #(#read)*
                        _ => #m::extra(&mut __map, &mut __value.#extra, __key),
                    };
                    if let #m::Result::Err(error) = __read {
                        return #m::Result::Err(error);
                    }
                }
                #m::Result::Ok(__value)
            }
        }

        #[automatically_derived]
        impl<'de> #deserialize<'de> for #ident {
            fn deserialize<__D: #m::Deserializer<'de>>(deserializer: __D) -> #m::Result<Self, __D::Error> {
                #m::deserialize(deserializer)
            }
        }

        #[automatically_derived]
        impl #serialize for #ident {
            fn serialize<__S: #m::Serializer>(&self, serializer: __S) -> #m::Result<__S::Ok, __S::Error> {
                let mut __members = #m::Members::start(serializer);
                #(#write)*
                __members.end()
            }
        }
    }
}

/// Every derived path.
fn derived(attrs: &[Attribute]) -> Vec<Path> {
    attrs
        .iter()
        .filter(|attr| attr.path().is_ident("derive"))
        .filter_map(|attr| {
            attr.parse_args_with(Punctuated::<Path, Token![,]>::parse_terminated)
                .ok()
        })
        .flatten()
        .collect()
}

fn last_is(path: &Path, name: &str) -> bool {
    path.segments.last().is_some_and(|segment| segment.ident == name)
}

/// Whether the path names serde's `Serialize` or `Deserialize` (by its last segment).
fn is_serde_trait(path: &Path) -> bool {
    last_is(path, "Serialize") || last_is(path, "Deserialize")
}

/// A `#[derive(..)]` without `Serialize` and `Deserialize`; `None` when nothing is left.
fn without_serde_derives(attr: Attribute) -> Option<Attribute> {
    if !attr.path().is_ident("derive") {
        return Some(attr);
    }
    let Ok(paths) = attr.parse_args_with(Punctuated::<Path, Token![,]>::parse_terminated) else {
        return Some(attr);
    };
    let kept: Vec<&Path> = paths.iter().filter(|path| !is_serde_trait(path)).collect();
    if kept.is_empty() {
        return None;
    }
    let pound = attr.pound_token;
    Some(syn::parse_quote_spanned!(pound.span=> #[derive(#(#kept),*)]))
}

/// `Some(true)` for `#[serde(rename_all = "camelCase")]`, `Some(false)` for no container
/// attribute, `None` for anything else.
fn container_serde(attrs: &[Attribute]) -> Option<bool> {
    let mut camel_case = false;
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("serde")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename_all") {
                let rule: LitStr = meta.value()?.parse()?;
                if rule.value() == "camelCase" {
                    camel_case = true;
                    return Ok(());
                }
            }
            Err(meta.error("left to serde"))
        })
        .ok()?;
    }
    Some(camel_case)
}

/// A field's `rename`, `skip_serializing_if`, `default` and `flatten`; `None` for anything else.
fn field_serde(attrs: &[Attribute]) -> Option<FieldSerde> {
    let mut out = FieldSerde::default();
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("serde")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename") && out.rename.is_none() {
                out.rename = Some(meta.value()?.parse()?);
            } else if meta.path.is_ident("skip_serializing_if") && out.skip_serializing_if.is_none() {
                let path: LitStr = meta.value()?.parse()?;
                out.skip_serializing_if = Some(path.parse()?);
            } else if meta.path.is_ident("flatten") && !out.flatten {
                out.flatten = true;
            } else if meta.path.is_ident("default") && meta.input.is_empty() || meta.input.peek(Token![,]) {
                // Every field has its default already.
            } else {
                return Err(meta.error("left to serde"));
            }
            Ok(())
        })
        .ok()?;
    }
    Some(out)
}

/// Whether the type is spelled `JsonMap` (any path to it), the map `extra` is.
fn is_json_map(ty: &Type) -> bool {
    let Type::Path(path) = ty else { return false };
    path.qself.is_none()
        && path
            .path
            .segments
            .last()
            .is_some_and(|segment| segment.ident == "JsonMap" && segment.arguments.is_empty())
}

/// serde's `rename_all = "camelCase"` of a field name, exactly as serde computes it
/// (`self_` → `self`, `oauth2_claim` → `oauth2Claim`).
fn serde_camel_case(field: &str) -> String {
    let mut pascal = String::with_capacity(field.len());
    let mut capitalize = true;
    for ch in field.chars() {
        if ch == '_' {
            capitalize = true;
        } else if capitalize {
            pascal.push(ch.to_ascii_uppercase());
            capitalize = false;
        } else {
            pascal.push(ch);
        }
    }
    let mut chars = pascal.chars();
    match chars.next() {
        Some(first) => first.to_ascii_lowercase().to_string() + chars.as_str(),
        None => pascal,
    }
}

#[cfg(test)]
mod tests {
    use super::serde_camel_case;

    #[test]
    fn camel_case_is_serdes() {
        for (field, wire) in [
            ("id", "id"),
            ("last_updated", "lastUpdated"),
            ("self_", "self"),
            ("oauth2_claim", "oauth2Claim"),
            ("_private", "private"),
            ("x509_cert_chain", "x509CertChain"),
            ("a__b", "aB"),
        ] {
            assert_eq!(serde_camel_case(field), wire);
        }
    }
}
