#!/usr/bin/env python3
"""Entity-level score of the presslens CLI on the seed article (../shared/seed).

Usage: scripts/eval/seed.py [--exe PATH]

The expected people, organizations and places are those of ../shared/seed/README.md ("what a
careful reader takes from it"), written out below as (kind, names): an entity is found when an
output entity of the same kind has one of its names (canonical name or alias, compared without
case, dots or a leading "the"). Each expected entity may be matched once: an entity split in
two counts one hit and one false positive; an output entity matching nothing expected is a
false positive. Skips (exit 0) when ../shared is absent. The list is for measurement only:
no rule of the analyzer may name these words.
"""
import json, os, subprocess, sys

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
seed = os.path.join(root, '..', 'shared', 'seed', 'kabul-airport-article.txt')
if not os.path.exists(seed):
    print(f'skip: {seed} is absent (the shared corpus is not beside this clone)')
    sys.exit(0)
argv = sys.argv[1:]
exe = argv[argv.index('--exe') + 1] if '--exe' in argv else None

EXPECTED = [
    ('person', ['Joe Biden', 'Biden']),
    ('person', ['Jake Sullivan']),
    ('person', ['Colin P. Clarke']),
    ('person', ['Taylor Crul']),
    ('person', ['Rahmat Gul']),
    ('person', ['Parwiz']),
    ('organization', ['Islamic State of Khorasan', 'IS-K', 'ISIS-K']),
    ('organization', ['Islamic State', 'ISIS']),
    ('organization', ['Taliban']),
    ('organization', ['Center for Strategic and International Studies', 'CSIS']),
    ('organization', ['CNN']),
    ('organization', ['The New York Times', 'New York Times']),
    ('organization', ['Soufan Group']),
    ('organization', ['US Air Force']),
    ('organization', ['816th Expeditionary Airlift Squadron']),
    ('organization', ['White House']),
    ('organization', ['AP']),
    ('organization', ['Reuters']),
    ('organization', ['UN']),
    ('organization', ['Al Qaeda']),
    ('organization', ['Haqqani network', 'Haqqani', 'red Haqqani', 'la red Haqqani']),
    ('organization', ['Afghan government']),
    ('place', ['Afghanistan']),
    ('place', ['Kabul']),
    ('place', ['Kabul airport']),
    ('place', ['Syria']),
    ('place', ['Iraq']),
    ('place', ['Pakistan']),
    ('place', ['Khorasan']),
    ('place', ['Jalalabad']),
    ('place', ['Nangarhar', 'Nangarhar province']),
    ('place', ['Wazir Akbar Khan', 'Wazir Akbar Khan neighborhood']),
    ('place', ['United States', 'US']),
    ('place', ['New York']),
]


def key(s):
    k = s.lower().replace('.', '').strip()
    return k[4:] if k.startswith('the ') else k


if not exe:
    subprocess.run(['cargo', 'build', '--release', '-q'], cwd=root, check=True)
    exe = os.path.join(root, 'target', 'release', 'presslens')
out = subprocess.run([exe, 'analyze', seed], capture_output=True, check=True).stdout
got = json.loads(out)['entities']
used = [False] * len(EXPECTED)
fp = []
for e in got:
    names = {key(e['name'])} | {key(a) for a in e.get('aliases', [])}
    hit = next((i for i, (k, ns) in enumerate(EXPECTED)
                if not used[i] and k == e['kind'] and names & {key(n) for n in ns}), None)
    if hit is None:
        fp.append(e)
    else:
        used[hit] = True
missed = [EXPECTED[i] for i in range(len(EXPECTED)) if not used[i]]
tp = sum(used)
P = tp / len(got) if got else 0.0
R = tp / len(EXPECTED)
F = 2 * P * R / (P + R) if P + R else 0.0
print(f'seed article, entities: {len(EXPECTED)} expected, {len(got)} found, {tp} right')
print(f'P {P:.3f}  R {R:.3f}  F1 {F:.3f}')
if True:  # the list is short: always show what differs
    for e in fp:
        print(f'  extra:  {e["kind"]:12} {e["name"]!r} aliases={e.get("aliases", [])}')
    for k, ns in missed:
        print(f'  missed: {k:12} {ns[0]!r}')
