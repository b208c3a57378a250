//! Every key `#[endpoint(..)]` takes, named once: the parser matches these, and the error
//! messages that list what is allowed are built from the same lists.

use std::fmt;

use syn::Ident;

/// One attribute key, and how to write it in a message that suggests it.
#[derive(Clone, Copy)]
pub(crate) struct Symbol {
    pub(crate) name: &'static str,
    /// The key as a user writes it, with a placeholder value when it takes one.
    pub(crate) usage: &'static str,
}

const fn key(name: &'static str, usage: &'static str) -> Symbol {
    Symbol { name, usage }
}

// On the struct.
pub(crate) const RESPONSE: Symbol = key("response", "response");
pub(crate) const PAGINATED: Symbol = key("paginated", "paginated");
pub(crate) const CONTENT_TYPE: Symbol = key("content_type", "content_type");
pub(crate) const ACCEPT: Symbol = key("accept", "accept");
pub(crate) const UNAUTHENTICATED: Symbol = key("unauthenticated", "unauthenticated");
pub(crate) const CALL: Symbol = key("call", "call");
pub(crate) const CRATE: Symbol = key("crate", "crate");

// Inside `paginated(..)`.
pub(crate) const ITEMS: Symbol = key("items", "items = \"property\"");
pub(crate) const PAGE_SIZE: Symbol = key("page_size", "page_size = N");

// On a field.
pub(crate) const PATH: Symbol = key("path", "path");
pub(crate) const QUERY: Symbol = key("query", "query");
pub(crate) const HEADER: Symbol = key("header", "header = \"Name\"");
pub(crate) const BODY: Symbol = key("body", "body");
pub(crate) const PART: Symbol = key("part", "part");
pub(crate) const RAW: Symbol = key("raw", "raw");
pub(crate) const RENAME: Symbol = key("rename", "rename = \"wireName\"");
pub(crate) const EXPLODE: Symbol = key("explode", "explode = false");

pub(crate) const STRUCT_KEYS: &[Symbol] = &[RESPONSE, PAGINATED, CONTENT_TYPE, ACCEPT, UNAUTHENTICATED, CALL, CRATE];
pub(crate) const PAGINATED_KEYS: &[Symbol] = &[ITEMS, PAGE_SIZE];
pub(crate) const FIELD_KEYS: &[Symbol] = &[PATH, QUERY, HEADER, BODY, PART, RAW, RENAME, EXPLODE];

/// The attribute itself: `#[endpoint(..)]`.
pub(crate) const ENDPOINT: &str = "endpoint";

/// `` `a`, `b` or `c` ``: what a message says is allowed.
pub(crate) fn one_of(keys: &[Symbol]) -> String {
    let quoted: Vec<String> = keys.iter().map(|k| format!("`{}`", k.usage)).collect();
    match quoted.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// The names of `keys`, for the typo suggester.
pub(crate) fn names(keys: &[Symbol]) -> Vec<&'static str> {
    keys.iter().map(|k| k.name).collect()
}

impl PartialEq<Symbol> for Ident {
    fn eq(&self, symbol: &Symbol) -> bool {
        self == symbol.name
    }
}

impl PartialEq<Symbol> for syn::Path {
    fn eq(&self, symbol: &Symbol) -> bool {
        self.is_ident(symbol.name)
    }
}

impl fmt::Display for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_as_prose() {
        assert_eq!(
            one_of(STRUCT_KEYS),
            "`response`, `paginated`, `content_type`, `accept`, `unauthenticated`, `call` or `crate`"
        );
        assert_eq!(one_of(&[PAGE_SIZE]), "`page_size = N`");
        assert_eq!(one_of(&[ITEMS, PAGE_SIZE]), "`items = \"property\"` or `page_size = N`");
    }
}
