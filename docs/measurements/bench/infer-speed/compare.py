"""Medians per op of ab-bench.sh's JSON files: base vs new, per round and overall.
usage: python3 compare.py DIR"""
import json, sys, glob, os, re, statistics as st
d = sys.argv[1]
runs = {}
for f in sorted(glob.glob(os.path.join(d, '*_r*.json'))):
    side, r = re.match(r'(\w+)_r(\d+)\.json', os.path.basename(f)).groups()
    runs.setdefault(side, {})[int(r)] = json.load(open(f))['timings']
ops = [o for o in runs['base'][min(runs['base'])] if o in ('encode_1', 'decode_1_argmax', 'decode_1_temp0_5',
       'interpolate_2x11_argmax', 'sample_16_temp0_5', 'morph_path_7', 'refine_1', 'refine_step_1')]
rounds = sorted(set(runs['base']) & set(runs.get('new', {})))
print('%-24s %-28s %-28s %s' % ('op (median ms)', 'base per round', 'new per round', 'new/base per round'))
for o in ops:
    b = [runs['base'][r][o]['median_ms'] for r in rounds]
    n = [runs['new'][r][o]['median_ms'] for r in rounds]
    print('%-24s %-28s %-28s %s' % (o, ' / '.join('%.2f' % x for x in b), ' / '.join('%.2f' % x for x in n),
                                     ' '.join('%.2f' % (y / x) for x, y in zip(b, n))))
