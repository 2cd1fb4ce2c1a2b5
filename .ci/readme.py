"""Render README.md from nbs/index.ipynb (nbdev-readme needs Quarto, which this project does not need to develop).
`python .ci/readme.py` writes README.md; `python .ci/readme.py --check` exits 1 if README.md is out of step."""
import json, sys
from pathlib import Path

def render(nb_path='nbs/index.ipynb') -> str:
    out = []
    for c in json.loads(Path(nb_path).read_text())['cells']:
        src = ''.join(c['source']).strip()
        if c['cell_type'] == 'markdown':
            if not out: src = '\n'.join(l[2:] if l.startswith('> ') else l for l in src.splitlines())  # title cell's summary
            out.append(src)
        elif not src.startswith('#| hide'): out.append(f'```python\n{src}\n```')
    return '\n\n'.join(out) + '\n'

if __name__ == '__main__':
    root = Path(__file__).resolve().parent.parent
    txt = render(root/'nbs/index.ipynb')
    if '--check' in sys.argv:
        ok = (root/'README.md').exists() and (root/'README.md').read_text() == txt
        print('README.md is in step with nbs/index.ipynb' if ok else 'README.md differs from nbs/index.ipynb: run python .ci/readme.py')
        sys.exit(0 if ok else 1)
    (root/'README.md').write_text(txt)
