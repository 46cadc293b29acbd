#!/usr/bin/env bash
# Sets up what is missing, then runs every check and test: formatting, lints, native tests, browser
# tests in headless Chromium against a loopback API server, the release build, and end-to-end tests of
# it in headless Chromium (with the accessibility audit and the byte budget).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
bash "$ROOT/scripts/setup.sh" --test
cd "$ROOT"
started=$(date +%s)

say "formatting (cargo fmt --all --check)"
cargo fmt --all --check

say "the site's modules, and the backend's, point one way (scripts/module-cycles.py)"
python3 "$ROOT/scripts/module-cycles.py"

say "lints of the workspace (site and engine), native and browser (cargo clippy -D warnings)"
cargo clippy --quiet --workspace --all-targets -- -D warnings
cargo clippy --quiet --workspace --target wasm32-unknown-unknown --all-targets -- -D warnings
# The site as Trunk builds it: with its chunks (the feature `split`, src/lazy.rs).
cargo clippy --quiet --target wasm32-unknown-unknown --features split -- -D warnings

say "native tests of the workspace (cargo test --workspace)"
cargo test --quiet --workspace

say "the sound engine's wasm module and AudioWorklet script (scripts/engine.sh)"
bash "$ROOT/scripts/engine.sh"

say "browser tests (wasm-pack test --headless --chrome) against scripts/test-server.py"
start_test_server
wasm-pack --log-level warn test --headless --chrome -- --test browser

say "release build (trunk build --release)"
rm -rf dist
trunk build --release --offline
[ -f dist/index.html ] || die "trunk build --release did not write dist/index.html"
bash "$ROOT/scripts/sizes.sh" dist

say "end-to-end tests of dist/ in headless Chromium (node --test tests/e2e)"
(cd "$ROOT/tests/e2e" && node --test --test-concurrency=1)

say "all checks passed in $(( $(date +%s) - started )) s"
