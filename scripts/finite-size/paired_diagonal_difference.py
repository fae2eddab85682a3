#!/usr/bin/env python3
"""The difference of the first-order coefficients with and without the diagonal, from paired realizations.

Each W_ij ~ N(0, R^2/N) is used twice: as drawn, and with its diagonal set to zero. The N -> infinity parts of the
two covariance statistics (a_bar, N Var c, PR/N; C = G G^T, G = (1 - W)^-1, see finite_size_common.py) are equal and
cancel realization by realization, so

    N (X_kept - X_zero) = Delta kappa + c/N + c'/N^2,   Delta kappa = kappa_kept - kappa_zero,

pins the difference of the two kappa columns of docs/finite-size-covariance.md (table "Result") more tightly than
either column alone. This is the table of paired realizations in the section "Check against exact realizations"
(the defaults are the doc's run: 120000/N realizations at N = 50, 100, 200, 400, seed 11 for each R):

    python3 paired_diagonal_difference.py                 # R = 0.3 and 0.6, ~3 min

Prints, per R and statistic, the mean of N(X_kept - X_zero) +- s.e. per N, then the linear fit (Delta kappa + c/N;
quoted for PR/N with its chi^2) and the quadratic fit (quoted for a_bar and N Var c), each with z against the
derived Delta kappa.
"""
import argparse
import sys

import numpy as np

import finite_size_common as fs


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--r", type=float, action="append", default=None, help="coupling scale R (repeatable; default 0.3 and 0.6)")
    p.add_argument("--total", type=int, default=120000, help="pairs per N are total/N")
    p.add_argument("--sizes", default="50,100,200,400", help="comma-separated N")
    p.add_argument("--seed", type=int, default=11, help="seed of numpy's default_rng, restarted for each R")
    args = p.parse_args(argv)
    sizes = [int(v) for v in args.sizes.split(",")]
    for r in args.r or [0.3, 0.6]:
        s = r * r
        rng = np.random.default_rng(args.seed)
        derived = np.array(fs.first_order_coefficients(s, False)) - np.array(fs.first_order_coefficients(s, True))
        ys = {j: [] for j, _ in fs.FITTED}
        ses = {j: [] for j, _ in fs.FITTED}
        for n in sizes:
            m = args.total // n
            d = np.empty((m, 4))
            for k in range(m):
                w = fs.draw_couplings(rng, n, r)
                kept = np.array(fs.covariance_statistics(fs.zero_frequency_covariance(w)[0]))
                np.fill_diagonal(w, 0)
                zero = np.array(fs.covariance_statistics(fs.zero_frequency_covariance(w)[0]))
                d[k] = n * (kept - zero)
            for j, _ in fs.FITTED:
                mean, se = fs.mean_and_error(d[:, j], ddof=0)
                ys[j].append(mean)
                ses[j].append(se)
        for j, name in fs.FITTED:
            b, e, chi = fs.weighted_fit(sizes, ys[j], ses[j], 1)
            line = (f"R={r} {name}: N(kept-zero) per N " + " ".join(f"{y:.4f}±{se:.4f}" for y, se in zip(ys[j], ses[j]))
                    + f" | derived {derived[j]:.4f} | linear fit {b[0]:.4f}±{e[0]:.4f} (z {(b[0] - derived[j]) / e[0]:.2f})"
                    + f" chi2 {chi:.1f}/{len(sizes) - 2}")
            if len(sizes) >= 4:
                b2, e2, chi2 = fs.weighted_fit(sizes, ys[j], ses[j], 2)
                line += (f" | quadratic fit {b2[0]:.4f}±{e2[0]:.4f} (z {(b2[0] - derived[j]) / e2[0]:.2f})"
                         f" chi2 {chi2:.1f}/{len(sizes) - 3}")
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
