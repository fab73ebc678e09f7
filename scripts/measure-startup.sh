#!/usr/bin/env bash
# Time from launching the workbench until its window exists, and the JVM's resident memory 8 s
# after launch; one line per run. Needs an X display (e.g. `Xvfb :78 &` and DISPLAY=:78) and
# xwininfo (apt-get install xvfb x11-utils). Each run gets a fresh user.home (no restored session).
#
#   scripts/measure-startup.sh LABEL [palette arguments...]
#   e.g. DISPLAY=:78 scripts/measure-startup.sh default
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
label=${1:?usage: $0 LABEL [palette arguments...]}
shift
# a window left by an earlier run would be taken for this one's
while xwininfo -root -tree 2>/dev/null | grep -q '"Melody Palette'; do
  sleep 0.1
done
home=$(mktemp -d)
trap 'pkill -f "user.home=$home" || true; rm -rf "$home"' EXIT
start=$(date +%s.%N)
PALETTE_JAVA_OPTS="-Duser.home=$home ${PALETTE_JAVA_OPTS:-}" "$ROOT/palette" "$@" > "$home.log" 2>&1 &
until xwininfo -root -tree 2>/dev/null | grep -q '"Melody Palette'; do
  sleep 0.05
done
window=$(date +%s.%N)
python3 -c "import time; time.sleep(max(0, 8 - ($window - $start)))"
pid=$(pgrep -f "user.home=$home" | head -n 1)
rss=$(awk '/VmRSS/{print int($2/1024)}' "/proc/$pid/status")
echo "$label: window after $(python3 -c "print(round($window - $start, 2))") s, RSS after 8 s: $rss MB"
rm -f "$home.log"
