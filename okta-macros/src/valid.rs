//! Checks a parsed declaration; every finding is reported at the token that causes it.

use std::collections::HashMap;

use crate::ast::{Field, Input};
use crate::attr::Role;
use crate::ctxt::Ctxt;
use crate::template;

const METHODS: [&str; 7] = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

/// Names the generated code already uses on the struct or its bound call.
const RESERVED: [&str; 7] = ["new", "send", "send_full", "send_raw", "stream", "pages", "endpoint"];

pub(crate) fn check(cx: &Ctxt, input: &Input) {
    check_generics(cx, input);
    let method = check_method(cx, input);
    check_response(cx, input, method.as_deref());
    check_path(cx, input);
    check_fields(cx, input, method.as_deref());
    check_content_type(cx, input);
    check_raw(cx, input);
    check_accept(cx, input);
    check_items(cx, input);
    check_call(cx, input);
}

/// `content_type` names the body's media type, so it must be one (`type/subtype`, optionally with
/// parameters) and there must be a body; anything else would fail at run time, or never matter.
fn check_content_type(cx: &Ctxt, input: &Input) {
    let Some(lit) = &input.attr.content_type else { return };
    check_media_type(cx, lit, "application/merge-patch+json");
    if input.with_role(|r| matches!(r, Role::Part)).next().is_some() {
        cx.error_spanned_by(
            lit,
            "a multipart form names its own media type (`multipart/form-data` with its boundary): remove `content_type`",
        );
    } else if input.with_role(|r| matches!(r, Role::Body)).next().is_none() {
        cx.error_spanned_by(
            lit,
            "`content_type` is the media type of the body, but no field is #[endpoint(body)]: add one or remove `content_type`",
        );
    }
}

/// `lit` is a media type (`type/subtype`, optionally with parameters); `example` shows one.
fn check_media_type(cx: &Ctxt, lit: &syn::LitStr, example: &str) {
    let value = lit.value();
    let (essence, params) = value.split_once(';').unwrap_or((&value, ""));
    let media_type = essence
        .trim()
        .split_once('/')
        .is_some_and(|(ty, sub)| is_token(ty) && is_token(sub));
    if !media_type || !params.bytes().all(|b| b == b'\t' || (b' '..=b'~').contains(&b)) {
        cx.error_spanned_by(
            lit,
            format!("`{value}` is not a media type: write it as `type/subtype`, e.g. \"{example}\""),
        );
    }
}

/// Whether a media type is JSON or a JSON variant (`application/merge-patch+json`).
pub(crate) fn is_json(media_type: &str) -> bool {
    let essence = media_type.split(';').next().unwrap_or_default().trim();
    essence.eq_ignore_ascii_case("application/json") || essence.to_ascii_lowercase().ends_with("+json")
}

/// A `raw` body is sent as its bytes, so only the declaration can say what they are: it needs a
/// `content_type` that is not JSON's default, and it is a body.
fn check_raw(cx: &Ctxt, input: &Input) {
    for field in input.fields.iter() {
        let Some(span) = field.raw else { continue };
        match &field.role {
            Some(Role::Body) => {}
            Some(role) => {
                cx.error_at(
                    span,
                    format!(
                        "`raw` sends a body as its bytes; it does not apply to {}: remove it",
                        role.describe()
                    ),
                );
                continue;
            }
            None => continue,
        }
        if input.attr.content_type.is_none() && !input.attr.incomplete {
            cx.error_at(
                span,
                "a `raw` body is sent as its bytes, so say what they are: add `content_type = \"..\"` \
                 (e.g. \"application/x-pem-file\") to the struct's #[endpoint(..)]",
            );
        }
    }
}

/// `accept` names the media type of the answer; what is not JSON decodes as text into a
/// `String` or as bytes into a `Vec<u8>`, never into a model, and is never a list.
fn check_accept(cx: &Ctxt, input: &Input) {
    let Some(lit) = &input.attr.accept else { return };
    check_media_type(cx, lit, "text/xml");
    if is_json(&lit.value()) {
        return;
    }
    if let Some(paginated) = &input.attr.paginated {
        cx.error_spanned_by(
            paginated,
            format!(
                "a `paginated` list is JSON; it cannot be read as `{}`: remove `accept` or `paginated`",
                lit.value()
            ),
        );
    } else if let Some(ty) = input.attr.response.as_ref().filter(|ty| body_kind(ty).is_none()) {
        cx.error_spanned_by(
            ty,
            format!(
                "an answer of `{}` is read as text or bytes: write `response = String` or `response = Vec<u8>`",
                lit.value()
            ),
        );
    }
}

/// How a non-JSON answer is read into `ty`: as UTF-8 text (`String`) or as bytes (`Vec<u8>`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum BodyKind {
    Text,
    Bytes,
}

pub(crate) fn body_kind(ty: &syn::Type) -> Option<BodyKind> {
    let syn::Type::Path(path) = ty else { return None };
    let last = path.path.segments.last()?;
    if last.ident == "String" && last.arguments.is_none() {
        return Some(BodyKind::Text);
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.first() {
        Some(syn::GenericArgument::Type(syn::Type::Path(inner)))
            if last.ident == "Vec" && args.args.len() == 1 && inner.path.is_ident("u8") =>
        {
            Some(BodyKind::Bytes)
        }
        _ => None,
    }
}

/// `items` names the JSON property that holds a page's items: an empty name cannot be one.
fn check_items(cx: &Ctxt, input: &Input) {
    if let Some(items) = input.attr.items.as_ref().filter(|l| l.value().is_empty()) {
        cx.error_spanned_by(
            items,
            "`items` names the property that holds the page's items, e.g. `items = \"roles\"`",
        );
    }
}

/// The generated `Endpoint` impl, setters and bound call name the struct without parameters, and
/// a request's types are fixed by the API anyway.
fn check_generics(cx: &Ctxt, input: &Input) {
    let generics = &input.original.generics;
    if !generics.params.is_empty() {
        cx.error_spanned_by(
            generics,
            "generic endpoints are not supported: give every field a concrete type",
        );
    }
}

/// The method becomes `Method::GET` and friends: only the methods Okta's API uses exist there,
/// and a lower-case or misspelled one would be a confusing "no associated item" error.
/// Returns the method in upper case when it is a known one.
fn check_method(cx: &Ctxt, input: &Input) -> Option<String> {
    let method = input.attr.method.as_ref()?;
    let name = method.to_string();
    if METHODS.contains(&name.as_str()) {
        return Some(name);
    }
    let upper = name.to_uppercase();
    if METHODS.contains(&upper.as_str()) {
        cx.error_spanned_by(method, format!("HTTP methods are written in upper case: `{upper}`"));
    } else {
        cx.error_spanned_by(
            method,
            format!(
                "unknown HTTP method `{name}`{}; expected one of {}",
                crate::suggest::did_you_mean(&upper, &METHODS),
                METHODS.join(", ")
            ),
        );
    }
    None
}

/// A call's output is the `response` type, so it must be given; `page_size` fills the `limit`
/// field, which must therefore exist; and a list is read with GET, of items that are not `()`.
fn check_response(cx: &Ctxt, input: &Input, method: Option<&str>) {
    let attr = &input.attr;
    if attr.response.is_none() && !attr.incomplete {
        if let Some(tokens) = &attr.tokens {
            cx.error_spanned_by(
                tokens,
                "missing `response = Type`: say what a successful call returns (`()` for an empty success; \
                 the item type for a `paginated` list)",
            );
        }
    }
    if let Some(size) = &attr.page_size {
        let limit = input.fields.iter().find(|f| f.ident == "limit");
        match limit {
            Some(f) if matches!(f.role, Some(Role::Query)) && f.option_inner.is_some() => {}
            _ => cx.error_spanned_by(
                size,
                "`page_size` fills the `limit` query parameter when the caller sets none: \
                 add `#[endpoint(query)] limit: Option<i32>`",
            ),
        }
    }
    if let Some(paginated) = &attr.paginated {
        if method.is_some_and(|m| m != "GET") {
            cx.error_spanned_by(
                paginated,
                "`paginated` lists are read with GET; remove `paginated` or use GET",
            );
        }
        if let Some(syn::Type::Tuple(t)) = &attr.response {
            if t.elems.is_empty() {
                cx.error_spanned_by(t, "a `paginated` list needs its item type as `response`, not `()`");
            }
        }
    }
}

/// Every `{param}` of the path is filled from exactly one path field, and every path field fills
/// one: otherwise a request would go to a path with a literal `{userId}` in it, or a value given
/// by the caller would be silently dropped.
fn check_path(cx: &Ctxt, input: &Input) {
    let Some(lit) = &input.attr.path else { return };
    let parts = match template::parse(&lit.value()) {
        Ok(parts) => parts,
        Err(message) => {
            cx.error_spanned_by(lit, message);
            return;
        }
    };
    let path_fields: Vec<&Field> = input.with_role(|r| matches!(r, Role::Path)).collect();
    let mut seen = HashMap::new();
    let mut mismatched = Vec::new();
    for name in template::params(&parts) {
        if seen.insert(name, ()).is_some() {
            cx.error_spanned_by(
                lit,
                format!("`{{{name}}}` appears twice in the path; each parameter once"),
            );
        }
        if path_fields.iter().any(|f| f.wire == name) {
            continue;
        }
        let snake = snake_case(name);
        let same_name = |f: &Field| f.wire == name || f.ident == name || f.ident == snake.as_str();
        if let Some(field) = path_fields.iter().find(|f| same_name(f)) {
            // `{user_id}` for `user_id`, whose wire name is `userId`: one mistake, one error.
            mismatched.push(field.ident);
            cx.error_spanned_by(
                lit,
                format!(
                    "`{{{name}}}` does not match field `{}`, whose wire name is `{}`: write `{{{}}}` in the path, \
                     or keep `{{{name}}}` and mark the field `#[endpoint(path, rename = \"{name}\")]`",
                    field.ident, field.wire, field.wire
                ),
            );
        } else if let Some(field) = input.fields.iter().find(|f| same_name(f)) {
            // A field without a role is reported by `check_fields`, which lists the roles.
            if let Some(role) = &field.role {
                cx.error_at(
                    field.role_span,
                    format!(
                        "`{}` fills `{{{name}}}` in the path, so it must be #[endpoint(path)], not {}",
                        field.ident,
                        role.describe()
                    ),
                );
            }
        } else {
            cx.error_spanned_by(
                lit,
                format!("`{{{name}}}` has no field: add `#[endpoint(path)] {snake}: String` to the struct"),
            );
        }
    }
    for field in path_fields {
        if mismatched.contains(&field.ident) {
            continue;
        }
        if !template::params(&parts).any(|p| p == field.wire) {
            cx.error_spanned_by(
                field.ident,
                format!(
                    "`{}` is a path parameter, but the path has no `{{{}}}`: add it to \"{}\" or give the field another role",
                    field.ident,
                    field.wire,
                    lit.value()
                ),
            );
        }
    }
}

/// Each field has one role the generated code can send; a field's name must not shadow a
/// generated method; there is at most one body, never on GET or HEAD; header names are valid
/// HTTP; and no two fields send the same wire name, which Okta would read as one list.
fn check_fields(cx: &Ctxt, input: &Input, method: Option<&str>) {
    let mut body_seen = false;
    let mut wire_names: HashMap<(std::mem::Discriminant<Role>, String), &syn::Ident> = HashMap::new();
    for field in &input.fields {
        let Some(role) = &field.role else {
            if field.attr_failed {
                continue;
            }
            cx.error_spanned_by(
                field.ident,
                format!(
                    "`{}` has no role: mark it #[endpoint(path)], #[endpoint(query)], \
                     #[endpoint(header = \"Name\")], #[endpoint(body)] or #[endpoint(part)]",
                    field.ident
                ),
            );
            continue;
        };
        if RESERVED.contains(&field.ident.to_string().as_str()) {
            cx.error_spanned_by(
                field.ident,
                format!("a field cannot be named `{}`: the generated code uses that name; rename the field and keep the wire name with `rename`", field.ident),
            );
        }
        if let Some(rename) = &field.rename {
            if rename.value().is_empty() {
                cx.error_spanned_by(rename, "`rename` needs a wire name, not an empty string");
            }
        }
        match role {
            Role::Path => {
                if field.option_inner.is_some() {
                    cx.error_spanned_by(
                        field.ty,
                        "a path parameter is always required: use `String`, not `Option<..>`",
                    );
                }
            }
            Role::Body => {
                if body_seen {
                    cx.error_at(
                        field.role_span,
                        "only one field can be the body; wrap the parts in one struct",
                    );
                }
                body_seen = true;
                if let Some(rename) = &field.rename {
                    cx.error_spanned_by(rename, "the body has no wire name; remove `rename`");
                }
                if let Some(m @ ("GET" | "HEAD")) = method {
                    cx.error_at(
                        field.role_span,
                        format!("a {m} request has no body; use POST or PUT, or make it a query parameter"),
                    );
                }
            }
            Role::Part => {
                if let Some(body) = input.with_role(|r| matches!(r, Role::Body)).next() {
                    cx.error_at(
                        field.role_span,
                        format!(
                            "the form is the body, so `{}` cannot be a part beside the body `{}`: \
                             make every field that goes in the body a #[endpoint(part)]",
                            field.ident, body.ident
                        ),
                    );
                }
                if let Some(m @ ("GET" | "HEAD")) = method {
                    cx.error_at(
                        field.role_span,
                        format!("a {m} request has no body, so no form; use POST or PUT"),
                    );
                }
            }
            Role::Header(name) => {
                if !is_token(&name.value()) {
                    cx.error_spanned_by(name, format!("`{}` is not a valid HTTP header name", name.value()));
                }
            }
            Role::Query => {}
        }
        // `explode` says how a list goes in the query string; headers and bodies have their own forms.
        if let Some(explode) = field.explode.as_ref().filter(|_| !matches!(role, Role::Query)) {
            cx.error_spanned_by(
                explode,
                format!(
                    "`explode` applies to query parameters, not to {}: remove it",
                    role.describe()
                ),
            );
        }
        if matches!(role, Role::Query | Role::Header(_) | Role::Part) {
            let is_header = matches!(role, Role::Header(_));
            let key = (
                std::mem::discriminant(role),
                if is_header {
                    field.wire.to_ascii_lowercase()
                } else {
                    field.wire.clone()
                },
            );
            if let Some(first) = wire_names.insert(key, field.ident) {
                cx.error_spanned_by(
                    field.ident,
                    format!(
                        "`{}` and `{}` both send `{}`; give one a different `rename`",
                        first, field.ident, field.wire
                    ),
                );
            }
        }
    }
}

/// `call = Type::method` generates `impl Type { fn method(..) }`: both parts are needed, and the
/// method cannot take generic parameters the generated code would not know how to fill.
fn check_call(cx: &Ctxt, input: &Input) {
    for call in &input.attr.calls {
        if call.segments.len() < 2 {
            cx.error_spanned_by(
                call,
                format!(
                    "`call` names the method to generate together with the type it goes on: `call = MyClient::{}`",
                    call.segments.last().map(|s| s.ident.to_string()).unwrap_or_default()
                ),
            );
        } else if let Some(last) = call.segments.last().filter(|s| !s.arguments.is_none()) {
            cx.error_spanned_by(
                &last.arguments,
                "the generated method cannot be generic: remove the `<..>` after its name",
            );
        }
    }
}

fn is_token(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(is_token_byte)
}

/// RFC 9110 token characters.
fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

fn snake_case(camel: &str) -> String {
    let mut out = String::new();
    for c in camel.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_media_types() {
        for json in [
            "application/json",
            "Application/JSON; charset=utf-8",
            "application/merge-patch+json",
        ] {
            assert!(is_json(json), "{json}");
        }
        for other in [
            "text/xml",
            "application/x-pem-file",
            "application/jsonl",
            "text/json-ish",
        ] {
            assert!(!is_json(other), "{other}");
        }
    }

    #[test]
    fn answers_read_as_text_or_bytes() {
        let kind = |ty: &str| body_kind(&syn::parse_str(ty).expect("type"));
        assert!(kind("String") == Some(BodyKind::Text) && kind("std::string::String") == Some(BodyKind::Text));
        assert!(kind("Vec<u8>") == Some(BodyKind::Bytes));
        for not in ["Vec<u16>", "Vec<String>", "Value", "&str", "String<X>"] {
            assert!(kind(not).is_none(), "{not}");
        }
    }
}
