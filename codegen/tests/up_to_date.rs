//! The checked-in operations and models are exactly what the generator makes from the vendored
//! spec: a spec update or a hand edit of a generated file fails here until `cargo run -p codegen`
//! has been run and its output committed.

use std::path::Path;

#[test]
fn checked_in_code_is_what_the_generator_makes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let (outputs, summary) = codegen::generate(&root).unwrap_or_else(|e| panic!("generation failed: {e}"));
    let stale: Vec<String> = outputs
        .iter()
        .filter(|o| std::fs::read_to_string(root.join(&o.path)).ok().as_deref() != Some(o.contents.as_str()))
        .map(|o| o.path.display().to_string())
        .collect();
    assert!(
        stale.is_empty(),
        "these files differ from what the generator makes: {stale:?}\nregenerate with `cargo run -p codegen` and commit the result"
    );
    // Files in the generated directories that the generator does not make (left over from an
    // older spec) would still be compiled.
    for dir in codegen::existing::GENERATED_DIRS {
        for entry in std::fs::read_dir(root.join(dir)).into_iter().flatten().flatten() {
            let rel = entry
                .path()
                .strip_prefix(&root)
                .map(Path::to_path_buf)
                .unwrap_or_default();
            assert!(
                outputs.iter().any(|o| o.path == rel),
                "{} is not generated any more: run `cargo run -p codegen`",
                rel.display()
            );
        }
    }
    // Every operation of the spec is declared, or aliased onto a hand-written one.
    assert_eq!(summary.declared + summary.aliased, 732);
}
