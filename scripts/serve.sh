#!/usr/bin/env bash
# Sets up what is missing, then serves the site with the default data on http://127.0.0.1:8080.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
bash "$ROOT/scripts/setup.sh"
cd "$ROOT"
say "serving on http://127.0.0.1:8080 (Ctrl-C stops)"
exec trunk serve --offline "$@"
