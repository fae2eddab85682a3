#!/usr/bin/env python3
"""Exact equal-time covariances (continuous Lyapunov equation) of sampled linear networks: E a and E PR/N at several N,
printed as N(E X_N - X_inf) beside the derived kappa of equal_time_words.py. Independent of the Java code."""
import argparse

import numpy as np
import scipy.linalg as sl


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--r', type=float, default=0.6)
    ap.add_argument('--n', type=int, nargs='+', default=[100, 200, 400])
    ap.add_argument('--budget', type=int, default=40000, help='realizations at N: budget/N (at least 20)')
    ap.add_argument('--seed', type=int, default=1)
    args = ap.parse_args()
    rng = np.random.default_rng(args.seed)
    a = np.sqrt(1 - args.r ** 2)
    a_inf = 1 / (2 * a)
    pr_inf = 8 * a ** 3 / (a ** 4 + 2 * a ** 3 + 4 * a ** 2 - 2 * a + 3)
    for n in args.n:
        m = max(20, args.budget // n)
        am, pm = [], []
        for _ in range(m):
            w = rng.normal(0, args.r / np.sqrt(n), (n, n))
            c = sl.solve_continuous_lyapunov(-(np.eye(n) - w), -np.eye(n))
            am.append(np.trace(c) / n)
            pm.append(np.trace(c) ** 2 / (n * np.sum(c * c)))
        am, pm = np.array(am), np.array(pm)
        print(f"N={n} ({m} realizations): N(a - a_inf) {n * (am.mean() - a_inf):.3f} +- {n * am.std() / np.sqrt(m):.3f}; "
              f"N(PR/N - PR_inf) {n * (pm.mean() - pr_inf):.3f} +- {n * pm.std() / np.sqrt(m):.3f}")


if __name__ == '__main__':
    main()
