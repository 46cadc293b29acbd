#!/usr/bin/env bash
# The engine against the app, directly: renders every touch sequence of engine/tests/fixtures/seqs/
# with the app's own Pd patch (the kit's render.sh) and with the engine (the example `render`), then
# judges them with the kit's compare.py --pairs, pooled per instrument, and prints its table. The
# fidelity test (engine/tests/fidelity.rs) gives the same figures without Pd; this is for digging in.
# A developer tool: needs Pd (puredata-core), numpy and the kit.
#
# usage: scripts/compare-engine.sh [INSTRUMENT...]          (default: all nine)
# Environment: PD_REFERENCE = the kit's folder (default ../shared/pd-reference beside the repository);
#   WAV_DIR = keep the renders there (INSTRUMENT-SEQ.pd.wav, INSTRUMENT-SEQ.engine.wav) to listen to;
#   SEQS = a space-separated subset of the sequence names; COMPARE_ARGS = more compare.py options
#   (--json, --align).
set -euo pipefail
source "$(dirname "$0")/pd-kit.sh" "$@"
OUT="${WAV_DIR:-$WORK}"
mkdir -p "$OUT"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
(cd "$ROOT" && cargo build --quiet --release -p microjam-engine --example render)
ENGINE="$CARGO_TARGET_DIR/release/examples/render"
for instr in "${INSTRUMENTS[@]}"; do
  for seq in "${NAMES[@]}"; do
    csv="$SEQ_DIR/$seq.csv"
    ref="$OUT/$instr-$seq.pd.wav"
    cand="$OUT/$instr-$seq.engine.wav"
    pd_render "$instr" "$csv" "$ref"
    "$ENGINE" "$instr" "$csv" "$cand" 6.0
    add_pair "$instr" "$csv" "$ref" "$cand"
  done
done
judge_pairs
