#!/usr/bin/env bash
# Trunk's post_build hook (Trunk.toml), for `trunk build` and `trunk serve` alike: builds the sound
# engine (scripts/engine.sh), copies its wasm module and AudioWorklet script into the staged build as
# engine/microjam-engine-HASH.wasm and engine/microjam-engine-processor-HASH.js (a content hash, so a
# cached old module never meets a new site), and names them in the staged index.html, where the player
# reads them (src/backend/config.rs). Nothing here is part of the first load: the player fetches them on the
# first Play.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
: "${TRUNK_STAGING_DIR:?run by Trunk as a post_build hook}"
built="$CARGO_TARGET_DIR/engine"
bash "$ROOT/scripts/engine.sh" "$built"
hashed() { echo "engine/$1-$(sha256sum "$built/$1.$2" | cut -c1-16).$2"; }
wasm=$(hashed microjam-engine wasm)
script=$(hashed microjam-engine-processor js)
mkdir -p "$TRUNK_STAGING_DIR/engine"
cp "$built/microjam-engine.wasm" "$TRUNK_STAGING_DIR/$wasm"
cp "$built/microjam-engine-processor.js" "$TRUNK_STAGING_DIR/$script"
public="${TRUNK_PUBLIC_URL:-/}"
tags="<meta name=\"microjam-engine\" content=\"${public%/}/$wasm\" /><meta name=\"microjam-engine-processor\" content=\"${public%/}/$script\" />"
index="$TRUNK_STAGING_DIR/index.html"
grep -q '</head>' "$index" || die "no </head> in $index"
sed -i "s|</head>|$tags</head>|" "$index"
