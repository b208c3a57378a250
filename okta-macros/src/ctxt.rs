//! Gathers every error of a declaration, so the user sees them all in one compile.

use std::cell::RefCell;
use std::fmt::Display;

use quote::ToTokens;

/// The errors found so far. [`check`](Ctxt::check) must be called before it is dropped: an error
/// that is collected and then forgotten would let a wrong declaration compile.
pub(crate) struct Ctxt {
    /// `None` once checked.
    errors: RefCell<Option<Vec<syn::Error>>>,
}

impl Default for Ctxt {
    fn default() -> Self {
        Ctxt {
            errors: RefCell::new(Some(Vec::new())),
        }
    }
}

impl Ctxt {
    pub(crate) fn error_spanned_by(&self, tokens: impl ToTokens, message: impl Display) {
        // One `dyn` step here, not one copy of this function per token type (as serde does).
        self.syn_error(syn::Error::new_spanned(tokens.into_token_stream(), message));
    }

    pub(crate) fn error_at(&self, span: proc_macro2::Span, message: impl Display) {
        self.syn_error(syn::Error::new(span, message));
    }

    pub(crate) fn syn_error(&self, error: syn::Error) {
        self.errors
            .borrow_mut()
            .as_mut()
            .expect("an error reported after Ctxt::check")
            .push(error);
    }

    /// All errors combined into one, or `Ok` when there were none.
    pub(crate) fn check(self) -> Result<(), syn::Error> {
        let errors = self.errors.borrow_mut().take().unwrap_or_default();
        let mut errors = errors.into_iter();
        let Some(mut combined) = errors.next() else {
            return Ok(());
        };
        errors.for_each(|e| combined.combine(e));
        Err(combined)
    }
}

impl Drop for Ctxt {
    fn drop(&mut self) {
        // Not while unwinding: a second panic would abort and hide the first.
        if !std::thread::panicking() && self.errors.borrow().is_some() {
            panic!("Ctxt dropped without check(): its errors would be lost");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_returns_every_error_in_order() {
        let cx = Ctxt::default();
        cx.error_at(proc_macro2::Span::call_site(), "first");
        cx.error_spanned_by(quote::quote!(x), "second");
        let messages: Vec<String> = cx
            .check()
            .expect_err("two")
            .into_iter()
            .map(|e| e.to_string())
            .collect();
        assert_eq!(messages, ["first", "second"]);
        assert!(Ctxt::default().check().is_ok());
    }

    #[test]
    #[should_panic(expected = "dropped without check()")]
    fn dropping_unchecked_errors_panics() {
        let cx = Ctxt::default();
        cx.error_at(proc_macro2::Span::call_site(), "lost");
        drop(cx);
    }
}
