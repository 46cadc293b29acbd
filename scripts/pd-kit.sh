# Sourced by the tools that measure the engine against the app's own Pd patches (compare-engine.sh,
# compare-browser.sh, pd-reference-figures.sh, validate-fidelity-port.sh): finds the Pd reference kit,
# the instruments asked for (the arguments, default all nine) and the touch sequences
# (engine/tests/fixtures/seqs, or the names in $SEQS), makes a scratch folder $WORK, and sets the
# kit's render options to the app's first run (no other seeds, no touch jitter, the usual pre-roll).
# Developer tools: they need Pd (puredata-core), numpy and the kit; the tests need none of them.
# shellcheck shell=bash
ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
KIT="$(cd "${PD_REFERENCE:-$ROOT/../shared/pd-reference}" 2>/dev/null && pwd)" ||
  { echo "no Pd reference kit (set PD_REFERENCE)" >&2; exit 2; }
[ -x "$KIT/render.sh" ] && [ -f "$KIT/compare.py" ] || { echo "$KIT: not the Pd reference kit" >&2; exit 2; }
INSTRUMENTS=("$@")
[ ${#INSTRUMENTS[@]} -gt 0 ] || INSTRUMENTS=(chirp keys drums strings quack wub pad fmlead leadguitar)
SEQ_DIR="$ROOT/engine/tests/fixtures/seqs"
if [ -n "${SEQS:-}" ]; then read -ra NAMES <<< "$SEQS"; else
  NAMES=(); for f in "$SEQ_DIR"/*.csv; do NAMES+=("$(basename "$f" .csv)"); done; fi
WORK="$(mktemp -d "${TMPDIR:-/tmp}/pd-kit.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
export DUR_S=6.0 SEED_SHIFT=0 JITTER_MS=0 PRE_BLOCKS=345 KEEP_STEREO=0

# pd_render INSTRUMENT CSV OUT.wav: the app's render, or the kit's complaint and exit.
pd_render() {
  "$KIT/render.sh" "$1" "$2" "$3" 2>"$WORK/render.log" || { cat "$WORK/render.log" >&2; exit 1; }
}

# add_pair INSTRUMENT CSV REFERENCE CANDIDATE, then judge_pairs: compare.py --pairs over them all.
add_pair() {
  printf '%s{"instrument": "%s", "csv": "%s", "reference": "%s", "candidate": "%s"}\n' \
    "$([ -s "$WORK/pairs.json" ] && echo , || echo [)" "$@" >> "$WORK/pairs.json"
}
judge_pairs() {
  echo "]" >> "$WORK/pairs.json"
  # shellcheck disable=SC2086
  python3 "$KIT/compare.py" --pairs "$WORK/pairs.json" ${COMPARE_ARGS:-}
}
