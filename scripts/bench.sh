#!/usr/bin/env bash
# Benchmarks (print figures; nothing here passes or fails on time): decoding and parsing 1,000
# performances of 300 touches, natively and in headless Chromium; the sound engine's cost per block for
# each instrument and the layers that fit in real time, natively; drawing 60 card pictures; DOM size
# and heap after 25 feed pages; rendering a jam offline through the engine in the AudioWorklet; audio
# nodes, processors and the engine's wasm memory over 20 play/stop cycles; cold loads; a generated
# feed of 10,000 performances scrolled to its end (tests/e2e/bench-load.mjs); the first card, the first
# page of cards, LCP, the first Play and the bytes on the wire of / served compressed, against a
# hand-written page, as a throttled phone and unthrottled (tests/e2e/bench-first-paint.mjs); the
# stage's latency from a pointer event to its sound over 50 taps (release builds, headless Chromium).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
bash "$ROOT/scripts/setup.sh" --test
cd "$ROOT"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
cargo run --quiet --release -p microjam-tools --bin bench-decode
cargo run --quiet --release -p microjam-engine --example bench
bash "$ROOT/scripts/engine.sh"
start_test_server
# The engine's cost in the AudioWorklet renders minutes of audio: more than the runner's default 20 s.
WASM_BINDGEN_TEST_TIMEOUT=600 wasm-pack --log-level warn test --release --headless --chrome -- --test bench_browser -- --nocapture 2>&1 \
    | grep -E '^\s*(wasm|draw|feed|offline|nodes|worklet) ' | sed 's/^\s*//'
trunk build --release --offline >/dev/null 2>&1
node "$ROOT/tests/e2e/bench-load.mjs"
node "$ROOT/tests/e2e/bench-first-paint.mjs"
node "$ROOT/tests/e2e/bench-latency.mjs"
