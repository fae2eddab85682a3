#!/usr/bin/env python3
"""numpy peer of one whole `chaoslab simulate rate` process (Euler, one trajectory), timed as a process.

    x += dt*(-x + J @ np.tanh(x))        N units, --steps steps, with a running <x^2>

J ~ N(0, g^2/N) and x(0) ~ N(0, 1) in the given dtype (float64, or float32 as `simulate rate --float32`, which keeps
J in float32). Everything a user would time is inside the process: interpreter start, importing numpy, drawing J,
the loop. Prints one line: <x^2> averaged over steps and units, and the loop's own time, e.g.

    python3 numpy_cli_peer.py --n 500 --steps 120000
    python3 numpy_cli_peer.py --n 500 --steps 120000 --dtype float32

scripts/bench/cli_vs_numpy.py times it beside `./chaoslab simulate rate` on the same cases (docs/benchmarks.md).
Threads: numpy's product uses its bundled OpenBLAS, which reads OPENBLAS_NUM_THREADS.
"""
import argparse
import sys
import time


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--n", type=int, required=True, help="number of units N")
    p.add_argument("--steps", type=int, required=True, help="Euler steps")
    p.add_argument("--dtype", choices=("float64", "float32"), default="float64")
    p.add_argument("--dt", type=float, default=0.1)
    p.add_argument("--g", type=float, default=2.0)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args(argv)
    if args.n < 1 or args.steps < 1:
        p.error("--n and --steps must be >= 1")
    import numpy as np
    dtype = np.dtype(args.dtype)
    rng = np.random.default_rng(args.seed)
    J = rng.standard_normal((args.n, args.n), dtype=dtype)
    J *= dtype.type(args.g / np.sqrt(args.n))
    x = rng.standard_normal(args.n, dtype=dtype)
    dt = dtype.type(args.dt)
    square = 0.0
    t0 = time.perf_counter()
    for _ in range(args.steps):
        x += dt * (-x + J @ np.tanh(x))
        square += float(x @ x)
    loop = time.perf_counter() - t0
    if not np.all(np.isfinite(x)):
        print("numpy_cli_peer: the state diverged", file=sys.stderr)
        return 3
    print("<x^2> = %.6f; %d steps in %.2f s (loop)" % (square / (args.steps * args.n), args.steps, loop))
    return 0


if __name__ == "__main__":
    sys.exit(main())
