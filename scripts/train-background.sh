#!/usr/bin/env bash
# Long training runs in the background, resumed after any stop, never in CI. Runs a frozen copy of
# the current build (rebuilding the project does not touch a running run), one thread, lowest
# priority, so one core stays free for other work.
#
#   scripts/train-background.sh freeze RUNS_DIR          copy app/target into RUNS_DIR/dist
#   scripts/train-background.sh start RUNS_DIR NAME PRESET DATASET STEPS [palette train options...]
#
# The run's checkpoints go to RUNS_DIR/runs/NAME, its log to RUNS_DIR/logs/NAME.log. The loop passes
# --resume, so starting it again (after a reboot, next session) continues the checkpoint; the first
# start may add e.g. --init-from checkpoints/mel_16bar (a warm start). It ends when the run finishes.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
usage() { echo "usage: $0 freeze RUNS_DIR | start RUNS_DIR NAME PRESET DATASET STEPS [options...]" >&2; exit 2; }
[ $# -ge 2 ] || usage
cmd=$1; runs=$2; shift 2
case "$cmd" in
  freeze)
    jar=$(ls "$root"/app/target/palette-app-*.jar 2>/dev/null | head -n 1)
    [ -n "$jar" ] && [ -d "$root/app/target/lib" ] || { echo "$0: build first (./palette --help builds)" >&2; exit 2; }
    rm -rf "$runs/dist.new" && mkdir -p "$runs/dist.new"
    cp "$jar" "$runs/dist.new/" && cp -r "$root/app/target/lib" "$runs/dist.new/lib"
    rm -rf "$runs/dist" && mv "$runs/dist.new" "$runs/dist"
    echo "froze $(basename "$jar") into $runs/dist"
    ;;
  start)
    [ $# -ge 4 ] || usage
    [ -d "$runs/dist" ] || { echo "$0: no frozen build in $runs/dist: run '$0 freeze $runs' first" >&2; exit 2; }
    mkdir -p "$runs/runs" "$runs/logs"
    nohup setsid "$0" loop "$runs" "$@" > /dev/null 2>&1 &
    echo "started $1 (pid $!); log: $runs/logs/$1.log"
    ;;
  loop)
    name=$1; preset=$2; data=$3; steps=$4; shift 4
    log="$runs/logs/$name.log"
    classpath="$(ls "$runs"/dist/palette-app-*.jar):$runs/dist/lib/*"
    while true; do
      resume=()
      [ -f "$runs/runs/$name/training_state.json" ] && resume=(--resume)
      if nice -n 19 java -Xmx3g -Dorg.bytedeco.javacpp.maxBytes=2g -Dorg.bytedeco.javacpp.maxPhysicalBytes=6g \
          --add-modules jdk.incubator.vector -Dpalette.home="$root" -cp "$classpath" \
          org.melodypalette.app.cli.PaletteCommand train --preset "$preset" --data "$data" \
          --out "$runs/runs/$name" --steps "$steps" --threads 1 "${resume[@]}" "$@" >> "$log" 2>&1; then
        break
      fi
      echo "[$(date -u +%FT%TZ)] train exited; resuming in 10 s" >> "$log"
      sleep 10
    done
    ;;
  *) usage ;;
esac
