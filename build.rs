//! Renders the Markdown pages under content/ to HTML at compile time, so the browser bundle carries no
//! Markdown engine. Editing content/privacy.md and rebuilding is how the policy is updated.

#[path = "src/markdown.rs"]
#[allow(dead_code)]
mod markdown;

use std::{env, fs, path::Path};

fn main() {
    println!("cargo:rerun-if-changed=src/markdown.rs");
    // wasm-split (scripts/split-hook.py) needs the linker's relocations to cut the module apart.
    // Only the site's binary is linked with them: nothing else is rebuilt for it.
    if env::var_os("CARGO_FEATURE_SPLIT").is_some() && env::var("TARGET").is_ok_and(|t| t.starts_with("wasm32")) {
        println!("cargo:rustc-link-arg-bin=microjam-web=--emit-relocs");
    }
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    // Every page under content/ that the site shows.
    const PAGES: &[&str] = &["privacy"];
    for page in PAGES {
        let source_path = format!("content/{page}.md");
        println!("cargo:rerun-if-changed={source_path}");
        let source = fs::read_to_string(&source_path).unwrap_or_else(|e| panic!("cannot read {source_path}: {e}"));
        let rendered = markdown::render(&source);
        assert!(
            !rendered.title.is_empty(),
            "{source_path} needs a `title:` in its front matter"
        );
        let out = Path::new(&out_dir);
        fs::write(out.join(format!("{page}.html")), rendered.html).expect("write page html");
        fs::write(out.join(format!("{page}.title")), rendered.title).expect("write page title");
    }
}
