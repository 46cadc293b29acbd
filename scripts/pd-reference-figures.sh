#!/usr/bin/env bash
# Regenerates the reference features the engine's fidelity test compares against: every touch
# sequence of engine/tests/fixtures/seqs/ rendered through the app's own Pd patch of each instrument
# (the kit's render.sh) and measured by the kit's analyse.py, trimmed to what the Rust judge reads
# (engine/tests/fidelity/judge.rs), written to engine/tests/fixtures/reference/INSTRUMENT-SEQ.json.
# A developer tool: needs Pd (puredata-core), numpy and the kit; the tests only read the JSON.
#
# usage: scripts/pd-reference-figures.sh [INSTRUMENT...]      (default: all nine)
# Environment: PD_REFERENCE = the kit's folder (default ../shared/pd-reference beside the repository).
set -euo pipefail
source "$(dirname "$0")/pd-kit.sh" "$@"
OUT_DIR="$ROOT/engine/tests/fixtures/reference"
mkdir -p "$OUT_DIR"

# analyse.py's features of one render, trimmed and rounded, one note a line (small, stable diffs).
TRIM='
import json, sys
sys.path.insert(0, sys.argv[1])
from analyse import analyse
instr, seq, csv, wav, out = sys.argv[2:7]
a = analyse(instr, csv, wav)
r = lambda v, n: None if v is None else round(v, n)
NOTE = (("t_expected", 6), ("midi_expected", 4), ("drum", None), ("moving", None), ("dragged", None),
        ("window_s", 6), ("onset_s", 6), ("peak_dbfs", 4), ("decay20_s", 5), ("decay20_reached", None),
        ("centroid_hz", 3), ("f0_cents", 4))
notes = [{k: (n[k] if d is None else r(n[k], d)) for k, d in NOTE if n.get(k) is not None or k == "onset_s"}
         for n in a["notes"]]
head = {"instrument": instr, "sequence": seq, "sr": a["sr"], "expected_note_ons": a["expected_note_ons"],
        "note_count": a["note_count"], "onsets": a["onsets"],
        "overall": {k: r(a["overall"][k], 4) for k in ("active_rms_dbfs", "rms_dbfs", "peak_dbfs")}}
lines = [" %s: %s," % (json.dumps(k), json.dumps(v)) for k, v in head.items()]
body = ",\n".join("  " + json.dumps(n) for n in notes)
open(out, "w").write("{\n" + "\n".join(lines) + "\n \"notes\": [\n" + body + "\n ]\n}\n")
'
count=0
for instr in "${INSTRUMENTS[@]}"; do
  rm -f "$OUT_DIR/$instr"-*.json
  for csv in "$SEQ_DIR"/*.csv; do
    seq="$(basename "$csv" .csv)"
    pd_render "$instr" "$csv" "$WORK/ref.wav"
    python3 -c "$TRIM" "$KIT" "$instr" "$seq" "$csv" "$WORK/ref.wav" "$OUT_DIR/$instr-$seq.json"
    count=$((count + 1))
  done
  echo "$instr: $(ls "$OUT_DIR/$instr"-*.json | wc -l) reference files" >&2
done
echo "wrote $count reference feature files to ${OUT_DIR#"$ROOT"/}" >&2
