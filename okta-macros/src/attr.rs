//! Parses `#[endpoint(..)]` on the struct and on its fields, keeping every token for spans.

use proc_macro2::{Span, TokenTree};
use syn::ext::IdentExt;
use syn::parse::ParseStream;
use syn::{Attribute, Ident, LitStr, Path, Token, Type};

use crate::ctxt::Ctxt;

/// What `#[endpoint(METHOD "/path", key = value, ..)]` on the struct said; a part that did not
/// parse is `None` and already reported.
#[derive(Default)]
pub(crate) struct EndpointAttr {
    pub(crate) method: Option<Ident>,
    pub(crate) path: Option<LitStr>,
    pub(crate) response: Option<Type>,
    pub(crate) paginated: Option<Ident>,
    /// `paginated(page_size = N)`: the page size streaming asks for when no `limit` is set.
    pub(crate) page_size: Option<syn::LitInt>,
    /// Every `call = Type::method`: one generated method each, all returning the same bound call.
    pub(crate) calls: Vec<Path>,
    pub(crate) krate: Option<Path>,
    /// The whole attribute, to point at when something is missing.
    pub(crate) tokens: Option<proc_macro2::TokenStream>,
    /// Part of the attribute did not parse or had an unknown key (already reported): what looks
    /// missing may just be misspelled, so it is not reported again.
    pub(crate) incomplete: bool,
}

pub(crate) const STRUCT_KEYS: &str = "`response`, `paginated`, `call` or `crate`";
pub(crate) const FIELD_KEYS: &str = "`path`, `query`, `header = \"Name\"`, `body` or `rename = \"wireName\"`";
const USAGE: &str = "#[endpoint(GET \"/api/v1/users/{userId}\", response = User)]";

pub(crate) fn endpoint_attrs(attrs: &[Attribute]) -> impl Iterator<Item = &Attribute> {
    attrs.iter().filter(|a| a.path().is_ident("endpoint"))
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
            let name = key.to_string();
            match name.as_str() {
                "response" => {
                    input.parse::<Token![=]>()?;
                    let ty: Type = input.parse()?;
                    set_once(cx, &key, &mut self.response, ty);
                }
                "paginated" => {
                    set_once(cx, &key, &mut self.paginated, key.clone());
                    if input.peek(syn::token::Paren) {
                        let content;
                        syn::parenthesized!(content in input);
                        let inner = content.call(Ident::parse_any)?;
                        if inner != "page_size" {
                            cx.error_spanned_by(
                                &inner,
                                format!("unknown key `{inner}` in `paginated(..)`; expected `page_size = N`"),
                            );
                        }
                        content.parse::<Token![=]>()?;
                        self.page_size = Some(content.parse()?);
                    }
                }
                "call" => {
                    input.parse::<Token![=]>()?;
                    // Type-style, so a receiver with a lifetime can be named: `Factors<'_>::list`.
                    self.calls.push(input.parse::<Path>()?);
                }
                "crate" => {
                    input.parse::<Token![=]>()?;
                    let path: Path = input.call(Path::parse_mod_style)?;
                    set_once(cx, &key, &mut self.krate, path);
                }
                _ => {
                    cx.error_spanned_by(
                        &key,
                        format!(
                            "unknown key `{name}` in #[endpoint(..)]{}; expected {STRUCT_KEYS}",
                            did_you_mean(&name, &["response", "paginated", "call", "crate"])
                        ),
                    );
                    self.incomplete = true;
                    skip_to_comma(input)?;
                }
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

/// `" (did you mean `x`?)"` when `name` is one typo away from a known key, else `""`.
pub(crate) fn did_you_mean(name: &str, known: &[&str]) -> String {
    known
        .iter()
        .map(|k| (edit_distance(name, k), k))
        // One edit for a short word, two for a long one: `FETCH` is not a typo of `PATCH`.
        .filter(|(d, k)| *d <= (k.len() / 4).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| format!(" (did you mean `{k}`?)"))
        .unwrap_or_default()
}

/// Levenshtein distance, with a swap of two neighbours counted as one edit.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
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
}

impl Role {
    pub(crate) fn describe(&self) -> &'static str {
        match self {
            Role::Path => "#[endpoint(path)]",
            Role::Query => "#[endpoint(query)]",
            Role::Header(_) => "#[endpoint(header = ..)]",
            Role::Body => "#[endpoint(body)]",
        }
    }
}

/// What `#[endpoint(..)]` on one field said.
#[derive(Default)]
pub(crate) struct FieldAttr {
    pub(crate) role: Option<(Role, Span)>,
    pub(crate) rename: Option<LitStr>,
    /// The attribute did not parse (already reported): a missing role is not reported again.
    pub(crate) failed: bool,
}

impl FieldAttr {
    pub(crate) fn from_attrs(cx: &Ctxt, attrs: &[Attribute]) -> FieldAttr {
        let mut out = FieldAttr::default();
        for attr in endpoint_attrs(attrs) {
            let parsed = attr.parse_nested_meta(|meta| {
                let key = meta.path.get_ident().map(ToString::to_string).unwrap_or_default();
                let span = syn::spanned::Spanned::span(&meta.path);
                let role = match key.as_str() {
                    "path" => Role::Path,
                    "query" => Role::Query,
                    "body" => Role::Body,
                    "header" => {
                        let name: LitStr = meta.value()?.parse()?;
                        Role::Header(name)
                    }
                    "rename" => {
                        let lit: LitStr = meta.value()?.parse()?;
                        if out.rename.is_some() {
                            cx.error_at(span, "duplicate `rename`: give it once");
                        }
                        out.rename = Some(lit);
                        return Ok(());
                    }
                    _ => {
                        let path = &meta.path;
                        let shown = quote::quote!(#path).to_string().replace(' ', "");
                        let hint = did_you_mean(&shown, &["path", "query", "header", "body", "rename"]);
                        return Err(meta.error(format!("unknown key `{shown}`{hint}; a field takes {FIELD_KEYS}")));
                    }
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
    fn suggestions() {
        let keys = ["response", "paginated", "call", "crate"];
        assert_eq!(did_you_mean("respnse", &keys), " (did you mean `response`?)");
        assert_eq!(did_you_mean("pagniated", &keys), " (did you mean `paginated`?)");
        assert_eq!(did_you_mean("method", &keys), "");
        assert_eq!(did_you_mean("FETCH", &["GET", "PATCH"]), "");
        assert_eq!(did_you_mean("qurey", &["path", "query"]), " (did you mean `query`?)");
    }
}
