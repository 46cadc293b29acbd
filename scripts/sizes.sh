#!/usr/bin/env bash
# Prints the first-load files of a release build (dist/) raw, gzip -9 and brotli -q 11, in bytes.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
dist="${1:-$ROOT/dist}"
printf '%-40s %10s %10s %10s\n' file raw gzip brotli
total_raw=0 total_gz=0 total_br=0
for f in "$dist"/index.html "$dist"/*.js "$dist"/*.wasm "$dist"/*.css; do
    [ -f "$f" ] || continue
    raw=$(wc -c <"$f"); gz=$(gzip -9 -c "$f" | wc -c); br=$(brotli -q 11 -c "$f" | wc -c)
    total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz)) total_br=$((total_br + br))
    printf '%-40s %10d %10d %10d\n' "$(basename "$f")" "$raw" "$gz" "$br"
done
printf '%-40s %10d %10d %10d\n' "first load (total)" "$total_raw" "$total_gz" "$total_br"
