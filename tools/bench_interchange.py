"""Items/s of each import and export of issue 16 on the benchmark's photos (8,000 generated ~47 KB JPEGs).

usage: python tools/bench_interchange.py WORKDIR [N]   (each step runs in its own process, so its peak RSS is its own)"""
import sys, os, json, time, shutil, subprocess
from pathlib import Path

def _peak_mb():
    "This process's peak resident memory (VmHWM: unlike ru_maxrss, not carried over from the parent across exec)"
    for line in open('/proc/self/status'):
        if line.startswith('VmHWM:'): return round(int(line.split()[1]) / 1024)

def step(name, work):
    from fastai_sqlite.core import SQLiteDataset
    import fastai_sqlite.parquet, fastai_sqlite.wds_export, fastai_sqlite.importers
    w, src = Path(work), SQLiteDataset(Path(work)/'photos.db')
    def fresh(p): Path(p).unlink(missing_ok=True); return SQLiteDataset(p, create=True)
    base, t = _peak_mb(), time.perf_counter()
    if name == 'export-parquet': shutil.rmtree(w/'pq', ignore_errors=True); rep = src.export_parquet(w/'pq', progress=False)
    elif name == 'import-parquet':
        with fresh(w/'from_pq.db') as ds: rep = ds.add_parquet(w/'pq', progress=False)
    elif name == 'import-parquet (datasets-written)':
        with fresh(w/'from_hf.db') as ds: rep = ds.add_parquet(w/'hf', progress=False)
    elif name == 'export-wds':
        for f in w.glob('wds-*.tar'): f.unlink()
        rep = src.export_wds(str(w/'wds-%06d.tar'), progress=False)
    elif name == 'import-wds':
        with fresh(w/'from_wds.db') as ds: rep = ds.add_wds(str(w/'wds-*.tar'), progress=False)
    dt, peak = time.perf_counter() - t, _peak_mb()
    assert rep.ok, rep
    n = rep.added
    print(json.dumps({'step': name, 'items': n, 's': round(dt, 2), 'items/s': round(n / dt), 'MB/s': round(next(src.select('sum(length(data))'))[0] / dt / 1e6, 1), 'rss_before_MB': base,
                      'peak_rss_MB': peak}))

def main(work, n=8000):
    from fastai_sqlite.bench import make_dataset
    from fastai_sqlite.build import build
    w = Path(work); w.mkdir(parents=True, exist_ok=True)
    photos = make_dataset('photos', w/'photos', n)
    if not (w/'photos.db').exists(): build(photos, w/'photos.db', progress=False)
    if not (w/'hf').exists():  # what `datasets` writes: an Image column and a ClassLabel, no paths
        import datasets
        from fastai_sqlite.core import SQLiteDataset
        src = SQLiteDataset(w/'photos.db')
        ks = list(src.keys()); names = sorted({k.split('/')[0] for k in ks})
        feats = datasets.Features({'image': datasets.Image(), 'label': datasets.ClassLabel(names=names)})
        d = datasets.Dataset.from_dict({'image': [{'bytes': src[k], 'path': None} for k in ks], 'label': [names.index(k.split('/')[0]) for k in ks]}, features=feats)
        (w/'hf/data').mkdir(parents=True); d.to_parquet(w/'hf/data/train-00000-of-00001.parquet')
    for s in ['export-parquet', 'import-parquet', 'import-parquet (datasets-written)', 'export-wds', 'import-wds']:
        subprocess.run([sys.executable, __file__, '--step', s, work], check=True)

if __name__ == '__main__':
    if sys.argv[1] == '--step': step(sys.argv[2], sys.argv[3])
    else: main(sys.argv[1], *(int(a) for a in sys.argv[2:]))
