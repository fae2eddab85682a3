package org.chaoslab.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.chaoslab.model.PopulationNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.lyapunov.LyapunovAnalyzer;
import org.chaoslab.sim.lyapunov.LyapunovSettings;
import org.chaoslab.sim.lyapunov.LyapunovSpectrum;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.RateSimulation;
import org.chaoslab.sim.rate.RealizedPopulationNetwork;
import org.chaoslab.theory.populations.PopulationFixedPoint;
import org.chaoslab.theory.populations.PopulationMeanField;
import org.junit.jupiter.api.Test;

/**
 * The transition to chaos of a multi-population network, simulated on both sides of the static theory's critical gain
 * (Kadmon &amp; Sompolinsky, PRX 5:041030, 2015: the fixed point loses stability where ρ(M) = 1). The tanh E/I network
 * of docs/populations.md (bounded units: the static branch goes on through ρ(M) = 1), every g_kl scaled by c.
 *
 * <p>Finite N: the fixed point's stability is decided by the eigenvalue of largest real part of the realized Jacobian
 * −1 + J diag φ′(x*), whose bulk fills a disc of radius √ρ(M) as N → ∞. At finite N its spectral radius exceeds √ρ(M)
 * by the circular law's edge correction, √(γ_N/4N) with Gumbel fluctuations of scale 1/√(4Nγ_N), γ_N = ln(N/2π) −
 * 2 ln ln N (Rider, J. Phys. A 36:3401, 2003; 2 % and 1.2 % at N = 1000), while its largest real part lies inside the
 * disc by more, presumably because the eigenvalue density of a matrix whose columns have unequal variances (φ′ varies
 * from unit to unit) thins towards the edge, leaving few eigenvalues near the disc's rightmost point; the mean couplings
 * are not the cause, the random part alone has the same leading real part (measured at c = 0.8 c*: λ_max = −0.19, −0.17, −0.14 averaged over 4, 5, 1 seeds at
 * N = 250, 1000, 2000 against −1 + √ρ(M) = −0.1345; the leading real part checked against Hipparchus's eigenvalues of
 * the realized Jacobian at N = 250, 500 to 3e-3). So the finite network's transition lies at or above c*, within
 * O(N^(−1/2))-sized corrections; the points c = 0.8 c* and 1.25 c* are far outside them.
 */
class PopulationTransitionTest {

    private static final int N = 1000;
    private static final PopulationMeanField THEORY = new PopulationMeanField();

    /** docs/populations.md's tanh E/I network (rows: receiving population), gains scaled by c later. */
    static PopulationNetwork tanhEi(int n) {
        return new PopulationNetwork(n, new double[] {0.8, 0.2}, new double[][] {{1.0, -3.0}, {1.0, -2.5}},
                new double[][] {{0.7, 1.4}, {0.7, 1.4}}, new double[] {0.5, 0.2},
                List.of(new TransferFunctions.Tanh(), new TransferFunctions.Tanh()));
    }

    private static LyapunovSpectrum lambda(PopulationNetwork net, long seed, double transient_, double duration) {
        RealizedPopulationNetwork r = RealizedPopulationNetwork.draw(net, seed, 2);
        LyapunovSettings s = new LyapunovSettings(0.1, IntegratorKind.RK4, 1, 1.0,
                new LyapunovSettings.Warmup(transient_, 50), duration, seed, 2);
        return LyapunovAnalyzer.spectrum(r.realized(), s, ProgressListener.NONE);
    }

    @Test
    void belowTheCriticalGainTheNetworkSettlesToTheStaticFixedPointWithNegativeLambda() {
        PopulationNetwork base = tanhEi(N);
        double cStar = THEORY.criticalGainScale(base);
        PopulationNetwork net = base.withGainScale(0.8 * cStar);
        PopulationFixedPoint fp = THEORY.solve(net);
        assertThat(fp.phase()).isEqualTo(PopulationFixedPoint.Phase.FIXED_POINT);
        int r = 3;
        // relaxation rate 1 - sqrt(rho) = 0.13: a transient of 250 leaves e^-33 of the initial state
        RateSimulation run = new RateSimulation(0.1, 10, 250, IntegratorKind.RK4, 1, 300, 1.0, 2);
        PopulationComparisonResult c = PopulationComparison.run(net, new PopulationComparison.Settings(run, r, 1.0, 0),
                THEORY, ProgressListener.NONE);
        assertThat(c.observedPhase()).isEqualTo("fixed-point");
        assertThat(c.phaseAgrees()).isTrue();
        PopulationMeanField.FiniteSizeScatter scatter = PopulationMeanField.finiteSizeScatter(net, fp);
        for (int k = 0; k < 2; k++) {
            System.out.printf("c = 0.8 c* (rho %.3f), population %d: mean %.4f (theory %.4f, SE %.4f), variance %.4f "
                            + "(theory %.4f, SE %.4f), temporal variance %.2e%n", fp.spectralRadius(), k + 1,
                    c.mean()[k].simulation(), fp.mean()[k], scatter.mean()[k] / Math.sqrt(r),
                    c.varianceAcrossUnits()[k].simulation(), fp.variance()[k], scatter.variance()[k] / Math.sqrt(r),
                    c.temporalVariance()[k].simulation());
            // linear-response scatter of one realization / sqrt(R), 4 of them, plus 2 Delta_k/N for O(1/N)
            // corrections (reasoning in PopulationStaticVsSimulationTest)
            assertThat(Math.abs(c.mean()[k].simulation() - fp.mean()[k]))
                    .isLessThan(4 * scatter.mean()[k] / Math.sqrt(r) + 2 * fp.variance()[k] / N);
            assertThat(Math.abs(c.varianceAcrossUnits()[k].simulation() - fp.variance()[k]))
                    .isLessThan(4 * scatter.variance()[k] / Math.sqrt(r) + 2 * fp.variance()[k] / N);
            // settled: each unit constant to rounding
            assertThat(c.temporalVariance()[k].simulation()).isLessThan(1e-12 * fp.variance()[k]);
        }
        // the largest Lyapunov exponent of a stable fixed point is the rate of its slowest mode, -1 + the largest real
        // part of the Jacobian's coupling part J diag(phi'(x*)): negative, and below -1 + its spectral radius, which is
        // sqrt(rho(M)) (the mean modes' real parts, 0.07, lie inside) times 1 + the edge correction and 3 Gumbel scales
        // at N (class comment); the 95 % half-width on top. (Its distance below that bound is a finite-N effect: see the
        // class comment.)
        LyapunovSpectrum s = lambda(net, 300, 250, 200);
        var twoReplica = s.twoReplica().lambda();
        double gammaN = Math.log(N / (2 * Math.PI)) - 2 * Math.log(Math.log(N));
        double edge = Math.sqrt(fp.spectralRadius()) * (1 + Math.sqrt(gammaN / (4.0 * N)) + 3 / Math.sqrt(4.0 * N * gammaN));
        System.out.printf("c = 0.8 c*: lambda_max (two replicas) %.4f +- %.4f, QR %.4f; -1 + sqrt(rho) = %.4f, bound %.4f%n",
                twoReplica.value(), twoReplica.halfWidth(), s.exponents()[0], -1 + Math.sqrt(fp.spectralRadius()), -1 + edge);
        assertThat(twoReplica.value() + twoReplica.halfWidth()).isNegative();
        assertThat(twoReplica.value() - twoReplica.halfWidth()).isLessThan(-1 + edge);
    }

    @Test
    void aboveTheCriticalGainTheNetworkFluctuatesWithPositiveLambda() {
        PopulationNetwork base = tanhEi(N);
        double cStar = THEORY.criticalGainScale(base);
        PopulationNetwork net = base.withGainScale(1.25 * cStar);
        assertThat(THEORY.solve(net).phase()).isEqualTo(PopulationFixedPoint.Phase.CHAOTIC);
        RateSimulation run = new RateSimulation(0.1, 100, 100, IntegratorKind.RK4, 1, 400, 1.0, 2);
        PopulationComparisonResult c = PopulationComparison.run(net, new PopulationComparison.Settings(run, 1, 0.5, 0),
                THEORY, ProgressListener.NONE);
        assertThat(c.observedPhase()).isEqualTo("fluctuating");
        assertThat(c.phaseAgrees()).isTrue();
        for (int k = 0; k < 2; k++) {
            double temporal = c.temporalVariance()[k].simulation();
            double total = c.varianceAcrossUnits()[k].simulation();
            System.out.printf("c = 1.25 c*, population %d: temporal variance %.4f of %.4f across units%n", k + 1, temporal,
                    total);
            // chaotic: each unit fluctuates by a sizeable part of the population's spread (measured ~30 %); a fixed
            // point gives rounding (~1e-20) and a transient still decaying after t = 100 a vanishing part
            assertThat(temporal).isGreaterThan(0.05 * total);
        }
        LyapunovSpectrum s = lambda(net, 400, 100, 300);
        var twoReplica = s.twoReplica().lambda();
        System.out.printf("c = 1.25 c*: lambda_max (two replicas) %.4f +- %.4f, QR %.4f +- %.4f%n", twoReplica.value(),
                twoReplica.halfWidth(), s.exponents()[0], s.confidence()[0]);
        assertThat(twoReplica.value() - twoReplica.halfWidth()).isPositive();
        // the QR exponent and the replica's follow the same trajectory: they agree within the half-width
        assertThat(Math.abs(s.exponents()[0] - twoReplica.value())).isLessThan(twoReplica.halfWidth());
    }
}
