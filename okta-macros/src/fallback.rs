//! What a wrong declaration expands to: the errors, and stubs that keep the rest of the crate
//! compiling, so the user sees their mistake and not a cascade of follow-up errors.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{DeriveInput, Path};

use crate::ast::Input;
use crate::expand::{inherent_impl, private};

pub(crate) fn expand(
    input: &DeriveInput,
    krate: Option<&Path>,
    model: Option<&Input>,
    errors: syn::Error,
) -> TokenStream {
    let errors = errors.to_compile_error();
    // A generic struct cannot take a stub impl without repeating the very mistake reported.
    if !input.generics.params.is_empty() {
        return errors;
    }
    let p = private(krate);
    let ident = &input.ident;
    let inherent = model.map(|model| inherent_impl(model, &p));
    quote! {
        #errors
        #inherent
        #[automatically_derived]
        impl #p::Endpoint for #ident {
            type Output = ();
            const METHOD: #p::Method = #p::Method::GET;
            const PATH: &'static str = "";
            fn path(&self) -> #p::Result<#p::String, #p::Error> {
                ::core::unreachable!()
            }
            fn decode(_: &#p::RawResponse) -> #p::Result<(), #p::Error> {
                ::core::unreachable!()
            }
        }
    }
}
