#!/usr/bin/env python3
"""numpy peer of chaoslab's batched stimulus-response simulator (org.chaoslab.sim.kernel), timed the same way.

P stimuli on a circle, T trials each, all P*T response columns of one network advanced together, one matrix
product per step (Bauer, Keup, Kadmon & Helias 2026; issue "stimulus kernels"):

    rate-sync:    X <- J @ tanh(X) + U          U[:, p*T + t] = s (xi cos theta_p + eta sin theta_p)
    binary-sync:  S <- (J @ S + U - b > 0)      S in {0, 1}

J ~ N(0, g^2/N). Two variants: "naive" as written (temporaries every step) and "inplace" (preallocated buffers,
np.matmul/np.tanh/np.greater with out=), the fastest plain numpy we know. Each is warmed up (a few steps), then
--steps steps are timed --reps times; the best and the median are reported with the achieved GFLOP/s
(2 N^2 P T per step). One JSON line per case (first line: the environment).

    OPENBLAS_NUM_THREADS=2 python3 numpy_kernel_responses.py --n 2000 --stimuli 1024 --trials 2 --steps 100

Threads: numpy's product uses its bundled OpenBLAS, which reads OPENBLAS_NUM_THREADS; set it to the thread count
chaoslab uses so that both sides get the same cores.
"""
import argparse
import statistics
import sys
import time

from peer_common import emit, import_numpy


def time_case(np, model, dtype, variant, args):
    rng = np.random.default_rng(args.seed)
    n, cols = args.n, args.stimuli * args.trials
    dt = np.dtype(dtype)
    J = (rng.standard_normal((n, n)) * (args.g / np.sqrt(n))).astype(dt)
    theta = 2 * np.pi * np.arange(args.stimuli) / args.stimuli
    xi, eta = rng.standard_normal(n), rng.standard_normal(n)
    U = args.s * (np.outer(xi, np.cos(theta)) + np.outer(eta, np.sin(theta)))
    U = np.repeat(U, args.trials, axis=1).astype(dt)
    if model == "binary-sync":
        U -= dt.type(args.threshold)
        X = (rng.random((n, cols)) < 0.5).astype(dt)
    else:
        X = rng.standard_normal((n, cols)).astype(dt)
    Y = np.empty_like(X)
    R = np.empty_like(X)

    def step():
        nonlocal X
        if variant == "naive":
            if model == "binary-sync":
                X = (J @ X + U > 0).astype(dt)
            else:
                X = J @ np.tanh(X) + U
        else:
            if model == "binary-sync":
                np.matmul(J, X, out=Y)
                np.add(Y, U, out=Y)
                np.greater(Y, 0, out=X)          # casts the booleans into X in place
            else:
                np.tanh(X, out=R)
                np.matmul(J, R, out=Y)
                np.add(Y, U, out=X)

    for _ in range(args.warmup):
        step()
    times = []
    for _ in range(args.reps):
        t0 = time.perf_counter()
        for _ in range(args.steps):
            step()
        times.append((time.perf_counter() - t0) / args.steps * 1e3)
    flops = 2.0 * n * n * cols
    return {"model": model, "dtype": dt.name, "variant": variant, "n": n, "stimuli": args.stimuli,
            "trials": args.trials, "steps": args.steps, "reps": args.reps,
            "ms_per_step_min": min(times), "ms_per_step_median": statistics.median(times),
            "gflops_best": flops / (min(times) * 1e-3) / 1e9,
            "mean_response": float(np.mean(X if model == "binary-sync" else np.tanh(X)))}


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--n", type=int, default=2000)
    p.add_argument("--stimuli", type=int, default=1024)
    p.add_argument("--trials", type=int, default=2)
    p.add_argument("--steps", type=int, default=100)
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--g", type=float, default=2.0)
    p.add_argument("--s", type=float, default=1.0)
    p.add_argument("--threshold", type=float, default=0.0)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--model", action="append", choices=["rate-sync", "binary-sync"], default=None)
    p.add_argument("--dtype", action="append", choices=["float64", "float32"], default=None)
    p.add_argument("--variant", action="append", choices=["naive", "inplace"], default=None)
    args = p.parse_args(argv)
    if args.n < 2 or args.stimuli < 1 or args.trials < 1 or args.steps < 1 or args.reps < 1:
        p.error("n >= 2, stimuli >= 1, trials >= 1, steps >= 1, reps >= 1")
    np = import_numpy()
    if np is None:
        return 3
    status = 0
    for model in args.model or ["rate-sync", "binary-sync"]:
        for dtype in args.dtype or ["float64", "float32"]:
            for variant in args.variant or ["naive", "inplace"]:
                try:
                    emit(time_case(np, model, dtype, variant, args))
                except Exception as e:
                    emit({"model": model, "dtype": dtype, "variant": variant, "error": "%s: %s" % (type(e).__name__, e)})
                    status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
