#!/usr/bin/env bash
# Trunk's post_build hook (Trunk.toml), for `trunk build` and `trunk serve` alike, one step after the
# other (both edit the staged index.html): the sound engine's files (scripts/engine-hook.sh), then the
# site's wasm cut into its first load and the chunks loaded on use (scripts/split-hook.py).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
bash "$ROOT/scripts/engine-hook.sh"
python3 "$ROOT/scripts/split-hook.py"
