#!/usr/bin/env bash
# Builds the sound engine for the browser into DIR (default $CARGO_TARGET_DIR/engine): its wasm module
# (cargo --release, then wasm-opt -O3, stripped) as microjam-engine.wasm, and the AudioWorklet
# processor script as microjam-engine-processor.js. The Trunk hook (scripts/engine-hook.sh) puts them
# into a site build under content-hashed names; the browser tests read them from the test server's
# /engine-build/. Always a release build: the engine runs on the audio thread, and it is small.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
out="${1:-$CARGO_TARGET_DIR/engine}"
mkdir -p "$out"
cargo build --quiet --release --target wasm32-unknown-unknown -p microjam-engine --lib
wasm-opt -O3 --strip-debug --strip-producers \
    "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/microjam_engine.wasm" -o "$out/microjam-engine.wasm"
cp "$ROOT/engine/worklet/processor.js" "$out/microjam-engine-processor.js"
