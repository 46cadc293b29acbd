//! Regenerates the fictional default data set under `public/api/`: `cargo run --bin gen-data`.
//! The tree is deleted first, so files the generator no longer produces disappear too.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::{fs, path::Path};

    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("public").join("api");
    let files = microjam_web::dataset::generate();
    if root.exists() {
        fs::remove_dir_all(&root).unwrap_or_else(|e| panic!("cannot delete {}: {e}", root.display()));
    }
    let mut bytes = 0;
    for (relative, text) in &files {
        let path = relative
            .split('/')
            .fold(root.clone(), |path, segment| path.join(segment));
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).unwrap_or_else(|e| panic!("cannot create {}: {e}", parent.display()));
        }
        fs::write(&path, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        bytes += text.len();
    }
    println!("wrote {} files, {bytes} bytes, under {}", files.len(), root.display());
}
