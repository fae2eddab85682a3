"""Shared code of the finite-size checks in docs/finite-size-covariance.md (imported by the other scripts here).

Linear network dx/dt = -x + W x + xi with W_ij ~ N(0, R^2/N) i.i.d. real (diagonal drawn like the rest, or
W_ii = 0), noise intensity D = 1. Its zero-frequency covariance is C = G G^T with G = (1 - W)^-1, and the
statistics over neuron pairs are those of chaoslab's analysis.CovarianceStatistics:

    a_bar = tr C / N,   m = mean of c_ij over i != j,   N Var c = N x (population variance of c_ij over i != j),
    PR/N = (tr C)^2 / (N tr C^2).

With s = R^2, q = 1 - s, the expectations over W to first order in 1/N (the table "Result" of the doc, and
LinearCovariance.zeroFrequencyFiniteSize / zeroFrequencyFiniteN in chaoslab-core):

    E X_N = X_inf + kappa / N + O(1/N^2),

    X         X_inf               kappa (diagonal kept)          kappa (zero diagonal)
    a_bar     1/q                 2s/q^3                         s(3s - 1)/q^3
    m         0                   0                              0
    N Var c   1/q^4 - 1/q^2       s^2(s^2 - 8s + 20)/q^6         s^2(4s^3 - 21s^2 + 36s - 6)/q^6
    PR/N      q^2                 -s(7s + 2)                     -s(2s^2 + 9s - 2)

Everything here is plain numpy; nothing is shared with the Java code, so the scripts are an independent check.
"""
import json
import os

import numpy as np

#: The four statistics in the order of covariance_statistics (and of the rows in the JSON files).
STATISTICS = ("a", "m", "NVar", "PR/N")
#: The three with a non-zero first-order term, by their index in STATISTICS.
FITTED = ((0, "a"), (2, "NVar"), (3, "PR/N"))


def covariance_statistics(c):
    """(a_bar, m, N Var c, PR/N) of the covariance matrix c, as analysis.CovarianceStatistics computes them."""
    n = c.shape[0]
    d = np.diag(c)
    tr = d.sum()
    tr2 = (c * c).sum()
    off = (c.sum() - tr) / (n * (n - 1))
    var = (tr2 - (d * d).sum()) / (n * (n - 1)) - off ** 2
    return tr / n, off, n * var, tr * tr / tr2 / n


def infinite_n(s):
    """X_inf of (a_bar, m, N Var c, PR/N) for s = R^2, D = 1."""
    q = 1 - s
    return 1 / q, 0.0, 1 / q ** 4 - 1 / q ** 2, q * q


def first_order_coefficients(s, zero_diagonal):
    """kappa of (a_bar, m, N Var c, PR/N): E X_N = X_inf + kappa/N + O(1/N^2) (the doc's table, D = 1)."""
    q = 1 - s
    if not zero_diagonal:
        return 2 * s / q ** 3, 0.0, s * s * (s * s - 8 * s + 20) / q ** 6, -s * (7 * s + 2)
    return (s * (3 * s - 1) / q ** 3, 0.0, s * s * (4 * s ** 3 - 21 * s * s + 36 * s - 6) / q ** 6,
            -s * (2 * s * s + 9 * s - 2))


def first_order_expectation(s, n, zero_diagonal):
    """X_inf + kappa/N for each of (a_bar, m, N Var c, PR/N)."""
    return tuple(x + k / n for x, k in zip(infinite_n(s), first_order_coefficients(s, zero_diagonal)))


def draw_couplings(rng, n, r, zero_diagonal=False):
    """W with W_ij ~ N(0, r^2/n) i.i.d. (one n x n standard-normal draw from rng), W_ii = 0 if zero_diagonal."""
    w = rng.standard_normal((n, n)) * r / np.sqrt(n)
    if zero_diagonal:
        np.fill_diagonal(w, 0)
    return w


def zero_frequency_covariance(w):
    """C = G G^T with G = (1 - W)^-1 (D = 1); also returns G."""
    g = np.linalg.inv(np.eye(w.shape[0]) - w)
    return g @ g.T, g


def sample_statistics(rng, n, r, realizations, zero_diagonal):
    """realizations x 4 array of covariance_statistics, one row per W drawn in turn from rng."""
    out = np.empty((realizations, 4))
    for k in range(realizations):
        c, _ = zero_frequency_covariance(draw_couplings(rng, n, r, zero_diagonal))
        out[k] = covariance_statistics(c)
    return out


def weighted_fit(ns, y, se, degree):
    """Weighted least squares of y(N) = beta_0 + beta_1/N + ... + beta_degree/N^degree with weights 1/se^2.

    Returns (beta, standard errors of beta, chi^2)."""
    x = np.array([[n ** (-p) for p in range(degree + 1)] for n in ns], float)
    w = 1 / np.array(se) ** 2
    a = x.T @ (x * w[:, None])
    beta = np.linalg.solve(a, x.T @ (w * np.array(y)))
    cov = np.linalg.inv(a)
    chi2 = np.sum(w * (np.array(y) - x @ beta) ** 2)
    return beta, np.sqrt(np.diag(cov)), chi2


def write_realizations(path, r, zero_diagonal, seed, rows_by_n):
    """Writes {"r", "zero_diagonal", "seed", "realizations": {"N": [[a_bar, m, N Var c, PR/N], ...]}}."""
    with open(path, "w") as f:
        json.dump({"r": r, "zero_diagonal": zero_diagonal, "seed": seed,
                   "realizations": {str(n): np.asarray(rows).tolist() for n, rows in rows_by_n.items()}}, f)


def read_realizations(path):
    """(r, zero_diagonal, {N: rows array}) from a file of write_realizations.

    Also reads the files of the earlier scripts: raw_<R>_<d|zd>_<seed>.json of mc2.py ({"N": rows}; R and the
    diagonal taken from the name) and r9_<N>_<seed>.json of mc9.py (a list of rows at R = 0.9)."""
    with open(path) as f:
        data = json.load(f)
    if isinstance(data, dict) and "realizations" in data:
        return data["r"], data["zero_diagonal"], {int(n): np.array(v) for n, v in data["realizations"].items()}
    parts = os.path.basename(path).split("_")
    if isinstance(data, list):
        return 0.9, False, {int(parts[1]): np.array(data)}
    return float(parts[1]), parts[2] == "zd", {int(n): np.array(v) for n, v in data.items()}


def mean_and_error(x, ddof=1):
    """Sample mean and its standard error (std with the given ddof over sqrt(len))."""
    x = np.asarray(x)
    return x.mean(), x.std(ddof=ddof) / np.sqrt(len(x))


def summary_line(n, rows, s, zero_diagonal):
    """One line per statistic column: mean +- s.e. [first order], median, max; then N(mean - X_inf) vs kappa."""
    first = first_order_expectation(s, n, zero_diagonal)
    inf = infinite_n(s)
    kappa = first_order_coefficients(s, zero_diagonal)
    parts = [f"N={n} M={len(rows)}"]
    for j, name in enumerate(STATISTICS):
        x = rows[:, j]
        mean, se = mean_and_error(x)
        if j == 1:
            parts.append(f"m {mean:.2e} +- {se:.1e}")
            continue
        parts.append(f"{name} {mean:.5g} +- {se:.2g} [first order {first[j]:.5g}] (median {np.median(x):.5g},"
                     f" max {x.max():.5g}; N(x - inf) {n * (mean - inf[j]):.3f} +- {n * se:.3f}, kappa {kappa[j]:.3f})")
    return " | ".join(parts)
