package org.chaoslab.compare;

import org.chaoslab.analysis.Estimate;
import org.chaoslab.analysis.RunningStatistics;
import org.chaoslab.model.DeepNetwork;
import org.chaoslab.model.DeepNetworkInputs;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.model.Validate;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.deep.DeepRecording;
import org.chaoslab.sim.deep.DeepSimulation;
import org.chaoslab.sim.deep.DeepSimulator;
import org.chaoslab.theory.deep.DeepMeanField;
import org.chaoslab.theory.deep.LayerTrajectory;
import org.chaoslab.theory.deep.OrderChaosBoundary;

/**
 * Locates the order–chaos boundary by simulation — where c* departs from 1 — and compares it with χ1 = 1.
 *
 * <p>For each σ_w² of a sweep on the chaotic side, R networks propagate P input pairs (correlation c0)
 * through L layers; the departure D = 1 − c^l is averaged over the last {@code window} layers (≫ ξ_c
 * after the first L − window) and the pairs. Near the boundary D grows linearly, D ≈ 2(χ1 − 1)/χ2
 * (expansion of the correlation map about c = 1), so a least-squares polynomial in σ_w² (quadratic from
 * four points on, else linear) extrapolated to D = 0 gives the boundary. It is fitted per realization
 * (realization r uses seed + r at every σ_w²: common random numbers), then averaged.
 */
public final class DeepBoundaryComparison {

    /**
     * @param width   N
     * @param depth   L
     * @param window  layers averaged at the end, 1 ≤ window ≤ L
     * @param pairs   input pairs P
     * @param c0      their initial correlation
     * @param run     realizations, seed, threads
     */
    public record Settings(int width, int depth, int window, int pairs, double c0, DeepSimulation run) {
        public Settings {
            Validate.atLeast("width", width, 1);
            Validate.atLeast("depth", depth, 1);
            if (window < 1 || window > depth) {
                throw new IllegalArgumentException("window must be in [1, depth] (got " + window + ")");
            }
            Validate.atLeast("pairs", pairs, 1);
            Validate.atLeast("realizations", run.realizations(), 2);
        }
    }

    private DeepBoundaryComparison() {
    }

    /** Runs the sweep (at least two σ_w², all on the chaotic side of the boundary). */
    public static DeepBoundaryResult run(TransferFunction phi, double sb2, double[] weightVariances, Settings s,
                                         DeepMeanField theory, ProgressListener progress) {
        int k = weightVariances.length;
        Validate.atLeast("sweep points", k, 2);
        int reps = s.run().realizations();
        DeepNetworkInputs inputs = DeepNetworkInputs.pairs(1.0, s.c0(), s.pairs());
        double[] dInf = new double[k];
        double[] dTh = new double[k];
        Estimate[] dSim = new Estimate[k];
        double[][] perRealization = new double[reps][k];
        for (int i = 0; i < k; i++) {
            DeepNetwork net = new DeepNetwork(s.width(), s.depth(), phi, weightVariances[i], sb2, 1.0);
            dInf[i] = 1.0 - theory.solve(net).cStar();
            LayerTrajectory t = theory.layers(net, inputs);
            dTh[i] = 1.0 - windowMean(t.c(), s.depth(), s.window());
            int done = i;
            DeepRecording rec = DeepSimulator.run(net, inputs, s.run(),
                    (d, total) -> progress.progress(done * total + d, (long) k * total));
            RunningStatistics stats = new RunningStatistics();
            for (int r = 0; r < reps; r++) {
                double sum = 0;
                for (int l = s.depth() - s.window() + 1; l <= s.depth(); l++) {
                    sum += rec.c().get(r, l);
                }
                perRealization[r][i] = 1.0 - sum / s.window();
                stats.add(perRealization[r][i]);
            }
            dSim[i] = stats.estimate();
        }
        RunningStatistics b = new RunningStatistics();
        for (double[] d : perRealization) {
            b.add(zeroCrossing(weightVariances, d));
        }
        double sc = new OrderChaosBoundary(theory).criticalWeightVariance(phi, 1.0, sb2);
        return new DeepBoundaryResult(phi.name(), sb2, weightVariances.clone(), dInf, dTh, dSim, sc, b.estimate(),
                zeroCrossing(weightVariances, dTh), s.width(), s.depth(), s.window(), reps);
    }

    private static double windowMean(double[] c, int depth, int window) {
        double sum = 0;
        for (int l = depth - window; l < depth; l++) {
            sum += c[l];
        }
        return sum / window;
    }

    /**
     * Where the least-squares polynomial through (x_i, y_i) — quadratic from four points on, else a
     * line — reaches zero: the root nearest the line's own root.
     */
    static double zeroCrossing(double[] x, double[] y) {
        int n = x.length;
        double xm = 0;
        for (double v : x) {
            xm += v / n;
        }
        double[] line = fit(x, y, xm, 1);
        double lineRoot = xm - line[0] / line[1];
        if (n < 4) {
            return lineRoot;
        }
        double[] p = fit(x, y, xm, 2); // p0 + p1 u + p2 u², u = x − x̄
        double disc = p[1] * p[1] - 4 * p[2] * p[0];
        if (p[2] == 0 || disc < 0) {
            return lineRoot;
        }
        double sq = Math.sqrt(disc);
        double r1 = xm + (-p[1] + sq) / (2 * p[2]);
        double r2 = xm + (-p[1] - sq) / (2 * p[2]);
        return Math.abs(r1 - lineRoot) < Math.abs(r2 - lineRoot) ? r1 : r2;
    }

    /** Least-squares polynomial coefficients in u = x − x̄ by the normal equations (degree ≤ 2, well conditioned after centring). */
    private static double[] fit(double[] x, double[] y, double xm, int degree) {
        int m = degree + 1;
        double[][] a = new double[m][m + 1];
        for (int i = 0; i < x.length; i++) {
            double u = x[i] - xm;
            double[] pow = new double[2 * m];
            pow[0] = 1;
            for (int k = 1; k < 2 * m; k++) {
                pow[k] = pow[k - 1] * u;
            }
            for (int r = 0; r < m; r++) {
                for (int c = 0; c < m; c++) {
                    a[r][c] += pow[r + c];
                }
                a[r][m] += pow[r] * y[i];
            }
        }
        // Gaussian elimination with partial pivoting on the (m × m+1) augmented system
        for (int col = 0; col < m; col++) {
            int piv = col;
            for (int r = col + 1; r < m; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
                    piv = r;
                }
            }
            double[] t = a[col];
            a[col] = a[piv];
            a[piv] = t;
            for (int r = col + 1; r < m; r++) {
                double f = a[r][col] / a[col][col];
                for (int c = col; c <= m; c++) {
                    a[r][c] -= f * a[col][c];
                }
            }
        }
        double[] p = new double[m];
        for (int r = m - 1; r >= 0; r--) {
            double s = a[r][m];
            for (int c = r + 1; c < m; c++) {
                s -= a[r][c] * p[c];
            }
            p[r] = s / a[r][r];
        }
        return p;
    }
}
