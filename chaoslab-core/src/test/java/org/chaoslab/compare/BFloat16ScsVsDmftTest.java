package org.chaoslab.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chaoslab.compare.Agreement.assertAgrees;

import org.chaoslab.analysis.RunningStatistics;
import org.chaoslab.model.Precision;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.RateSimulation;
import org.chaoslab.sim.record.RecordingPlan;
import org.chaoslab.theory.dmft.DmftSolver;
import org.chaoslab.theory.dmft.Phase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * bfloat16 storage of J against the SCS DMFT (g = 2, tanh, N = 2000), and against float64 and float32 storage of the
 * same networks.
 *
 * <p>What bfloat16 changes. Each coupling is rounded to 8 significant bits: J'_ij = J_ij(1 + δ_ij), |δ| ≤ 2⁻⁸,
 * nearest-even, so E δ ≈ 0 and E δ² ≈ 2⁻¹⁶/3 ≈ 5·10⁻⁶ (δ roughly uniform on ±half an ulp, relative to a value spread
 * over the binade). The ensemble's variance g²/N becomes g²(1 + E δ²)/N: an effective gain larger by ≈ 2.5·10⁻⁶ of g,
 * which moves Δ0 by ≈ 10⁻⁵ relative (Δ0 changes 5 % for 2 % of g) — three orders below the statistical error of these
 * runs. The error matrix J'−J is a random matrix of relative size 2·10⁻³: it decorrelates trajectories (chaos
 * amplifies any perturbation), not the statistics. The product's float32 accumulation adds ≲ 10⁻⁶ relative per step,
 * below the float32 storage's own effect. So the DMFT tolerances of {@link ScsTheoryVsSimulationTest} apply unchanged:
 * R = 6 realizations, SE = scatter/√R, 4 SE (Student t, 5 dof, 99.5 %) plus the finite-size allowance 10·Δ0/N;
 * shapes within 3 × their noise plus 3 %.
 */
class BFloat16ScsVsDmftTest {

    private static final int N = 2000;
    private static final int R = 6;
    private static final double G = 2.0;

    private static ScsComparisonResult compare(RateNetwork net, long seed) {
        RateSimulation run = new RateSimulation(0.1, 100, 30, IntegratorKind.RK4, 4, seed, 1.0, 2);
        return ScsComparison.run(net, new ScsComparison.Settings(run, R, RecordingPlan.defaults(), 20.0), new DmftSolver(),
                ProgressListener.NONE);
    }

    private static RateNetwork network(Precision p) {
        RateNetwork net = RateNetwork.scs(N, G, new TransferFunctions.Tanh());
        return net.withCouplings(net.couplings().withPrecision(p));
    }

    @Test
    void bfloat16NetworksMatchTheDmft() {
        ScsComparisonResult r = compare(network(Precision.BFLOAT16), 400);
        assertThat(r.theory().phase()).isEqualTo(Phase.CHAOTIC);
        assertThat(r.realizations()).isEqualTo(R);
        double delta0 = r.theory().delta0();
        assertAgrees("bf16 <x^2> vs DMFT", r.meanSquare(), 4, 10 * delta0 / N);
        assertAgrees("bf16 C(0) vs DMFT", r.c0(), 4, 10 * r.c0().theory() / N);
        ShapeDeviation shape = r.autocorrelationShape();
        assertAgrees("bf16 shape of <x x>, relative L2", shape.relativeL2(), shape.noiseL2(), 0, 3, 0.03);
        ShapeDeviation rates = r.rateAutocorrelationShape();
        assertAgrees("bf16 shape of <phi phi>, relative L2", rates.relativeL2(), rates.noiseL2(), 0, 3, 0.03);
        System.out.printf("bf16 N=%d: <x^2> %.4f +- %.4f (DMFT %.4f), C(0) %.4f +- %.4f (DMFT %.4f), shape %.3f (noise %.3f)%n",
                N, r.meanSquare().simulation(), r.meanSquare().standardError(), r.meanSquare().theory(),
                r.c0().simulation(), r.c0().standardError(), r.c0().theory(), shape.relativeL2(), shape.noiseL2());
    }

    /**
     * The same R seeds in float64, float32 and bfloat16: realization r is the same network up to the rounding of each
     * coupling, so the quenched part of its ⟨x²⟩ is shared and the paired difference d_r = ⟨x²⟩_bf16 − ⟨x²⟩_f64 holds
     * only the time-average noise of two decorrelated trajectories. Its mean over r against 0, with SE = scatter(d)/√R,
     * 4 SE (t, 5 dof) and no allowance (the expected shift, ~10⁻⁵ relative, is far below): a test of "bfloat16 changes
     * the statistics by less than the noise", sharper than the comparison with the DMFT.
     */
    @Test
    @Tag("slow")
    void bfloat16AndFloat32StatisticsAreTheFloat64OnesOfTheSameNetworks() {
        ScsComparisonResult f64 = compare(network(Precision.FLOAT64), 400);
        ScsComparisonResult f32 = compare(network(Precision.FLOAT32), 400);
        ScsComparisonResult bf16 = compare(network(Precision.BFLOAT16), 400);
        for (var pair : new Object[][] {{"f32", f32}, {"bf16", bf16}}) {
            ScsComparisonResult other = (ScsComparisonResult) pair[1];
            double[] d = new double[R];
            double[] dc = new double[R];
            for (int k = 0; k < R; k++) {
                d[k] = other.meanSquarePerRealization()[k] - f64.meanSquarePerRealization()[k];
                dc[k] = other.c0PerRealization()[k] - f64.c0PerRealization()[k];
            }
            RunningStatistics s = RunningStatistics.of(d);
            RunningStatistics sc = RunningStatistics.of(dc);
            System.out.printf("%s - f64, paired over %d networks: <x^2> %+.4f +- %.4f, C(0) %+.5f +- %.5f%n", pair[0], R,
                    s.mean(), s.standardError(), sc.mean(), sc.standardError());
            assertAgrees(pair[0] + " - f64 <x^2>, paired", s.mean(), s.standardError(), 0.0, 4, 0.0);
            assertAgrees(pair[0] + " - f64 C(0), paired", sc.mean(), sc.standardError(), 0.0, 4, 0.0);
        }
    }
}
