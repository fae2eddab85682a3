#!/usr/bin/env python3
"""Exact realizations of the zero-frequency covariance statistics of linear networks at several N.

For each N in --sizes, M = max(total/N, 20) couplings W_ij ~ N(0, R^2/N) are drawn in turn from one numpy
generator (default_rng(seed)), W_ii = 0 with --zero-diagonal, and for each the exact C = G G^T, G = (1 - W)^-1,
gives the statistics (a_bar, m, N Var c, PR/N) of docs/finite-size-covariance.md (see finite_size_common.py).
They are written to a JSON file for fit_finite_size_coefficients.py, which fits N(E X_N - X_inf) = kappa + c/N
+ c'/N^2 and prints kappa beside the derived first-order coefficient (section "Check against exact realizations").

    python3 sample_covariance_statistics.py --r 0.3                   # writes raw_0.3_d_1.json (~1 min)
    python3 sample_covariance_statistics.py --r 0.6 --zero-diagonal   # writes raw_0.6_zd_1.json
    python3 fit_finite_size_coefficients.py raw_*.json

Prints one line per N as it goes: for each statistic the mean +- standard error with the first-order
expectation X_inf + kappa/N in brackets, the median and the maximum (heavy tails near R = 1 show as
max >> median), and N(mean - X_inf) +- s.e. beside kappa. With --r 0.9 and the defaults it gives the
N = 25...400 rows of the R = 0.9 table (section "R -> 1 and heavy tails"); near_edge_realizations.py the
larger N.
"""
import argparse
import sys

import numpy as np

import finite_size_common as fs


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--r", type=float, default=0.3, help="coupling scale R (< 1); the doc used 0.3, 0.6 and 0.9")
    p.add_argument("--zero-diagonal", action="store_true", help="W_ii = 0 (default: the diagonal is drawn)")
    p.add_argument("--total", type=int, default=400000, help="realizations per N are max(total/N, 20)")
    p.add_argument("--min-realizations", type=int, default=20)
    p.add_argument("--sizes", default="25,50,100,200,400", help="comma-separated N")
    p.add_argument("--seed", type=int, default=1, help="seed of numpy's default_rng (the doc used 1)")
    p.add_argument("--out", default=None, help="JSON file (default raw_<R>_<d|zd>_<seed>.json here)")
    args = p.parse_args(argv)
    if not 0 <= args.r < 1:
        p.error("--r must be in [0, 1)")
    sizes = [int(v) for v in args.sizes.split(",")]
    out = args.out or f"raw_{args.r}_{'zd' if args.zero_diagonal else 'd'}_{args.seed}.json"
    s = args.r * args.r
    rng = np.random.default_rng(args.seed)
    rows_by_n = {}
    print(f"R={args.r} {'zero diagonal' if args.zero_diagonal else 'diagonal kept'} seed={args.seed}", flush=True)
    for n in sizes:
        m = max(args.total // n, args.min_realizations)
        rows_by_n[n] = fs.sample_statistics(rng, n, args.r, m, args.zero_diagonal)
        print(fs.summary_line(n, rows_by_n[n], s, args.zero_diagonal), flush=True)
    fs.write_realizations(out, args.r, args.zero_diagonal, args.seed, rows_by_n)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
