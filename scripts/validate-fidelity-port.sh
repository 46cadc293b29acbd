#!/usr/bin/env bash
# Checks the Rust port of the Pd reference kit's analyse.py (engine/tests/fidelity/) against
# analyse.py itself: renders each touch sequence of engine/tests/fixtures/seqs/ through the app's Pd
# patch, measures it with both, and prints the largest differences per render (the example
# fidelity_port_check). A developer tool: needs Pd, numpy and the kit (../shared/pd-reference).
#
# usage: scripts/validate-fidelity-port.sh [INSTRUMENT...]      (default: all nine)
# Environment: PD_REFERENCE (the kit's folder), FIDELITY_CHECK (a built fidelity_port_check, to
# skip cargo), SEQS (a space-separated subset of the sequence names).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
KIT="${PD_REFERENCE:-$ROOT/../shared/pd-reference}"
[ -x "$KIT/render.sh" ] || { echo "no Pd reference kit at $KIT (set PD_REFERENCE)" >&2; exit 2; }
INSTRUMENTS=("$@")
[ ${#INSTRUMENTS[@]} -gt 0 ] || INSTRUMENTS=(chirp keys drums strings quack wub pad fmlead leadguitar)
SEQ_DIR="$ROOT/engine/tests/fixtures/seqs"
if [ -n "${SEQS:-}" ]; then read -ra NAMES <<< "$SEQS"; else
  NAMES=(); for f in "$SEQ_DIR"/*.csv; do NAMES+=("$(basename "$f" .csv)"); done; fi
CHECK="${FIDELITY_CHECK:-}"
if [ -z "$CHECK" ]; then
  export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
  (cd "$ROOT" && cargo build --quiet --release -p microjam-engine --example fidelity_port_check)
  CHECK="$CARGO_TARGET_DIR/release/examples/fidelity_port_check"
fi
WORK="$(mktemp -d "${TMPDIR:-/tmp}/fidport.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
bad=0
for instr in "${INSTRUMENTS[@]}"; do
  for seq in "${NAMES[@]}"; do
    csv="$SEQ_DIR/$seq.csv"
    "$KIT/render.sh" "$instr" "$csv" "$WORK/ref.wav" 2>/dev/null
    python3 "$KIT/analyse.py" "$instr" "$csv" "$WORK/ref.wav" "$WORK/ref.json" >/dev/null
    "$CHECK" "$instr" "$csv" "$WORK/ref.wav" "$WORK/ref.json" | sed "s|$SEQ_DIR/||" || bad=$((bad + 1))
  done
done
echo "$bad render(s) out of agreement"
[ "$bad" = 0 ]
