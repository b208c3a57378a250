//! `cargo run -p codegen`: regenerates the facade's operations and models from the vendored spec.

use std::path::{Path, PathBuf};

fn main() -> std::process::ExitCode {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    match run(&root) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("codegen: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn run(root: &Path) -> Result<(), String> {
    let (outputs, summary) = codegen::generate(root)?;
    // Files the generator owned before and no longer writes are removed.
    for dir in codegen::existing::GENERATED_DIRS {
        for stale in files_in(&root.join(dir)) {
            let rel = stale.strip_prefix(root).map_err(|e| e.to_string())?;
            if !outputs.iter().any(|o| o.path == rel) {
                std::fs::remove_file(&stale).map_err(|e| format!("{}: {e}", stale.display()))?;
            }
        }
    }
    let mut written = 0;
    for o in &outputs {
        let path = root.join(&o.path);
        if std::fs::read_to_string(&path).ok().as_deref() == Some(o.contents.as_str()) {
            continue;
        }
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(&path, &o.contents).map_err(|e| format!("{}: {e}", path.display()))?;
        written += 1;
    }
    println!(
        "codegen: {} operations declared, {} hand-written ones aliased, {} models; {written} files changed",
        summary.declared, summary.aliased, summary.models
    );
    Ok(())
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect()
}
