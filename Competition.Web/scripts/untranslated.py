#!/usr/bin/env python3
"""untranslated.py [repo root]: CJK literals in Pages/**/*.cshtml outside @L["..."] (to review: data, keys of L.GetString, punctuation) and @L keys missing from the page's .en.resx."""
import re, os, sys, glob, xml.etree.ElementTree as ET
root = sys.argv[1] if len(sys.argv) > 1 else '.'
web = os.path.join(root, 'Competition.Web')
CJK = re.compile(r'[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]+')
LKEY = re.compile(r'L\[\s*"((?:[^"\\]|\\.)*)"')
total_raw = total_missing = 0
for f in sorted(glob.glob(os.path.join(web, 'Pages/**/*.cshtml'), recursive=True)):
    rel = os.path.relpath(f, os.path.join(web, 'Pages'))
    resx = os.path.join(web, 'Resources/Pages', rel[:-7] + '.en.resx')
    keys = {}
    if os.path.exists(resx):
        keys = {d.get('name'): d.find('value').text for d in ET.parse(resx).getroot().findall('data')}
    src = open(f, encoding='utf-8').read()
    raw = []; missing = []
    for i, line in enumerate(src.splitlines(), 1):
        s = line
        for m in LKEY.finditer(line):
            k = m.group(1)
            if k not in keys and CJK.search(k): missing.append((i, k))
        s = LKEY.sub('L[', s)
        s = re.sub(r'@\*.*?\*@', '', s)
        if s.strip().startswith('//'): continue
        if CJK.search(s): raw.append((i, line.strip()))
    if raw or missing:
        print(f'== {rel}  (resx {"yes" if keys else "NO"})')
        for i, l in raw: print(f'  raw {i}: {l[:160]}')
        for i, k in missing: print(f'  missing {i}: {k}')
    total_raw += len(raw); total_missing += len(missing)
print('raw lines', total_raw, 'missing keys', total_missing)
