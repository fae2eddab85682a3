#!/usr/bin/env python3
"""numpy peer of ``chaoslab deepnet phase-diagram``: the same (sigma_w^2, sigma_b^2) grid, the same maps.

For every grid point of a random deep network with phi = tanh (Poole et al. 2016; Schoenholz et al. 2017):

    q*   fixed point of  Q(q) = sigma_w^2 E[phi(sqrt(q) z)^2] + sigma_b^2          (3 plain steps, then Newton,
                         Q'(q) = sigma_w^2 E[x phi(x) phi'(x)]/q by Stein's lemma)
    chi1 = sigma_w^2 E[phi'(sqrt(q*) z)^2]
    c*   = 1 where chi1 <= 1, else the stable root of M(c) = [sigma_w^2 E phi(u1)phi(u2) + sigma_b^2]/q* = c by Newton
           (M'(c) = chi_c = sigma_w^2 E phi'(u1)phi'(u2)) from c = 1 - 2(chi1 - 1)/chi2, chi2 = sigma_w^2 q* E phi''^2,
           safeguarded as in chaoslab (a step leaving [-1, 1) or meeting M' >= 1 fails); failed points are bracketed
           (c = 1 - 2^-k walked up from 1/2, or down to -1) and bisected. chaoslab instead continues along each
           row of the grid (previous points' c* as the start), which a vectorised solver cannot do.
    xi_q = -1/ln Q'(q*),  xi_c = -1/ln chi_c(c*)

all vectorised over the grid. Gaussian averages use the same construction as chaoslab's engine: the
trapezoid rule in the standard-normal variable on [-8, 8] (--nodes points), and for the bivariate ones
E f(u1) f(u2) = sum_z w_z [sum_y w_y f(sqrt(q - c q) y + sqrt(c q) z)]^2 (c >= 0; for c < 0 the second
factor uses -z). The grid is processed in chunks of points (--chunk) to bound memory.

    python3 deep_phase_diagram.py --resolution 200 [--compare DIR]

prints one JSON line: the grid size, the seconds, and, with --compare DIR (the output directory of
``chaoslab deepnet phase-diagram`` on the same grid), the largest differences to chaoslab's grids.
"""
import argparse
import json
import os
import sys
import time

import numpy as np


def phi(x):
    return np.tanh(x)


def dphi(x):
    t = np.tanh(x)
    return 1.0 - t * t


def ddphi(x):
    t = np.tanh(x)
    return -2.0 * t * (1.0 - t * t)


class Rule:
    """Trapezoid rule in the standard-normal variable on [-L, L]."""

    def __init__(self, nodes, half_width=8.0):
        self.z = np.linspace(-half_width, half_width, nodes)
        h = self.z[1] - self.z[0]
        w = h * np.exp(-0.5 * self.z ** 2) / np.sqrt(2 * np.pi)
        w[0] *= 0.5
        w[-1] *= 0.5
        self.w = w

    def mean(self, f, var):
        """E f(sqrt(var) z) for an array of variances."""
        x = np.sqrt(var)[..., None] * self.z
        return f(x) @ self.w

    def pair(self, f, var, c):
        """E f(u1) f(u2), Var u = var, Cov = c var (arrays of the same shape, flat)."""
        a = np.sqrt(np.abs(c) * var)                  # shared part
        b = np.sqrt(np.maximum(0.0, var - np.abs(c) * var))  # private part
        zz = self.z
        # x[p, outer, inner] = b_p y_inner + a_p z_outer
        x = b[:, None, None] * zz[None, None, :] + a[:, None, None] * zz[None, :, None]
        inner = f(x) @ self.w                          # [p, outer]
        sign = np.where(c < 0, -1.0, 1.0)
        if np.any(sign < 0):
            xm = b[:, None, None] * zz[None, None, :] - a[:, None, None] * zz[None, :, None]
            other = np.where(sign[:, None] < 0, f(xm) @ self.w, inner)
        else:
            other = inner
        return (inner * other) @ self.w


def length_fixed_point(rule, sw2, sb2):
    q = sw2 + sb2
    for _ in range(3):
        q = sw2 * rule.mean(lambda x: phi(x) ** 2, q) + sb2
    for _ in range(30):
        g = sw2 * rule.mean(lambda x: phi(x) ** 2, q) + sb2 - q
        v = np.maximum(q, 1e-12)
        slope = sw2 * rule.mean(lambda x: x * phi(x) * dphi(x), v) / v
        step = g / (slope - 1.0)
        q = np.maximum(q - step, 0.0)
        if np.all(np.abs(step) <= 1e-14 * np.maximum(q, 1e-300)):
            break
    v = np.maximum(q, 1e-12)
    slope = sw2 * rule.mean(lambda x: x * phi(x) * dphi(x), v) / v
    return q, slope


def correlation_fixed_point(rule, sw2, sb2, q, chi1, chunk):
    """c* and chi_c: safeguarded Newton, then (where it failed) bracketing and bisection, as chaoslab does."""
    c = np.ones_like(q)
    chic = chi1.copy()
    idx = np.flatnonzero(chi1 > 1.0)
    for start in range(0, idx.size, chunk):
        k = idx[start:start + chunk]
        s, b, qq = sw2[k], sb2[k], q[k]

        def excess(sel, cc):
            return (s[sel] * rule.pair(phi, qq[sel], cc) + b[sel]) / qq[sel] - cc

        def slope(sel, cc):
            return s[sel] * rule.pair(dphi, qq[sel], cc)

        chi2 = s * qq * rule.mean(lambda x: ddphi(x) ** 2, qq)
        eps = 2.0 * (chi1[k] - 1.0) / chi2
        cc = np.where((eps > 0) & (eps < 2), 1.0 - eps, np.nan)
        ok = np.zeros(k.size, dtype=bool)
        active = np.isfinite(cc)
        chik = np.full(k.size, np.nan)
        for _ in range(12):                                 # Newton, stopped at |step| <= 1e-9
            a = np.flatnonzero(active)
            if a.size == 0:
                break
            g = excess(a, cc[a])
            sl = slope(a, cc[a])
            bad = ~(sl < 1.0)
            step = g / (sl - 1.0)
            new = cc[a] - step
            bad |= ~((new >= -1.0) & (new < 1.0))
            done = ~bad & (np.abs(step) <= 1e-9)
            cc[a[~bad]] = new[~bad]
            chik[a[done]] = sl[done]
            ok[a[done]] = True
            active[a[bad | done]] = False
        failed = np.flatnonzero(~ok)
        if failed.size:
            cf, chf = bracketed(excess, slope, failed)
            cc[failed] = cf
            chik[failed] = chf
        c[k] = cc
        chic[k] = chik
    return c, chic


def bracketed(excess, slope, sel):
    """Bracket the stable root below 1 (walk c = 1 - 2^-k up from 1/2, or down to -1), then bisect."""
    n = sel.size
    lo = np.full(n, np.nan)
    hi = np.full(n, np.nan)
    g_half = excess(sel, np.full(n, 0.5))
    up = g_half >= 0
    lo[up] = 0.5
    pending = np.flatnonzero(up)
    for kk in range(2, 53):
        if pending.size == 0:
            break
        cval = 1.0 - 2.0 ** -kk
        g = excess(sel[pending], np.full(pending.size, cval))
        neg = g < 0
        hi[pending[neg]] = cval
        lo[pending[~neg]] = cval
        pending = pending[~neg]
    hi[pending] = 1.0
    lo[pending] = 1.0
    down = np.flatnonzero(~up)
    hi[down] = 0.5
    pending = down
    for cval in (0.25, 0.0, -0.5, -0.9, -1.0):
        if pending.size == 0:
            break
        g = excess(sel[pending], np.full(pending.size, cval))
        pos = g >= 0
        lo[pending[pos]] = cval
        hi[pending[~pos]] = cval
        pending = pending[~pos]
    for _ in range(50):                                     # bisection to 2^-50
        open_ = np.flatnonzero(hi - lo > 1e-15)
        if open_.size == 0:
            break
        mid = 0.5 * (lo[open_] + hi[open_])
        g = excess(sel[open_], mid)
        pos = g >= 0
        lo[open_[pos]] = mid[pos]
        hi[open_[~pos]] = mid[~pos]
    root = 0.5 * (lo + hi)
    return root, slope(sel, root)


def depth_scale(x):
    with np.errstate(divide="ignore", invalid="ignore"):
        xi = np.where(x < 1.0, -1.0 / np.log(x), np.inf)
    return np.where(x <= 0, 0.0, xi)


def grid(resolution, w_range, b_range, nodes, chunk):
    sw = np.linspace(*w_range, resolution)
    sb = np.linspace(*b_range, resolution)
    SW, SB = np.meshgrid(sw, sb, indexing="ij")
    sw2, sb2 = SW.ravel(), SB.ravel()
    rule = Rule(nodes)
    q, qslope = length_fixed_point(rule, sw2, sb2)
    chi1 = sw2 * rule.mean(lambda x: dphi(x) ** 2, np.maximum(q, 1e-12))
    c, chic = correlation_fixed_point(rule, sw2, sb2, q, chi1, chunk)
    shape = (resolution, resolution)
    return {"sigma_w2": sw, "sigma_b2": sb, "q_star": q.reshape(shape), "chi1": chi1.reshape(shape),
            "c_star": c.reshape(shape), "chi_c": chic.reshape(shape), "xi_q": depth_scale(qslope).reshape(shape),
            "xi_c": depth_scale(chic).reshape(shape)}


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--resolution", type=int, default=200)
    p.add_argument("--sigma-w2", type=float, nargs=2, default=(0.5, 5.0))
    p.add_argument("--sigma-b2", type=float, nargs=2, default=(0.0, 1.0))
    p.add_argument("--nodes", type=int, default=81, help="trapezoid points on [-8, 8] (h = 0.2 for 81)")
    p.add_argument("--chunk", type=int, default=400, help="grid points per vectorised bivariate batch")
    p.add_argument("--repeats", type=int, default=1)
    p.add_argument("--compare", help="directory of chaoslab deepnet phase-diagram output on the same grid")
    a = p.parse_args()
    times = []
    cpu = []
    for _ in range(a.repeats):
        t0 = time.perf_counter()
        c0 = time.process_time()
        g = grid(a.resolution, a.sigma_w2, a.sigma_b2, a.nodes, a.chunk)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    out = {"resolution": a.resolution, "points": a.resolution ** 2, "seconds": min(times), "all_seconds": times,
           "cpu_seconds": cpu, "load_average": os.getloadavg()[0],
           "nodes": a.nodes, "numpy": np.__version__, "openblas_threads": os.environ.get("OPENBLAS_NUM_THREADS"),
           "chaotic": int(np.sum(g["chi1"] > 1))}
    if a.compare:
        for name in ("chi1", "q_star", "c_star"):
            ref = np.load(os.path.join(a.compare, name + ".npy"))
            out["max_abs_diff_" + name] = float(np.nanmax(np.abs(ref - g[name])))
        ref = np.load(os.path.join(a.compare, "xi_c.npy"))
        ok = np.isfinite(ref) & np.isfinite(g["xi_c"])
        out["max_rel_diff_xi_c"] = float(np.max(np.abs(ref[ok] - g["xi_c"][ok]) / ref[ok]))
        out["median_rel_diff_xi_c"] = float(np.median(np.abs(ref[ok] - g["xi_c"][ok]) / ref[ok]))
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
