#!/usr/bin/env bash
# Prints the first-load files of a release build (dist/) raw, gzip -9 and brotli -q 11, in bytes, then
# the sound engine (dist/engine/: its wasm module and AudioWorklet script), fetched on the first Play.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
dist="${1:-$ROOT/dist}"
table() {
    local label=$1 total_raw=0 total_gz=0 total_br=0 f raw gz br
    shift
    for f in "$@"; do
        [ -f "$f" ] || continue
        raw=$(wc -c <"$f"); gz=$(gzip -9 -c "$f" | wc -c); br=$(brotli -q 11 -c "$f" | wc -c)
        total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz)) total_br=$((total_br + br))
        printf '%-40s %10d %10d %10d\n' "$(basename "$f")" "$raw" "$gz" "$br"
    done
    printf '%-40s %10d %10d %10d\n' "$label" "$total_raw" "$total_gz" "$total_br"
}
printf '%-40s %10s %10s %10s\n' file raw gzip brotli
table "first load (total)" "$dist"/index.html "$dist"/*.js "$dist"/*.wasm "$dist"/*.css
table "engine, on the first Play (total)" "$dist"/engine/*.wasm "$dist"/engine/*.js
