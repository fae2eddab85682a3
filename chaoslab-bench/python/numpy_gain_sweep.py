#!/usr/bin/env python3
"""numpy peer of chaoslab's batched gain sweep (`chaoslab bench sweep`): the loop a researcher would write.

A g-sweep of the SCS rate network dx/dt = -x + g J1 tanh(x), J1 = z/sqrt(N) with z_ij i.i.d. standard normal
(Sompolinsky, Crisanti & Sommers, PRL 61:259 (1988)): for each of R realizations (numpy's generator, seed + r) and each
of K gains in linspace(g_min, g_max, K), one trajectory from x(0) ~ N(0, 1) advanced by `steps` Euler steps

    x += dt * (-x + g * (J1 @ np.tanh(x)))

one trajectory at a time (a matrix-vector product per step, numpy's own BLAS), with <x^2> = x @ x / N accumulated
after every step. The whole sweep is timed (drawing J1 included), then numpy's dgemm rate J1 @ B for B of shape
(N, K) — the product a batched step makes — and (N, 256). One JSON line each: the environment, one line per
realization (seconds, <x^2> per gain), the total, the dgemm rates.

    OPENBLAS_NUM_THREADS=2 python3 numpy_gain_sweep.py --n 2000 --points 16 --realizations 4 --steps 1000

--trajectories T times only the first T trajectories of the sweep (in realization-major order) and reports them as they
are; the caller extrapolates (every step of the loop costs the same).
"""
import argparse
import sys
import time

from peer_common import emit, import_numpy


def dgemm_rate(np, J, cols, seconds=1.0):
    rng = np.random.default_rng(7)
    B = rng.standard_normal((J.shape[0], cols))
    C = J @ B
    calls, t0 = 0, time.perf_counter()
    while calls < 3 or time.perf_counter() - t0 < 0.3:
        np.matmul(J, B, out=C)
        calls += 1
    once = (time.perf_counter() - t0) / calls
    per = max(2, int(seconds / 3 / once))
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        for _ in range(per):
            np.matmul(J, B, out=C)
        best = min(best, (time.perf_counter() - t) / per)
    return 2.0 * J.shape[0] * J.shape[0] * cols / best / 1e9


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--n", type=int, default=2000)
    p.add_argument("--points", type=int, default=16)
    p.add_argument("--g-min", type=float, default=0.5)
    p.add_argument("--g-max", type=float, default=3.5)
    p.add_argument("--realizations", type=int, default=4)
    p.add_argument("--steps", type=int, default=1000)
    p.add_argument("--dt", type=float, default=0.1)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--trajectories", type=int, default=0, help="time only this many trajectories (0: all)")
    args = p.parse_args(argv)
    if args.n < 2 or args.points < 1 or args.realizations < 1 or args.steps < 1:
        p.error("n >= 2, points >= 1, realizations >= 1, steps >= 1")
    np = import_numpy()
    if np is None:
        return 3
    n, dt = args.n, args.dt
    gains = np.linspace(args.g_min, args.g_max, args.points)
    limit = args.trajectories if args.trajectories > 0 else args.points * args.realizations
    done = 0
    total = time.perf_counter()
    J1 = None
    for r in range(args.realizations):
        if done >= limit:
            break
        t0 = time.perf_counter()
        rng = np.random.default_rng(args.seed + r)
        J1 = rng.standard_normal((n, n)) / np.sqrt(n)
        mean_square = []
        for g in gains:
            if done >= limit:
                break
            x = rng.standard_normal(n)
            ms = 0.0
            for _ in range(args.steps):
                x += dt * (-x + g * (J1 @ np.tanh(x)))
                ms += x @ x
            mean_square.append(ms / (args.steps * n))
            done += 1
        emit({"realization": r, "seconds": time.perf_counter() - t0, "trajectories": len(mean_square),
              "gains": [float(g) for g in gains[:len(mean_square)]], "mean_square": mean_square})
    seconds = time.perf_counter() - total
    emit({"total_seconds": seconds, "trajectories": done, "steps": args.steps,
          "ms_per_trajectory_step": seconds / (done * args.steps) * 1e3})
    if J1 is None:
        J1 = np.random.default_rng(args.seed).standard_normal((n, n)) / np.sqrt(n)
    emit({"dgemm_gflops": {str(args.points): dgemm_rate(np, J1, args.points), "256": dgemm_rate(np, J1, 256)}})
    return 0


if __name__ == "__main__":
    sys.exit(main())
