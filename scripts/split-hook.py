#!/usr/bin/env python3
"""Trunk's post_build step that cuts the site's wasm into the first load and chunks loaded on use.

Trunk has built the binary (with the cargo feature `split`, linked with --emit-relocs: build.rs) and
run wasm-bindgen on it whole. This redoes the last part the way cargo-leptos does for Leptos' lazy
code: wasm-split-cli cuts cargo's raw module at every `split!` function (src/lazy.rs) into a main
module, one module per chunk name and shared modules, plus a small loader script; wasm-bindgen then
processes the main module keeping the exports the chunks link against; in release builds wasm-opt
optimises every module and terser the scripts. Every file gets a content-hashed name (a cached chunk from an older build
never meets a newer main module), Trunk's unsplit files are removed, and index.html is pointed at
the new ones, with the loader script preloaded beside the main script.

Environment (set by Trunk for hooks, and by scripts/env.sh): TRUNK_STAGING_DIR, TRUNK_PROFILE,
CARGO_TARGET_DIR. Tools from PATH: wasm-split-cli, wasm-bindgen; for release builds wasm-opt, and
terser, which minifies the two scripts.
"""

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

NAME = "microjam-web"
# What index.html asked Trunk's wasm-opt for before the split, now applied to every module here.
WASM_OPT = ["-Os", "--converge", "--low-memory-unused", "--strip-producers", "--strip-debug"]


def fail(message):
    sys.exit(f"split-hook: {message}")


def run(*args):
    result = subprocess.run(args, capture_output=True, text=True)
    if result.returncode != 0:
        fail(f"{' '.join(map(str, args))} failed:\n{result.stdout}{result.stderr}")


def minify(script, *flags):
    """terser on a script's text (Trunk's own minifier cannot parse wasm-bindgen's module output)."""
    result = subprocess.run(["terser", "--compress", "--mangle", *flags], input=script, capture_output=True, text=True)
    if result.returncode != 0:
        fail(f"terser failed:\n{result.stderr}")
    return result.stdout.strip()


def digest(*blobs):
    h = hashlib.sha256()
    for blob in blobs:
        h.update(blob)
    return h.hexdigest()[:16]


def main():
    staging = Path(os.environ.get("TRUNK_STAGING_DIR") or fail("run by Trunk as a post_build hook"))
    profile = os.environ.get("TRUNK_PROFILE", "debug")
    target = Path(os.environ.get("CARGO_TARGET_DIR", "target"))
    raw = target / "wasm32-unknown-unknown" / ("release" if profile == "release" else "debug") / f"{NAME}.wasm"
    if not raw.is_file():
        fail(f"no {raw}: is CARGO_TARGET_DIR the one Trunk built into?")

    index_path = staging / "index.html"
    index = index_path.read_text()
    glue = re.search(rf'["\']([^"\']*/)({re.escape(NAME)}-[0-9a-f]+\.js)["\']', index)
    bg = re.search(rf'/({re.escape(NAME)}-[0-9a-f]+_bg\.wasm)["\']', index)
    if not glue or not bg:
        fail("index.html does not name Trunk's script and wasm")
    # (Where Trunk puts the files: "/" unless built with a public URL.)
    public, glue, bg = glue.group(1), glue.group(2), bg.group(1)

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        split = tmp / "split"
        run("wasm-split-cli", raw, split, "--out-name", NAME)
        run("wasm-bindgen", "--target", "web", "--keep-lld-exports", "--no-demangle", "--out-dir", tmp / "bindgen",
            "--out-name", NAME, split / f"{NAME}.wasm")
        shutil.move(tmp / "bindgen" / f"{NAME}_bg.wasm", split / f"{NAME}.wasm")
        shutil.move(tmp / "bindgen" / f"{NAME}.js", split / f"{NAME}.js")
        modules = sorted(split.glob("*.wasm"))
        if profile == "release":
            with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
                list(pool.map(lambda m: run("wasm-opt", *WASM_OPT, m, "-o", m), modules))

        # Wasm modules: named by their content. Scripts: by the whole build (they name each other).
        renamed = {}
        for module in modules:
            stem = NAME if module.stem == NAME else f"{NAME}-{module.stem.replace('_', '-')}"
            renamed[module.name] = f"{stem}-{digest(module.read_bytes())}.wasm"
        loader_js = (split / "__wasm_split.js").read_text()
        glue_js = (split / f"{NAME}.js").read_text()
        build = digest(*(m.read_bytes() for m in modules), loader_js.encode(), glue_js.encode())
        loader_name, glue_name = f"{NAME}-loader-{build}.js", f"{NAME}-{build}.js"
        for old, new in renamed.items():
            loader_js = loader_js.replace(f'"./{old}"', f'"./{new}"')
        loader_js = loader_js.replace(f'"./{NAME}.js"', f'"./{glue_name}"')
        # (The import statements only: the wasm's imports keep the module name it was linked with.)
        glue_js = glue_js.replace('from "./__wasm_split.js"', f'from "./{loader_name}"')
        glue_js = glue_js.replace(f"'{NAME}_bg.wasm'", f"'{renamed[NAME + '.wasm']}'")

        for old in (glue, bg):
            (staging / old).unlink(missing_ok=True)
        for module in modules:
            shutil.copyfile(module, staging / renamed[module.name])
        if profile == "release":
            loader_js, glue_js = minify(loader_js, "--module"), minify(glue_js, "--module")
        (staging / loader_name).write_text(loader_js)
        (staging / glue_name).write_text(glue_js)

    index = index.replace(glue, glue_name).replace(bg, renamed[NAME + ".wasm"])
    preload = f'<link rel="modulepreload" href="{public}{loader_name}" crossorigin="anonymous">'
    index = index.replace("</head>", f"{preload}</head>", 1)
    if profile == "release":
        # The comments are for whoever edits index.html, not for every visitor's first load.
        index = re.sub(r"\s*<!--.*?-->", "", index, flags=re.S)
        index = re.sub(r"\n\s*// [^\n]*", "", index)
        index = re.sub(r"\n\s+", "\n", index)
        index = index.replace(' data-integrity="none"', "")
        # The inline script (the gallery's first page asked for early), minified as the glue is.
        index = re.sub(r"(?s)<script>(.*?)</script>", lambda m: f"<script>{minify(m.group(1))}</script>", index)
    index_path.write_text(index)
    print(f"split-hook: {len(modules)} modules, first load {renamed[NAME + '.wasm']}", file=sys.stderr)


if __name__ == "__main__":
    main()
