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
source "$ROOT/scripts/pd-kit.sh" "$@"
[ -f "$ROOT/dist/index.html" ] || die "no release build in dist/ (trunk build --release)"
OUT="${WAV_DIR:-$WORK}"
mkdir -p "$OUT"
csvs=(); for seq in "${NAMES[@]}"; do csvs+=("$SEQ_DIR/$seq.csv"); done
(IFS=,; node "$ROOT/tests/e2e/render-wavs.mjs" "$OUT" "${INSTRUMENTS[*]}" "${csvs[@]}" >/dev/null)
# The reference is as long as the site's file (the jam and 3 s after it; levels and blind attacks
# are judged per file).
for instr in "${INSTRUMENTS[@]}"; do
  for seq in "${NAMES[@]}"; do
    ref="$OUT/$instr-$seq.pd.wav"
    cand="$OUT/$instr-$seq.browser.wav"
    DUR_S=$(python3 -c "import wave, sys; w = wave.open(sys.argv[1]); print(w.getnframes() / w.getframerate())" "$cand") \
      pd_render "$instr" "$SEQ_DIR/$seq.csv" "$ref"
    add_pair "$instr" "$SEQ_DIR/$seq.csv" "$ref" "$cand"
  done
done
judge_pairs
