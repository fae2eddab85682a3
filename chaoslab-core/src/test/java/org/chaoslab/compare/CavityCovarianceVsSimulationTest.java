package org.chaoslab.compare;

import org.chaoslab.model.ExternalInput;
import org.chaoslab.model.Noise;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.RateSimulation;
import org.chaoslab.theory.covariance.CavityCovariance;
import org.chaoslab.theory.covariance.CovariancePrediction;
import org.chaoslab.theory.covariance.CovarianceTheory;
import org.chaoslab.theory.covariance.LinearCovariance;
import org.chaoslab.theory.dmft.DmftOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The cavity theory of the covariance statistics of noise-driven tanh networks ({@link CavityCovariance}) against
 * simulations of the same networks, at a strongly nonlinear point where the effective-gain mapping (the linear network of
 * radius g⟨φ′⟩) is measurably off: tanh, g = 2, white noise σ = 2 (R = g⟨φ′⟩ = 0.780; the nonlinear residual carries
 * Ĉ^ε(0) = 0.082). Exponential Euler, dt = 0.05, realization r has seed 500 + N + r.
 */
class CavityCovarianceVsSimulationTest {

    /** t_{0.995, 5}: two-sided 1% quantile of Student's t for 6 realizations. */
    private static final double T_6 = 4.032;

    @Test
    void equalTimeStatisticsFollowTheCavityNotTheEffectiveGain() {
        Outcome o = simulate(2.0, 2.0, 200, 2000, 6);
        // ā: allowance 2% for finite N and dt (measured: 3.3901 ± 0.012 at N = 200, 3.3945 ± 0.0068 at N = 400, i.e. a
        // 1/N coefficient |c| < 12 at 2σ, < 0.06 = 1.8% of ā at N = 200; the dt = 0.05 bias of the linear network's ā is
        // below 0.5% (docs/covariance-dimension.md))
        o.assertAgrees("ET mean auto-covariance", o.sim.equalTimeMeanAutoCov(), o.cavity.equalTime().meanAutoCov(), 0.02);
        // N Var and PR/N: allowance 5% (exponential Euler at dt = 0.05 biases the equal-time Var of the linear network by
        // 4% at R = 0.3 … 0.6, docs/covariance-dimension.md), finite N within the statistical error at N = 200 vs 400
        o.assertAgrees("ET var cross-cov", o.sim.equalTimeVarCrossCov(), o.cavity.equalTime().varCrossCov(), 0.05);
        o.assertAgrees("ET PR/N", o.sim.equalTimeParticipationRatioPerN(), o.cavity.equalTime().participationRatioPerN(), 0.05);
        // the effective-gain mapping's equal-time ā (σ²/(2√(1 − R²))) fails the same tolerance (6% low)
        double effective = o.effective.meanAutoCov();
        Deviation d = o.sim.equalTimeMeanAutoCov();
        Agreement.assertDeviates("effective-gain ET mean auto-covariance", d.simulation(), d.standardError(), effective, T_6,
                0.02 * effective);
    }

    @Test
    @Tag("slow")
    void largerNetworksAndAStrongerNonlinearity() {
        for (double[] p : new double[][] {{2.0, 2.0}, {3.0, 3.0}}) {
            Outcome o = simulate(p[0], p[1], 400, 4000, 6);
            o.assertAgrees("ET mean auto-covariance", o.sim.equalTimeMeanAutoCov(), o.cavity.equalTime().meanAutoCov(), 0.02);
            o.assertAgrees("ET var cross-cov", o.sim.equalTimeVarCrossCov(), o.cavity.equalTime().varCrossCov(), 0.05);
            o.assertAgrees("ET PR/N", o.sim.equalTimeParticipationRatioPerN(), o.cavity.equalTime().participationRatioPerN(), 0.05);
            o.assertAgrees("ZF PR/N", o.sim.participationRatioPerN(), o.cavity.zeroFrequency().participationRatioPerN(), 0.1);
        }
    }

    @Test
    @Tag("slow")
    void aNonOddTransferFunctionWithItsStaticPart() {
        // sigmoid, g = 3, white σ = 1: x_i = z_i + δx_i with a frozen offset z_i ~ N(0, c∞) per unit, so each unit has its
        // own gain and rate spectrum (the offset average of CavityCovariance); N = 200, T = 2000, dt = 0.02, seeds
        // 21 + r. Measured (2026-12-06): ET ā 0.57958 ± 0.0013 vs 0.58136 (z −1.39), the effective gain 0.56713; ET Var
        // z −0.66 vs 10.65 for the effective gain; ET PR/N z 0.21. Allowances as above (dt = 0.02: the dt bias of the equal-time
        // variance is 2.5 times smaller than at 0.05)
        RateNetwork net = RateNetwork.scs(200, 3.0, TransferFunctions.parse("sigmoid"))
                .withInput(ExternalInput.NONE.withNoise(new Noise.White(1.0)));
        CovarianceTheory cavity = CovarianceTheory.of(net, CovarianceTheory.Mapping.CAVITY);
        CovarianceTheory effective = CovarianceTheory.of(net, CovarianceTheory.Mapping.EFFECTIVE_GAIN);
        RateSimulation run = RateSimulation.of(0.02, 2000, 40, 21).withIntegrator(IntegratorKind.EXPONENTIAL_EULER)
                .withThreads(1);
        CorrelationComparisonResult res = CorrelationComparison.run(net, CovarianceTheory.Mapping.CAVITY,
                new CorrelationComparison.Settings(run, 6, 50.0), ProgressListener.NONE);
        // the comparison's theory is the cavity (its Deviations carry it)
        Agreement.assertAgrees("sigmoid g=3 ET mean auto-covariance vs cavity", res.equalTimeMeanAutoCov(), T_6,
                0.02 * cavity.equalTime().meanAutoCov());
        Agreement.assertAgrees("sigmoid g=3 ET var cross-cov vs cavity", res.equalTimeVarCrossCov(), T_6,
                0.05 * cavity.equalTime().varCrossCov());
        Agreement.assertAgrees("sigmoid g=3 ET PR/N vs cavity", res.equalTimeParticipationRatioPerN(), T_6,
                0.05 * cavity.equalTime().participationRatioPerN());
        Deviation d = res.equalTimeVarCrossCov();
        Agreement.assertDeviates("sigmoid g=3 effective-gain ET var cross-cov", d.simulation(), d.standardError(),
                effective.equalTime().varCrossCov(), T_6, 0.05 * effective.equalTime().varCrossCov());
    }

    private record Outcome(RateNetwork network, CorrelationComparisonResult sim, CavityCovariance.Result cavity,
                           CovariancePrediction effective) {

        void assertAgrees(String what, Deviation d, double theory, double allowance) {
            Agreement.assertAgrees(String.format("tanh g=%.1f %s N=%d %s vs cavity", network.gain(), network.input().noise().label(),
                    network.size(), what), d.simulation(), d.standardError(), theory, T_6, allowance * Math.abs(theory));
        }
    }

    private static Outcome simulate(double g, double sigma, int n, double duration, int realizations) {
        RateNetwork net = RateNetwork.scs(n, g, new TransferFunctions.Tanh())
                .withInput(ExternalInput.NONE.withNoise(new Noise.White(sigma)));
        CavityCovariance.Result cavity = CavityCovariance.of(net, DmftOptions.defaults().withDTau(0.01));
        RateSimulation run = RateSimulation.of(0.05, duration, 40, 500 + n).withIntegrator(IntegratorKind.EXPONENTIAL_EULER)
                .withThreads(1);
        CorrelationComparisonResult res = CorrelationComparison.run(net,
                new CorrelationComparison.Settings(run, realizations, 50.0), ProgressListener.NONE);
        CovariancePrediction effective = LinearCovariance.equalTime(cavity.spectralRadius(), sigma * sigma, n);
        System.out.printf("tanh g=%.1f %s N=%d: R = g<phi'> = %.4f, nonlinear power %.4f; effective gain: ET a %.5g, "
                        + "N Var %.5g, PR/N %.5g%n", g, net.input().noise().label(), n, cavity.spectralRadius(),
                cavity.nonlinearPower(), effective.meanAutoCov(), n * effective.varCrossCov(), effective.participationRatioPerN());
        return new Outcome(net, res, cavity, effective);
    }
}
