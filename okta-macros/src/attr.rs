//! Parses `#[endpoint(..)]` on the struct and on its fields, keeping every token for spans.

use proc_macro2::{Span, TokenTree};
use syn::ext::IdentExt;
use syn::parse::ParseStream;
use syn::{Attribute, Ident, LitStr, Path, Token, Type};

use crate::ctxt::Ctxt;
use crate::suggest::did_you_mean;
use crate::symbol::{self, *};

/// What `#[endpoint(METHOD "/path", key = value, ..)]` on the struct said; a part that did not
/// parse is `None` and already reported.
#[derive(Default)]
pub(crate) struct EndpointAttr {
    pub(crate) method: Option<Ident>,
    pub(crate) path: Option<LitStr>,
    pub(crate) response: Option<Type>,
    pub(crate) paginated: Option<Ident>,
    /// `paginated(items = "roles")`: the page is an object with the items under this property
    /// and the next link at `_links.next.href`.
    pub(crate) items: Option<LitStr>,
    /// `paginated(page_size = N)`: the page size streaming asks for when no `limit` is set.
    pub(crate) page_size: Option<syn::LitInt>,
    /// `content_type = "application/merge-patch+json"`: the body's media type.
    pub(crate) content_type: Option<LitStr>,
    /// `accept = "text/xml"`: the media type of the answer, when it is not JSON.
    pub(crate) accept: Option<LitStr>,
    /// `unauthenticated`: a public endpoint, sent without the client's credentials.
    pub(crate) unauthenticated: Option<Ident>,
    /// Every `call = Type::method`: one generated method each, all returning the same bound call.
    pub(crate) calls: Vec<Path>,
    pub(crate) krate: Option<Path>,
    /// The whole attribute, to point at when something is missing.
    pub(crate) tokens: Option<proc_macro2::TokenStream>,
    /// Part of the attribute did not parse or had an unknown key (already reported): what looks
    /// missing may just be misspelled, so it is not reported again.
    pub(crate) incomplete: bool,
}

const USAGE: &str = "#[endpoint(GET \"/api/v1/users/{userId}\", response = User)]";

pub(crate) fn endpoint_attrs(attrs: &[Attribute]) -> impl Iterator<Item = &Attribute> {
    attrs.iter().filter(|a| a.path().is_ident(symbol::ENDPOINT))
}

impl EndpointAttr {
    pub(crate) fn from_attrs(cx: &Ctxt, ident: &Ident, attrs: &[Attribute]) -> EndpointAttr {
        let mut found = endpoint_attrs(attrs);
        let Some(attr) = found.next() else {
            cx.error_spanned_by(
                ident,
                format!("missing the endpoint declaration: add `{USAGE}` above the struct"),
            );
            return EndpointAttr::default();
        };
        for extra in found {
            cx.error_spanned_by(
                extra,
                "duplicate #[endpoint(..)] on the struct: put everything in one attribute",
            );
        }
        let mut out = EndpointAttr {
            tokens: Some(quote::ToTokens::to_token_stream(attr)),
            ..EndpointAttr::default()
        };
        if let Err(e) = attr.parse_args_with(|input: ParseStream| out.parse_body(cx, input)) {
            cx.syn_error(e);
            out.incomplete = true;
        }
        out
    }

    fn parse_body(&mut self, cx: &Ctxt, input: ParseStream) -> syn::Result<()> {
        // METHOD
        if input.peek(LitStr) {
            let lit: LitStr = input.parse()?;
            let value = lit.value();
            if value.starts_with('/') {
                cx.error_spanned_by(&lit, format!("missing the HTTP method before the path: `{USAGE}`"));
                self.path = Some(lit);
            } else {
                cx.error_spanned_by(
                    &lit,
                    format!(
                        "write the HTTP method as a bare word, `{}`, not as a string",
                        value.to_uppercase()
                    ),
                );
                self.method = Some(Ident::new(&value.to_uppercase(), lit.span()));
            }
        } else if input.peek(Ident::peek_any) {
            self.method = Some(input.call(Ident::parse_any)?);
        } else {
            return Err(input.error(format!("expected the HTTP method and the path: `{USAGE}`")));
        }
        // "/path"
        if self.path.is_none() {
            if input.peek(LitStr) {
                self.path = Some(input.parse()?);
            } else if input.is_empty() || input.peek(Token![,]) {
                // Report it at the method and go on to check the keys.
                let method = self.method.as_ref().map(ToString::to_string).unwrap_or_default();
                cx.error_at(
                    self.method.as_ref().map_or_else(|| input.span(), Ident::span),
                    format!("missing the path after `{method}`: write it as a string literal, `{USAGE}`"),
                );
            } else {
                return Err(input.error(format!(
                    "expected the path as a string literal after the method: `{USAGE}`"
                )));
            }
        }
        // , key = value ...
        while !input.is_empty() {
            input.parse::<Token![,]>()?;
            if input.is_empty() {
                break;
            }
            let key = input.call(Ident::parse_any)?;
            if key == RESPONSE {
                input.parse::<Token![=]>()?;
                let ty: Type = input.parse()?;
                set_once(cx, &key, &mut self.response, ty);
            } else if key == PAGINATED {
                set_once(cx, &key, &mut self.paginated, key.clone());
                if input.peek(syn::token::Paren) {
                    let content;
                    syn::parenthesized!(content in input);
                    self.parse_paginated(cx, &content)?;
                }
            } else if key == CONTENT_TYPE {
                input.parse::<Token![=]>()?;
                let lit: LitStr = input.parse()?;
                set_once(cx, &key, &mut self.content_type, lit);
            } else if key == ACCEPT {
                input.parse::<Token![=]>()?;
                let lit: LitStr = input.parse()?;
                set_once(cx, &key, &mut self.accept, lit);
            } else if key == UNAUTHENTICATED {
                set_once(cx, &key, &mut self.unauthenticated, key.clone());
            } else if key == CALL {
                input.parse::<Token![=]>()?;
                // Type-style, so a receiver with a lifetime can be named: `Factors<'_>::list`.
                self.calls.push(input.parse::<Path>()?);
            } else if key == CRATE {
                input.parse::<Token![=]>()?;
                let path: Path = input.call(Path::parse_mod_style)?;
                set_once(cx, &key, &mut self.krate, path);
            } else {
                cx.error_spanned_by(
                    &key,
                    format!(
                        "unknown key `{key}` in #[endpoint(..)]{}; expected {}",
                        did_you_mean(&key.to_string(), &symbol::names(STRUCT_KEYS)),
                        symbol::one_of(STRUCT_KEYS)
                    ),
                );
                self.incomplete = true;
                skip_to_comma(input)?;
            }
        }
        Ok(())
    }

    /// `items = "property", page_size = N`, in any order, each optional.
    fn parse_paginated(&mut self, cx: &Ctxt, content: ParseStream) -> syn::Result<()> {
        while !content.is_empty() {
            let key = content.call(Ident::parse_any)?;
            if key == ITEMS {
                content.parse::<Token![=]>()?;
                let lit = content.parse()?;
                set_once(cx, &key, &mut self.items, lit);
            } else if key == PAGE_SIZE {
                content.parse::<Token![=]>()?;
                let lit = content.parse()?;
                set_once(cx, &key, &mut self.page_size, lit);
            } else {
                cx.error_spanned_by(
                    &key,
                    format!(
                        "unknown key `{key}` in `paginated(..)`{}; expected {}",
                        did_you_mean(&key.to_string(), &symbol::names(PAGINATED_KEYS)),
                        symbol::one_of(PAGINATED_KEYS)
                    ),
                );
                self.incomplete = true;
                skip_to_comma(content)?;
            }
            if !content.is_empty() {
                content.parse::<Token![,]>()?;
            }
        }
        Ok(())
    }
}

fn set_once<T>(cx: &Ctxt, key: &Ident, slot: &mut Option<T>, value: T) {
    if slot.is_some() {
        cx.error_spanned_by(key, format!("duplicate `{key}`: give it once"));
    } else {
        *slot = Some(value);
    }
}

fn skip_to_comma(input: ParseStream) -> syn::Result<()> {
    while !input.is_empty() && !input.peek(Token![,]) {
        input.parse::<TokenTree>()?;
    }
    Ok(())
}

/// The role a field plays in the request.
pub(crate) enum Role {
    Path,
    Query,
    Header(LitStr),
    Body,
    /// One part of a `multipart/form-data` body, named after the field's wire name.
    Part,
}

impl Role {
    pub(crate) fn describe(&self) -> String {
        let key = match self {
            Role::Path => PATH.name,
            Role::Query => QUERY.name,
            Role::Header(_) => "header = ..",
            Role::Body => BODY.name,
            Role::Part => PART.name,
        };
        format!("#[{}({key})]", symbol::ENDPOINT)
    }
}

/// What `#[endpoint(..)]` on one field said.
#[derive(Default)]
pub(crate) struct FieldAttr {
    pub(crate) role: Option<(Role, Span)>,
    pub(crate) rename: Option<LitStr>,
    /// `explode = false`: a list query parameter goes as one comma-joined pair.
    pub(crate) explode: Option<syn::LitBool>,
    /// `raw`: the body is sent as its bytes, not encoded as JSON.
    pub(crate) raw: Option<Span>,
    /// The attribute did not parse (already reported): a missing role is not reported again.
    pub(crate) failed: bool,
}

impl FieldAttr {
    pub(crate) fn from_attrs(cx: &Ctxt, attrs: &[Attribute]) -> FieldAttr {
        let mut out = FieldAttr::default();
        for attr in endpoint_attrs(attrs) {
            let parsed = attr.parse_nested_meta(|meta| {
                let span = syn::spanned::Spanned::span(&meta.path);
                let role = if meta.path == PATH {
                    Role::Path
                } else if meta.path == QUERY {
                    Role::Query
                } else if meta.path == BODY {
                    Role::Body
                } else if meta.path == PART {
                    Role::Part
                } else if meta.path == HEADER {
                    Role::Header(meta.value()?.parse()?)
                } else if meta.path == RENAME {
                    let lit: LitStr = meta.value()?.parse()?;
                    if out.rename.is_some() {
                        cx.error_at(span, "duplicate `rename`: give it once");
                    }
                    out.rename = Some(lit);
                    return Ok(());
                } else if meta.path == RAW {
                    if out.raw.is_some() {
                        cx.error_at(span, "duplicate `raw`: give it once");
                    }
                    out.raw = Some(span);
                    return Ok(());
                } else if meta.path == EXPLODE {
                    let lit: syn::LitBool = meta.value()?.parse()?;
                    if out.explode.is_some() {
                        cx.error_at(span, "duplicate `explode`: give it once");
                    }
                    out.explode = Some(lit);
                    return Ok(());
                } else {
                    let path = &meta.path;
                    let shown = quote::quote!(#path).to_string().replace(' ', "");
                    let hint = did_you_mean(&shown, &symbol::names(FIELD_KEYS));
                    return Err(meta.error(format!(
                        "unknown key `{shown}`{hint}; a field takes {}",
                        symbol::one_of(FIELD_KEYS)
                    )));
                };
                match &out.role {
                    Some((first, _)) => cx.error_at(
                        span,
                        format!(
                            "{} conflicts with {} on the same field: a field has one role",
                            role.describe(),
                            first.describe()
                        ),
                    ),
                    None => out.role = Some((role, span)),
                }
                Ok(())
            });
            if let Err(e) = parsed {
                cx.syn_error(e);
                out.failed = true;
            }
        }
        out
    }
}

/// Parses a stand-alone token stream as a struct attribute body (used by unit tests).
#[cfg(test)]
pub(crate) fn parse_struct_body(tokens: proc_macro2::TokenStream) -> (EndpointAttr, Result<(), syn::Error>) {
    use syn::parse::Parser;
    let cx = Ctxt::default();
    let mut attr = EndpointAttr::default();
    if let Err(e) = (|input: ParseStream| attr.parse_body(&cx, input)).parse2(tokens) {
        cx.syn_error(e);
    }
    (attr, cx.check())
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    #[test]
    fn struct_body() {
        let (attr, res) = parse_struct_body(
            quote!(GET "/a/{b}", response = Vec<u8>, paginated, call = crate::Client::list, crate = ::okta_core),
        );
        assert!(res.is_ok());
        assert_eq!(attr.method.map(|m| m.to_string()).as_deref(), Some("GET"));
        assert!(attr.paginated.is_some() && attr.response.is_some() && attr.calls.len() == 1 && attr.krate.is_some());
        let (_, res) = parse_struct_body(quote!(GET "/a", respnse = X, paginated, paginated));
        let msg = res
            .expect_err("errors")
            .into_iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>();
        assert_eq!(msg.len(), 2, "{msg:?}");
        assert!(msg[0].contains("unknown key `respnse`"));
        assert!(msg[1].contains("duplicate `paginated`"));
    }

    #[test]
    fn body_paging_and_content_type() {
        let (attr, res) = parse_struct_body(quote!(
            GET "/a", response = X, paginated(items = "roles", page_size = 100), content_type = "application/merge-patch+json"
        ));
        assert!(res.is_ok());
        assert_eq!(attr.items.map(|l| l.value()).as_deref(), Some("roles"));
        assert_eq!(attr.page_size.map(|l| l.to_string()).as_deref(), Some("100"));
        assert_eq!(
            attr.content_type.map(|l| l.value()).as_deref(),
            Some("application/merge-patch+json")
        );
        let (attr, res) = parse_struct_body(quote!(GET "/a", response = X, paginated(page_size = 1, items = "r")));
        assert!(res.is_ok() && attr.items.is_some() && attr.page_size.is_some());
        let (_, res) =
            parse_struct_body(quote!(GET "/a", response = X, paginated(itmes = "r", items = "a", items = "b")));
        let msg: Vec<String> = res.expect_err("errors").into_iter().map(|e| e.to_string()).collect();
        assert_eq!(msg.len(), 2, "{msg:?}");
        assert!(
            msg[0].contains("unknown key `itmes` in `paginated(..)` (did you mean `items`?)"),
            "{msg:?}"
        );
        assert!(msg[1].contains("duplicate `items`"), "{msg:?}");
    }

    #[test]
    fn accept() {
        let (attr, res) = parse_struct_body(quote!(GET "/a", response = String, accept = "text/xml"));
        assert!(res.is_ok());
        assert_eq!(attr.accept.map(|l| l.value()).as_deref(), Some("text/xml"));
        let (_, res) = parse_struct_body(quote!(GET "/a", response = String, accept = "a/b", accept = "c/d"));
        let msg: Vec<String> = res.expect_err("errors").into_iter().map(|e| e.to_string()).collect();
        assert_eq!(msg.len(), 1, "{msg:?}");
        assert!(msg[0].contains("duplicate `accept`"), "{msg:?}");
    }
}
