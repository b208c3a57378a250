//! The declaration as a model that borrows the user's tokens, so every error can point at them.

use proc_macro2::Span;
use syn::{Attribute, Data, DeriveInput, Fields, GenericArgument, Ident, PathArguments, Type, Visibility};

use crate::attr::{EndpointAttr, FieldAttr, Role};
use crate::case::camel_case;
use crate::ctxt::Ctxt;

pub(crate) struct Input<'a> {
    pub(crate) original: &'a DeriveInput,
    pub(crate) ident: &'a Ident,
    pub(crate) vis: &'a Visibility,
    pub(crate) docs: Vec<&'a Attribute>,
    pub(crate) attr: EndpointAttr,
    pub(crate) fields: Vec<Field<'a>>,
}

pub(crate) struct Field<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) ty: &'a Type,
    /// `T` when the field is `Option<T>`: optional, set by a setter.
    pub(crate) option_inner: Option<&'a Type>,
    pub(crate) role: Option<Role>,
    pub(crate) role_span: Span,
    /// Its `#[endpoint(..)]` did not parse; the error is already reported.
    pub(crate) attr_failed: bool,
    /// The wire name (`rename`, or the camelCase of the field name).
    pub(crate) wire: String,
    pub(crate) rename: Option<syn::LitStr>,
    /// `explode = ..`: `false` sends a list query parameter as one comma-joined pair.
    pub(crate) explode: Option<syn::LitBool>,
    /// `raw`: the body goes as its bytes; where it was written.
    pub(crate) raw: Option<Span>,
    pub(crate) docs: Vec<&'a Attribute>,
}

impl<'a> Input<'a> {
    /// `None` when the item cannot be an endpoint at all (an enum, a union, a tuple struct).
    pub(crate) fn from_syn(cx: &Ctxt, input: &'a DeriveInput) -> Option<Input<'a>> {
        let attr = EndpointAttr::from_attrs(cx, &input.ident, &input.attrs);
        let fields: Vec<&syn::Field> = match &input.data {
            Data::Struct(data) => match &data.fields {
                Fields::Named(named) => named.named.iter().collect(),
                Fields::Unit => Vec::new(),
                Fields::Unnamed(unnamed) => {
                    cx.error_spanned_by(
                        unnamed,
                        "an endpoint needs named fields, one per parameter: write `struct Name { user_id: String }`",
                    );
                    return None;
                }
            },
            Data::Enum(data) => {
                cx.error_spanned_by(
                    data.enum_token,
                    "#[derive(Endpoint)] works on a struct with named fields, not on an enum",
                );
                return None;
            }
            Data::Union(data) => {
                cx.error_spanned_by(
                    data.union_token,
                    "#[derive(Endpoint)] works on a struct with named fields, not on a union",
                );
                return None;
            }
        };
        let fields = fields.into_iter().filter_map(|f| Field::from_syn(cx, f)).collect();
        Some(Input {
            original: input,
            ident: &input.ident,
            vis: &input.vis,
            docs: docs(&input.attrs),
            attr,
            fields,
        })
    }

    pub(crate) fn required(&self) -> impl Iterator<Item = &Field<'a>> {
        self.fields.iter().filter(|f| f.option_inner.is_none())
    }

    pub(crate) fn optional(&self) -> impl Iterator<Item = &Field<'a>> {
        self.fields.iter().filter(|f| f.option_inner.is_some())
    }

    pub(crate) fn with_role(&self, pick: fn(&Role) -> bool) -> impl Iterator<Item = &Field<'a>> {
        self.fields.iter().filter(move |f| f.role.as_ref().is_some_and(pick))
    }
}

impl<'a> Field<'a> {
    fn from_syn(cx: &Ctxt, field: &'a syn::Field) -> Option<Field<'a>> {
        let ident = field.ident.as_ref()?;
        let attr = FieldAttr::from_attrs(cx, &field.attrs);
        let (role, role_span) = match attr.role {
            Some((role, span)) => (Some(role), span),
            None => (None, ident.span()),
        };
        let wire = match (&attr.rename, &role) {
            (Some(rename), _) => rename.value(),
            (None, Some(Role::Header(name))) => name.value(),
            (None, _) => camel_case(&ident.to_string()),
        };
        Some(Field {
            ident,
            ty: &field.ty,
            option_inner: option_inner(&field.ty),
            role,
            role_span,
            attr_failed: attr.failed,
            wire,
            rename: attr.rename,
            explode: attr.explode,
            raw: attr.raw,
            docs: docs(&field.attrs),
        })
    }
}

fn docs(attrs: &[Attribute]) -> Vec<&Attribute> {
    attrs.iter().filter(|a| a.path().is_ident("doc")).collect()
}

/// `Some(T)` for `Option<T>` (also spelled `std::option::Option<T>`).
fn option_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ty else { return None };
    if path.qself.is_some() {
        return None;
    }
    let last = path.path.segments.last()?;
    if last.ident != "Option" {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.first() {
        Some(GenericArgument::Type(inner)) if args.args.len() == 1 => Some(inner),
        _ => None,
    }
}
