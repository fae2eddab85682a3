package org.chaoslab.sim.deep;

import org.chaoslab.linalg.ParallelRows;

/**
 * Length and curvature of the closed polygon through the K images h_k of a circle (columns
 * base … base+K−1 of an N × M column-major batch): chords d_k = h_{k+1} − h_k (cyclic), Euclidean
 * length Σ|d_k|, and turning angles α_k = angle(d_k, d_{k+1}) = 2 asin(|d̂_k − d̂_{k+1}|/2) (accurate
 * for small angles, unlike acos), whose sum is the discrete Grassmannian length ∫κ ds (Poole et al.
 * 2016, Sec. 4). Per-point values are computed in fixed blocks and summed in order: deterministic.
 */
final class CircleGeometry {

    /** Measures of one layer's circle. */
    record Measures(double meanSquare, double length, double turning, double maxTurning) {
    }

    private final int n;
    private final int k;
    private final double[] chord;
    private final double[] angle;
    private final double[] square;

    CircleGeometry(int n, int k) {
        this.n = n;
        this.k = k;
        this.chord = new double[k];
        this.angle = new double[k];
        this.square = new double[k];
    }

    Measures measure(double[] h, int base, ParallelRows pool) {
        pool.run(k, Math.max(16, (k + 63) / 64), (from, to) -> {
            for (int j = from; j < to; j++) {
                int a = (base + j) * n;
                int b = (base + (j + 1) % k) * n;
                int c = (base + (j + 2) % k) * n;
                double s = 0;
                double l1 = 0;
                double l2 = 0;
                for (int i = 0; i < n; i++) {
                    double ha = h[a + i];
                    double d1 = h[b + i] - ha;
                    double d2 = h[c + i] - h[b + i];
                    s += ha * ha;
                    l1 += d1 * d1;
                    l2 += d2 * d2;
                }
                double inv1 = 1.0 / Math.sqrt(l1);
                double inv2 = 1.0 / Math.sqrt(l2);
                double diff = 0;
                for (int i = 0; i < n; i++) {
                    double u = (h[b + i] - h[a + i]) * inv1 - (h[c + i] - h[b + i]) * inv2;
                    diff += u * u;
                }
                square[j] = s / n;
                chord[j] = Math.sqrt(l1);
                angle[j] = 2.0 * Math.asin(Math.min(1.0, 0.5 * Math.sqrt(diff)));
            }
        });
        double q = 0;
        double len = 0;
        double turn = 0;
        double max = 0;
        for (int j = 0; j < k; j++) {
            q += square[j];
            len += chord[j];
            turn += angle[j];
            max = Math.max(max, angle[j]);
        }
        return new Measures(q / k, len, turn, max);
    }
}
