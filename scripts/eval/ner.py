#!/usr/bin/env python3
"""Exact-span NER evaluation of the presslens CLI on a JSONL corpus from ../shared/data/ner.

Usage: scripts/eval/ner.py [CORPUS.jsonl] [--limit N] [--docs] [--errors] [--exe PATH]
Sentences are analyzed one by one (as spaCy was measured); --docs groups them by doc_id so
that document-level merging can help. Scores PER/ORG/LOC (GPE counts as LOC) by exact span
and type. Offsets: the corpus uses code points, presslens UTF-16 units; converted here.
"""
import json, os, subprocess, sys
from collections import Counter, defaultdict

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
argv = sys.argv[1:]
opt_exe = argv[argv.index('--exe') + 1] if '--exe' in argv else None
args = [a for i, a in enumerate(argv) if not a.startswith('--') and not (i > 0 and argv[i - 1] in ('--exe', '--limit'))]
corpus = args[0] if args else os.path.join(root, '..', 'shared', 'data', 'ner', 'uner-en-ewt-dev.jsonl')
limit = int(sys.argv[sys.argv.index('--limit') + 1]) if '--limit' in sys.argv else None
docs = '--docs' in sys.argv
if not os.path.exists(corpus):
    print(f'skip: {corpus} is absent (the shared corpus is not beside this clone)')
    sys.exit(0)
KIND = {'person': 'PER', 'organization': 'ORG', 'place': 'LOC'}
NORM = {'PER': 'PER', 'ORG': 'ORG', 'LOC': 'LOC', 'GPE': 'LOC'}
rows = [json.loads(l) for l in open(corpus)]
if limit:
    rows = rows[:limit]
units = []
if docs:
    by = defaultdict(list)
    for r in rows:
        by[r.get('doc_id', r['id'])].append(r)
    for d, rs in by.items():
        text, gold, off = '', [], 0
        for r in rs:
            for e in r['entities']:
                if e['label'] in NORM:
                    gold.append((off + e['start'], off + e['end'], NORM[e['label']]))
            text += r['text'] + '\n'
            off += len(r['text']) + 1
        units.append((d, text, gold))
else:
    for r in rows:
        units.append((r['id'], r['text'], [(e['start'], e['end'], NORM[e['label']]) for e in r['entities'] if e['label'] in NORM]))
exe = opt_exe or os.path.join(root, 'target', 'release', 'presslens')
if not opt_exe:
    subprocess.run(['cargo', 'build', '--release', '-q'], cwd=root, check=True)
inp = ''.join(json.dumps({'id': i, 'text': t}) + '\n' for i, (_, t, _) in enumerate(units))
out = subprocess.run([exe, 'analyze', '--jsonl'], input=inp.encode(), capture_output=True, check=False).stdout.decode()
tp, fp, fn = Counter(), Counter(), Counter()
errors = []
for line, (uid, text, gold) in zip(out.splitlines(), units):
    a = json.loads(line)
    # UTF-16 offsets -> code points
    u16 = []
    for i, ch in enumerate(text):
        u16.extend([i] * (2 if ord(ch) > 0xFFFF else 1))
    u16.append(len(text))
    pred = set()
    for e in a.get('entities', []):
        for m in e['mentions']:
            pred.add((u16[m['start']], u16[m['end']], KIND[e['kind']]))
    g = set(gold)
    for p in pred:
        (tp if p in g else fp)[p[2]] += 1
        if p not in g: errors.append(('FP', p[2], text[p[0]:p[1]]))
    for x in g - pred:
        fn[x[2]] += 1
        errors.append(('FN', x[2], text[x[0]:x[1]]))
def prf(t, p, n):
    P = t / (t + p) if t + p else 0; R = t / (t + n) if t + n else 0
    return P, R, (2 * P * R / (P + R) if P + R else 0)
print(f'corpus: {os.path.basename(corpus)}  units: {len(units)}  mode: {"documents" if docs else "sentences"}')
print(f'{"type":6}{"P":>7}{"R":>7}{"F1":>7}{"gold":>7}')
for k in ['PER', 'ORG', 'LOC']:
    P, R, F = prf(tp[k], fp[k], fn[k]); print(f'{k:6}{P:7.3f}{R:7.3f}{F:7.3f}{tp[k]+fn[k]:7}')
P, R, F = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
print(f'{"all":6}{P:7.3f}{R:7.3f}{F:7.3f}{sum(tp.values())+sum(fn.values()):7}')
# Reference: spaCy en_core_web_sm 3.8, same scoring, sentence mode (measured by the lead).
SPACY = {'uner-en-ewt-test.jsonl': 0.59}
if os.path.basename(corpus) in SPACY and not docs:
    print(f'{"spaCy sm":9}{"":18}{SPACY[os.path.basename(corpus)]:.2f}')
if '--errors' in sys.argv:
    for e, c in Counter(errors).most_common(int(os.environ.get("NER_ERRORS", "60"))): print(c, *e)
