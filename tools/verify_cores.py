"Where a verify's time goes on two cores: rounds of reading every item beside `verify()`, with the CPU time of each half of the verify (the checksum pass, SQLite's integrity_check) on its own thread: python tools/verify_cores.py DB [ROUNDS]"
import sys, time, statistics
from fastai_sqlite.core import SQLiteDataset
import fastai_sqlite.inspection
db, rounds = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 9
cpu = {}
def timed_half(name, f):  # the half's own thread's CPU time, in ms: what the work cost, whichever core ran it
    def half(*a, **k):
        t = time.thread_time(); r = f(*a, **k); cpu[name] = (time.thread_time() - t) * 1000; return r
    return half
SQLiteDataset._integrity_check = timed_half('integrity_check', SQLiteDataset._integrity_check)  # in this script only
SQLiteDataset._damaged = timed_half('checksums', SQLiteDataset._damaged)
def read_all():
    t = time.thread_time(), time.perf_counter()
    with SQLiteDataset(db) as ds: sum(len(d) for d, in ds.select('data', chunk=64))
    return (time.thread_time() - t[0]) * 1000, (time.perf_counter() - t[1]) * 1000
def verify():
    t = time.perf_counter()
    with SQLiteDataset(db) as ds: assert not ds.verify(progress=False)
    return (time.perf_counter() - t) * 1000
read_all()
ratios = []
for i in range(rounds):
    (rcpu, r), v = read_all(), verify()
    ratios.append(v / r)
    print(f"read {r:5.1f} ms (CPU {rcpu:5.1f})   verify {v:5.1f} ms: {v/r:.2f}x   CPU: checksum pass {cpu['checksums']:5.1f}, integrity_check {cpu['integrity_check']:5.1f}")
print(f"median {statistics.median(ratios):.2f}x")
