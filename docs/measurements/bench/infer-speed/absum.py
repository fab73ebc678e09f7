import re,sys,collections
d=collections.defaultdict(lambda: collections.defaultdict(list))
side=None
for line in open(sys.argv[1]):
    m=re.match(r'== (\w+)',line)
    if m: side=m.group(1); continue
    m=re.match(r'\s+((?:encode|decode) batch \d+(?: \S+)?)\s+([\d.]+) ms',line)
    if m and side: d[m.group(1)][side].append(float(m.group(2)))
import statistics as st
print("%-24s %-34s %-34s %s"%("operation","base ms (runs)","new ms (runs)","new/base medians"))
for k,v in d.items():
    b=sorted(v['base']); n=sorted(v['new'])
    print("%-24s %-34s %-34s %.2f"%(k," ".join("%.2f"%x for x in b)," ".join("%.2f"%x for x in n),st.median(n)/st.median(b)))
