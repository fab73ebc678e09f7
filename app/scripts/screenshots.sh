#!/bin/sh
# Renders the running workbench under Xvfb to PNG files for the README:
#   app/scripts/screenshots.sh [OUTPUT_DIR] [CHECKPOINT_DIR] [TRAIN_MIDI_DIR]
# Defaults: app/docs, the bundled model checkpoints/mel_2bar (pass another checkpoint folder, ours or
# a magenta.js one, as the second argument) and $PALETTE_SHARED (else ../shared)/data/cre-irish.
# Needs Xvfb and GTK (Debian: apt-get install -y xvfb libgtk-3-0).
# First starts the app on a fresh user.home and saves first-window.png and first-window-light.png
# (the window a new user sees). Then opens scripts/demo-project.json, interpolates, blends the palette, saves editor.png,
# interpolation.png, palette.png, data-vs-latent.png, generate.png, continue.png (with checkpoints/continue_4bar),
# model-tab.png and (with
# checkpoints/mel_16bar) model-switch.png; if the MIDI folder exists, trains the small
# scripts/screenshot-model.json on it for 150 steps (into a temporary folder) and saves training.png;
# then quits. The user's own autosave and models are never touched. SCREENSHOT_DISPLAY picks the
# X display (default :97).
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd -P)
OUT=${1:-$ROOT/app/docs}
SHARED=${PALETTE_SHARED:-$(dirname "$ROOT")/shared}
CHECKPOINT=${2:-$ROOT/checkpoints/mel_2bar}
TRAIN_MIDI=${3:-$SHARED/data/cre-irish}
DISPLAY_NUMBER=${SCREENSHOT_DISPLAY:-:97}
WORK=$(mktemp -d)
trap 'kill "$XVFB_PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT INT TERM

# The tour (ScreenshotTour) is a tool kept with the tests: it runs from app/target/test-classes.
TOUR=org/melodypalette/app/workbench/ScreenshotTour.class
if ! ls "$ROOT"/app/target/palette-app-*.jar >/dev/null 2>&1 || [ ! -d "$ROOT/app/target/lib" ] \
    || [ ! -f "$ROOT/app/target/test-classes/$TOUR" ]; then
  (cd "$ROOT" && ./mvnw -q -B -o -pl app -am package -DskipTests)
fi
JAR=$(ls "$ROOT"/app/target/palette-app-*.jar | head -n 1)
CP="$JAR:$ROOT/app/target/test-classes:$ROOT/app/target/lib/*"

Xvfb "$DISPLAY_NUMBER" -screen 0 1400x950x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
XVFB_PID=$!
sleep 1
mkdir -p "$OUT"
MODEL_ARGS=""
if [ -d "$CHECKPOINT" ]; then
  MODEL_ARGS="--checkpoint $CHECKPOINT"
else
  echo "no checkpoint at $CHECKPOINT: screenshots show the no-model state" >&2
fi
TRAIN_ARGS=""
if [ -d "$TRAIN_MIDI" ]; then
  TRAIN_ARGS="-Dpalette.screenshots.train=$TRAIN_MIDI -Dpalette.screenshots.trainConfig=$ROOT/app/scripts/screenshot-model.json"
else
  echo "no MIDI folder at $TRAIN_MIDI: no training.png" >&2
fi
# The first window on a fresh user.home (no autosave, no preferences): the demo project a first
# start opens on, in the dark and the light theme.
mkdir -p "$WORK/home"
# shellcheck disable=SC2086
DISPLAY="$DISPLAY_NUMBER" timeout 300 java --add-modules jdk.incubator.vector -Duser.home="$WORK/home" \
  -Dpalette.screenshots="$OUT" -Dpalette.screenshots.first=true -Dpalette.models="$WORK/models" \
  -Dpalette.home="$ROOT" -cp "$CP" org.melodypalette.app.workbench.ScreenshotTour $MODEL_ARGS
# shellcheck disable=SC2086
DISPLAY="$DISPLAY_NUMBER" timeout 900 java -Duser.home="$WORK/home" --add-modules jdk.incubator.vector -Dpalette.screenshots="$OUT" -Dpalette.autosave="$WORK/autosave.json" \
  -Dpalette.models="$WORK/models" $TRAIN_ARGS \
  -Dpalette.home="$ROOT" -cp "$CP" org.melodypalette.app.workbench.ScreenshotTour \
  --project "$ROOT/app/scripts/demo-project.json" $MODEL_ARGS
ls -l "$OUT"/*.png
