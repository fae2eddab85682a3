#!/usr/bin/env python3
"""The pieces of the first-order derivation, each measured on exact realizations.

docs/finite-size-covariance.md assembles kappa for N Var c and PR/N from three O(1/N) terms (section "Derivation";
s = R^2, q = 1 - s, D = 1); this script measures each of them on exact G = (1 - W)^-1, C = G G^T:

    N (tr G / N - 1)        -> g1 = s/q                 (zero diagonal: s^2/q)              loop equation for tau(G)
    N x (variance of c_ii over i)
                            -> v = 4s/q^3 + 2s^2/q^4    (zero diagonal: 4s^2/q^3 + 2s^2/q^4) cavity, "Variance of the diagonal"
    N (tr C^2 / N - q^-4)   -> b1 = s(7s + 6)/q^6       (zero diagonal: s(2s^2 + 15s - 4)/q^6)  loop equation for tau(C^2)

These are the numbers of "The pieces separately" in the section "Check against exact realizations" (the defaults are
the doc's run: R = 0.6, 40000/N realizations at N = 100, 200, 400, diagonal kept first and then zero, all drawn from
one default_rng(3)):

    python3 loop_equation_pieces.py            # ~1 min

Prints one line per diagonal choice and N: each measured mean +- s.e. beside its derived value ("th").
"""
import argparse
import sys

import numpy as np

import finite_size_common as fs


def derived_pieces(s, zero_diagonal):
    """(g1, v, b1): the O(1/N) coefficients of tau(G), of the variance of c_ii and of tau(C^2), D = 1."""
    q = 1 - s
    if not zero_diagonal:
        return s / q, 2 * s * (2 - s) / q ** 4, s * (7 * s + 6) / q ** 6
    return s * s / q, 4 * s * s / q ** 3 + 2 * s * s / q ** 4, s * (2 * s * s + 15 * s - 4) / q ** 6


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--r", type=float, default=0.6, help="coupling scale R (< 1)")
    p.add_argument("--total", type=int, default=40000, help="realizations per N are total/N")
    p.add_argument("--sizes", default="100,200,400", help="comma-separated N")
    p.add_argument("--seed", type=int, default=3, help="seed of the one default_rng used for both diagonal choices")
    args = p.parse_args(argv)
    r = args.r
    s = r * r
    q = 1 - s
    rng = np.random.default_rng(args.seed)
    for zero_diagonal in (False, True):
        gth, vth, bth = derived_pieces(s, zero_diagonal)
        for n in [int(v) for v in args.sizes.split(",")]:
            m = args.total // n
            g, v, b = [], [], []
            for _ in range(m):
                c, big_g = fs.zero_frequency_covariance(fs.draw_couplings(rng, n, r, zero_diagonal))
                d = np.diag(c)
                g.append(n * (np.trace(big_g) / n - 1))
                v.append(n * d.var())
                b.append(n * ((c * c).sum() / n - q ** -4))

            def f(x):
                mean, se = fs.mean_and_error(x, ddof=0)
                return f"{mean:.3f}±{se:.3f}"

            print(f"zd={zero_diagonal} N={n}: N(tauG-1) {f(g)} th {gth:.3f} | N var_i c_ii {f(v)} th {vth:.3f}"
                  f" | N(trC2/N-b0) {f(b)} th {bth:.3f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
