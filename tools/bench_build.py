"Each timed step starts with nothing left to write back (`sync`). Build vs tar cf, the cost of the image check and of --decode, a rerun, verify vs reading every item (warm and cold, interleaved rounds): python tools/bench_build.py SRC_FOLDER photos|tiny"
import sys, time, subprocess, os, statistics, shutil
from pathlib import Path
from fastai_sqlite.build import build
src, kind = Path(sys.argv[1]), sys.argv[2]
out = Path('/tmp/bench_build.db')
def rm():
    for s in ('', '-journal', '-wal', '-shm'): Path(f'{out}{s}').unlink(missing_ok=True)
def tar():
    os.sync(); t = time.perf_counter(); subprocess.run(['tar', 'cf', '/tmp/bench_build_ref.tar', '-C', str(src), '.'], check=True); d = time.perf_counter() - t
    os.remove('/tmp/bench_build_ref.tar'); return d
res = {k: [] for k in ('tar', 'build', 'build_nocheck', 'build_decode', 'rerun')}
for r in range(3):
    res['tar'].append(tar())
    rm(); os.sync(); t = time.perf_counter(); rep = build(src, out, progress=False); res['build'].append(time.perf_counter() - t); assert rep.ok, str(rep)[:300]
    os.sync(); t = time.perf_counter(); rep = build(src, out, progress=False); res['rerun'].append(time.perf_counter() - t); assert rep.present == rep.present and rep.added == 0
    rm(); os.sync(); t = time.perf_counter(); build(src, out, check=False, progress=False); res['build_nocheck'].append(time.perf_counter() - t)
    if kind == 'photos' or r == 0:
        rm(); os.sync(); t = time.perf_counter(); build(src, out, check='decode', progress=False); res['build_decode'].append(time.perf_counter() - t)
m = {k: statistics.median(v) for k, v in res.items() if v}
print(kind, {k: round(v, 3) for k, v in m.items()})
print(f"{kind}: build {m['tar']/m['build']:.2f}x tar cf; check costs {m['build']/m['build_nocheck']-1:+.1%}; decode check {m['build_decode']/m['build_nocheck']-1:+.0%}; rerun {m['rerun']:.2f}s")
from fastai_sqlite.core import SQLiteDataset
from fastai_sqlite.memlimit import evict, resident
import fastai_sqlite.inspection
def read_all():
    with SQLiteDataset(out) as ds: return sum(len(d) for d, in ds.select('data', chunk=64))
def verify():
    with SQLiteDataset(out) as ds: assert not ds.verify(progress=False)
def timed(f, cold):
    os.sync()  # no write-back of the builds above left to compete with the reads
    if cold: evict([out]); assert resident([out]) < 0.01 * os.path.getsize(out)
    t = time.perf_counter(); f(); return time.perf_counter() - t
read_all()  # warm
for cold, n in ((False, 21), (True, 11)):  # verify vs reading every item, side by side; cold: the file evicted first
    rounds = [(timed(read_all, cold), timed(verify, cold)) for _ in range(n)]
    r, v = (statistics.median(x) for x in zip(*rounds))
    q = statistics.quantiles([b / a for a, b in rounds], n=10)  # how far single rounds stray: the machine's noise
    print(f"{kind}: verify {v:.3f}s, reading every item {r:.3f}s: {v/r:.2f}x ({'cold' if cold else 'warm'}, medians of {n}; "
          f"single rounds {q[0]:.2f}-{q[-1]:.2f}x, 10th-90th percentile)")
