package org.chaoslab.theory.populations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;

import org.apache.commons.numbers.gamma.Erfc;
import org.chaoslab.model.Couplings;
import org.chaoslab.model.ExternalInput;
import org.chaoslab.model.PopulationNetwork;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.theory.dmft.DmftSolution;
import org.chaoslab.theory.dmft.DmftSolver;
import org.junit.jupiter.api.Test;

class PopulationMeanFieldTest {

    private final PopulationMeanField theory = new PopulationMeanField();

    private static PopulationNetwork one(double g, double j0, double input, TransferFunction phi) {
        return new PopulationNetwork(1000, new double[] {1}, new double[][] {{j0}}, new double[][] {{g}},
                new double[] {input}, List.of(phi));
    }

    @Test
    void onePopulationIsTheScsStaticSolution() {
        // below the transition the SCS DMFT is static: Delta0 = q = g^2 <phi^2>, mu = I + J0 <phi> (the DMFT solver's
        // own branch, an independent implementation of the same equations)
        for (double[] c : new double[][] {{0.8, 0.5, 0.3}, {0.6, -1.0, 0.8}, {0.9, 0.0, 0.0}}) {
            RateNetwork net = RateNetwork.scs(1000, c[0], new TransferFunctions.Tanh())
                    .withCouplings(new Couplings(c[0], c[1], 0, false, org.chaoslab.model.Precision.FLOAT64))
                    .withInput(new ExternalInput.Constant(c[2]));
            DmftSolution dmft = new DmftSolver().solve(net);
            PopulationFixedPoint fp = theory.solve(one(c[0], c[1], c[2], new TransferFunctions.Tanh()));
            assertThat(fp.variance()[0]).isCloseTo(dmft.delta0(), offset(1e-9));
            assertThat(fp.mean()[0]).isCloseTo(dmft.mean(), offset(1e-9));
            assertThat(fp.spectralRadius()).isCloseTo(dmft.stabilityGain(), offset(1e-9));
            assertThat(fp.phase()).isEqualTo(PopulationFixedPoint.Phase.FIXED_POINT);
        }
        // tanh without input: g_c = 1/phi'(0) = 1 (SCS 1988), found as the scale of g = 0.5
        assertThat(theory.criticalGainScale(one(0.5, 0, 0, new TransferFunctions.Tanh()))).isCloseTo(2.0, offset(1e-9));
    }

    /**
     * Linear units in a sparse network (fixed in-degree K of N units): the static equations close. The mean part of a
     * unit's input, J0 × (the mean of x over its K presynaptic units), scatters with variance (J0²/K)(M − K)/(M − 1)·Δ
     * (M = N − 1 candidates, sampling without replacement), so μ = I/(1 − J0) and Δ = g²(Δ + μ²) + dΔ, i.e.
     * Δ = g²μ²/(1 − g² − d), against the dense Δ = g²μ²/(1 − g²); and the stability matrix is (g² + d)·1.
     */
    @Test
    void sparseLinearUnitsHaveTheClosedFormWithTheDilutionOfTheMean() {
        int n = 2000;
        int k = 50;
        double g = 0.5;
        double j0 = -3.0;
        double input = 1.0;
        PopulationNetwork dense = new PopulationNetwork(n, new double[] {1}, new double[][] {{j0}}, new double[][] {{g}},
                new double[] {input}, List.of(new TransferFunctions.Linear()));
        PopulationNetwork sparse = dense.withInDegrees(new int[][] {{k}});
        double d = j0 * j0 / k * (n - 1 - k) / (n - 2.0);
        assertThat(PopulationMeanField.dilutionVariance(sparse)[0][0]).isCloseTo(d, offset(1e-15));
        assertThat(PopulationMeanField.dilutionVariance(dense)[0][0]).isZero();
        double mu = input / (1 - j0);
        PopulationFixedPoint fp = theory.solve(sparse);
        assertThat(fp.mean()[0]).isCloseTo(mu, offset(1e-12));
        assertThat(fp.variance()[0]).isCloseTo(g * g * mu * mu / (1 - g * g - d), offset(1e-12));
        assertThat(fp.spectralRadius()).isCloseTo(g * g + d, offset(1e-12));
        assertThat(theory.solve(dense).variance()[0]).isCloseTo(g * g * mu * mu / (1 - g * g), offset(1e-12));
        // the coupling matrix's bulk: N x the entries' variance about the dense mean J0/N is g^2 + d
        assertThat(PopulationMeanField.couplingSpectrum(sparse).bulkRadius()).isCloseTo(Math.sqrt(g * g + d), offset(1e-12));
        // the time-dependent DMFT settles on the same static solution
        PopulationAutocorrelation a = new PopulationDmft().solve(sparse);
        assertThat(a.isChaotic()).isFalse();
        assertThat(a.delta0()[0]).isCloseTo(fp.variance()[0], offset(1e-9));
    }

    @Test
    void splittingAPopulationInTwoIdenticalHalvesChangesNothing() {
        TransferFunction phi = new TransferFunctions.Sigmoid();
        PopulationFixedPoint whole = theory.solve(one(1.5, -2.0, 0.4, phi));
        PopulationFixedPoint halves = theory.solve(new PopulationNetwork(1000, new double[] {0.3, 0.7},
                new double[][] {{-2, -2}, {-2, -2}}, new double[][] {{1.5, 1.5}, {1.5, 1.5}}, new double[] {0.4, 0.4},
                List.of(phi, phi)));
        for (int k = 0; k < 2; k++) {
            assertThat(halves.mean()[k]).isCloseTo(whole.mean()[0], offset(1e-11));
            assertThat(halves.variance()[k]).isCloseTo(whole.variance()[0], offset(1e-11));
        }
        assertThat(halves.spectralRadius()).isCloseTo(whole.spectralRadius(), offset(1e-11));
    }

    @Test
    void thresholdLinearExcitatoryInhibitoryFixedPointSatisfiesTheClosedForms() {
        // E/I network of rectified-linear units; the Gaussian averages of max(0, x) in closed form:
        // <phi> = mu Phi(u) + s phi(u), <phi^2> = (mu^2 + s^2) Phi(u) + mu s phi(u), <phi'^2> = Phi(u), u = mu/s
        PopulationNetwork net = ei(1.0);
        PopulationFixedPoint fp = theory.solve(net);
        double[] m = new double[2];
        double[] q = new double[2];
        double[] s2 = new double[2];
        for (int l = 0; l < 2; l++) {
            double mu = fp.mean()[l];
            double s = Math.sqrt(fp.variance()[l]);
            double u = mu / s;
            double cdf = 0.5 * Erfc.value(-u / Math.sqrt(2));
            double pdf = Math.exp(-0.5 * u * u) / Math.sqrt(2 * Math.PI);
            m[l] = mu * cdf + s * pdf;
            q[l] = (mu * mu + s * s) * cdf + mu * s * pdf;
            s2[l] = cdf;
        }
        double[] a = net.fractions();
        for (int k = 0; k < 2; k++) {
            double mu = net.inputs()[k];
            double delta = 0;
            for (int l = 0; l < 2; l++) {
                mu += net.meanCouplings()[k][l] * a[l] * m[l];
                delta += net.gains()[k][l] * net.gains()[k][l] * a[l] * q[l];
                assertThat(fp.stability()[k][l]).isCloseTo(a[l] * net.gains()[k][l] * net.gains()[k][l] * s2[l], offset(1e-10));
            }
            assertThat(fp.mean()[k]).isCloseTo(mu, offset(1e-10));
            assertThat(fp.variance()[k]).isCloseTo(delta, offset(1e-10));
        }
        // the Perron root of the 2x2 non-negative M in closed form
        double[][] mm = fp.stability();
        double tr = mm[0][0] + mm[1][1];
        double det = mm[0][0] * mm[1][1] - mm[0][1] * mm[1][0];
        assertThat(fp.spectralRadius()).isCloseTo(tr / 2 + Math.sqrt(tr * tr / 4 - det), offset(1e-12));
        assertThat(fp.phase()).isEqualTo(PopulationFixedPoint.Phase.FIXED_POINT);

        // towards stronger disorder the static variance of unbounded (threshold-linear) units runs away: Delta_E = 195,
        // 890, 2888 at c = 1.75, 1.80, 1.82 (rho = 0.937, 0.964, 0.975), the E mean turning negative. The static branch
        // ends there, before rho(M) reaches 1 and before the bound rho(c^2 [alpha_l g_kl^2 / 2]) = 0.288 c^2 = 1
        // (c = 1.863) that holds while both means are positive: the critical scale reported is the branch's end
        double c = theory.criticalGainScale(net);
        assertThat(c).isBetween(1.82, 1 / Math.sqrt(0.288));
        PopulationFixedPoint near = theory.solve(ei(0.98 * c));
        assertThat(near.phase()).isEqualTo(PopulationFixedPoint.Phase.FIXED_POINT);
        assertThat(near.spectralRadius()).isBetween(0.95, 1.0);
        assertThat(near.variance()[0]).isGreaterThan(300 * fp.variance()[0]);
        assertThatThrownBy(() -> theory.solve(ei(1.02 * c))).hasMessageStartingWith("no fixed point");
    }

    @Test
    void saturatingExcitatoryInhibitoryNetworkBecomesUnstableWhereRhoReachesOne() {
        // tanh E/I populations with inputs: the static branch continues through rho(M) = 1 (bounded units), so the
        // critical scale is the root of rho(M(c)) = 1
        PopulationNetwork net = new PopulationNetwork(2000, new double[] {0.8, 0.2}, new double[][] {{1.0, -3.0}, {1.0, -2.5}},
                new double[][] {{0.7, 1.4}, {0.7, 1.4}}, new double[] {0.5, 0.2},
                List.of(new TransferFunctions.Tanh(), new TransferFunctions.Tanh()));
        double c = theory.criticalGainScale(net);
        assertThat(theory.solve(net.withGainScale(c * (1 - 1e-9))).spectralRadius()).isCloseTo(1.0, offset(1e-6));
        assertThat(theory.solve(net.withGainScale(0.9 * c)).phase()).isEqualTo(PopulationFixedPoint.Phase.FIXED_POINT);
        assertThat(theory.solve(net.withGainScale(1.1 * c)).phase()).isEqualTo(PopulationFixedPoint.Phase.CHAOTIC);
    }

    /** The E/I threshold-linear network of the tests, its gains scaled by c (inhibition-dominated means). */
    static PopulationNetwork ei(double c) {
        return new PopulationNetwork(2000, new double[] {0.8, 0.2}, new double[][] {{1.0, -4.0}, {1.5, -4.5}},
                new double[][] {{0.6 * c, 1.2 * c}, {0.6 * c, 1.2 * c}}, new double[] {1.0, 0.6},
                List.of(new TransferFunctions.Relu(), new TransferFunctions.Relu()));
    }

    @Test
    void badDescriptionsNameTheParameter() {
        assertThatThrownBy(() -> new PopulationNetwork(100, new double[] {0.5, 0.4}, new double[][] {{0, 0}, {0, 0}},
                new double[][] {{1, 1}, {1, 1}}, new double[] {0, 0}, List.of(new TransferFunctions.Tanh(), new TransferFunctions.Tanh())))
                .hasMessage("fractions must sum to 1 (got 0.9)");
        assertThatThrownBy(() -> new PopulationNetwork(100, new double[] {1}, new double[][] {{0}},
                new double[][] {{-1}}, new double[] {0}, List.of(new TransferFunctions.Tanh())))
                .hasMessageStartingWith("g-matrix[1,1] must be");
        assertThatThrownBy(() -> theory.solve(one(0.5, 3.0, 1.0, new TransferFunctions.Relu())))
                .hasMessageStartingWith("no fixed point of the population means");
    }
}
