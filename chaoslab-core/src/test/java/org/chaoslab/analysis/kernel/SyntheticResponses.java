package org.chaoslab.analysis.kernel;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.chaoslab.random.StreamSeeds;

/** Synthetic stimulus responses with a designed stimulus covariance spectrum, for the spectrum tests. */
final class SyntheticResponses {

    private SyntheticResponses() {
    }

    /**
     * Signal S = √P Q D^{1/2} (P×N, row-major) with Q a P×N matrix of orthonormal columns, each orthogonal to the
     * all-ones vector (Gaussian columns, centred, modified Gram–Schmidt twice): its stimulus covariance (1/P) SᵀS is
     * exactly D = diag(n^−α), n = 1..N, and it is centred over stimuli. Needs N ≤ P − 1.
     */
    static double[] powerLawSignal(int p, int n, double alpha, StreamSeeds seeds) {
        ZigguratSampler.NormalizedGaussian g = seeds.child("signal").gaussian();
        double[][] q = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < p; s++) {
                q[i][s] = g.sample();
            }
        }
        for (int i = 0; i < n; i++) {
            double[] c = q[i];
            for (int pass = 0; pass < 2; pass++) {
                double mean = 0;
                for (double x : c) {
                    mean += x / p;
                }
                for (int s = 0; s < p; s++) {
                    c[s] -= mean;
                }
                for (int j = 0; j < i; j++) {
                    double dot = 0;
                    for (int s = 0; s < p; s++) {
                        dot += c[s] * q[j][s];
                    }
                    for (int s = 0; s < p; s++) {
                        c[s] -= dot * q[j][s];
                    }
                }
                double norm = 0;
                for (double x : c) {
                    norm += x * x;
                }
                norm = Math.sqrt(norm);
                for (int s = 0; s < p; s++) {
                    c[s] /= norm;
                }
            }
        }
        double[] x = new double[p * n];
        for (int i = 0; i < n; i++) {
            double scale = Math.sqrt(p * Math.pow(i + 1, -alpha));
            for (int s = 0; s < p; s++) {
                x[s * n + i] = scale * q[i][s];
            }
        }
        return x;
    }

    /** signal + σ·(independent standard Gaussian noise from stream {@code seeds.child("noise").child(repeat)}). */
    static double[] withNoise(double[] signal, double sigma, StreamSeeds seeds, int repeat) {
        ZigguratSampler.NormalizedGaussian g = seeds.child("noise").child(repeat).gaussian();
        double[] x = signal.clone();
        for (int k = 0; k < x.length; k++) {
            x[k] += sigma * g.sample();
        }
        return x;
    }
}
