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
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
KIT="$(cd "${PD_REFERENCE:-$ROOT/../shared/pd-reference}" 2>/dev/null && pwd)" ||
  { echo "no Pd reference kit (set PD_REFERENCE)" >&2; exit 2; }
[ -x "$KIT/render.sh" ] && [ -f "$KIT/compare.py" ] || { echo "$KIT: not the Pd reference kit" >&2; exit 2; }
INSTRUMENTS=("$@")
[ ${#INSTRUMENTS[@]} -gt 0 ] || INSTRUMENTS=(chirp keys drums strings quack wub pad fmlead leadguitar)
SEQ_DIR="$ROOT/engine/tests/fixtures/seqs"
if [ -n "${SEQS:-}" ]; then read -ra NAMES <<< "$SEQS"; else
  NAMES=(); for f in "$SEQ_DIR"/*.csv; do NAMES+=("$(basename "$f" .csv)"); done; fi
WORK="$(mktemp -d "${TMPDIR:-/tmp}/compare-engine.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
OUT="${WAV_DIR:-$WORK}"
mkdir -p "$OUT"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
(cd "$ROOT" && cargo build --quiet --release -p microjam-engine --example render)
ENGINE="$CARGO_TARGET_DIR/release/examples/render"
# The reference is the app's first run: no other seeds, no touch jitter, the usual pre-roll, 6 s.
export DUR_S=6.0 SEED_SHIFT=0 JITTER_MS=0 PRE_BLOCKS=345 KEEP_STEREO=0
sep=""
echo "[" > "$WORK/pairs.json"
for instr in "${INSTRUMENTS[@]}"; do
  for seq in "${NAMES[@]}"; do
    csv="$SEQ_DIR/$seq.csv"
    ref="$OUT/$instr-$seq.pd.wav"
    cand="$OUT/$instr-$seq.engine.wav"
    "$KIT/render.sh" "$instr" "$csv" "$ref" 2>"$WORK/render.log" || { cat "$WORK/render.log" >&2; exit 1; }
    "$ENGINE" "$instr" "$csv" "$cand" 6.0
    printf '%s{"instrument": "%s", "csv": "%s", "reference": "%s", "candidate": "%s"}\n' \
      "$sep" "$instr" "$csv" "$ref" "$cand" >> "$WORK/pairs.json"
    sep=","
  done
done
echo "]" >> "$WORK/pairs.json"
# shellcheck disable=SC2086
python3 "$KIT/compare.py" --pairs "$WORK/pairs.json" ${COMPARE_ARGS:-}
