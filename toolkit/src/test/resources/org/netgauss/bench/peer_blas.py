"""Which BLAS the benchmarks' peers (NumPy, PyTorch) run on, with how many threads, and their GEMM rate now.

  peer_blas.py THREADS
Prints one JSON line: numpy/torch versions; every BLAS/OpenMP library loaded in this process (threadpoolctl's
report when python3-threadpoolctl is installed, else the shared libraries mapped into the process); the thread
counts; float64 GEMM (NumPy @) and float32 GEMM (torch.mm) rates for 2000 x 2000, best of 5; and two checks of a
product against an exact reference: integer-valued float64 matrices (every partial sum is an integer below 2^53,
so a correct dgemm is exact) against NumPy's integer matmul (which does not call BLAS), and torch.mm in float32
against the float64 product (relative error). "reference_blas" is true when no optimised BLAS (OpenBLAS, BLIS,
MKL) is loaded: then NumPy and PyTorch run on Debian's reference libblas3 and ratios against them mean nothing.
"""
import json
import os
import re
import sys
import time

import numpy as np

threads = int(sys.argv[1]) if len(sys.argv) > 1 else 2
out = {"numpy": np.__version__, "threads_requested": threads,
       "env": {k: os.environ[k] for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS",
                                          "OMP_NUM_THREADS") if k in os.environ}}
try:
    import torch
    torch.set_num_threads(threads)
    out["torch"] = torch.__version__
except ImportError:
    torch = None


def rate(f, flops):
    f()
    best = 0.0
    for _ in range(5):
        t0 = time.perf_counter()
        f()
        best = max(best, flops / (time.perf_counter() - t0) / 1e9)
    return best


try:
    from threadpoolctl import threadpool_info, threadpool_limits
except ImportError:
    threadpool_info = threadpool_limits = None

n = 2000
rng = np.random.default_rng(2026)
a = rng.standard_normal((n, n))
b = rng.standard_normal((n, n))
if threadpool_limits is not None:
    threadpool_limits(limits=threads, user_api="blas")
a @ b  # loads the BLAS
out["numpy_gemm_f64_gflops"] = rate(lambda: a @ b, 2.0 * n ** 3)
if torch is not None:
    ta = torch.from_numpy(a).float()
    tb = torch.from_numpy(b).float()
    out["torch_threads"] = torch.get_num_threads()
    out["torch_gemm_f32_gflops"] = rate(lambda: torch.mm(ta, tb), 2.0 * n ** 3)
    ref = a.astype(np.float32).astype(np.float64) @ b.astype(np.float32).astype(np.float64)
    got = torch.mm(ta, tb).numpy().astype(np.float64)
    out["torch_f32_max_rel_error"] = float(np.abs(got - ref).max() / np.abs(ref).max())

m = 512
ia = rng.integers(-8, 9, size=(m, m))
ib = rng.integers(-8, 9, size=(m, m))
out["numpy_f64_exact"] = bool(np.array_equal((ia.astype(np.float64) @ ib.astype(np.float64)).astype(np.int64), ia @ ib))

libs = []
if threadpool_info is not None:
    for d in threadpool_info():
        libs.append({k: d.get(k) for k in ("internal_api", "version", "num_threads", "architecture", "filepath",
                                           "threading_layer")})
else:
    seen = set()
    with open("/proc/self/maps") as maps:
        for line in maps:
            p = line.split()[-1]
            if re.search(r"(blas|lapack|mkl|omp)[^/]*\.so", p) and p not in seen:
                seen.add(p)
                libs.append({"filepath": os.path.realpath(p)})
out["libraries"] = libs
optimised = [x for x in libs if re.search(r"openblas|blis|mkl", (x.get("internal_api") or "") + x["filepath"])]
out["reference_blas"] = not optimised
out["blas"] = ", ".join(f"{x.get('internal_api') or os.path.basename(x['filepath'])} {x.get('version') or ''}"
                        f" ({x.get('architecture') or '?'} kernels, {x.get('num_threads') or '?'} threads)"
                        for x in optimised) or "reference BLAS (libblas3)"
print(json.dumps(out), flush=True)
