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
source "$(dirname "$0")/pd-kit.sh" "$@"
CHECK="${FIDELITY_CHECK:-}"
if [ -z "$CHECK" ]; then
  export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
  (cd "$ROOT" && cargo build --quiet --release -p microjam-engine --example fidelity_port_check)
  CHECK="$CARGO_TARGET_DIR/release/examples/fidelity_port_check"
fi
bad=0
for instr in "${INSTRUMENTS[@]}"; do
  for seq in "${NAMES[@]}"; do
    csv="$SEQ_DIR/$seq.csv"
    pd_render "$instr" "$csv" "$WORK/ref.wav"
    python3 "$KIT/analyse.py" "$instr" "$csv" "$WORK/ref.wav" "$WORK/ref.json" >/dev/null
    "$CHECK" "$instr" "$csv" "$WORK/ref.wav" "$WORK/ref.json" | sed "s|$SEQ_DIR/||" || bad=$((bad + 1))
  done
done
echo "$bad render(s) out of agreement"
[ "$bad" = 0 ]
