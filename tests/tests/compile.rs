//! Compile tests of `#[derive(Endpoint)]`: every mistake a user can make in a declaration gets one
//! file under `ui/fail/` whose `.stderr` locks the message and the token it points at; `ui/pass/`
//! holds declarations that must keep compiling.
//!
//! The `.stderr` files are rustc 1.95.0's output (the toolchain this machine pins); another
//! compiler may word its own errors (E0061, E0277) differently. Regenerate them with
//! `TRYBUILD=overwrite cargo test -p okta-tests --test compile`, then read every changed file.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/fail/*.rs");
    t.pass("tests/ui/pass/*.rs");
}
