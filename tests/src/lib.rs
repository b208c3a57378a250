//! Integration and compile-fail tests of the Okta SDK workspace live in `tests/`; this library is empty.
