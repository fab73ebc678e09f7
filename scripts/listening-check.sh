#!/bin/sh
# Listening check of the bundled models at step 20,000: 8 prior samples (seed 1, temperature 1.0),
# their notes per bar / range from the tokenizer, and the RMS level of each half-bar (2-bar) or bar
# (16-bar) of the rendered WAV (120 bpm, TimGM6mb soundfont). Run from the repository root:
#   scripts/listening-check.sh [WORK_DIR]   (default /tmp/listening-check)
set -e
WORK=${1:-/tmp/listening-check}
SF=/usr/share/sounds/sf2/TimGM6mb.sf2
for m in mel_2bar:32 mel_16bar:256; do
  name=${m%:*}; steps=${m#*:}; out=$WORK/$name; rm -rf $out
  echo "== ./palette sample --checkpoint checkpoints/$name --n 8 --seed 1 --out $out; ./palette render --soundfont $SF --out $out $out/*.mid"
  ./palette sample --checkpoint checkpoints/$name --n 8 --seed 1 --out $out >/dev/null 2>&1
  ./palette render --soundfont $SF --out $out $out/*.mid >/dev/null 2>&1
  ./palette tokenize --json --steps $steps $out/*.mid 2>/dev/null | python3 -c "
import json,sys
n=['C','C#','D','Eb','E','F','F#','G','Ab','A','Bb','B']
nm=lambda p: n[p%12]+str(p//12-1)
for i,l in enumerate(json.load(sys.stdin)['labels']):
    ps=[x+19 for x in l if x>=2]
    bars=sum(1 for b in range(len(l)//16) if any(x>=2 for x in l[b*16:(b+1)*16]))
    print('sample',i+1,'notes',len(ps),'bars with a note-on',bars,'range',max(ps)-min(ps),nm(min(ps)),'-',nm(max(ps)))
"
  python3 - $out $steps <<'PY'
import wave, struct, glob, math, sys
out, steps = sys.argv[1], int(sys.argv[2])
seg_seconds = 1.0 if steps == 32 else 2.0          # half-bar of a 2-bar clip, bar of a 16-bar one
segs = 4 if steps == 32 else 16
for f in sorted(glob.glob(out + '/*.wav')):
    w = wave.open(f); sr = w.getframerate(); s = struct.unpack('<%dh' % (w.getnframes() * 2), w.readframes(w.getnframes()))
    n = int(sr * seg_seconds) * 2
    print(f.split('/')[-1], 'RMS per segment', [round(math.sqrt(sum(x * x for x in s[k * n:(k + 1) * n]) / n)) for k in range(segs)])
PY
done
