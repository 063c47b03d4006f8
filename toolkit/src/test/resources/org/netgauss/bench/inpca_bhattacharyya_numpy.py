"""NumPy reference for the netgauss InPCA distance benchmark (InpcaDistanceBench).

Reads float32 probabilities [T, S, C] (raw little-endian), computes the intensive Bhattacharyya matrix
D_uv = mean_n -log sum_c sqrt(p_u p_v) the way a NumPy user would: square roots once in float32, chunks
of samples, BC of all pairs by einsum (and by batched matmul), float32 -log, float64 sum, then mean.
Prints one JSON line with the timings; writes D (float64, raw) for the cross-check.
"""
import json
import sys
import time

import numpy as np


def distances(sq, chunk, how):
    t, s, c = sq.shape
    acc = np.zeros((t, t), dtype=np.float64)
    for a in range(0, s, chunk):
        blk = sq[:, a:a + chunk, :]
        if how == "einsum":
            bc = np.einsum("isc,jsc->ijs", blk, blk, optimize=False)      # [T, T, chunk] float32
            acc += (-np.log(np.clip(bc, 1e-30, 1.0))).sum(axis=2, dtype=np.float64)
        else:
            b = np.ascontiguousarray(blk.transpose(1, 0, 2))              # [chunk, T, C]
            bc = np.matmul(b, b.transpose(0, 2, 1))                         # [chunk, T, T] float32, BLAS per slice
            acc += (-np.log(np.clip(bc, 1e-30, 1.0))).sum(axis=0, dtype=np.float64)
    d = acc / s
    np.fill_diagonal(d, 0.0)
    return np.maximum(d, 0.0)


def main():
    path, t, s, c, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    p = np.fromfile(path, dtype="<f4").reshape(t, s, c)
    t0 = time.perf_counter()
    sq = np.sqrt(p)
    t1 = time.perf_counter()
    res = {"numpy": np.__version__, "sqrt_s": t1 - t0}
    # chunk so that one [T, T, chunk] float32 block stays near 256 MB
    chunk = max(1, min(s, (256 << 20) // (4 * t * t)))
    res["chunk"] = chunk
    best = None
    for how in ("einsum", "matmul"):
        t2 = time.perf_counter()
        c2 = time.process_time()
        d = distances(sq, chunk, how)
        el = time.perf_counter() - t2 + (t1 - t0)
        res[how + "_s"] = el
        res[how + "_cpu_s"] = time.process_time() - c2
        if best is None or el < best[0]:
            best = (el, how, d)
    res["best"] = best[1]
    best[2].astype("<f8").tofile(out)
    print(json.dumps(res))


if __name__ == "__main__":
    main()
