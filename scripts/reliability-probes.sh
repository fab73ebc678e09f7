#!/usr/bin/env bash
# Reproduces, with the real CLI, one probe of each failure class of the second reliability round
# (docs/RELIABILITY.md, "Failure classes of the second probe round") and prints each command with
# its output and exit code. Needs a built app (./mvnw -q -B -o package -DskipTests), mkfifo, and
# ../shared/data/cre-irish for the small dataset the training probe uses.
#
#   scripts/reliability-probes.sh [WORK_DIR]
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$(mktemp -d)}
shared=${SHARED_DIR:-$root/../shared}
mkdir -p "$work" && cd "$work" || exit 2
palette() { "$root/palette" "$@" 2>&1 | grep -v '^WARNING: Using incubator modules'; return "${PIPESTATUS[0]}"; }
run() { echo "\$ $*"; "$@"; echo "[exit $?]"; echo; }
fresh() { rm -rf "$1"; cp -r "$root/checkpoints/mel_2bar" "$1"; }
melodies=$(ls "$shared"/data/cre-irish/MIDI/*.mid | head -n 2)

echo "# 2. a flipped byte inside a weight shard"
fresh flipped
printf '\x01' | dd of=flipped/group1-shard1of2 bs=1 seek=1000 conv=notrunc status=none
run palette encode --checkpoint flipped $melodies
run palette sample --checkpoint flipped --n 1 --out out-flipped

echo "# 3. config.json a FIFO; weights_manifest.json a link to /dev/zero (folders without checksums)"
fresh fifo; rm fifo/config.json fifo/checksums.sha256; mkfifo fifo/config.json
run timeout 120 "$root/palette" sample --checkpoint fifo --n 1 --out out-fifo
fresh zero; rm zero/weights_manifest.json zero/checksums.sha256; ln -s /dev/zero zero/weights_manifest.json
run timeout 120 "$root/palette" sample --checkpoint zero --n 1 --out out-zero

echo "# 4. numSteps 10^9 in config.json (checksums removed, as if written by hand)"
fresh huge; rm huge/checksums.sha256
sed -i 's/"numSteps" *: *32/"numSteps": 1000000000/' huge/config.json
run palette sample --checkpoint huge --n 1 --out out-huge

echo "# 5. two sample runs into one folder, then four sample and two interpolate runs at once"
run palette sample --n 2 --out same
run palette sample --n 2 --seed 1 --out same
ls same
pids=()
for i in 1 2 3 4; do "$root/palette" sample --n 8 --seed "$i" --out together > "together-sample-$i.txt" 2>&1 & pids+=($!); done
for i in 1 2; do "$root/palette" interpolate --steps 11 --out together $melodies > "together-interp-$i.txt" 2>&1 & pids+=($!); done
codes=(); for p in "${pids[@]}"; do wait "$p"; codes+=($?); done
echo "exit codes: ${codes[*]}"
echo "files reported: $(cat together-*.txt | grep -c '\.mid$'), distinct: $(cat together-*.txt | grep '\.mid$' | sort -u | wc -l), on disk: $(ls together | wc -l)"
echo

echo "# 6. tokenize with bad files among good ones; train --resume with no checkpoint"
printf 'not midi' > bad.mid
run palette tokenize --steps 32 $melodies bad.mid missing.mid
ls "$shared"/data/cre-irish/MIDI/*.mid | head -n 40 > inputs.txt
run palette dataset build --bars 2 --out data.mpwin $(cat inputs.txt)
run palette train --resume --preset mel_2bar_cpu --data data.mpwin --out nothing-here --steps 2

echo "# 1. NaN injected in place into the optimizer state of a good checkpoint, then resumed"
run palette train --preset mel_2bar_cpu --data data.mpwin --out run --steps 2 --checkpoint-every 2 --eval-every 1000 --threads 2
sha256sum run/* > before.txt
python3 - <<'PY'
import struct
path = "run/optimizer_state.bin"
with open(path, "r+b") as f:
    f.seek(8); (n,) = struct.unpack("<i", f.read(4))
    f.seek(12 + n); f.write(struct.pack("<4f", *[float("nan")] * 4))
PY
sha256sum run/* > damaged.txt
run palette train --resume --data data.mpwin --out run --steps 6 --checkpoint-every 2 --eval-every 1000 --threads 2
sha256sum run/* | cmp -s - damaged.txt && echo "checkpoint unchanged by the resume (all files byte for byte)"
echo "# the same without checksums.sha256 (a checkpoint written before checksums)"
rm run/checksums.sha256
run palette train --resume --data data.mpwin --out run --steps 6 --checkpoint-every 2 --eval-every 1000 --threads 2
grep -v checksums damaged.txt | cmp -s - <(sha256sum run/*) && echo "checkpoint unchanged by the resume (all files byte for byte)"
