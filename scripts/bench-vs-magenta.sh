#!/usr/bin/env bash
# Runs magenta.js (the peer harness in ../shared/magenta/peer) and `palette bench` back to back on
# the same checkpoint and machine, and prints the speed-up per operation.
#
#   scripts/bench-vs-magenta.sh [MODEL] [RUNS] [BACKEND]
#     MODEL    a folder of ../shared/magenta/checkpoints (default mel_2bar_small_random)
#     RUNS     timed runs per operation (default 10)
#     BACKEND  magenta.js backend: wasm (default) or cpu
#
# Needs node + npm (the peer's packages are installed into $PEER_DIR, outside the repository;
# nothing of magenta.js is committed). Writes both JSON files and the ratio table to $OUT_DIR.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=$(cd "${SHARED_DIR:-$ROOT/../shared}" 2>/dev/null && pwd) || { echo "no shared folder beside the clone (set SHARED_DIR)" >&2; exit 2; }
MODEL=${1:-mel_2bar_small_random}
RUNS=${2:-10}
BACKEND=${3:-wasm}
PEER_DIR=${PEER_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/melody-palette/peer}
OUT_DIR=${OUT_DIR:-$ROOT/docs/measurements/bench}
CKPT="$SHARED/magenta/checkpoints/$MODEL"

[ -d "$CKPT" ] || { echo "no checkpoint $CKPT (is ../shared beside the clone?)" >&2; exit 2; }
command -v node >/dev/null || { echo "node is required (apt-get install nodejs npm)" >&2; exit 2; }

if [ ! -d "$PEER_DIR/node_modules/@magenta/music" ]; then
  echo "installing the magenta.js peer into $PEER_DIR ..." >&2
  mkdir -p "$PEER_DIR"
  cp "$SHARED/magenta/peer/"{golden.js,package.json,package-lock.json} "$PEER_DIR/"
  (cd "$PEER_DIR" && npm ci --no-audit --no-fund >/dev/null)
fi

mkdir -p "$OUT_DIR"
PEER_JSON="$OUT_DIR/$MODEL.magentajs-$BACKEND.json"
OURS_JSON="$OUT_DIR/$MODEL.palette.json"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "magenta.js ($BACKEND), $RUNS runs per operation ..." >&2
(cd "$WORK" && MAGENTA_CKPT_ROOT="$SHARED/magenta/checkpoints" \
  node "$PEER_DIR/golden.js" "$BACKEND" "$MODEL" --no-golden --runs "$RUNS" >/dev/null)
cp "$WORK/peer-out/$MODEL.timings.$BACKEND.json" "$PEER_JSON"

echo "palette bench, $RUNS runs per operation ..." >&2
"$ROOT/palette" bench --checkpoint "$CKPT" --runs "$RUNS" --json "$OURS_JSON" >/dev/null 2>&1

node - "$PEER_JSON" "$OURS_JSON" "$MODEL" "$BACKEND" <<'JS' | tee "$OUT_DIR/$MODEL.ratio-$BACKEND.txt"
const fs = require('fs');
const [peerFile, oursFile, model, backend] = process.argv.slice(2);
const peer = JSON.parse(fs.readFileSync(peerFile)).timings;
const ours = JSON.parse(fs.readFileSync(oursFile));
const pad = (s, n) => String(s).padEnd(n);
console.log(`${model}: magenta.js ${backend} vs Melody Palette (${ours.info.kernel}), medians of ${ours.timings.load.runs} runs`);
console.log(pad('operation', 26) + pad('magenta.js ms', 15) + pad('ours ms', 10) + pad('ours p95', 10) + 'speed-up');
for (const op of Object.keys(peer)) {
  if (!ours.timings[op]) continue;
  const a = peer[op].median_ms, b = ours.timings[op].median_ms;
  console.log(pad(op, 26) + pad(a.toFixed(2), 15) + pad(b.toFixed(2), 10)
      + pad(ours.timings[op].p95_ms.toFixed(2), 10) + (a / b).toFixed(1) + 'x');
}
JS
