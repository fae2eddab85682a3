#!/usr/bin/env python3
"""Solves the O(1/N) loop equations of docs/finite-size-covariance.md symbolically (sympy) and assembles kappa.

Section "Derivation": with epsilon = 1/N, s = R^2, q = 1 - s and each trace written as its planar value plus
epsilon times an unknown, the closed linear system for

    g1 = tau(G),  a = tau(G G*),  g2 = tau(G^2),  m = tau(G G* G*),  b = tau(C^2)/D^2

(Stein's lemma: a twisted trace (s/N) tau(G* A* G B) for the G factor, the planar splitting s tau(A G*) tau(G* B)
for the G* factor; with W_ii = 0 also -(s/N) tau(A X) tau(X B) per factor position) is expanded to first order in
epsilon and solved for the epsilon coefficients, once with the diagonal kept and once with W_ii = 0. Then the doc's assembly

    kappa_{N Var c} = b1 - 2 a0 a1 - v + (b0 - a0^2),   kappa_{PR/N} = q^2 (2 a1/a0 - b1/b0),   kappa_{a_bar} = a1

with v the cavity variance of the diagonal, 4s/q^3 + 2s^2/q^4 (zero diagonal: 4s^2/q^3 + 2s^2/q^4).

    python3 derive_loop_equations.py                  # both diagonal choices, and kappa at R = 0.3 and 0.6

Prints for each diagonal choice a1, b1, v, kappa_{N Var c} (also relative to N Var c at N = infinity), the relative
PR/N coefficient 2 a1/a0 - b1/b0 and the coefficient of N Var c / a_bar^2; then, for each --r, the numeric kappa of
a_bar, N Var c and PR/N with and without the diagonal and their difference (the "kappa derived" and
"Delta kappa derived" columns of the section "Check against exact realizations").
"""
import argparse
import sys

import sympy as sp

s, e = sp.symbols("s epsilon")  # epsilon = 1/N
q = 1 - s


def solve(zero_diagonal):
    """The epsilon coefficients {g1, a1, g21, m31, b1} of tau(G), tau(GG*), tau(G^2), tau(GG*G*), tau(C^2)."""
    g1, a, g2, m3, b = [x0 + e * sp.Symbol(n) for x0, n in [(1, "g1"), (1 / q, "a1"), (1, "g21"), (q ** -2, "m31"), (q ** -4, "b1")]]
    a0 = 1 / q
    m30 = q ** -2
    b0 = q ** -4
    tau5 = (1 + s) / q ** 5  # planar tau(G G* G G* G*)
    g_gs3 = q ** -3          # planar tau(G* G G* G*)

    def zero_diag(terms):
        # W_ii = 0: each factor position adds -(s/N) tau(A X) tau(X B) with planar values
        return (-s * e * sum(terms)) if zero_diagonal else 0

    eqs = [
        # g1 = 1 + tau(W G); twisted, position 1: tau(G* G) = a
        sp.Eq(g1, 1 + s * e * a0 + zero_diag([1 * 1])),
        # a = g1 + tau(W G G*): G at 1 twisted tau(G* G G*) = m3; G* at 2: s tau(GG*) tau(G*)
        sp.Eq(a, g1 + s * e * m30 + s * a * g1 + zero_diag([1 * a0, a0 * 1])),
        # g2 = g1 + tau(W G G): twisted, position 1 tau(G* G G) = m3, position 2 tau(G* G* G) = m3
        sp.Eq(g2, g1 + 2 * s * e * m30 + zero_diag([1 * 1, 1 * 1])),
        # m3 = tau(G* G*) + tau(W G G* G*): position 1 twisted tau(G* G G* G*) = q^-3; 2: s a g2; 3: s m3 g1
        sp.Eq(m3, g2 + s * e * g_gs3 + s * a * g2 + s * m3 * g1 + zero_diag([1 * m30, a0 * 1, m30 * 1])),
        # b = m3 + tau(W G G* G G*): positions 1, 3 twisted tau5; 2: s a m3; 4: s b g1
        sp.Eq(b, m3 + 2 * s * e * tau5 + s * a * m3 + s * b * g1 + zero_diag([1 * b0, a0 * m30, m30 * a0, b0 * 1])),
    ]
    unknowns = sp.symbols("g1 a1 g21 m31 b1")
    linear = [sp.expand(sp.series(eq.lhs - eq.rhs, e, 0, 2).removeO().coeff(e, 1)) for eq in eqs]
    sol = sp.solve(linear, unknowns, dict=True)[0]
    return {k: sp.factor(v) for k, v in sol.items()}


def kappas(zero_diagonal):
    """Symbolic kappa of (a_bar, N Var c, PR/N) and the intermediate terms, as a dict."""
    sol = solve(zero_diagonal)
    a0 = 1 / q
    b0 = q ** -4
    a1 = sol[sp.Symbol("a1")]
    b1 = sol[sp.Symbol("b1")]
    v = (4 * s ** 2 * a0 ** 3 if zero_diagonal else 4 * s * a0 ** 3) + 2 * s ** 2 * b0
    nvar1 = sp.factor(b1 - 2 * a0 * a1 - v + (b0 - a0 ** 2))
    pr_rel = sp.factor(2 * a1 / a0 - b1 / b0)
    return {"a1": a1, "b1": b1, "v": sp.factor(v), "nvar1": nvar1, "pr_rel": pr_rel,
            "nvar_rel": sp.factor(nvar1 / (b0 - a0 ** 2)),
            "normalized_var": sp.factor((nvar1 - (b0 - a0 ** 2) * 2 * a1 / a0) / a0 ** 2),
            "kappa": (a1, nvar1, sp.factor(q ** 2 * pr_rel))}


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--r", type=float, action="append", default=None,
                   help="R at which to evaluate kappa (repeatable; default 0.3 and 0.6)")
    args = p.parse_args(argv)
    results = {}
    for zero_diagonal in (False, True):
        k = kappas(zero_diagonal)
        results[zero_diagonal] = k
        print("zeroDiag" if zero_diagonal else "diag kept")
        print("  a1 =", k["a1"], "  rel a1/a0=", sp.factor(k["a1"] * q))
        print("  b1 =", k["b1"], "  rel=", sp.factor(k["b1"] * q ** 4))
        print("  v  =", k["v"])
        print("  NVar1 =", k["nvar1"], " rel to NVar0:", k["nvar_rel"])
        print("  PR rel coeff =", k["pr_rel"])
        print("  normalized var NVar/a^2 coeff", k["normalized_var"])
    print("kappa at R (D = 1):    a_bar, N Var c, PR/N")
    for r in args.r or [0.3, 0.6]:
        kept = [float(x.subs(s, r * r)) for x in results[False]["kappa"]]
        zero = [float(x.subs(s, r * r)) for x in results[True]["kappa"]]
        fmt = lambda xs: ", ".join(f"{x:.4f}" for x in xs)
        print(f"  R={r}: kept {fmt(kept)} | zero diagonal {fmt(zero)} | kept - zero {fmt([a - b for a, b in zip(kept, zero)])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
