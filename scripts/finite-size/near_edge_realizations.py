#!/usr/bin/env python3
"""Exact realizations near the edge (R = 0.9) at large N, where the first-order series starts to hold.

At R = 0.9 the expectations of docs/finite-size-covariance.md are dominated, for N <= 400, by realizations with a
real eigenvalue of W near 1 (section "R -> 1 and heavy tails"); the table there shows the derived terms holding
from N ~ 800-1600 on. This script draws M couplings W_ij ~ N(0, R^2/N) (diagonal kept) at one N from
default_rng(seed) and records (a_bar, m, N Var c, PR/N) of the exact C = G G^T, G = (1 - W)^-1 (see
finite_size_common.py). The file is rewritten after every realization, so a long run can be stopped and its
realizations so far used. The doc's rows N = 800, 1600, 3200 (the N = 25...400 rows come from
sample_covariance_statistics.py --r 0.9):

    python3 near_edge_realizations.py --n 800 --realizations 300 --seed 5     # ~5 min on 2 cores
    python3 near_edge_realizations.py --n 1600 --realizations 80 --seed 6
    python3 near_edge_realizations.py --n 3200 --realizations 6 --seed 7

Prints at the end (or, with --summarize FILE, for an existing file) each statistic's mean +- standard error with
the first-order expectation X_inf + kappa/N in brackets, its median and maximum.
"""
import argparse
import sys

import numpy as np

import finite_size_common as fs


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--n", type=int, default=800, help="network size N")
    p.add_argument("--realizations", type=int, default=300, help="number M of couplings drawn")
    p.add_argument("--seed", type=int, default=5, help="seed of numpy's default_rng (the doc: 5, 6, 7 for N = 800, 1600, 3200)")
    p.add_argument("--r", type=float, default=0.9, help="coupling scale R (< 1)")
    p.add_argument("--out", default=None, help="JSON file (default r9_<N>_<seed>.json here)")
    p.add_argument("--summarize", metavar="FILE", default=None, help="only print the summary of an existing file")
    args = p.parse_args(argv)
    if args.summarize:
        r, zero_diagonal, rows_by_n = fs.read_realizations(args.summarize)
        for n, rows in sorted(rows_by_n.items()):
            print(fs.summary_line(n, rows, r * r, zero_diagonal))
        return 0
    out = args.out or f"r9_{args.n}_{args.seed}.json"
    rng = np.random.default_rng(args.seed)
    rows = []
    for _ in range(args.realizations):
        c, _ = fs.zero_frequency_covariance(fs.draw_couplings(rng, args.n, args.r))
        rows.append(fs.covariance_statistics(c))
        fs.write_realizations(out, args.r, False, args.seed, {args.n: rows})
    print(fs.summary_line(args.n, np.array(rows), args.r * args.r, False))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
