#!/usr/bin/env python3
"""numpy peer of chaoslab's Lyapunov-spectrum loop (org.chaoslab.sim.lyapunov), timed the same way.

Euler map of the SCS network with an N x k orthonormal system Q, re-orthonormalized every t_ONS:

    d = 1 - tanh(x)**2                                   phi'(x)
    Q = Q + dt*(-Q + J @ (d[:, None] * Q))               tangent step (the map's Jacobian)
    x = x + dt*(-x + J @ np.tanh(x))                     state step
    every t_ONS:  Q, R = np.linalg.qr(Q); lambda += log|diag R|   (signs fixed so that diag R > 0)

Two variants are timed: "naive" is the loop above as written (temporaries every step); "inplace"
preallocates the buffers (np.multiply/np.matmul with out=, Q scaled in place) — the fastest plain
numpy we know. J ~ N(0, g^2/N), float64. One interval = t_ONS/dt steps + one QR. Each variant is warmed
up (one interval), then timed over --reps intervals; ms per step and per QR are timed separately.
One JSON line per case (first line: the environment).

    OPENBLAS_NUM_THREADS=2 python3 numpy_lyapunov.py --n 1000 --k 1000

Threads: numpy's product and QR use its bundled OpenBLAS, which reads OPENBLAS_NUM_THREADS; set it
to the thread count chaoslab uses so that both sides get the same cores.
"""
import argparse
import statistics
import sys
import time

from peer_common import emit, import_numpy


def qr_step(np, Q, lam):
    Q, R = np.linalg.qr(Q)
    r = np.diag(R).copy()
    s = np.sign(r)
    s[s == 0] = 1.0
    Q *= s[None, :]                      # R_ii > 0: Q continuous between re-orthonormalizations
    lam += np.log(np.abs(r))
    return Q


def time_variant(np, variant, args):
    rng = np.random.default_rng(args.seed)
    n, k, dt = args.n, args.k, args.dt
    dtype = np.dtype(args.dtype)
    J = (rng.standard_normal((n, n)) * (args.g / np.sqrt(n))).astype(dtype)
    x = rng.standard_normal(n).astype(dtype)
    Q, _ = np.linalg.qr(rng.standard_normal((n, k)).astype(dtype))
    dt = dtype.type(dt)
    steps_per_ons = max(1, int(round(args.ons / float(dt))))
    lam = np.zeros(k)
    B = np.empty((n, k), dtype) if variant == "inplace" else None
    Y = np.empty((n, k), dtype) if variant == "inplace" else None

    def step():
        nonlocal x, Q
        t = np.tanh(x)
        d = 1.0 - t * t
        if variant == "naive":
            Q = Q + dt * (-Q + J @ (d[:, None] * Q))
        else:
            np.multiply(d[:, None], Q, out=B)
            np.matmul(J, B, out=Y)
            np.multiply(Q, 1 - dt, out=Q)
            np.multiply(Y, dt, out=Y)
            np.add(Q, Y, out=Q)
        x = x + dt * (-x + J @ t)

    def interval():
        nonlocal Q
        t0 = time.perf_counter()
        for _ in range(steps_per_ons):
            step()
        t1 = time.perf_counter()
        Q = qr_step(np, Q, lam)
        t2 = time.perf_counter()
        return (t1 - t0) / steps_per_ons * 1e3, (t2 - t1) * 1e3

    for _ in range(args.warmup):
        interval()
    lam[:] = 0.0
    step_ms, qr_ms = [], []
    for _ in range(args.reps):
        s, q = interval()
        step_ms.append(s)
        qr_ms.append(q)
    if not np.all(np.isfinite(lam)):
        raise FloatingPointError("tangent system overflowed")
    per_interval = [steps_per_ons * s + q for s, q in zip(step_ms, qr_ms)]
    return {
        "variant": variant, "dtype": dtype.name, "n": n, "k": k, "dt": float(dt), "t_ons": steps_per_ons * float(dt), "reps": args.reps,
        "ms_per_step_median": statistics.median(step_ms), "ms_per_step_min": min(step_ms),
        "ms_per_qr_median": statistics.median(qr_ms), "ms_per_qr_min": min(qr_ms),
        "ms_per_interval_median": statistics.median(per_interval), "ms_per_interval_min": min(per_interval),
        "lambda_max": float(lam[0] / (args.reps * steps_per_ons * float(dt))),
    }


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--n", type=int, default=1000)
    p.add_argument("--k", type=int, default=None, help="number of exponents (default N)")
    p.add_argument("--dt", type=float, default=0.1)
    p.add_argument("--ons", type=float, default=1.0, help="t_ONS")
    p.add_argument("--g", type=float, default=3.0)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--reps", type=int, default=10, help="timed ONS intervals")
    p.add_argument("--warmup", type=int, default=1, help="untimed ONS intervals first")
    p.add_argument("--variant", action="append", choices=["naive", "inplace"], default=None)
    p.add_argument("--dtype", choices=["float64", "float32"], default="float64",
                   help="float32: everything (J, x, Q, the products and the QR) in single precision")
    args = p.parse_args(argv)
    if args.k is None:
        args.k = args.n
    if not (1 <= args.k <= args.n):
        p.error("k must be in [1, n]")
    np = import_numpy()
    if np is None:
        return 3
    status = 0
    for variant in args.variant or ["naive", "inplace"]:
        try:
            emit(time_variant(np, variant, args))
        except Exception as e:
            emit({"variant": variant, "error": "%s: %s" % (type(e).__name__, e)})
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
