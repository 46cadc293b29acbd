//! Regenerates the fictional default data set under the site's `public/api/`:
//! `cargo run -p microjam-tools --bin gen-data`. The tree is deleted first, so files the generator no
//! longer produces disappear too.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::{fs, path::Path};

    // The site's package is this one's parent folder.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tools/ is in the site's folder")
        .join("public/api");
    let files = microjam_tools::dataset::generate();
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
