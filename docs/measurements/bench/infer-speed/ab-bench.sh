#!/bin/bash
# Interleaved `palette bench` of two builds: BASE (a frozen copy of the build before the change:
# its palette script and app/target) and NEW (this worktree), ROUNDS rounds, order alternating
# (B N / N B / ...), each with --runs 20 on the shared mel_2bar_small_random checkpoint.
# usage: ab-bench.sh BASE_DIR NEW_DIR OUT_DIR [ROUNDS]
set -u
BASE=$1; NEW=$2; OUT=$3; R=${4:-3}
CK=/work/shared/magenta/checkpoints/mel_2bar_small_random
mkdir -p "$OUT"
for r in $(seq 1 "$R"); do
  if [ $((r % 2)) -eq 1 ]; then order="base new"; else order="new base"; fi
  for side in $order; do
    dir=$BASE; [ "$side" = new ] && dir=$NEW
    echo "$(date -u +%T) r$r $side before load $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/load.log"
    (cd "$dir" && ./palette bench --checkpoint "$CK" --runs 20 --json "$OUT/${side}_r$r.json") > "$OUT/${side}_r$r.txt" 2>&1
    echo "$(date -u +%T) r$r $side after load $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/load.log"
  done
done
