#!/usr/bin/python3
"""Times one SGEMM anchor (OpenBLAS through numpy, or PyTorch CPU) the way JMH times vgan:
warm-up calls, then per-call GFLOP/s over a fixed wall time; prints one JSON line.

Usage: anchors.py numpy|torch N THREADS [NN|TN|NT] [SECONDS]
Thread counts are set through the environment by the caller (OPENBLAS_NUM_THREADS, OMP_NUM_THREADS)
before the libraries load; torch.set_num_threads alone leaves OpenBLAS's own pool untouched.
"""
import json
import statistics
import sys
import time

impl, n, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
form = sys.argv[4] if len(sys.argv) > 4 else "NN"
seconds = float(sys.argv[5]) if len(sys.argv) > 5 else 2.5

import numpy as np  # noqa: E402

rng = np.random.default_rng(1)
a = (rng.random((n, n), dtype=np.float32) * 2 - 1)
b = (rng.random((n, n), dtype=np.float32) * 2 - 1)
info = {}
if impl == "numpy":
    A = a.T if form[0] == "T" else a
    B = b.T if form[1] == "T" else b
    call = lambda: A @ B  # noqa: E731
    try:
        import threadpoolctl
        pools = threadpoolctl.threadpool_info()
        info = {"blas": [{k: p.get(k) for k in ("internal_api", "version", "architecture", "num_threads")} for p in pools]}
    except ImportError:
        pass
    info["numpy"] = np.__version__
elif impl == "torch":
    import torch
    torch.set_num_threads(threads)
    ta, tb = torch.from_numpy(a), torch.from_numpy(b)
    A = ta.t() if form[0] == "T" else ta
    B = tb.t() if form[1] == "T" else tb
    call = lambda: torch.mm(A, B)  # noqa: E731
    info = {"torch": torch.__version__, "torch_threads": torch.get_num_threads()}
else:
    sys.exit("anchors.py: impl must be numpy or torch")

# Answer check: the anchor must compute the same product (first rows against float64).
ref = (a.T.astype(np.float64) if form[0] == "T" else a.astype(np.float64))[:4] @ \
      (b.T.astype(np.float64) if form[1] == "T" else b.astype(np.float64))
got = np.asarray(call())[:4]
assert np.max(np.abs(got - ref)) < 1e-3 * max(1.0, np.max(np.abs(ref))), "anchor computed a wrong product"

for _ in range(5):
    call()
flops = 2.0 * n ** 3
samples = []
end = time.perf_counter() + seconds
while time.perf_counter() < end or len(samples) < 5:
    t0 = time.perf_counter()
    call()
    samples.append(flops / (time.perf_counter() - t0) / 1e9)
print(json.dumps({"impl": impl, "n": n, "threads": threads, "form": form,
                  "gflops": statistics.median(samples), "calls": len(samples), "info": info}))
