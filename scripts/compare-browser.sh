#!/usr/bin/env bash
# The site's own WAV export against the app: renders every touch sequence of engine/tests/fixtures/seqs/
# with the app's Pd patch (the kit's render.sh) and through the release build's "Download WAV" in
# headless Chromium (tests/e2e/render-wavs.mjs: the engine in an OfflineAudioContext's AudioWorklet),
# then judges them with the kit's compare.py --pairs, pooled per instrument, and prints its table.
# scripts/compare-engine.sh does the same for the engine rendered natively. A developer tool: needs a
# release build in dist/ (trunk build --release), Pd (puredata-core), numpy and the kit.
#
# usage: scripts/compare-browser.sh [INSTRUMENT...]          (default: all nine)
# Environment: PD_REFERENCE = the kit's folder (default ../shared/pd-reference beside the repository);
#   WAV_DIR = keep the renders there; SEQS = a subset of the sequence names; COMPARE_ARGS = more
#   compare.py options.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
KIT="$(cd "${PD_REFERENCE:-$ROOT/../shared/pd-reference}" 2>/dev/null && pwd)" ||
  { echo "no Pd reference kit (set PD_REFERENCE)" >&2; exit 2; }
[ -x "$KIT/render.sh" ] && [ -f "$KIT/compare.py" ] || { echo "$KIT: not the Pd reference kit" >&2; exit 2; }
[ -f "$ROOT/dist/index.html" ] || die "no release build in dist/ (trunk build --release)"
INSTRUMENTS=("$@")
[ ${#INSTRUMENTS[@]} -gt 0 ] || INSTRUMENTS=(chirp keys drums strings quack wub pad fmlead leadguitar)
SEQ_DIR="$ROOT/engine/tests/fixtures/seqs"
if [ -n "${SEQS:-}" ]; then read -ra NAMES <<< "$SEQS"; else
  NAMES=(); for f in "$SEQ_DIR"/*.csv; do NAMES+=("$(basename "$f" .csv)"); done; fi
WORK="$(mktemp -d "${TMPDIR:-/tmp}/compare-browser.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
OUT="${WAV_DIR:-$WORK}"
mkdir -p "$OUT"
csvs=(); for seq in "${NAMES[@]}"; do csvs+=("$SEQ_DIR/$seq.csv"); done
(IFS=,; node "$ROOT/tests/e2e/render-wavs.mjs" "$OUT" "${INSTRUMENTS[*]}" "${csvs[@]}" >/dev/null)
# The reference is the app's first run: no other seeds, no touch jitter, the usual pre-roll, and as
# long as the site's file (the jam and 3 s after it; levels and blind attacks are judged per file).
export SEED_SHIFT=0 JITTER_MS=0 PRE_BLOCKS=345 KEEP_STEREO=0
sep=""
echo "[" > "$WORK/pairs.json"
for instr in "${INSTRUMENTS[@]}"; do
  for seq in "${NAMES[@]}"; do
    ref="$OUT/$instr-$seq.pd.wav"
    cand="$OUT/$instr-$seq.browser.wav"
    DUR_S=$(python3 -c "import wave, sys; w = wave.open(sys.argv[1]); print(w.getnframes() / w.getframerate())" "$cand") \
    "$KIT/render.sh" "$instr" "$SEQ_DIR/$seq.csv" "$ref" 2>"$WORK/render.log" || { cat "$WORK/render.log" >&2; exit 1; }
    printf '%s{"instrument": "%s", "csv": "%s", "reference": "%s", "candidate": "%s"}\n' \
      "$sep" "$instr" "$SEQ_DIR/$seq.csv" "$ref" "$cand" >> "$WORK/pairs.json"
    sep=","
  done
done
echo "]" >> "$WORK/pairs.json"
# shellcheck disable=SC2086
python3 "$KIT/compare.py" --pairs "$WORK/pairs.json" ${COMPARE_ARGS:-}
