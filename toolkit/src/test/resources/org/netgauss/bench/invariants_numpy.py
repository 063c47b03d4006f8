#!/usr/bin/python3
"""NumPy reference for PigmmBenchmark: permutation invariants of every matrix of an ensemble by np.einsum.

usage: invariants_numpy.py ENSEMBLE.npy GRAPHS.json [REPEATS]
GRAPHS.json: {"sets": {"name": [[[s, t], ...], ...], ...}}, each graph an edge list over vertices 0..v-1 (edge s->t
is the factor M[i_s, i_t]). For each set prints one JSON line {"set", "graphs", "members", "d", "seconds",
"means": [...]}: the best of REPEATS timed evaluations of all graphs on all members (float64), and the ensemble mean
of each graph for cross-checking netgauss.

Small D: one batched einsum per graph over all members ("nab,nbc->n"), with its contraction path found once by
np.einsum_path. Large D: per member, so that einsum's pairwise contractions go through BLAS (tensordot); paths
are again found once.
"""
import json, string, sys, time
import numpy as np

def subscripts(edges, batched):
    letters = string.ascii_letters[1:]  # 'a' reserved for the member index
    terms = [letters[s] + letters[t] for s, t in edges]
    if batched:
        return ",".join("a" + x for x in terms) + "->a"
    return ",".join(terms) + "->"

def components(edges):
    """Splits an edge list into connected components (each relabelled 0..), as a NumPy user would: t*T**2, not one
    einsum over five free indices."""
    parent = {}
    def find(a):
        while parent.setdefault(a, a) != a:
            a = parent[a]
        return a
    for s, t in edges:
        parent[find(s)] = find(t)
    groups = {}
    for s, t in edges:
        groups.setdefault(find(s), []).append((s, t))
    out = []
    for es in groups.values():
        names = {}
        out.append([(names.setdefault(s, len(names)), names.setdefault(t, len(names))) for s, t in es])
    return out

def run(x, graphs, repeats):
    n, d, _ = x.shape
    batched = d <= 64
    # distinct connected components, each evaluated once per member; a graph is the product of its components
    comp_index, comps, factors = {}, [], []
    for g in graphs:
        f = []
        for c in components(g):
            key = tuple(c)
            if key not in comp_index:
                comp_index[key] = len(comps)
                comps.append(c)
            f.append(comp_index[key])
        factors.append(f)
    specs = [subscripts(c, batched) for c in comps]
    probe = x if batched else x[0]
    paths = [np.einsum_path(s, *([probe] * len(c)), optimize="greedy")[0] for s, c in zip(specs, comps)]
    best = float("inf")
    out = None
    for _ in range(repeats):
        t0 = time.perf_counter()
        if batched:
            cv = np.stack([np.einsum(s, *([x] * len(c)), optimize=p) for s, c, p in zip(specs, comps, paths)], 1)
        else:
            cv = np.array([[np.einsum(s, *([m] * len(c)), optimize=p) for s, c, p in zip(specs, comps, paths)]
                           for m in x])
        vals = np.stack([np.prod(cv[:, f], axis=1) for f in factors], 1)
        best = min(best, time.perf_counter() - t0)
        out = vals
    return best, out

def main():
    x = np.load(sys.argv[1]).astype(np.float64)
    sets = json.load(open(sys.argv[2]))["sets"]
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    for name, graphs in sets.items():
        seconds, vals = run(x, graphs, repeats)
        print(json.dumps({"set": name, "graphs": len(graphs), "members": x.shape[0], "d": x.shape[1],
                          "seconds": seconds, "means": vals.mean(0).tolist()}), flush=True)

if __name__ == "__main__":
    main()
