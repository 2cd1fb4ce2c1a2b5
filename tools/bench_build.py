"Build vs tar cf, the cost of the image check and of --decode, a rerun, verify vs reading every item: python tools/bench_build.py SRC_FOLDER photos|tiny"
import sys, time, subprocess, os, statistics, shutil
from pathlib import Path
from fastai_sqlite.build import build
src, kind = Path(sys.argv[1]), sys.argv[2]
out = Path('/tmp/bench_build.db')
def rm():
    for s in ('', '-journal', '-wal', '-shm'): Path(f'{out}{s}').unlink(missing_ok=True)
def tar():
    t = time.perf_counter(); subprocess.run(['tar', 'cf', '/tmp/bench_build_ref.tar', '-C', str(src), '.'], check=True); d = time.perf_counter() - t
    os.remove('/tmp/bench_build_ref.tar'); return d
res = {k: [] for k in ('tar', 'build', 'build_nocheck', 'build_decode', 'rerun')}
for r in range(3):
    res['tar'].append(tar())
    rm(); t = time.perf_counter(); rep = build(src, out, progress=False); res['build'].append(time.perf_counter() - t); assert rep.ok, str(rep)[:300]
    t = time.perf_counter(); rep = build(src, out, progress=False); res['rerun'].append(time.perf_counter() - t); assert rep.present == rep.present and rep.added == 0
    rm(); t = time.perf_counter(); build(src, out, check=False, progress=False); res['build_nocheck'].append(time.perf_counter() - t)
    if kind == 'photos' or r == 0:
        rm(); t = time.perf_counter(); build(src, out, check='decode', progress=False); res['build_decode'].append(time.perf_counter() - t)
m = {k: statistics.median(v) for k, v in res.items() if v}
print(kind, {k: round(v, 3) for k, v in m.items()})
print(f"{kind}: build {m['tar']/m['build']:.2f}x tar cf; check costs {m['build']/m['build_nocheck']-1:+.1%}; decode check {m['build_decode']/m['build_nocheck']-1:+.0%}; rerun {m['rerun']:.2f}s")
from fastai_sqlite.core import SQLiteDataset
import fastai_sqlite.inspection
ds = SQLiteDataset(out)
ids = [i for i, in ds.select('id')]
for _ in range(2):
    t = time.perf_counter(); n = sum(len(d) for d, in ds.select('data', chunk=64)); read = time.perf_counter() - t
    t = time.perf_counter(); p = ds.verify(progress=False); ver = time.perf_counter() - t
print(f"{kind}: verify {ver:.2f}s, reading every item {read:.2f}s: {ver/read:.2f}x")
