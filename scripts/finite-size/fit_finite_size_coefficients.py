#!/usr/bin/env python3
"""Fits the first-order finite-size coefficients kappa to exact realizations and compares them with the derived ones.

Reads the JSON files of sample_covariance_statistics.py. For each statistic X in (a_bar, N Var c, PR/N) and each N,
y_N = N(mean X_N - X_inf) with standard error N s.e.(X_N); then weighted least squares in 1/N

    linear:     y_N = kappa + c/N
    quadratic:  y_N = kappa + c/N + c'/N^2     (the fit quoted in the doc's table)

and kappa against the derived coefficient of docs/finite-size-covariance.md (table "Result"; the O(1/N) solution
of the loop equations, see derive_loop_equations.py), with z = (fitted - derived)/s.e. This is the table of the
section "Check against exact realizations" (kappa derived | kappa fitted):

    python3 sample_covariance_statistics.py --r 0.3            # and --r 0.6, each with and without --zero-diagonal
    python3 fit_finite_size_coefficients.py raw_0.3_d_1.json raw_0.3_zd_1.json raw_0.6_d_1.json raw_0.6_zd_1.json

Prints per file and statistic one line of y_N +- s.e. per N (with a median-of-means over 10 groups, a check for
heavy tails), then "derived kappa | linear fit: kappa, c, chi^2/dof | quadratic fit: kappa (z)".
Also reads the files of the earlier scripts mc2.py (raw_<R>_<d|zd>_<seed>.json).
"""
import argparse
import sys

import numpy as np

import finite_size_common as fs


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("files", nargs="+", help="JSON files of sample_covariance_statistics.py")
    p.add_argument("--groups", type=int, default=10, help="groups of the median-of-means column")
    args = p.parse_args(argv)
    for path in sorted(args.files):
        r, zero_diagonal, rows_by_n = fs.read_realizations(path)
        s = r * r
        inf = fs.infinite_n(s)
        kappa = fs.first_order_coefficients(s, zero_diagonal)
        print(f"=== R={r} {'zero diag' if zero_diagonal else 'diag kept'} ({path})")
        for j, name in fs.FITTED:
            ns, ys, ses = [], [], []
            row = f"{name:5s}"
            for n, rows in sorted(rows_by_n.items()):
                x = rows[:, j]
                m = len(x)
                y = n * (x.mean() - inf[j])
                se = n * x.std(ddof=1) / np.sqrt(m)
                g = args.groups
                mom = np.median(x[:m // g * g].reshape(g, -1).mean(1))
                ns.append(n)
                ys.append(y)
                ses.append(se)
                row += f" N={n}: {y:8.3f}±{se:.3f} (MoM {n * (mom - inf[j]):8.3f})"
            print(row)
            if len(ns) < 3:
                print(f"      derived kappa {kappa[j]:.4f} | fewer than 3 sizes: no fit")
                continue
            b, e, chi = fs.weighted_fit(ns, ys, ses, 1)
            line = (f"      derived kappa {kappa[j]:.4f} | linear fit kappa + c/N: kappa={b[0]:.4f}±{e[0]:.4f}"
                    f" (z {(b[0] - kappa[j]) / e[0]:.2f}) c={b[1]:.2f}±{e[1]:.2f} chi2={chi:.1f}/{len(ns) - 2}")
            if len(ns) >= 4:
                b2, e2, _ = fs.weighted_fit(ns, ys, ses, 2)
                line += f" | quadratic fit: kappa={b2[0]:.4f}±{e2[0]:.4f} (z {(b2[0] - kappa[j]) / e2[0]:.2f})"
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
