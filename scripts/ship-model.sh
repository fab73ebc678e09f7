#!/usr/bin/env bash
# Turns a training run's latest checkpoint into a bundled model folder, checkpoints/NAME:
# the config and weights (not the optimizer state), the run's metrics.json (training history) and
# training_state.json (step, seconds, dataset fingerprint), checksums.sha256 of those files,
# attributes.json for the app's sliders, and the evaluation (eval.json, eval.png, eval.txt) on the
# dataset's eval split; for a continuation model (config type "continuation") the evaluation is
# `palette continue-eval --realism` (eval.json, eval.txt) and there are no attribute sliders.
# MODEL_CARD.md is written by hand from those files.
#
#   scripts/ship-model.sh RUN_DIR NAME DATASET_FILE
#   e.g. scripts/ship-model.sh /work/runs/mel_2bar_cpu mel_2bar /work/runs/data/mel2.bin
set -euo pipefail

if [ $# -ne 3 ]; then
  echo "usage: $0 RUN_DIR NAME DATASET_FILE" >&2
  exit 2
fi
run=$1
name=$2
data=$(cd "$(dirname "$3")" && pwd)/$(basename "$3")
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/checkpoints/$name"
staging="$root/checkpoints/.$name.staging"

for f in config.json weights_manifest.json metrics.json training_state.json; do
  [ -f "$run/$f" ] || { echo "$0: $run/$f is missing: not a training run folder" >&2; exit 2; }
done
[ -f "$data" ] || { echo "$0: dataset $data not found" >&2; exit 2; }

rm -rf "$staging"
mkdir -p "$staging"
# Copy from a snapshot of the run: training may be writing its next checkpoint meanwhile, and
# the trainer swaps whole folders, so a copy that raced a swap would mix two steps.
snapshot=$(mktemp -d)
trap 'rm -rf "$snapshot"' EXIT
while :; do
  cp "$run/training_state.json" "$snapshot/before.json" 2>/dev/null || { sleep 1; continue; }
  if cp "$run"/config.json "$run"/weights_manifest.json "$run"/group1-shard* "$run"/metrics.json \
      "$run"/training_state.json "$snapshot"/ 2>/dev/null \
      && cmp -s "$run/training_state.json" "$snapshot/before.json"; then
    break
  fi
  sleep 1
done
cp "$snapshot"/config.json "$snapshot"/weights_manifest.json "$snapshot"/group1-shard* "$snapshot"/metrics.json \
  "$snapshot"/training_state.json "$staging"/
# The SHA-256 of each copied file, verified whenever the folder is loaded (the run's own list also
# names the optimizer state, which is not shipped).
java -cp "$(ls "$root"/app/target/palette-app-*.jar | head -n 1):$root/app/target/lib/*" \
  org.melodypalette.model.checkpoint.CheckpointChecksums "$staging"
step=$(sed -n 's/.*"step" *: *\([0-9]*\).*/\1/p' "$snapshot/training_state.json")
echo "shipping step $step of $run as checkpoints/$name"

if grep -q '"type" *: *"continuation"' "$staging/config.json"; then
  (cd "$staging" && "$root/palette" continue-eval --checkpoint . --data "$data" --realism --seed 0 > eval.txt)
  (cd "$staging" && "$root/palette" continue-eval --checkpoint . --data "$data" --realism --seed 0 --json > eval.json)
else
  (cd "$staging" && "$root/palette" attributes --checkpoint . --data "$data" --seed 0 > attributes.txt)
  (cd "$staging" && "$root/palette" eval --checkpoint . --data "$data" --seed 0 --json eval.json --plot eval.png \
    > eval.txt)
fi

# The model card is written by hand: keep the current one (to be updated with the new figures).
[ -f "$out/MODEL_CARD.md" ] && cp "$out/MODEL_CARD.md" "$staging/"
rm -rf "$out.old"
[ -d "$out" ] && mv "$out" "$out.old"
mv "$staging" "$out"
rm -rf "$out.old"
du -sh "$out"
cat "$out/eval.txt"
