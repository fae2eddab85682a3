package org.chaoslab.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chaoslab.compare.Agreement.assertAgrees;

import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.RateSimulation;
import org.chaoslab.sim.record.RecordingPlan;
import org.chaoslab.theory.dmft.DmftSolver;
import org.chaoslab.theory.dmft.Phase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The SCS network, DMFT against simulations of the same model.
 *
 * <p>Error bars: each network realization r (seed 100·g + r) gives one time-averaged ⟨x²⟩; the
 * standard error SE is their scatter / √R, which holds both the quenched disorder and the finite
 * time average. With R = 6 the deviation/SE follows Student's t with 5 degrees of freedom, whose
 * 99.5% two-sided quantile is 4.03: we allow 4·SE. The finite-size allowance is 10·Δ0/N (0.5% at
 * N = 2000): the leading correction is O(1/N); at g = 2 the realization means at N = 1000 and 2000
 * (1.916 ± 0.03 and 1.939 ± 0.02 over 4 seeds, T = 300) do not resolve it, which bounds its
 * coefficient well below 10·Δ0. RK4 at dt = 0.1 keeps the discretization error (O(dt⁴) ≈ 1e-4)
 * far below both. A wrong theory fails: Δ0 changes by 30% between g = 1.5 and 2, and by 5% for a
 * 2% change of g.
 */
class ScsTheoryVsSimulationTest {

    private static final int N = 2000;
    private static final int R = 6;

    static ScsComparisonResult compare(RateNetwork net, long seed, double t, double transient_) {
        RateSimulation run = new RateSimulation(0.1, t, transient_, IntegratorKind.RK4, 4, seed, 1.0, 2);
        return ScsComparison.run(net, new ScsComparison.Settings(run, R, RecordingPlan.defaults(), 20.0),
                new DmftSolver(), ProgressListener.NONE);
    }

    @ParameterizedTest(name = "tanh, g = {0}")
    @CsvSource({"1.5", "2.0"})
    void meanSquareAndAutocorrelationMatchTheDmft(double g) {
        checkAgainstTheDmft(g);
    }

    /** Far above the transition (30 s of the default suite's time, so with -Pvalidation). */
    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.Tag("slow")
    void strongCouplingMatchesTheDmft() {
        checkAgainstTheDmft(3.0);
    }

    private static void checkAgainstTheDmft(double g) {
        RateNetwork net = RateNetwork.scs(N, g, new TransferFunctions.Tanh());
        ScsComparisonResult r = compare(net, (long) (100 * g), 100, 30);
        assertThat(r.theory().phase()).isEqualTo(Phase.CHAOTIC);
        assertThat(r.realizations()).isEqualTo(R);
        Deviation ms = r.meanSquare();
        double allowance = 10.0 * ms.theory() / N;
        assertAgrees(String.format("g=%.1f <x^2>", g), ms, 4, allowance);
        Deviation c0 = r.c0();
        assertAgrees(String.format("g=%.1f C(0)", g), c0, 4, 10.0 * c0.theory() / N);
        // Shape of Δ(τ) on [0, 20] in relative L2. noiseL2 is the expected L2 error of the realization mean,
        // estimated from the spread of the R realizations; a deviation at 3× that plus a 3% finite-size/finite-time
        // allowance (the slow tails of finite networks, visible as the excess at τ > 10) passes.
        ShapeDeviation shape = r.autocorrelationShape();
        assertAgrees(String.format("g=%.1f shape of <x x>, relative L2", g), shape.relativeL2(), shape.noiseL2(), 0, 3, 0.03);
        ShapeDeviation rates = r.rateAutocorrelationShape();
        assertAgrees(String.format("g=%.1f shape of <phi phi>, relative L2", g), rates.relativeL2(), rates.noiseL2(), 0, 3, 0.03);
    }

    @ParameterizedTest(name = "non-odd phi = tanh(x - 0.5), g = {0}")
    @CsvSource({"3.0"})
    void nonOddTransferFunctionHasTheStaticPlateau(double g) {
        RateNetwork net = RateNetwork.scs(N, g, TransferFunctions.parse("custom:tanh:1:0.5"));
        ScsComparisonResult r = compare(net, 7, 100, 30);
        assertThat(r.theory().phase()).isEqualTo(Phase.CHAOTIC);
        assertThat(r.theory().deltaInf()).isGreaterThan(0.2 * r.theory().delta0());
        Deviation ms = r.meanSquare();
        System.out.printf("custom g=%.1f: deltaInf %.4f; shape L2 %.4f (noise %.4f)%n", g, r.theory().deltaInf(),
                r.autocorrelationShape().relativeL2(), r.autocorrelationShape().noiseL2());
        // same reasoning as above: 4 SE (t with 5 dof, 99.5%) + 10·Δ0/N
        assertAgrees(String.format("custom g=%.1f <x^2>", g), ms, 4, 10.0 * ms.theory() / N);
        // the plateau: the simulated autocorrelation averaged over τ ∈ [20, 30] against Δ∞ + μ² (the DMFT tail there
        // is Δ∞ + O(e^{−20κ}) with κ ≈ 0.34, i.e. within 0.2% of Δ∞)
        double sim = 0;
        double err = 0;
        int count = 0;
        double[] acf = r.autocorrelation();
        double[] acfError = r.autocorrelationError();
        for (int k = 0; k < r.lags().length; k++) {
            if (r.lags()[k] >= 20) {
                sim += acf[k];
                err += acfError[k];
                count++;
            }
        }
        sim /= count;
        err /= count;   // errors at neighbouring lags are strongly correlated: their mean is the error of the mean
        double plateau = r.theory().deltaInf() + r.theory().mean() * r.theory().mean();
        assertAgrees("plateau <x x>(tau >= 20)", sim, err, plateau, 4, 10.0 * ms.theory() / N);
    }
}
