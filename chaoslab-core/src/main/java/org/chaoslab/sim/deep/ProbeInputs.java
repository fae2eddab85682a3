package org.chaoslab.sim.deep;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.chaoslab.model.DeepNetworkInputs;
import org.chaoslab.random.StreamSeeds;

/**
 * The input batch x^0 (N × M, column-major): columns 2p and 2p+1 are pair p, then the K circle points.
 * Pair p uses stream {@code inputs/pairs/p}, the circle {@code inputs/circle}.
 */
final class ProbeInputs {

    static final String INPUTS = "inputs";

    private ProbeInputs() {
    }

    /** Number of columns M = 2P + K. */
    static int columns(DeepNetworkInputs in) {
        return 2 * in.pairs() + in.circlePoints();
    }

    static double[] build(int n, DeepNetworkInputs in, StreamSeeds realization) {
        StreamSeeds root = realization.child(INPUTS);
        double[] x = new double[n * columns(in)];
        double scale = Math.sqrt(n * in.inputLength());
        double c0 = in.inputCorrelation();
        double s0 = Math.sqrt(Math.max(0.0, 1.0 - c0 * c0));
        double[] u = new double[n];
        double[] w = new double[n];
        for (int p = 0; p < in.pairs(); p++) {
            orthonormalPair(root.child("pairs").child(p).gaussian(), u, w);
            int a = 2 * p * n;
            int b = a + n;
            for (int i = 0; i < n; i++) {
                x[a + i] = scale * u[i];
                x[b + i] = scale * (c0 * u[i] + s0 * w[i]);
            }
        }
        int k = in.circlePoints();
        if (k > 0) {
            orthonormalPair(root.child("circle").gaussian(), u, w);
            double r = Math.sqrt(n * in.circleLength());
            int base = 2 * in.pairs() * n;
            for (int j = 0; j < k; j++) {
                double theta = 2.0 * Math.PI * j / k;
                double cs = Math.cos(theta);
                double sn = Math.sin(theta);
                for (int i = 0; i < n; i++) {
                    x[base + j * n + i] = r * (cs * u[i] + sn * w[i]);
                }
            }
        }
        return x;
    }

    /** Two orthonormal vectors from Gaussian draws (Gram–Schmidt). */
    private static void orthonormalPair(ZigguratSampler.NormalizedGaussian z, double[] u, double[] w) {
        int n = u.length;
        for (int i = 0; i < n; i++) {
            u[i] = z.sample();
        }
        for (int i = 0; i < n; i++) {
            w[i] = z.sample();
        }
        normalize(u);
        double d = 0;
        for (int i = 0; i < n; i++) {
            d += u[i] * w[i];
        }
        for (int i = 0; i < n; i++) {
            w[i] -= d * u[i];
        }
        normalize(w);
    }

    private static void normalize(double[] v) {
        double s = 0;
        for (double a : v) {
            s += a * a;
        }
        double inv = 1.0 / Math.sqrt(s);
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
    }
}
