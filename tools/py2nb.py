"""Author notebooks as text: convert a cell-marked file to a clean .ipynb (deterministic cell ids), or back.
Cells start with a line `#%%` (code) or `#%% md` (markdown, verbatim). `python tools/py2nb.py SRC.py nbs/X.ipynb`;
`python tools/py2nb.py back nbs/X.ipynb X.py`. Then run nbdev-clean and nbdev-export."""
import json, sys, re
def convert(src, dst):
    cells, cur, kind, ids = [], [], None, set()
    def flush():
        if kind is None: return
        while cur and not cur[-1].strip(): cur.pop()
        while cur and not cur[0].strip(): cur.pop(0)
        lines = [l + '\n' for l in cur]
        if lines: lines[-1] = lines[-1][:-1]
        import hashlib
        cid = hashlib.sha1((kind + ''.join(lines)).encode()).hexdigest()[:8]
        while cid in ids: cid = hashlib.sha1(cid.encode()).hexdigest()[:8]
        ids.add(cid)
        c = {'cell_type': kind, 'id': cid, 'metadata': {}, 'source': lines}
        if kind == 'code': c.update(execution_count=None, outputs=[])
        cells.append(c)
    for line in open(src).read().split('\n'):
        m = re.match(r'^#%%( md)?\s*$', line)
        if m:
            flush(); cur.clear(); kind = 'markdown' if m.group(1) else 'code'
        else: cur.append(line)
    flush()
    nb = {'cells': cells, 'metadata': {'kernelspec': {'display_name': 'python3', 'language': 'python', 'name': 'python3'}},
          'nbformat': 4, 'nbformat_minor': 5}
    json.dump(nb, open(dst, 'w'), indent=1, ensure_ascii=False); open(dst, 'a').write('\n')
def back(src, dst):
    nb = json.load(open(src)); out = []
    for c in nb['cells']:
        out.append('#%% md' if c['cell_type'] == 'markdown' else '#%%')
        out.append(''.join(c['source'])); out.append('')
    open(dst, 'w').write('\n'.join(out))
if __name__ == '__main__':
    if sys.argv[1] == 'back': back(sys.argv[2], sys.argv[3])
    else: convert(sys.argv[1], sys.argv[2])
