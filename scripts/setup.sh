#!/usr/bin/env bash
# Installs what building, serving and testing need, skipping whatever is already present at the right
# version. Safe to run again and again; the serve and test scripts call it first.
#   bash scripts/setup.sh           everything for serving (Rust target, trunk, wasm-bindgen, wasm-opt)
#   bash scripts/setup.sh --test    also what the tests need (wasm-pack, Chromium, ChromeDriver, brotli)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

want_test=false
[ "${1:-}" = "--test" ] && want_test=true
missing=()

version_of() { "$1" --version 2>/dev/null | head -n 1 || true; }

# The cargo-installed tools share one build directory, so the dependencies they have in common (tokio,
# serde, reqwest, ...) compile once for all three instead of once per tool.
TOOLS_TARGET="$MICROJAM_TOOLS/cargo-target"

cargo_tool() { # crate version binary [cargo install flags...]
    local crate=$1 version=$2 bin=$3
    shift 3
    if [[ "$(version_of "$bin")" == *" $version"* ]]; then return; fi
    # (A tool without --version, such as wasm-split-cli: cargo's own list of what it installed.)
    if command -v "$bin" >/dev/null && cargo install --list 2>/dev/null | grep -qx "$crate v$version:"; then return; fi
    say "installing $crate $version (minutes on 2 cores; cached afterwards)"
    CARGO_TARGET_DIR="$TOOLS_TARGET" cargo install --quiet "$@" --force "$crate@$version" \
        || missing+=("$crate $version (cargo install failed)")
}

apt_packages() { # binary:package ...
    local wanted=() pair
    for pair in "$@"; do command -v "${pair%%:*}" >/dev/null || wanted+=("${pair#*:}"); done
    [ ${#wanted[@]} -eq 0 ] && return
    local sudo=""
    if [ "$(id -u)" != 0 ]; then command -v sudo >/dev/null && sudo="sudo" || { missing+=("${wanted[*]} (apt-get needs root)"); return; }; fi
    say "installing Debian packages: ${wanted[*]}"
    $sudo apt-get update -qq || true
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${wanted[@]}" >/dev/null || missing+=("${wanted[*]} (apt-get failed)")
}

command -v cargo >/dev/null || die "cargo not found: install Rust with rustup first (https://rustup.rs)"
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown || missing+=("rustup target wasm32-unknown-unknown")
fi

# Downloads (Debian packages, npm) run in the background while cargo compiles the tools.
background=()
mkdir -p "$MICROJAM_TOOLS"
if $want_test; then
    apt_packages chromium:chromium chromedriver:chromium-driver brotli:brotli python3:python3 \
        >"$MICROJAM_TOOLS/apt.log" 2>&1 &
    background+=($!)
fi

# trunk without its update check: it would ask crates.io at every start, and everything here is offline.
cargo_tool trunk "$TRUNK_VERSION" trunk --locked --no-default-features --features rustls
# `--locked` can fail to resolve wasm-bindgen-cli's locked dependencies from the registry; unlocked works.
cargo_tool wasm-bindgen-cli "$(wasm_bindgen_version)" wasm-bindgen
# Cuts the site's wasm into the first load and the chunks loaded on first use (scripts/split-hook.py).
cargo_tool wasm_split_cli_support "$WASM_SPLIT_VERSION" wasm-split-cli --locked --features build-binary

if [[ "$(version_of wasm-opt)" != *"version ${BINARYEN_VERSION%%.*}"* ]]; then
    command -v npm >/dev/null || die "npm not found: install Node.js (Debian: apt-get install nodejs npm)"
    say "installing wasm-opt (npm binaryen@$BINARYEN_VERSION) into $MICROJAM_TOOLS"
    mkdir -p "$MICROJAM_TOOLS"
    npm install --silent --no-audit --no-fund --prefix "$MICROJAM_TOOLS" "binaryen@$BINARYEN_VERSION" \
        || missing+=("npm binaryen@$BINARYEN_VERSION")
fi
# Minifies the JS glue of release builds (scripts/split-hook.py).
if [[ "$(version_of terser)" != "terser $TERSER_VERSION" ]]; then
    command -v npm >/dev/null || die "npm not found: install Node.js (Debian: apt-get install nodejs npm)"
    say "installing terser $TERSER_VERSION (npm) into $MICROJAM_TOOLS"
    npm install --silent --no-audit --no-fund --prefix "$MICROJAM_TOOLS" "terser@$TERSER_VERSION" \
        || missing+=("npm terser@$TERSER_VERSION")
fi

if $want_test; then
    cargo_tool wasm-pack "$WASM_PACK_VERSION" wasm-pack --locked
    # The background install's outcome is not visible here: ask again (a no-op when it worked).
    [ ${#background[@]} -gt 0 ] && wait "${background[@]}" || true
    apt_packages chromium:chromium chromedriver:chromium-driver brotli:brotli python3:python3
    # The end-to-end harness (playwright-core drives Debian's Chromium; it never downloads a browser).
    e2e="$ROOT/tests/e2e"
    if ! cmp -s "$e2e/package-lock.json" "$e2e/node_modules/.microjam-lock" 2>/dev/null; then
        say "installing the end-to-end harness (npm ci in tests/e2e)"
        if npm ci --silent --no-audit --no-fund --prefix "$e2e"; then
            cp "$e2e/package-lock.json" "$e2e/node_modules/.microjam-lock"
        else
            missing+=("npm packages of tests/e2e (npm ci)")
        fi
    fi
fi

if [ ${#missing[@]} -gt 0 ]; then
    printf 'error: setup could not get:\n' >&2
    printf '  - %s\n' "${missing[@]}" >&2
    exit 1
fi
say "tools ready: $(version_of trunk), $(version_of wasm-bindgen), $(version_of wasm-opt), $(version_of terser)$($want_test && echo ", $(version_of wasm-pack), $(version_of chromedriver | cut -d' ' -f1-2)")"
