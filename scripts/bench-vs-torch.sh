#!/usr/bin/env bash
# Runs the PyTorch MusicVAE peer (../shared/peers/torch/run.sh) against `palette bench` in ROUNDS
# interleaved rounds (training on mel_2bar_cpu, hier-mel_16bar_cpu and cat-mel_2bar_small; encode,
# decode, interpolate and sample at inference) and keeps its summary and raw JSON under
# docs/measurements/bench/torch/DATE/. Meant for an idle machine: other jobs on the cores move
# either side's figures.
#
#   scripts/bench-vs-torch.sh [ROUNDS]      (default 3)
#
# Env: SHARED_DIR (default ../shared beside the clone); VENV and CK are passed through to run.sh
# (torch + numpy are installed into VENV, outside the repository, from the machine's package index).
# Builds the CLI first so that `./palette` runs this checkout's code.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=$(cd "${SHARED_DIR:-$ROOT/../shared}" 2>/dev/null && pwd) || { echo "no shared folder beside the clone (set SHARED_DIR)" >&2; exit 2; }
PEER="$SHARED/peers/torch/run.sh"
ROUNDS=${1:-3}
[ -f "$PEER" ] || { echo "no PyTorch peer at $PEER" >&2; exit 2; }
case "$ROUNDS" in ''|*[!0-9]*) echo "ROUNDS must be a whole number, got '$ROUNDS'" >&2; exit 2;; esac

STAMP=$(date -u +%Y-%m-%dT%H%MZ)
DEST="$ROOT/docs/measurements/bench/torch/$STAMP"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

cd "$ROOT"
./mvnw -q -B -o package -DskipTests
echo "$(date -u +%T) $ROUNDS rounds, load $(cut -d' ' -f1-3 /proc/loadavg), java $(java -version 2>&1 | head -1)" >&2
# run.sh expects the project's root as its working directory; OUT keeps its files out of target/
OUT="$WORK" bash "$PEER" "$ROUNDS" | tee "$WORK/summary.md"

mkdir -p "$DEST"
{
  echo "# ours vs PyTorch, $ROUNDS interleaved rounds, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)"
  echo "# command: scripts/bench-vs-torch.sh $ROUNDS   (runs $PEER $ROUNDS from $ROOT)"
  echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo
  cat "$WORK/summary.md"
} > "$DEST/summary.md"
cp "$WORK"/*.json "$WORK/load.log" "$DEST/" 2>/dev/null || true
echo "saved $DEST/summary.md" >&2
