package org.chaoslab.theory.covariance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.theory.dmft.DmftOptions;
import org.chaoslab.theory.dmft.DmftSolution;
import org.chaoslab.theory.dmft.Phase;
import org.junit.jupiter.api.Test;

/** The two-site cavity dimension against the published values (Clark, Abbott &amp; Litwin-Kumar, PRL 2023). */
class ChaoticDimensionTest {

    @Test
    void reproducesThePublishedParticipationRatiosAtGThree() {
        long t0 = System.nanoTime();
        ChaoticDimension.Result r = ChaoticDimension.of(RateNetwork.scs(1000, 3.0, new TransferFunctions.Tanh()),
                DmftOptions.defaults());
        System.out.printf("cavity g=3 tanh: PR^x/N = %.9f (published 0.0313720), PR^phi/N = %.9f (published 0.0446510),"
                        + " Δ0 = %.7f, <phi'> = %.7f, %d frequencies, %.2f s%n", r.participationRatioPerN(),
                r.participationRatioPhiPerN(), r.varianceX(), r.meanSlope(), r.frequencies(), (System.nanoTime() - t0) * 1e-9);
        // published to 7 decimals; the measured numerical convergence (dτ, τ_max, padding) is 1e-10, the difference to the
        // published digits 2.5e-8 (x) and 5.8e-8 (φ): one unit of the last published digit (1e-7) is the tolerance
        assertThat(r.participationRatioPerN()).isCloseTo(0.0313720, Offset.offset(1e-7));
        assertThat(r.participationRatioPhiPerN()).isCloseTo(0.0446510, Offset.offset(1e-7));
        // C^x(0) is Δ0 of the DMFT (discrete Parseval) and the published Δ0 = 5.4463209 (Clark, rnn-lyapunov data)
        assertThat(r.varianceX()).isCloseTo(5.4463209, Offset.offset(1e-5));
    }

    @Test
    void linearNoiseDrivenNetworkIsTheIdentityLimit() {
        // φ = identity, g = R: the cavity formulas reduce to ψ^x = ψ^φ = ∬(M − 1)CC with the spectra of the linear
        // network with white noise D = 1, C(τ) = e^{−aτ}/(2a), a = √(1 − R²); the result must be the independent
        // closed form of EqualTimeCovariance (residues). The kink of e^{−a|τ|} at 0 makes the spectrum algebraic
        // (∝ ω⁻²): the sums then converge like dτ² (measured 1.3e-6 relative at dτ = 0.005), hence the 10⁻⁴ relative tolerance
        for (double r : new double[] {0.6}) {
            double dTau = 0.01;
            double a = Math.sqrt(1 - r * r);
            int k = (int) Math.round(30 / a / dTau) + 1;
            double[] tau = new double[k];
            double[] c = new double[k];
            for (int j = 0; j < k; j++) {
                tau[j] = j * dTau;
                c[j] = Math.exp(-a * tau[j]) / (2 * a);
            }
            DmftSolution fake = new DmftSolution(r, "linear", 0, 0, 0, Phase.CHAOTIC, c[0], 0, 0, c[0], 0, Math.log(2) / a, a,
                    r * r, 1, tau, c, c, "linear network with white noise D = 1");
            ChaoticDimension.Result res = ChaoticDimension.of(fake, new TransferFunctions.Linear(),
                    GaussianExpectation.standard());
            double expected = EqualTimeCovariance.participationRatioPerN(r);
            System.out.printf("identity limit R=%.1f: PR/N = %.8f %.8f, closed form %.8f%n", r, res.participationRatioPerN(),
                    res.participationRatioPhiPerN(), expected);
            assertThat(res.participationRatioPerN()).isCloseTo(expected, Offset.offset(1e-4 * expected));
            assertThat(res.participationRatioPhiPerN()).isCloseTo(expected, Offset.offset(1e-4 * expected));
            assertThat(res.psiX()).isCloseTo(EqualTimeCovariance.scaledVariance(r, 1.0),
                    Offset.offset(1e-3 * EqualTimeCovariance.scaledVariance(r, 1.0)));
        }
    }

    @Test
    void rejectsNonChaoticSolutions() {
        assertThatThrownBy(() -> ChaoticDimension.of(RateNetwork.scs(100, 0.5, new TransferFunctions.Tanh()),
                DmftOptions.defaults())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chaotic");
    }
}
