package org.chaoslab.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.chaoslab.linalg.CouplingMatrix;
import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.model.PopulationNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.random.StreamSeeds;
import org.chaoslab.sim.PopulationCouplingSampler;
import org.chaoslab.theory.populations.PopulationMeanField;
import org.hipparchus.complex.Complex;
import org.hipparchus.linear.EigenDecompositionNonSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.junit.jupiter.api.Test;

/**
 * The eigenvalues of realized block-Gaussian couplings against the block circular law: the bulk fills a disc of radius
 * R = √ρ([α_l g_kl²]) (Aljadeff, Stern &amp; Sharpee, PRL 114:088101, 2015) and the mean couplings add P outliers at
 * the eigenvalues of [J̄_kl α_l] (Tao, PTRF 155:231, 2013), the mean field's {@link PopulationMeanField#couplingSpectrum}.
 */
class PopulationCouplingSpectrumTest {

    /** Bulk R = 1.0303 (as the realized spectrum of the earlier test); outliers of [[2, 1], [4, -2]] at ±√8. */
    static PopulationNetwork net(int n) {
        return new PopulationNetwork(n, new double[] {0.8, 0.2}, new double[][] {{2.5, 5.0}, {5.0, -10.0}},
                new double[][] {{1.0, 2.0}, {0.5, 1.5}}, new double[] {0, 0},
                List.of(new TransferFunctions.Tanh(), new TransferFunctions.Tanh()));
    }

    private static Complex[] eigenvalues(PopulationNetwork net, long seed) {
        int n = net.size();
        CouplingMatrix j;
        try (ParallelRows pool = new ParallelRows(2)) {
            j = PopulationCouplingSampler.sample(net, StreamSeeds.of(seed), pool);
        }
        double[][] a = new double[n][n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                a[r][c] = j.get(r, c);
            }
        }
        Complex[] e = new EigenDecompositionNonSymmetric(MatrixUtils.createRealMatrix(a)).getEigenvalues();
        Arrays.sort(e, Comparator.comparingDouble(Complex::norm).reversed());
        return e;
    }

    @Test
    void bulkRadiusWithItsFiniteNEdgeAndTheOutliersOfTheMeanCouplings() {
        PopulationMeanField.CouplingSpectrum predicted = PopulationMeanField.couplingSpectrum(net(600));
        double r = predicted.bulkRadius();
        double[] outliers = {predicted.outliers()[0][0], predicted.outliers()[1][0]};   // real: +-sqrt(8)
        assertThat(outliers[0]).isCloseTo(Math.sqrt(8), org.assertj.core.data.Offset.offset(1e-12));
        // first-order perturbation of the outliers: the mean part is U Theta U^T with u_k = 1_k/sqrt(N_k) and
        // Theta_kl = Jbar_kl sqrt(alpha_k alpha_l) = (D^1/2 A D^-1/2)_kl, A = [Jbar_kl alpha_l], D = diag(alpha); Theta
        // gains E_kl = u_k^T X u_l ~ N(0, g_kl^2/N), so outlier i moves by yh^T E xh / yh^T xh with Theta's eigenvectors
        // xh = D^1/2 x, yh = D^-1/2 y (x, y those of A); the resolvent's higher orders add (R/lambda)^2 per order:
        // sd_i = sqrt(sum_kl (y_k x_l g_kl)^2 alpha_l / alpha_k / N) / |y^T x| / sqrt(1 - R^2/lambda_i^2)
        double[][] a = {{2, 1}, {4, -2}};       // [Jbar_kl alpha_l]
        double[][] g = {{1, 2}, {0.5, 1.5}};
        double[] alpha = {0.8, 0.2};
        for (int n : new int[] {300, 600}) {
            int seeds = n == 300 ? 8 : 4;
            // spectral radius of an N x N i.i.d. matrix scaled to radius R: R (1 + sqrt(gamma_N / 4N) + G / sqrt(4N gamma_N)),
            // gamma_N = ln(N / 2 pi) - 2 ln ln N, G Gumbel (mean 0.5772, sd pi/sqrt 6) (Rider, J. Phys. A 36:3401, 2003;
            // Rider & Sinclair, Ann. Appl. Probab. 24:1621, 2014 for real matrices; the Gumbel law holds for i.i.d.
            // entries of any law, Cipolloni, Erdos & Xu 2023, and block variance profiles are taken to follow it). The mean
            // over S seeds: 3 sd / sqrt(S), plus the Gumbel law's own slow convergence, 2 lnln N / ln N = 0.6 in its units
            // (Ma & Meng, arXiv:2501.08039)
            double gammaN = Math.log(n / (2 * Math.PI)) - 2 * Math.log(Math.log(n));
            double scale = 1 / Math.sqrt(4 * n * gammaN);
            double expected = r * (1 + Math.sqrt(gammaN / (4.0 * n)) + 0.5772 * scale);
            double allowance = r * scale * (3 * Math.PI / Math.sqrt(6) / Math.sqrt(seeds) + 2 * Math.log(Math.log(n)) / Math.log(n));
            double sumRadius = 0;
            for (int s = 1; s <= seeds; s++) {
                Complex[] e = eigenvalues(net(n), 1000 + s);
                // the two outliers are the two largest moduli (near +-2.83, the bulk ends near 1.06)
                assertThat(e[1].norm()).isGreaterThan(2 * r);
                assertThat(e[2].norm()).isLessThan(1.5 * r);
                sumRadius += e[2].norm();
                Complex[] out = {e[0], e[1]};
                Arrays.sort(out, Comparator.comparingDouble(Complex::getReal).reversed());
                for (int i = 0; i < 2; i++) {
                    double lambda = outliers[i];
                    // right eigenvector x of A for lambda: (A - lambda) x = 0 -> x = (a01, lambda - a00); left y likewise
                    double[] x = {a[0][1], lambda - a[0][0]};
                    double[] y = {a[1][0], lambda - a[0][0]};
                    double yx = y[0] * x[0] + y[1] * x[1];
                    double var = 0;
                    for (int k = 0; k < 2; k++) {
                        for (int l = 0; l < 2; l++) {
                            var += Math.pow(y[k] * x[l] * g[k][l], 2) * alpha[l] / alpha[k] / n;
                        }
                    }
                    double sd = Math.sqrt(var) / Math.abs(yx) / Math.sqrt(1 - r * r / (lambda * lambda));
                    System.out.printf("N = %d, seed %d: outlier %.4f%+.4fi (predicted %.4f, sd %.4f)%n", n, 1000 + s,
                            out[i].getReal(), out[i].getImaginary(), lambda, sd);
                    // a real outlier of a real matrix stays real; 4 sd
                    assertThat(out[i].getImaginary()).isZero();
                    assertThat(Math.abs(out[i].getReal() - lambda)).isLessThan(4 * sd);
                }
            }
            double mean = sumRadius / seeds;
            System.out.printf("N = %d: bulk radius %.4f over %d seeds (N -> infinity %.4f, at N with the edge correction %.4f "
                    + "+- %.4f)%n", n, mean, seeds, r, expected, allowance);
            assertThat(Math.abs(mean - expected)).isLessThan(allowance);
        }
    }
}
