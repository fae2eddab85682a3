"""The mean coupling's common mode (theory/covariance/MeanMode): N times the mean cross-covariance of linear networks
J = W + J0/N (W_ij ~ N(0, R^2/N)) from exact inverses (zero frequency, C = D A A^T, A = (1 - J)^-1) and exact Lyapunov
solutions (equal time), against the N -> infinity values a[1/(1 - J0)^2 - 1] and the residue integral.

    python3 scripts/finite-size/mean_mode.py [R] [J0]
"""
import sys

import numpy as np
import scipy.linalg as sl
from scipy.integrate import quad

r = float(sys.argv[1]) if len(sys.argv) > 1 else 0.6
j0 = float(sys.argv[2]) if len(sys.argv) > 2 else 0.5
d = 1.0
rng = np.random.default_rng(2)
a_zf = d / (1 - r * r)
zf_theory = a_zf * (1 / (1 - j0) ** 2 - 1)
et_theory = quad(lambda w: d * (1 + w * w) / ((1 + w * w - r * r) * ((1 - j0) ** 2 + w * w)), -np.inf, np.inf)[0] \
    / (2 * np.pi) - d / (2 * np.sqrt(1 - r * r))
for n, reps in [(200, 40), (400, 20), (800, 12), (1600, 8)]:
    zf, et = [], []
    for _ in range(reps):
        j = rng.normal(0, r / np.sqrt(n), (n, n)) + j0 / n
        a = np.linalg.inv(np.eye(n) - j)
        c = d * a @ a.T
        zf.append((c.sum() - np.trace(c)) / (n - 1))
        if n <= 800:
            ce = sl.solve_continuous_lyapunov(j - np.eye(n), -d * np.eye(n))
            et.append((ce.sum() - np.trace(ce)) / (n - 1))
    line = f"N={n}: ZF N<c_ij> {np.mean(zf):.3f} +- {np.std(zf) / np.sqrt(reps):.3f} (sd {np.std(zf):.3f}) vs {zf_theory:.4f}"
    if et:
        line += f"; ET {np.mean(et):.4f} +- {np.std(et) / np.sqrt(reps):.4f} vs {et_theory:.4f}"
    print(line)
