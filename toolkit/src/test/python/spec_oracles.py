#!/usr/bin/python3
"""Independent NumPy route to the reference numbers of docs/spec/pigmm.md §5.2 and §4.

Builds the explicit orthonormal irrep basis of docs/spec/pigmm.md §2.3 (Helmert vectors, E01, E02, column/row/diagonal copies,
V2/V3 as the orthogonal complement split by symmetry), fits ensemble E of docs/spec/pigmm.md §5.2 from explicit components, and computes
W2^2 between f_struct and IID N(0, 0.1) by the dense D^2-dimensional Gaussian formula with eigh-based square roots.
Shares no code with netgauss. Run: /usr/bin/python3 toolkit/src/test/python/spec_oracles.py
"""
import numpy as np

def helmert(d):
    v = []
    for m in range(1, d):
        x = np.zeros(d); x[:m] = 1; x[m] = -m
        v.append(x / np.linalg.norm(x))
    return v

def basis(d):
    e01 = np.full((d, d), 1 / d)
    e02 = (np.eye(d) - 1 / d) / np.sqrt(d - 1)
    cols, rows, diags = [], [], []
    for v in helmert(d):
        cols.append(np.tile(v, (d, 1)) / np.sqrt(d))               # v(j)/sqrt(D)
        rows.append(np.tile(v[:, None], (1, d)) / np.sqrt(d))      # v(i)/sqrt(D)
        diags.append(np.sqrt(d / (d - 2)) * (np.diag(v) - (v[:, None] + v[None, :]) / d))
    return e01, e02, cols, rows, diags

def projectors(d):
    """P2, P3 as d^2 x d^2 matrices: complement of V0+VH, split into symmetric (V2) and antisymmetric (V3) parts."""
    e01, e02, cols, rows, diags = basis(d)
    B = np.array([e.ravel() for e in [e01, e02] + cols + rows + diags])
    rest = np.eye(d * d) - B.T @ B
    swap = np.zeros((d * d, d * d))
    for i in range(d):
        for j in range(d):
            swap[i * d + j, j * d + i] = 1
    sym = (np.eye(d * d) + swap) / 2
    return rest @ sym, rest @ (np.eye(d * d) - sym)

def fit(ens):
    n, d, _ = ens.shape
    e01, e02, cols, rows, diags = basis(d)
    P2, P3 = projectors(d)
    s01 = np.array([np.sum(e01 * m) for m in ens]); s02 = np.array([np.sum(e02 * m) for m in ens])
    comp = lambda basis_, m: np.array([np.sum(b * m) for b in basis_])
    H = np.zeros((3, 3)); q2 = q3 = 0
    for m in ens:
        c = np.array([comp(cols, m), comp(rows, m), comp(diags, m)])
        H += c @ c.T
        q2 += m.ravel() @ P2 @ m.ravel(); q3 += m.ravel() @ P3 @ m.ravel()
    H /= n * (d - 1)
    cov = np.cov(np.array([s01, s02]), bias=True)
    return np.array([s01.mean(), s02.mean(), cov[0, 0], cov[0, 1], cov[1, 1], H[0, 0], H[0, 1], H[0, 2], H[1, 1],
                     H[1, 2], H[2, 2], q2 / n / (d * (d - 3) / 2), q3 / n / ((d - 1) * (d - 2) / 2)])

def dense(f, d):
    e01, e02, cols, rows, diags = basis(d)
    P2, P3 = projectors(d)
    mean = f[0] * e01.ravel() + f[1] * e02.ravel()
    S0 = np.array([[f[2], f[3]], [f[3], f[4]]])
    SH = np.array([[f[5], f[6], f[7]], [f[6], f[8], f[9]], [f[7], f[9], f[10]]])
    v0 = [e01.ravel(), e02.ravel()]
    C = sum(S0[a, b] * np.outer(v0[a], v0[b]) for a in range(2) for b in range(2))
    for m in range(d - 1):
        cp = [cols[m].ravel(), rows[m].ravel(), diags[m].ravel()]
        C = C + sum(SH[a, b] * np.outer(cp[a], cp[b]) for a in range(3) for b in range(3))
    return mean, C + f[11] * P2 + f[12] * P3

def sqrtm(a):
    w, v = np.linalg.eigh((a + a.T) / 2)
    return (v * np.sqrt(np.clip(w, 0, None))) @ v.T

def w2sq(f, g, d):
    m1, c1 = dense(f, d); m2, c2 = dense(g, d)
    r = sqrtm(c1)
    return np.sum((m1 - m2) ** 2) + np.trace(c1) + np.trace(c2) - 2 * np.trace(sqrtm(r @ c2 @ r))

if __name__ == "__main__":
    np.set_printoptions(precision=17)
    E = np.array([[[((((k + 1) * (i + 1) + (j + 1) ** 2 + k * i * j) % 5) - 2) for j in range(5)] for i in range(5)]
                  for k in range(3)], dtype=float)
    f = fit(E)
    r3 = np.sqrt(3)
    exact = np.array([1/3, -1/6, 2/9, 13/18, 61/18, 1/3, -1/12, -1/(4*r3), 17/6, -13/(12*r3), 19/9, 79/36, 55/36])
    print("ensemble E fit      ", repr(f))
    print("max |fit - exact|   ", np.max(np.abs(f - exact)))
    fs = np.array([0.5, 0.2, 0.3, 0.05, 0.2, 0.15, 0.02, 0.01, 0.12, -0.01, 0.1, 0.08, 0.06])
    iid = lambda d, m, s2: np.array([d * m, 0, s2, 0, s2, s2, 0, 0, s2, 0, s2, s2, s2])
    for d in (5, 10):
        print(f"W2^2(f_struct, IID N(0,0.1)) D={d}: {w2sq(fs, iid(d, 0, 0.1), d):.15f}")
