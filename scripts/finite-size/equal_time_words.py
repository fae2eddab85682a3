#!/usr/bin/env python3
"""Equal-time 1/N coefficients of the linear network by the word expansion of resolvent traces (independent of Java).

E N^-1 tr(word) of products of G_z = (z - W)^-1 and H_w = (w - W^T)^-1, W_ij ~ N(0, s/N) real, to O(1/N) by Stein's
lemma: planar splittings at H factors, twisted (one cross-cap) terms at G factors, -(s/N) tau0(P) tau0(Q) per factor
with a zero diagonal (docs/finite-size-covariance.md, "Equal time: words of resolvents"). Prints the zero-frequency
check (z = w = 1 against the hand-derived kappa) and the equal-time kappa_a, kappa_PR at the given R.
"""
import argparse
from functools import lru_cache

import numpy as np

S = 0.0
ZERO_DIAGONAL = False


def mul(a, b):
    return (a[0] * b[0], a[0] * b[1] + a[1] * b[0])


def transpose(word):
    return tuple(('H' if t == 'G' else 'G', x) for (t, x) in reversed(word))


def canonical(word):
    if not any(t == 'G' for t, _ in word):
        word = transpose(word)
    k = next(i for i, (t, _) in enumerate(word) if t == 'G')
    return word[k:] + word[:k]


@lru_cache(maxsize=None)
def planar(word):
    return tau(word, False)[0]


@lru_cache(maxsize=None)
def tau(word, first=True):
    """(tau0, tau1) with tau = tau0 + tau1/N (tau1 = 0 when first is False)."""
    if not word:
        return (1.0 + 0j, 0j)
    word = canonical(word)
    z = word[0][1]
    b = tau(word[1:], first)
    rhs = [b[0], b[1]]
    self_coef = (0j, 0j)
    n = len(word)
    for k in range(n):
        t, x = word[k]
        p, q = word[:k + 1], word[k:]
        if t == 'H':
            if k == n - 1:
                self_coef = tuple(S * v for v in tau(q, first))
            else:
                pq = mul(tau(p, first), tau(q, first))
                rhs[0] += S * pq[0]
                rhs[1] += S * pq[1]
        elif first:
            rhs[1] += S * planar(transpose(p) + q)
        if first and ZERO_DIAGONAL:
            rhs[1] -= S * planar(p) * planar(q)
    d0 = z - self_coef[0]
    v0 = rhs[0] / d0
    v1 = (rhs[1] + v0 * self_coef[1]) / d0 if first else 0j
    return (v0, v1)


def setup(s, zero_diagonal):
    global S, ZERO_DIAGONAL
    S, ZERO_DIAGONAL = s, zero_diagonal
    tau.cache_clear()
    planar.cache_clear()


def equal_time(r, zero_diagonal, nodes):
    s = r * r
    setup(s, zero_diagonal)
    a = np.sqrt(1 - s)
    x, wq = np.polynomial.legendre.leggauss(nodes)
    th = x * np.pi / 2
    om = a * np.tan(th)
    wt = wq * np.pi / 2 * a / np.cos(th) ** 2 / (2 * np.pi)
    a0 = a1 = b0 = b1 = 0.0
    for o1, w1 in zip(om, wt):
        tau.cache_clear()
        planar.cache_clear()
        z1 = complex(1, o1)
        v = tau((('G', z1), ('H', z1.conjugate())))
        a0 += w1 * v[0].real
        a1 += w1 * v[1].real
        for o2, w2 in zip(om, wt):
            z2 = complex(1, o2)
            v = tau((('G', z1), ('H', z1.conjugate()), ('G', z2), ('H', z2.conjugate())))
            b0 += w1 * w2 * v[0].real
            b1 += w1 * w2 * v[1].real
    return a0, a1, a0 * a0 / b0, (a0 * a0 / b0) * (2 * a1 / a0 - b1 / b0)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--r', type=float, nargs='+', default=[0.3, 0.6, 0.78, 0.9])
    ap.add_argument('--zero-diagonal', action='store_true')
    ap.add_argument('--nodes', type=int, default=60)
    args = ap.parse_args()
    for r in args.r:
        s = r * r
        q = 1 - s
        setup(s, args.zero_diagonal)
        a = tau((('G', 1.0), ('H', 1.0)))
        b = tau((('G', 1.0), ('H', 1.0), ('G', 1.0), ('H', 1.0)))
        kpr = (a[0] ** 2 / b[0]) * (2 * a[1] / a[0] - b[1] / b[0])
        hand = (s * (3 * s - 1) / q ** 3, -s * (2 * s * s + 9 * s - 2)) if args.zero_diagonal \
            else (2 * s / q ** 3, -s * (7 * s + 2))
        print(f"R={r}: zero frequency kappa_a {a[1].real:.10g} (hand {hand[0]:.10g}), kappa_PR {kpr.real:.10g} "
              f"(hand {hand[1]:.10g})")
        a0, a1, pr, kpr = equal_time(r, args.zero_diagonal, args.nodes)
        print(f"R={r}: equal time a {a0:.10g} kappa_a {a1:.10g}; PR/N {pr:.10g} kappa_PR {kpr:.10g}")


if __name__ == '__main__':
    main()
