#!/usr/bin/env bash
# Benchmarks (print figures; nothing here passes or fails on time): decoding and parsing 1,000
# performances of 300 touches, natively and in headless Chromium; drawing 60 card pictures; DOM size
# and heap after 25 feed pages; cold loads; a generated feed of 10,000 performances scrolled to its
# end (release builds, headless Chromium; tests/e2e/bench-load.mjs).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
bash "$ROOT/scripts/setup.sh" --test
cd "$ROOT"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
cargo run --quiet --release --bin bench-decode
start_test_server
wasm-pack --log-level warn test --release --headless --chrome -- --test bench_browser -- --nocapture 2>&1 \
    | grep -E '^\s*(wasm|draw|feed|offline|nodes) ' | sed 's/^\s*//'
trunk build --release --offline >/dev/null 2>&1
node "$ROOT/tests/e2e/bench-load.mjs"
