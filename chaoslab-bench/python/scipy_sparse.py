#!/usr/bin/env python3
"""scipy peer of chaoslab's sparse benchmark (`chaoslab bench sparse`): the CSR matrix-vector product a researcher
would use for a sparse rate network.

A fixed in-degree network of N units, K inputs per unit, weights N(0, g^2/K) in float32 with int32 column indices
(scipy.sparse.csr_matrix, 8 bytes per synapse as chaoslab's compressed rows). Each row's K columns are drawn uniformly
with replacement and sorted (numpy has no fast vectorized draw without replacement; at N = 1e5, K = 1000 a row has about
5 repeated columns, at N = 1e6 about 0.5: the product's cost does not notice). For each N in turn (increasing):

  * skipped, with the reason, when the matrix and its construction would not fit the memory the system reports
    available (MemAvailable in /proc/meminfo) with 25 % to spare;
  * build: the seconds to draw and assemble the matrix;
  * matvec: y = A @ x with x float32 (scipy's csr_matvec, one thread: scipy.sparse does not thread its products),
    best of --reps timed calls;
  * step: the Euler step x += dt*(-x + A @ np.tanh(x).astype(np.float32)) with x float64, best of --reps.

One JSON line per N (first line: the environment).

    python3 scipy_sparse.py --n 100000 --n 1000000 --k 1000
"""
import argparse
import json
import os
import platform
import sys
import time


def emit(obj):
    print(json.dumps(obj), flush=True)


def mem_available():
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return None


def best_of(fn, reps):
    fn()  # warm-up (page faults, first call)
    best = float("inf")
    for _ in range(reps):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--n", type=int, action="append", help="network size (repeat for several; default 100000)")
    p.add_argument("--k", type=int, default=1000)
    p.add_argument("--g", type=float, default=2.0)
    p.add_argument("--dt", type=float, default=0.05)
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args(argv)
    sizes = sorted(args.n or [100000])
    if args.k < 1 or any(n <= args.k for n in sizes) or args.reps < 1:
        p.error("need 1 <= k < n and reps >= 1")
    try:
        import numpy as np
        import scipy
        import scipy.sparse as sp
    except ImportError as e:
        emit({"error": "numpy/scipy not importable: %s" % e})
        return 3
    emit({"env": {"python": platform.python_version(), "numpy": np.__version__, "scipy": scipy.__version__}})
    k = args.k
    for n in sizes:
        nnz = n * k
        chunk = max(1, min(n, 50_000_000 // k))           # rows drawn at a time: ~400 MB of int64 temporaries
        need = 8 * nnz + 8 * (n + 1) + 16 * chunk * k + 64 * n
        avail = mem_available()
        if avail is not None and need * 1.25 > avail:
            emit({"n": n, "k": k, "skipped": "needs about %.1f GB, %.1f GB available" % (need / 1e9, avail / 1e9)})
            continue
        if nnz > 2**31 - 1:
            emit({"n": n, "k": k, "skipped": "N*K beyond int32 indices"})
            continue
        try:
            t0 = time.perf_counter()
            rng = np.random.default_rng(args.seed)
            indices = np.empty(nnz, dtype=np.int32)
            data = np.empty(nnz, dtype=np.float32)
            scale = np.float32(args.g / np.sqrt(k))
            for r0 in range(0, n, chunk):
                r1 = min(n, r0 + chunk)
                cols = rng.integers(0, n, size=(r1 - r0, k), dtype=np.int32)
                cols.sort(axis=1)
                indices[r0 * k:r1 * k] = cols.ravel()
                del cols
                w = rng.standard_normal((r1 - r0) * k, dtype=np.float32)
                w *= scale
                data[r0 * k:r1 * k] = w
                del w
            indptr = np.arange(0, nnz + 1, k, dtype=np.int32 if nnz <= 2**31 - 1 else np.int64)
            A = sp.csr_matrix((data, indices, indptr), shape=(n, n), copy=False)
            A.has_sorted_indices = True
            build = time.perf_counter() - t0
            x32 = rng.standard_normal(n).astype(np.float32)
            matvec = best_of(lambda: A @ x32, args.reps)
            x = rng.standard_normal(n)
            dt = args.dt

            def step():
                nonlocal x
                x += dt * (-x + A @ np.tanh(x).astype(np.float32))

            step_s = best_of(step, args.reps)
            emit({"n": n, "k": k, "build_seconds": build, "matvec_ms": matvec * 1e3, "step_ms": step_s * 1e3,
                  "bytes": int(A.data.nbytes + A.indices.nbytes + A.indptr.nbytes), "reps": args.reps,
                  "index_dtype": str(A.indices.dtype)})
            del A, data, indices, indptr
        except MemoryError:
            emit({"n": n, "k": k, "skipped": "MemoryError"})
    return 0


if __name__ == "__main__":
    sys.exit(main())
