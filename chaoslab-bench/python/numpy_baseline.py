#!/usr/bin/env python3
"""numpy peer of the chaoslab rate-network benchmark: the same Euler loop, timed the same way.

    x += dt*(-x + J @ np.tanh(x))          one trajectory, x of shape (N,)
    X += dt*(-X + J @ np.tanh(X))          M replicas, X of shape (N, M)

J ~ N(0, g^2/N) and the state are stored in the case's dtype (float64 or float32). Each case is
warmed up (first calls, page faults, BLAS thread start), then timed over --reps repetitions of a
step count chosen so that one repetition lasts about --rep-seconds (more repetitions, up to
--max-reps, while other processes were busy on the CPUs). One JSON line per case on
stdout (first line: the environment), so a caller can read partial results if it times out.

Run by chaoslab's BenchMain (``./chaoslab bench``); standalone:

    python3 numpy_baseline.py --case 2000:1:float64 --case 2000:64:float64

Threads: numpy's matrix product uses its bundled OpenBLAS, which reads OPENBLAS_NUM_THREADS;
BenchMain sets it to the number of threads chaoslab uses, so both sides get the same cores.
"""
import argparse
import os
import statistics
import sys
import time

import peer_common
from peer_common import emit, import_numpy

CLEAN = 0.03  # other processes below this share of the CPUs: a clean repetition


def parse_case(text):
    return peer_common.parse_case(text, "N:M:dtype", "2000:1:float64")


def cpu_snapshot():
    """(busy, total) jiffies of all CPUs (None off Linux) and this process's CPU seconds."""
    jiffies = peer_common.cpu_jiffies()
    t = os.times()
    return jiffies, t.user + t.system


def foreign_load(a, b):
    """Fraction of all CPUs used by other processes between two snapshots (as chaoslab's CpuLoad); None if unknown."""
    # under 30 jiffies (0.15 s of 2 CPUs) the 10 ms tick dominates
    return peer_common.foreign_load(a[0], b[0], b[1] - a[1], 30)


def time_case(np, n, m, dtype, args):
    rng = np.random.default_rng(args.seed)
    dt_type = np.dtype(dtype)
    # J_ij ~ N(0, g^2/N) (SCS 1988), drawn directly in the target dtype (no float64 temporary)
    J = rng.standard_normal((n, n), dtype=dt_type)
    J *= dt_type.type(args.g / np.sqrt(n))
    shape = (n,) if m == 1 else (n, m)
    x = rng.standard_normal(shape, dtype=dt_type)
    dt = dt_type.type(args.dt)

    def run(steps):
        nonlocal x
        t0 = time.perf_counter()
        for _ in range(steps):
            x += dt * (-x + J @ np.tanh(x))
        return time.perf_counter() - t0

    # warm-up: doubling step counts until one batch lasts warmup-seconds; gives the step estimate
    steps, spent, per_step = 1, 0.0, None
    while True:
        t = run(steps)
        spent += t
        per_step = t / steps
        if spent >= args.warmup_seconds or t >= 0.5 * args.warmup_seconds:
            break
        steps *= 2
    steps = max(args.min_steps, int(round(args.rep_seconds / max(per_step, 1e-9))))
    # --reps repetitions, then more (up to --max-reps) while none ran on otherwise idle CPUs
    times, loads = [], []
    while len(times) < args.reps or (len(times) < args.max_reps
                                     and not any(l is None or l <= CLEAN for l in loads)):
        a = cpu_snapshot()
        times.append(run(steps) / steps * 1e3)
        loads.append(foreign_load(a, cpu_snapshot()))
    if not np.all(np.isfinite(x)):
        raise FloatingPointError("state diverged")
    best = min(range(len(times)), key=times.__getitem__)
    return {
        "n": n, "m": m, "dtype": dtype, "steps": steps, "reps": len(times),
        "ms_per_step_best": times[best], "ms_per_step_median": statistics.median(times),
        "ms_per_step_all": times, "foreign_load_best": loads[best],
    }


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--case", action="append", type=parse_case, required=True,
                   help="N:M:dtype, repeatable (M = 1: one trajectory)")
    p.add_argument("--dt", type=float, default=0.05)
    p.add_argument("--g", type=float, default=2.0)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--max-reps", type=int, default=6, help="more reps while none was on idle CPUs")
    p.add_argument("--rep-seconds", type=float, default=0.8)
    p.add_argument("--warmup-seconds", type=float, default=0.5)
    p.add_argument("--min-steps", type=int, default=5)
    args = p.parse_args(argv)
    np = import_numpy()
    if np is None:
        return 3
    status = 0
    for n, m, dtype in args.case:
        try:
            emit(time_case(np, n, m, dtype, args))
        except Exception as e:  # report and go on with the next case
            emit({"n": n, "m": m, "dtype": dtype, "error": "%s: %s" % (type(e).__name__, e)})
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
