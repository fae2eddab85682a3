package org.chaoslab.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.chaoslab.analysis.CovarianceStatistics;
import org.chaoslab.model.ExternalInput;
import org.chaoslab.model.Noise;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.RateSimulation;
import org.chaoslab.theory.covariance.CovariancePrediction;
import org.chaoslab.theory.covariance.CovarianceTheory;
import org.chaoslab.theory.covariance.SteppedCavityCovariance;
import org.chaoslab.theory.dmft.DmftOptions;
import org.chaoslab.theory.dmft.OneStepScheme;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The O(dt) bias of the one-stage schemes for nonlinear units ({@link SteppedCavityCovariance}: the cavity on the
 * scheme's own DMFT) against simulations of the same networks at two step sizes.
 *
 * <p>Design: the same 6 realizations (seeds 900 + r: the same couplings) are run at a large and a smaller dt, and the
 * per-realization difference of each equal-time statistic is averaged (paired differences: the spread of the couplings,
 * which dominates the standard error of each level, cancels). The difference is what the scheme's theory predicts
 * (stepped(dt₁) − stepped(dt₂)); the ODE's cavity predicts 0, and so does any term that does not depend on dt — the open
 * nonlinear 1/N term (docs/correlations-nonlinear.md) cancels here up to O(dt/N). Tolerance t_{0.995, 5}·SE, SE from the
 * 6 paired differences. N = 200, T = 2000, white noise.
 */
class SteppedCavityVsSimulationTest {

    /** t_{0.995, 5}: two-sided 1% quantile of Student's t for 6 realizations. */
    private static final double T_6 = 4.032;

    @Test
    void eulerOnTanhAndExponentialEulerOnASigmoidShiftAsTheSchemesTheoryPredicts() {
        // measured (2026-12-06, these seeds): dt 0.2 − 0.1, tanh Euler ā +0.1237 ± 0.0015 against +0.1247 predicted
        // (83 SE from the ODE's 0), Var c_ij −0.00429 ± 0.00068 against −0.00469, PR/N +0.0357 ± 0.0031 against +0.0378;
        // sigmoid exponential Euler PR/N +0.0108 ± 0.0010 against +0.0099 (10.6 SE from 0), Var −2.56e-5 ± 0.30e-5
        // against −2.25e-5, ā −0.0007 ± 0.0006 against +0.0006 (z −2.0; the bias of ā is second order for this scheme)
        Shift tanh = Shift.measure(new TransferFunctions.Tanh(), 2.0, 2.0, IntegratorKind.EULER, 0.2, 0.1, 2000);
        tanh.assertFollowsTheScheme(0, 1, 2);
        // the ODE's cavity (no dt dependence) is off by far more: ā and PR/N
        tanh.assertNotZero(0, 2);
        Shift sigmoid = Shift.measure(TransferFunctions.parse("sigmoid"), 3.0, 1.0, IntegratorKind.EXPONENTIAL_EULER, 0.2, 0.1,
                2000);
        sigmoid.assertFollowsTheScheme(0, 1, 2);
        sigmoid.assertNotZero(2);
    }

    @Test
    @Tag("slow")
    void bothSchemesOnBothTransferFunctionsDownToDtFiveHundredths() {
        for (Object[] p : new Object[][] {{new TransferFunctions.Tanh(), 2.0, 2.0}, {TransferFunctions.parse("sigmoid"), 3.0, 1.0}}) {
            for (IntegratorKind kind : new IntegratorKind[] {IntegratorKind.EXPONENTIAL_EULER, IntegratorKind.EULER}) {
                Shift.measure((TransferFunction) p[0], (double) p[1], (double) p[2], kind, 0.2, 0.05, 2000)
                        .assertFollowsTheScheme(0, 1, 2);
            }
        }
    }

    private static final String[] NAMES = {"ET meanAutoCov", "ET varCrossCov", "ET PR/N"};

    /**
     * The paired differences (large dt − small dt) of ā, Var c_ij and PR/N with their standard errors, and the scheme
     * theory's difference.
     */
    private record Shift(String what, double[] mean, double[] se, double[] theory) {

        static Shift measure(TransferFunction phi, double g, double sigma, IntegratorKind kind, double dtLarge, double dtSmall,
                             double duration) {
            RateNetwork net = RateNetwork.scs(200, g, phi).withInput(ExternalInput.NONE.withNoise(new Noise.White(sigma)));
            CovarianceTheory ode = CovarianceTheory.of(net, CovarianceTheory.Mapping.CAVITY);
            double[] dts = {dtLarge, dtSmall};
            double[][] th = new double[2][];
            @SuppressWarnings("unchecked")
            List<CovarianceStatistics>[] per = new List[2];
            for (int k = 0; k < 2; k++) {
                RateSimulation run = RateSimulation.of(dts[k], duration, 40, 900).withIntegrator(kind).withThreads(1);
                per[k] = CorrelationComparison.run(net, ode, new CorrelationComparison.Settings(run, 6, 50.0),
                        ProgressListener.NONE).equalTimePerRealization();
                OneStepScheme s = kind == IntegratorKind.EULER ? OneStepScheme.euler(dts[k])
                        : OneStepScheme.exponentialEuler(dts[k]);
                CovariancePrediction st = SteppedCavityCovariance.of(net, s, DmftOptions.defaults()).equalTime();
                th[k] = new double[] {st.meanAutoCov(), st.varCrossCov(), st.participationRatioPerN()};
            }
            int r = per[0].size();
            assertThat(per[1]).hasSize(r);
            double[] mean = new double[3];
            double[] sq = new double[3];
            for (int i = 0; i < r; i++) {
                CovarianceStatistics a = per[0].get(i);
                CovarianceStatistics b = per[1].get(i);
                double[] d = {a.meanAutoCov() - b.meanAutoCov(), a.varCrossCov() - b.varCrossCov(),
                        a.participationRatioPerN() - b.participationRatioPerN()};
                for (int q = 0; q < 3; q++) {
                    mean[q] += d[q] / r;
                    sq[q] += d[q] * d[q];
                }
            }
            double[] se = new double[3];
            double[] theory = new double[3];
            for (int q = 0; q < 3; q++) {
                se[q] = Math.sqrt(Math.max(0.0, sq[q] - r * mean[q] * mean[q]) / (r - 1) / r);
                theory[q] = th[0][q] - th[1][q];
            }
            String what = String.format("%s g=%.1f white:%.1f %s dt %.2f - %.2f", phi.name(), g, sigma, kind.label(), dtLarge,
                    dtSmall);
            for (int q = 0; q < 3; q++) {
                System.out.printf("%s %s: %.5g +- %.3g, the scheme's theory %.5g (z %.2f), the ODE's 0 (z %.1f)%n", what,
                        NAMES[q], mean[q], se[q], theory[q], (mean[q] - theory[q]) / se[q], mean[q] / se[q]);
            }
            return new Shift(what, mean, se, theory);
        }

        void assertFollowsTheScheme(int... stats) {
            for (int q : stats) {
                Agreement.assertAgrees(what + " " + NAMES[q] + " shift vs the scheme's cavity", mean[q], se[q], theory[q], T_6,
                        0.0);
            }
        }

        void assertNotZero(int... stats) {
            for (int q : stats) {
                Agreement.assertDeviates(what + " " + NAMES[q] + " shift vs the ODE's cavity (none)", mean[q], se[q], 0.0, T_6,
                        0.0);
            }
        }
    }
}
