#!/usr/bin/env python3
"""Equal-time statistics of the exponential-Euler (or Euler) discrete-time process of the linear network, N -> infinity,
by the contour z(theta) = (e^{i theta} - keep)/gain, and a check on sampled networks (discrete vs continuous Lyapunov).

docs/finite-size-covariance.md, "The stepping scheme's equal-time bias". Independent of the Java code.
"""
import argparse

import numpy as np
import scipy.linalg as sl


def scheme(h, euler):
    if euler:
        return 1 - h, h, h
    return np.exp(-h), -np.expm1(-h), -0.5 * np.expm1(-2 * h)


def stepped_statistics(r, h, euler=False, nodes=4000):
    s = r * r
    keep, gain, v = scheme(h, euler)
    th = (np.arange(nodes) + 0.5) * 2 * np.pi / nodes      # periodic: midpoint rule
    z = (np.exp(1j * th) - keep) / gain
    t = 1 / (np.abs(z) ** 2 - s)
    pref = v / gain ** 2
    a = pref * t.mean()
    m = 1 / np.abs(1 - s * np.outer(1 / z, (1 / z).conj())) ** 2
    b = pref ** 2 * (np.outer(t, t) * m).mean()
    return a, a * a / b


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--r', type=float, default=0.6)
    ap.add_argument('--dt', type=float, nargs='+', default=[0.1, 0.05, 0.025])
    ap.add_argument('--euler', action='store_true')
    ap.add_argument('--n', type=int, default=400)
    ap.add_argument('--samples', type=int, default=3)
    ap.add_argument('--seed', type=int, default=2)
    args = ap.parse_args()
    a = np.sqrt(1 - args.r ** 2)
    print(f"continuous: a {1 / (2 * a):.8f} PR/N {8 * a ** 3 / (a ** 4 + 2 * a ** 3 + 4 * a ** 2 - 2 * a + 3):.8f}")
    for h in args.dt:
        sa, spr = stepped_statistics(args.r, h, args.euler)
        print(f"dt {h}: scheme a {sa:.8f} PR/N {spr:.8f}")
    rng = np.random.default_rng(args.seed)
    n = args.n
    h = args.dt[1] if len(args.dt) > 1 else args.dt[0]
    keep, gain, v = scheme(h, args.euler)
    for _ in range(args.samples):
        w = rng.normal(0, args.r / np.sqrt(n), (n, n))
        c = sl.solve_continuous_lyapunov(-(np.eye(n) - w), -np.eye(n))
        cd = sl.solve_discrete_lyapunov(keep * np.eye(n) + gain * w, v * np.eye(n))
        pr = [np.trace(x) ** 2 / (n * np.sum(x * x)) for x in (c, cd)]
        print(f"sampled N={n}, dt {h}: PR/N continuous {pr[0]:.5f} scheme {pr[1]:.5f} shift {pr[1] - pr[0]:.5f}")


if __name__ == '__main__':
    main()
