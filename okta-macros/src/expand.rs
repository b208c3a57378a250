//! Generates the code of a checked declaration.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{DeriveInput, Path, Type};

use crate::ast::{Field, Input};
use crate::attr::Role;
use crate::ctxt::Ctxt;
use crate::{fallback, template, valid};

pub(crate) fn derive(input: &DeriveInput) -> TokenStream {
    let cx = Ctxt::default();
    let model = Input::from_syn(&cx, input);
    if let Some(model) = &model {
        valid::check(&cx, model);
    }
    let krate = model.as_ref().and_then(|m| m.attr.krate.clone());
    match (cx.check(), model) {
        (Ok(()), Some(model)) => expand(&model),
        (Err(errors), model) => fallback::expand(input, krate.as_ref(), model.as_ref(), errors),
        // `from_syn` returns `None` only after reporting an error.
        (Ok(()), None) => TokenStream::new(),
    }
}

/// `::okta::__private`, or `<crate>::__private` for `crate = ..`.
pub(crate) fn private(krate: Option<&Path>) -> TokenStream {
    match krate {
        Some(krate) => quote!(#krate::__private),
        None => quote!(::okta::__private),
    }
}

/// Every function written is `#[inline]`: at `opt-level = 0` only a crate that calls one compiles
/// it, so the facade, which declares hundreds of operations, compiles none of them and each
/// caller only those it uses.
fn expand(input: &Input) -> TokenStream {
    let p = private(input.attr.krate.as_ref());
    let inherent = inherent_impl(input, &p);
    let endpoint = endpoint_impl(input, &p);
    let call = (!input.attr.calls.is_empty()).then(|| bound_call(input, &p));
    quote! {
        #inherent
        #endpoint
        #call
    }
}

/// `new(required..)` and one setter per optional field. Also what the fallback emits, so that
/// callers of `new` do not drown the real error in follow-up ones.
pub(crate) fn inherent_impl(input: &Input, p: &TokenStream) -> TokenStream {
    let ident = input.ident;
    let vis = input.vis;
    let args = required_args(input, p);
    let inits = input.fields.iter().map(|f| {
        let name = f.ident;
        if f.option_inner.is_some() {
            quote!(#name: #p::Option::None)
        } else {
            quote!(#name: #p::Into::into(#name))
        }
    });
    let setters = setters(input, p, quote!(this));
    let new_doc = format!(
        "Creates the request from its required parameters{}.",
        if input.optional().next().is_some() {
            "; the methods below set the optional ones"
        } else {
            ""
        }
    );
    quote! {
        impl #ident {
            #[doc = #new_doc]
            #[allow(clippy::new_without_default, clippy::too_many_arguments)]
            #[inline]
            #vis fn new(#(#args),*) -> Self {
                Self { #(#inits),* }
            }
            #(#setters)*
        }
    }
}

/// `name: impl Into<T>` for each required field: the arguments of `new` and of client methods.
fn required_args<'a>(input: &'a Input, p: &'a TokenStream) -> impl Iterator<Item = TokenStream> + 'a {
    input.required().map(move |f| {
        let (name, ty) = (f.ident, f.ty);
        quote_spanned!(ty.span()=> #name: impl #p::Into<#ty>)
    })
}

/// One chainable setter per optional field, on the endpoint or on its bound call; `endpoint`
/// is the endpoint within `this` (`self`, moved).
fn setters<'a>(input: &'a Input, p: &'a TokenStream, endpoint: TokenStream) -> impl Iterator<Item = TokenStream> + 'a {
    let vis = input.vis;
    input.optional().map(move |f| {
        let name = f.ident;
        let inner = f.option_inner;
        let docs = setter_docs(f);
        quote! {
            #docs
            #[inline]
            #vis fn #name(self, #name: impl #p::Into<#inner>) -> Self {
                let mut this = self;
                #endpoint.#name = #p::Option::Some(#p::Into::into(#name));
                this
            }
        }
    })
}

fn setter_docs(field: &Field) -> TokenStream {
    if !field.docs.is_empty() {
        let docs = &field.docs;
        return quote!(#(#docs)*);
    }
    let what = match &field.role {
        Some(Role::Query) => format!("Sets the query parameter `{}`.", field.wire),
        Some(Role::Header(_)) => format!("Sets the `{}` header.", field.wire),
        Some(Role::Body) => "Sets the request body.".to_owned(),
        Some(Role::Part) => format!("Sets the form part `{}`.", field.wire),
        Some(Role::Path) | None => format!("Sets `{}`.", field.ident),
    };
    quote!(#[doc = #what])
}

/// The response type as written, and what a call outputs (`Page<T>` for lists).
fn output(input: &Input, p: &TokenStream) -> (Type, TokenStream) {
    let response = input.attr.response.clone().unwrap_or_else(|| syn::parse_quote!(()));
    let output = if input.attr.paginated.is_some() {
        quote!(#p::Page<#response>)
    } else {
        quote!(#response)
    };
    (response, output)
}

/// Where a value's type is written: `T` of an `Option<T>` field, else the field's type. A trait
/// bound the value misses (`Display`, `ParamValue`, `Serialize`) is reported there.
fn value_span(field: &Field) -> proc_macro2::Span {
    field.option_inner.unwrap_or(field.ty).span()
}

/// The field's name spanned at its value type (see [`value_span`]), not at the whole field.
fn at_type(field: &Field) -> syn::Ident {
    let mut ident = field.ident.clone();
    ident.set_span(value_span(field));
    ident
}

/// Whether the declaration asks for an answer that is not JSON (`accept = "text/xml"`).
fn accepts_other_than_json(input: &Input) -> bool {
    input
        .attr
        .accept
        .as_ref()
        .is_some_and(|accept| !valid::is_json(&accept.value()))
}

fn is_unit(ty: &Type) -> bool {
    matches!(ty, Type::Tuple(t) if t.elems.is_empty())
}

fn endpoint_impl(input: &Input, p: &TokenStream) -> TokenStream {
    let ident = input.ident;
    let (response, output) = output(input, p);
    let method = input.attr.method.as_ref().map(|m| format_ident!("{}", m.to_string()));
    let path_lit = input.attr.path.as_ref().map(|l| l.value()).unwrap_or_default();
    let parts = template::parse(&path_lit).unwrap_or_default();
    // Room for the ids: most fit in 24 bytes more than the template.
    let capacity = path_lit.len() + 24;

    let path_steps = parts.iter().map(|part| match part {
        template::Part::Literal(lit) => quote!(path.push_str(#lit);),
        template::Part::Param(name) => {
            let field = input
                .fields
                .iter()
                .find(|f| matches!(f.role, Some(Role::Path)) && f.wire == *name);
            let span = field.map_or_else(proc_macro2::Span::call_site, |f| value_span(f));
            let field = field.map(at_type);
            // At the field's type, so a type that is not `Display` is reported there; `if let`,
            // not `?`, which would search `From` impls once per segment when type-checked.
            quote_spanned! {span=>
                if let #p::Result::Err(error) = #p::push_path_segment(&mut path, #name, &self.#field) {
                    return #p::Result::Err(error);
                }
            }
        }
    });

    let query_fields: Vec<_> = input.with_role(|r| matches!(r, Role::Query)).collect();
    let query = (!query_fields.is_empty()).then(|| {
        let pushes = query_fields.iter().map(|f| {
            let (name, wire) = (at_type(f), &f.wire);
            if f.explode.as_ref().is_some_and(|e| !e.value) {
                quote_spanned!(value_span(f)=> query.push_joined(#wire, &self.#name);)
            } else {
                quote_spanned!(value_span(f)=> query.push_param(#wire, &self.#name);)
            }
        });
        quote! {
            #[inline]
            fn query(&self, query: &mut #p::Query) {
                #(#pushes)*
            }
        }
    });

    let header_fields: Vec<_> = input.with_role(|r| matches!(r, Role::Header(_))).collect();
    let headers = (!header_fields.is_empty()).then(|| {
        let pushes = header_fields.iter().map(|f| {
            let (name, wire) = (at_type(f), &f.wire);
            quote_spanned! {value_span(f)=>
                if let #p::Result::Err(error) = #p::push_header(headers, #wire, &self.#name) {
                    return #p::Result::Err(error);
                }
            }
        });
        quote! {
            #[inline]
            fn headers(&self, headers: &mut #p::HeaderMap) -> #p::Result<(), #p::Error> {
                #(#pushes)*
                #p::Result::Ok(())
            }
        }
    });

    let body = input.with_role(|r| matches!(r, Role::Body)).next().map(|f| {
        let name = at_type(f);
        // A raw body's type must be bytes-like, a JSON one's `Serialize`: reported at the field.
        let encoder = if f.raw.is_some() {
            quote!(raw_body)
        } else {
            quote!(json_body)
        };
        let encode = if f.option_inner.is_some() {
            quote_spanned!(value_span(f)=> match &self.#name {
                #p::Option::Some(body) => #p::Option::Some(#p::#encoder(body)?),
                #p::Option::None => #p::Option::None,
            })
        } else {
            quote_spanned!(value_span(f)=> #p::Option::Some(#p::#encoder(&self.#name)?))
        };
        quote! {
            #[inline]
            fn body(&self) -> #p::Result<#p::Option<#p::Body>, #p::Error> {
                #p::Result::Ok(#encode)
            }
        }
    });

    // The `part` fields are the body: one multipart form, each part named by its wire name.
    let part_fields: Vec<_> = input.with_role(|r| matches!(r, Role::Part)).collect();
    let form = (!part_fields.is_empty()).then(|| {
        let pushes = part_fields.iter().map(|f| {
            let (name, wire) = (at_type(f), &f.wire);
            if f.option_inner.is_some() {
                quote_spanned!(value_span(f)=> if let #p::Option::Some(part) = &self.#name {
                    #p::push_part(&mut form, #wire, part);
                })
            } else {
                quote_spanned!(value_span(f)=> #p::push_part(&mut form, #wire, &self.#name);)
            }
        });
        quote! {
            #[inline]
            fn body(&self) -> #p::Result<#p::Option<#p::Body>, #p::Error> {
                let mut form = #p::Multipart::new();
                #(#pushes)*
                #p::Result::Ok(#p::Option::Some(form.into_body()?))
            }
        }
    });

    let decode = if input.attr.items.is_some() {
        quote_spanned!(response.span()=> #p::decode_page_for::<Self>(response))
    } else if input.attr.paginated.is_some() {
        quote_spanned!(response.span()=> #p::decode_page::<#response>(response))
    } else if is_unit(&response) {
        quote!(#p::decode_empty(response))
    } else if let Some(kind) = valid::body_kind(&response).filter(|_| accepts_other_than_json(input)) {
        match kind {
            valid::BodyKind::Text => quote!(#p::decode_text(response)),
            valid::BodyKind::Bytes => quote!(#p::decode_bytes(response)),
        }
    } else {
        quote_spanned!(response.span()=> #p::decode_json::<#response>(response))
    };

    let paginated = input.attr.paginated.as_ref().map(|_| {
        let page_size = input.attr.page_size.as_ref().map(|size| {
            quote! {
                #[inline]
                fn set_default_page_size(&mut self) {
                    if self.limit.is_none() {
                        self.limit = #p::Option::Some(#size);
                    }
                }
            }
        });
        let form = input
            .attr
            .items
            .as_ref()
            .map(|items| quote!(const FORM: #p::PageForm = #p::PageForm::Body { items: #items };));
        quote! {
            #[automatically_derived]
            impl #p::Paginated for #ident {
                type Item = #response;
                #form
                #page_size
            }
        }
    });

    let content_type = input
        .attr
        .content_type
        .as_ref()
        .map(|ct| quote!(const CONTENT_TYPE: &'static str = #ct;));

    let accept = input
        .attr
        .accept
        .as_ref()
        .map(|accept| quote!(const ACCEPT: &'static str = #accept;));

    let unauthenticated = input.attr.unauthenticated.as_ref().map(|_| {
        quote!(
            const AUTHENTICATED: bool = false;
        )
    });

    quote! {
        #[automatically_derived]
        impl #p::Endpoint for #ident {
            type Output = #output;
            const METHOD: #p::Method = #p::Method::#method;
            const PATH: &'static str = #path_lit;
            #content_type
            #accept
            #unauthenticated

            #[inline]
            fn path(&self) -> #p::Result<#p::String, #p::Error> {
                let mut path = #p::String::with_capacity(#capacity);
                #(#path_steps)*
                #p::Result::Ok(path)
            }
            #query
            #headers
            #body
            #form
            #[inline]
            fn decode(response: &#p::RawResponse) -> #p::Result<Self::Output, #p::Error> {
                #decode
            }
        }
        #paginated
    }
}

/// `call = Type::method`: a method on `Type` that binds the endpoint to `Type`'s client, and the
/// `<Name>Call` it returns, with the same setters, awaitable and (for lists) streamable.
fn bound_call(input: &Input, p: &TokenStream) -> TokenStream {
    let ident = input.ident;
    let vis = input.vis;
    let call_ident = format_ident!("{}Call", ident);
    let (response, output) = output(input, p);
    let methods = input
        .attr
        .calls
        .iter()
        .map(|call| client_method(input, call, &call_ident, p));
    // The field itself, not the endpoint's setter through `Call::map`: one function, not three.
    let setters = setters(input, p, quote!(#p::endpoint_mut(&mut this.0)));
    let streams = input.attr.paginated.as_ref().map(|_| {
        quote! {
            /// Every item of every page, fetched lazily as the stream is polled.
            #[inline]
            #vis fn stream(self) -> #p::ItemStream<#response> {
                self.0.stream()
            }

            /// Every page, fetched lazily as the stream is polled.
            #[inline]
            #vis fn pages(self) -> #p::PageStream<#response> {
                self.0.pages()
            }
        }
    });
    let call_doc = format!(
        "A [`{ident}`] bound to a client. Set optional parameters with its methods, then `.await` it{}.",
        if input.attr.paginated.is_some() {
            ", or `.stream()` every item"
        } else {
            ""
        }
    );
    quote! {
        #[doc = #call_doc]
        #[must_use = "a call does nothing until it is awaited, sent or streamed"]
        #vis struct #call_ident(#p::Call<#ident>);

        impl #call_ident {
            #(#setters)*

            /// Sends the call and decodes the response (the same as `.await`).
            #[inline]
            #vis fn send(self) -> #p::BoxFuture<'static, #p::Result<#output, #p::Error>> {
                self.0.send()
            }

            /// Sends the call; the decoded value comes with status, headers, rate-limit info and
            /// request id.
            #[inline]
            #vis fn send_full(self) -> #p::BoxFuture<'static, #p::Result<#p::Response<#output>, #p::Error>> {
                self.0.send_full()
            }

            /// The request as it will be sent.
            #[inline]
            #vis fn endpoint(&self) -> &#ident {
                self.0.endpoint()
            }

            #streams
        }

        #[automatically_derived]
        impl #p::IntoFuture for #call_ident {
            type Output = #p::Result<#output, #p::Error>;
            type IntoFuture = #p::BoxFuture<'static, Self::Output>;

            #[inline]
            fn into_future(self) -> Self::IntoFuture {
                #p::IntoFuture::into_future(self.0)
            }
        }

        #(#methods)*
    }
}

/// `impl Type { fn method(&self, required..) -> <Name>Call }` for one `call = Type::method`.
fn client_method(input: &Input, call: &Path, call_ident: &syn::Ident, p: &TokenStream) -> TokenStream {
    let ident = input.ident;
    let vis = input.vis;
    // The prose of the declaration's docs, not its examples: those are the declaration's, and
    // copying them would compile every example twice.
    let docs = input
        .docs
        .iter()
        .take_while(|attr| !doc_text(attr).trim_start().starts_with("```"));
    let see = format!(" The request sent is [`{ident}`].");
    let mut receiver = call.clone();
    let method = receiver.segments.pop().map(|segment| segment.ident);
    // Only the segments: `pop` leaves a trailing `::` behind.
    let segments = receiver.segments.iter();
    let leading = receiver.leading_colon;
    let args = required_args(input, p);
    let arg_names = input.required().map(|f| f.ident);
    // At the receiver as written, so a type that is not `AsClient` is reported there.
    let as_client = quote_spanned!(receiver.span()=> #p::AsClient::as_client(self));
    let method = quote! {
        #(#docs)*
        #[doc = ""]
        #[doc = #see]
        #[allow(clippy::too_many_arguments)]
        #[inline]
        #vis fn #method(&self, #(#args),*) -> #call_ident {
            #call_ident(#p::Call::new(
                #p::Clone::clone(#as_client),
                #ident::new(#(#arg_names),*),
            ))
        }
    };
    // The `impl` too, so "cannot define inherent `impl` for a type outside of the crate" (a
    // `call` on another crate's type) points at that type.
    quote_spanned! {receiver.span()=>
        impl #leading #(#segments)::* {
            #method
        }
    }
}

fn doc_text(attr: &syn::Attribute) -> String {
    match &attr.meta {
        syn::Meta::NameValue(nv) => match &nv.value {
            syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s), ..
            }) => s.value(),
            _ => String::new(),
        },
        _ => String::new(),
    }
}
