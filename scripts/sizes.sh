#!/usr/bin/env bash
# Prints the first-load files of a release build (dist/: index.html and what it links) raw, gzip -9 and
# brotli -q 11, in bytes; then the chunks loaded on first use (the other wasm modules, src/lazy.rs);
# then the sound engine (dist/engine/: its wasm module and AudioWorklet script), fetched on the first Play.
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
# The files index.html loads: stylesheets, (module)preloads and the script's import.
mapfile -t linked < <(grep -oE '(href=|from |module_or_path: )["'"'"']/[^"'"'"'/]+["'"'"']' "$dist/index.html" | sed -E 's|.*/([^"'"'"']+)["'"'"']$|\1|' | sort -u)
first=("$dist/index.html") chunks=()
for f in "${linked[@]}"; do first+=("$dist/$f"); done
for f in "$dist"/*.wasm; do [[ " ${linked[*]} " == *" $(basename "$f") "* ]] || chunks+=("$f"); done
table "first load (total)" "${first[@]}"
table "chunks loaded on first use (total)" "${chunks[@]}"
table "engine, on the first Play (total)" "$dist"/engine/*.wasm "$dist"/engine/*.js
