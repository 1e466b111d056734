#!/usr/bin/env python3
"""Write or extend an English .resx: resx.py FILE.en.resx < lines of 'zh<TAB>en'. Existing keys are kept unless given again."""
import sys, os, xml.etree.ElementTree as ET
path = sys.argv[1]
entries = {}
if os.path.exists(path):
    for d in ET.parse(path).getroot().findall('data'):
        entries[d.get('name')] = d.find('value').text or ''
for line in sys.stdin.read().splitlines():
    if not line.strip(): continue
    zh, en = line.split('\t', 1)
    entries[zh] = en
def esc(t): return t.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;').replace('"', '&quot;')
out = ['<?xml version="1.0" encoding="utf-8"?>', '<root>',
  '  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>',
  '  <resheader name="version"><value>2.0</value></resheader>',
  '  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>',
  '  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>']
for k in sorted(entries):
    out.append(f'  <data name="{esc(k)}" xml:space="preserve"><value>{esc(entries[k])}</value></data>')
out.append('</root>')
os.makedirs(os.path.dirname(path) or '.', exist_ok=True)
open(path, 'w', encoding='utf-8').write('\n'.join(out) + '\n')
