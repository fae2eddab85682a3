#!/usr/bin/env python3
"""Independent reference for the DMFT largest Lyapunov exponent of the SCS rate network.

Cross-check of org.chaoslab.theory.dmft.DmftLyapunov (never a runtime dependency of chaoslab).
For dx/dt = -x + J phi(x), J_ij ~ N(0, g^2/N), odd phi, no input (mean 0, Delta_inf = 0):

1. Delta0 from energy conservation, Delta0^2/2 = g^2 (<Phi^2> - <Phi>^2) with Phi' = phi (1-d integrals,
   Brent to machine precision).
2. Delta(tau) from the Newtonian form Delta'' = Delta - g^2 F_phi(Delta), Delta(0) = Delta0, Delta'(0) = 0,
   integrated by scipy's DOP853 (rtol 1e-13) with dense output.  This orbit is unstable at rate kappa, but the
   ground state decays faster (rate sqrt(kappa^2 - E0) > kappa when lambda > 0), so the potential error weighted
   by psi^2 shrinks along the tail; beyond the integration end the potential is held at its tail value.
   (chaoslab integrates a different, attracting first-order flow in u = sqrt(Delta0 - Delta).)
3. The potential W(tau) = 1 - g^2 F_phi'(Delta(tau)) at every grid point by direct 2-d Gaussian quadrature
   (trapezoid rule on z in [-Z, Z], exponentially convergent for analytic phi; erf also in closed form).
   F_f(c) = <f(x) f(y)>, x, y ~ N(0, Delta0) with covariance c.
4. The ground energy E0 of H = -d^2/dtau^2 + W on [-L, L] (Dirichlet) by
   (a) second-order finite differences at steps h, h/2, h/4, h/8 with a Richardson table (E(h) = E + a2 h^2 +
       a4 h^4 + ...), and
   (b) a sixth-order seven-point finite-difference stencil (sparse shift-invert eigsh) at two steps;
   lambda_max = sqrt(1 - E0) - 1 (Sompolinsky, Crisanti & Sommers 1988).
   The first excited level E1 (zero mode Delta', exactly 0) is printed as a check.

Usage:  python3 scripts/dmft_lambda_max.py --phi tanh --g 1.5 2 3
        python3 scripts/dmft_lambda_max.py --phi erf --g 2 --h 0.01 --compare 0.12309417925298
(about 50 s of CPU per g at the default h = 0.005).  Printed: Delta0, kappa, the Richardson table of E0, the
sixth-order values, lambda_max from both and, with --compare (one value per g), the relative deviation of the given
values from the sixth-order lambda_max.

Results (lambda_max; Richardson and sixth order at --h 0.01 and 0.005, the four values agree to <= 1.2e-11
relative):
    tanh  g = 1.5: 0.0467462195233   g = 2: 0.1124581096270   g = 3: 0.2354609640367
    erf   g = 1.5: 0.0513999195774   g = 2: 0.1230941792527   g = 3: 0.2544809940283
"""
import argparse
import math
import os
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # small products: threads only spin

import numpy as np  # noqa: E402
from scipy import integrate, optimize, sparse  # noqa: E402
from scipy.linalg import eigh_tridiagonal  # noqa: E402
from scipy.sparse.linalg import eigsh  # noqa: E402
from scipy.special import erf  # noqa: E402

A_ERF = math.sqrt(math.pi) / 2.0  # chaoslab's erf: phi(x) = erf(sqrt(pi) x / 2), phi'(0) = 1

PHIS = {
    "tanh": dict(
        f=np.tanh,
        df=lambda x: 1.0 / np.cosh(x) ** 2,
        F=lambda x: np.logaddexp(x, -x) - math.log(2.0),  # log cosh x
    ),
    "erf": dict(
        f=lambda x: erf(A_ERF * x),
        df=lambda x: np.exp(-(A_ERF * x) ** 2),
        F=lambda x: x * erf(A_ERF * x) + (np.exp(-(A_ERF * x) ** 2) - 1.0) / (A_ERF * math.sqrt(math.pi)),
    ),
}


class Gauss:
    """Trapezoid rule for E f(z), z ~ N(0, 1), on [-zmax, zmax] with step hz."""

    def __init__(self, hz=0.05, zmax=10.0):
        m = int(round(zmax / hz))
        self.z = hz * np.arange(-m, m + 1)
        self.w = hz * np.exp(-0.5 * self.z ** 2) / math.sqrt(2.0 * math.pi)

    def mean(self, f, var):
        return float(np.dot(self.w, f(math.sqrt(var) * self.z)))

    def pair(self, f, q, c):
        """F_f(c) = <f(x) f(y)> for x, y ~ N(0, q), cov c (array c, |c| <= q): x = a z + b s, y = +-a z + b t."""
        c = np.atleast_1d(np.asarray(c, dtype=float))
        out = np.empty_like(c)
        for k, ck in enumerate(c):
            ck = min(max(ck, -q), q)
            a = math.sqrt(abs(ck))
            b = math.sqrt(q - abs(ck))
            inner_p = f(a * self.z[:, None] + b * self.z[None, :]) @ self.w      # I(a z)
            if ck >= 0:
                out[k] = np.dot(self.w, inner_p * inner_p)
            else:
                inner_m = f(-a * self.z[:, None] + b * self.z[None, :]) @ self.w
                out[k] = np.dot(self.w, inner_p * inner_m)
        return out


def delta0_of(g, phi, gauss):
    """The nontrivial root of Delta0^2/2 = g^2 (<Phi^2> - <Phi>^2)."""
    F = phi["F"]

    def h(d):
        return 0.5 * d * d - g * g * (gauss.mean(lambda x: F(x) ** 2, d) - gauss.mean(F, d) ** 2)

    lo, hi = 1e-3, 1.0
    while h(hi) < 0:
        hi *= 2.0
    while h(lo) > 0:
        lo *= 0.5
    return optimize.brentq(h, lo, hi, xtol=1e-15, rtol=1e-15, maxiter=200)


def potential(g, phi, gauss, box, h_fine):
    """Delta0, kappa and W(tau_i), tau_i = i h_fine, i = 0 .. round(box/h_fine)."""
    d0 = delta0_of(g, phi, gauss)
    slope0 = gauss.mean(phi["df"], d0)                       # <phi'>
    kappa = math.sqrt(1.0 - g * g * slope0 * slope0)
    f = phi["f"]

    def rhs(_t, y):
        return [y[1], y[0] - g * g * gauss.pair(f, d0, y[0])[0]]

    m = int(round(box / h_fine))
    tau = h_fine * np.arange(m + 1)
    # Newton form to 12/kappa (errors grow like e^{kappa tau}; there psi^2 < e^{-24} and W - W(inf) = O(Delta^2)
    # for odd phi, ~1e-10); beyond, W = W(inf)
    t_end = min(box, 12.0 / kappa)
    sol = integrate.solve_ivp(rhs, (0.0, t_end), [d0, 0.0], method="DOP853", rtol=1e-13, atol=1e-15 * d0,
                              dense_output=True)
    inside = tau <= t_end
    delta = np.zeros_like(tau)
    delta[inside] = sol.sol(tau[inside])[0]
    w_inf = 1.0 - g * g * slope0 * slope0
    w = np.full_like(tau, w_inf)
    if phi is PHIS["erf"]:
        # closed form <phi'(x) phi'(y)> = 1/sqrt((1 + 2a^2 q)^2 - (2a^2 c)^2)
        s = 2.0 * A_ERF * A_ERF
        w[inside] = 1.0 - g * g / np.sqrt((1.0 + s * d0) ** 2 - (s * delta[inside]) ** 2)
    else:
        w[inside] = 1.0 - g * g * gauss.pair(phi["df"], d0, delta[inside])
    return d0, kappa, w


def fd2_levels(w, h, levels=(8, 4, 2, 1)):
    """Lowest two levels of the second-order FD operator at steps h*s on the symmetric grid, coarsest first."""
    out = []
    for s in levels:
        ws = w[::s]
        hs = h * s
        full = np.concatenate([ws[-2:0:-1], ws[:-1]])             # |tau| < box; Dirichlet at the ends
        d = 2.0 / hs ** 2 + full
        e = np.full(len(full) - 1, -1.0 / hs ** 2)
        ev = eigh_tridiagonal(d, e, eigvals_only=True, select="i", select_range=(0, 1), lapack_driver="stebz",
                              tol=4.0 * np.finfo(float).tiny)
        out.append((hs, ev[0], ev[1]))
    return out


def fd6(w, h, guess):
    """Ground level of the sixth-order seven-point stencil (shift-invert near guess)."""
    full = np.concatenate([w[-2:0:-1], w[:-1]])
    n = len(full)
    c = np.array([1.0 / 90, -3.0 / 20, 3.0 / 2, -49.0 / 18, 3.0 / 2, -3.0 / 20, 1.0 / 90]) / h ** 2
    diags = [np.full(n - abs(k - 3), -c[k]) for k in range(7)]
    mat = sparse.diags(diags, [k - 3 for k in range(7)], format="csc") + sparse.diags(full, 0, format="csc")
    vals = eigsh(mat, k=2, sigma=guess - 1e-3, which="LM", return_eigenvectors=False, tol=1e-14)
    return np.sort(vals)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--phi", choices=sorted(PHIS), default="tanh")
    ap.add_argument("--g", type=float, nargs="+", default=[1.5, 2.0, 3.0])
    ap.add_argument("--h", type=float, default=0.005, help="finest FD step (default 0.005)")
    ap.add_argument("--box", type=float, default=30.0, help="half-width of the box in units of 1/kappa (default 30)")
    ap.add_argument("--hz", type=float, default=0.1, help="quadrature step in z (default 0.1; 0.05 changes F by < 1e-14)")
    ap.add_argument("--compare", type=float, nargs="+", help="lambda_max values to check, one per --g")
    args = ap.parse_args()
    if args.compare is not None and len(args.compare) != len(args.g):
        ap.error("--compare needs one value per --g")
    gauss = Gauss(hz=args.hz)
    phi = PHIS[args.phi]
    for idx, g in enumerate(args.g):
        start = time.time()
        # kappa first (cheap), to size the box
        d0 = delta0_of(g, phi, gauss)
        kappa = math.sqrt(1.0 - (g * gauss.mean(phi["df"], d0)) ** 2)
        box = args.box / kappa
        d0, kappa, w = potential(g, phi, gauss, box, args.h)
        lv = fd2_levels(w, args.h)
        print(f"g = {g}  phi = {args.phi}  Delta0 = {d0:.13f}  kappa = {kappa:.12f}  box = {box:.1f}")
        print("  h          E0(h)                E1(h)         Richardson columns (h^2, h^4, h^6)")
        table = [[e0 for (_h, e0, _e1) in lv]]
        for j in range(1, len(lv)):
            prev = table[-1]
            f = 4.0 ** j
            table.append([(f * prev[i + 1] - prev[i]) / (f - 1.0) for i in range(len(prev) - 1)])
        for i, (hs, e0, e1) in enumerate(lv):
            cols = "  ".join(f"{table[j][i - j]:.14f}" for j in range(1, i + 1))
            print(f"  {hs:<9.5f}  {e0:.14f}  {e1:+.3e}   {cols}")
        best_e0 = table[-1][0]
        e6 = None
        for hs in (args.h * 4, args.h * 2):
            e6 = fd6(w[:: int(round(hs / args.h))], hs, best_e0)
            print(f"  6th-order FD h = {hs:.4f}: E0 = {e6[0]:.14f}  E1 = {e6[1]:+.3e}")
        lam_r = math.sqrt(1.0 - best_e0) - 1.0
        lam_6 = math.sqrt(1.0 - e6[0]) - 1.0
        print(f"  lambda_max = {lam_r:.14f} (Richardson)  {lam_6:.14f} (6th order)  relative difference "
              f"{abs(lam_r / lam_6 - 1.0):.1e}  ({time.time() - start:.0f} s)")
        if args.compare is not None:
            print(f"  given {args.compare[idx]:.14f}: relative deviation {args.compare[idx] / lam_6 - 1.0:+.2e}")


if __name__ == "__main__":
    main()
