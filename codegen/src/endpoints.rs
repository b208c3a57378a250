//! Writes the `#[derive(Endpoint)]` declarations of one area.

use std::collections::BTreeSet;
use std::fmt::Write;

use crate::docs;
use crate::naming::camel_case;
use crate::operation::{Area, Body, BodyKind, Location, Operation, ParamType, Response};
use crate::types::TypeRef;

/// What the endpoint macro of this workspace understands beyond the basics. Flip these as the
/// macro learns them; the generator then emits the exact form instead of the fallback.
#[derive(Debug, Clone, Copy)]
pub struct MacroSupport {
    /// `paginated(items = "roles")`: lists that page through `_links.next.href` in the body.
    pub body_pagination: bool,
    /// `content_type = "application/merge-patch+json"`.
    pub content_type: bool,
    /// `#[endpoint(query, explode = false)]`: comma-joined arrays.
    pub explode: bool,
}

pub const SUPPORT: MacroSupport = MacroSupport {
    body_pagination: true,
    content_type: true,
    explode: true,
};

/// The source of `okta/src/api/<area>.rs`.
pub fn area_file(area: &Area, ops: &[&Operation], support: MacroSupport) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "//! {}: the operations of Okta's {} API area.",
        area.title, area.title
    );
    let _ = writeln!(out, "//!");
    let _ = writeln!(
        out,
        "//! Tags: {}.",
        area.tags
            .iter()
            .map(|t| format!("`{t}`"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    out.push_str(crate::HEADER);
    let _ = writeln!(out, "\nuse crate::Endpoint;\n");
    for op in ops {
        out.push_str(&declaration(op, support));
        out.push('\n');
    }
    out
}

/// One declaration.
pub fn declaration(op: &Operation, support: MacroSupport) -> String {
    let mut out = String::new();
    out.push_str(&docs::lines(&doc(op, support), ""));
    // rustdoc refuses an alias equal to the name (`deletejwk`).
    if op.id != op.method_name() {
        let _ = writeln!(out, "#[doc(alias = \"{}\")]", op.id);
    }
    let _ = writeln!(out, "#[derive(Debug, Clone, Endpoint)]");
    let _ = writeln!(out, "#[endpoint({})]", struct_keys(op, support).join(", "));
    let _ = writeln!(out, "pub struct {} {{", op.struct_name());
    let mut seen = BTreeSet::new();
    for p in &op.params {
        let mut ident = p.ident();
        while !seen.insert(ident.clone()) {
            ident.push('_');
        }
        let mut roles = vec![match p.location {
            Location::Path => "path".to_owned(),
            Location::Query => "query".to_owned(),
            Location::Header => format!("header = \"{}\"", p.wire),
        }];
        if p.location != Location::Header && camel_case(&ident) != p.wire {
            roles.push(format!("rename = \"{}\"", p.wire));
        }
        if matches!(p.ty, ParamType::List { explode: false }) && support.explode {
            roles.push("explode = false".to_owned());
        }
        if !p.required {
            let text = docs::sentence(&p.description);
            let text = if text.is_empty() {
                format!("Sets `{}`.", p.wire)
            } else {
                text
            };
            out.push_str(&docs::lines(&text, "    "));
        }
        let ty = if p.required {
            p.ty.rust().to_owned()
        } else {
            format!("Option<{}>", p.ty.rust())
        };
        let _ = writeln!(out, "    #[endpoint({})]", roles.join(", "));
        let _ = writeln!(out, "    {ident}: {ty},");
    }
    if let Some(BodyKind::Form(fields)) = op.body.as_ref().map(|b| &b.kind) {
        for field in fields {
            let ty = if field.required {
                field.rust().to_owned()
            } else {
                let text = docs::sentence(&field.description);
                let text = if text.is_empty() {
                    format!("Sets the form part `{}`.", field.wire)
                } else {
                    text
                };
                out.push_str(&docs::lines(&text, "    "));
                format!("Option<{}>", field.rust())
            };
            let ident = field.ident();
            let roles = if camel_case(&ident) == field.wire {
                "part".to_owned()
            } else {
                format!("part, rename = \"{}\"", field.wire)
            };
            let _ = writeln!(out, "    #[endpoint({roles})]");
            let _ = writeln!(out, "    {ident}: {ty},");
        }
    } else if let Some(body) = &op.body {
        let ty = if body.required {
            body.ty.rust()
        } else {
            format!("Option<{}>", body.ty.rust())
        };
        if !body.required {
            let _ = writeln!(out, "    /// The request body, {}.", body.ty.doc());
        }
        let _ = writeln!(
            out,
            "    #[endpoint({})]",
            if body.kind == BodyKind::Raw {
                "body, raw"
            } else {
                "body"
            }
        );
        let _ = writeln!(out, "    body: {ty},");
    }
    out.push_str("}\n");
    out
}

fn struct_keys(op: &Operation, support: MacroSupport) -> Vec<String> {
    let mut keys = vec![format!("{} \"{}\"", op.method, op.path)];
    match &op.response {
        Response::Empty => keys.push("response = ()".to_owned()),
        Response::Json(ty) => keys.push(format!("response = {}", ty.rust())),
        Response::Text { media_type } => {
            keys.push("response = String".to_owned());
            keys.push(format!("accept = \"{media_type}\""));
        }
        Response::LinkList(item) => {
            keys.push(format!("response = {}", item.rust()));
            keys.push("paginated".to_owned());
        }
        Response::BodyList { wrapper, items, item } => {
            if support.body_pagination {
                keys.push(format!("response = {}", item.rust()));
                keys.push(format!("paginated(items = \"{items}\")"));
            } else {
                keys.push(format!("response = {}", wrapper.rust()));
            }
        }
    }
    if let Some(body) = op.body.as_ref().filter(|b| !matches!(b.kind, BodyKind::Form(_))) {
        if support.content_type && body.content_type != "application/json" {
            keys.push(format!("content_type = \"{}\"", body.content_type));
        }
    }
    if op.public {
        keys.push("unauthenticated".to_owned());
    }
    keys.push(format!("call = crate::Client::{}", op.method_name()));
    keys
}

fn doc(op: &Operation, support: MacroSupport) -> String {
    let mut out = String::new();
    let summary = docs::paragraph(&op.summary);
    let _ = writeln!(out, "{}{}", summary, if summary.ends_with('.') { "" } else { "." });
    let description = docs::sentence(&op.description);
    if !description.is_empty() && description.trim_end_matches('.') != summary.trim_end_matches('.') {
        let _ = writeln!(out, "\n{description}");
    }
    let body = match &op.body {
        Some(Body {
            kind: BodyKind::Form(fields),
            ..
        }) => {
            let parts: Vec<String> = fields
                .iter()
                .map(|f| {
                    let what = if f.file {
                        "a [`FileUpload`](crate::FileUpload)"
                    } else {
                        "text"
                    };
                    format!("`{}` ({what})", f.wire)
                })
                .collect();
            format!(" with a `multipart/form-data` body of {}", parts.join(", "))
        }
        Some(body) if body.required => format!(" with {} body", with_article(&body.ty.doc())),
        Some(body) => format!(" with an optional {} body", body.ty.doc()),
        None => String::new(),
    };
    // A body sent as it is says what its bytes must be.
    let body = match &op.body {
        Some(b) if b.kind == BodyKind::Raw && b.ty == TypeRef::Bytes => {
            format!(" with a body of bytes (`{}`)", b.content_type)
        }
        Some(b) if b.kind == BodyKind::Raw => format!("{body} (`{}`)", b.content_type),
        _ => body,
    };
    let response = match &op.response {
        Response::Empty => format!("`{}`", status_line(op.status)),
        Response::Json(ty) => ty.doc(),
        Response::Text { media_type } => format!("`String` (`{media_type}`)"),
        Response::LinkList(item) => format!("pages of {}, following `Link: rel=\"next\"`", item.doc()),
        Response::BodyList { wrapper, items, item } if support.body_pagination => {
            let _ = wrapper;
            format!("pages of {}, from `{items}`, following `_links.next.href`", item.doc())
        }
        Response::BodyList { wrapper, .. } => format!("{}, with the next page at `_links.next.href`", wrapper.doc()),
    };
    let _ = writeln!(out, "\n`{} {}`{body} → {response}.", op.method, op.path);
    // Bytes offered in several media types (a certificate as PEM, DER or CER): say how to pick.
    if let Some(b) = op
        .body
        .as_ref()
        .filter(|b| b.kind == BodyKind::Raw && b.offered.len() > 1)
    {
        let others: Vec<String> = b
            .offered
            .iter()
            .filter(|ct| **ct != b.content_type)
            .map(|ct| format!("`{ct}`"))
            .collect();
        let _ = writeln!(
            out,
            "\nOkta also takes {}: name one with [`Body::with_content_type`](crate::Body::with_content_type).",
            others.join(" and ")
        );
    }
    let mut notes = Vec::new();
    if !op.scopes.is_empty() {
        let scopes: Vec<_> = op.scopes.iter().map(|s| format!("`{s}`")).collect();
        notes.push(format!("OAuth 2.0 scope: {}.", scopes.join(", ")));
    }
    if op.public {
        notes.push("Public: sent without the client's credentials.".to_owned());
    }
    if !op.lifecycle.is_empty() && op.lifecycle != "GA" {
        notes.push(format!("Lifecycle: {} (not available in every org).", op.lifecycle));
    }
    if !notes.is_empty() {
        let _ = writeln!(out, "\n{}", notes.join(" "));
    }
    out
}

fn with_article(doc: &str) -> String {
    let starts_vowel = doc
        .trim_start_matches("[`")
        .starts_with(['A', 'E', 'I', 'O', 'U', 'a', 'e', 'i', 'o', 'u']);
    if doc.starts_with("a list") {
        doc.to_owned()
    } else if starts_vowel {
        format!("an {doc}")
    } else {
        format!("a {doc}")
    }
}

fn status_line(status: u16) -> String {
    match status {
        204 => "204 No Content".to_owned(),
        201 => "201 Created".to_owned(),
        202 => "202 Accepted".to_owned(),
        other => format!("{other}"),
    }
}
