package org.chaoslab.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chaoslab.compare.Agreement.assertAgrees;

import org.chaoslab.analysis.kernel.ResponseKernels;
import org.chaoslab.analysis.kernel.Responses;
import org.chaoslab.analysis.kernel.TrialKernels;
import org.chaoslab.model.ResponseProtocol;
import org.chaoslab.model.Stimuli;
import org.chaoslab.model.StimulusNetwork;
import org.chaoslab.random.StreamSeeds;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.kernel.KernelSimulator;
import org.chaoslab.sim.kernel.ResponseSnapshot;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Chaotic regularization: a linear readout of a chaotic binary network (synchronous map, g = 1, s = 1, b = 0; nugget
 * ν ≈ 0.034), trained on one trial and tested on another, against kernel-regression theory with the nugget as its
 * ridge and no explicit ridge at all (target cos θ + sin 3θ on P stimuli).
 */
class LearningCurveComparisonTest {

    private static LearningCurveComparison.Result run(int n, int stimuli, int[] sizes, long seed) {
        StimulusNetwork net = StimulusNetwork.binarySync(n, 1.0, 0.0);
        var responses = KernelSimulator.run(net, Stimuli.Circle.equallySpaced(stimuli, 1.0), ResponseProtocol.stationary(2, 30, 1, 1),
                seed, 2, ProgressListener.NONE);
        ResponseSnapshot s = responses.snapshot(0);
        TrialKernels k = ResponseKernels.of(Responses.of(s.stimuli(), s.trials(), s.units(), s.data()));
        LearningCurveComparison.Result r = LearningCurveComparison.run(k, LearningCurveComparison.target("cos:1+sin:3", stimuli), sizes,
                0.0, 30, StreamSeeds.of(seed).child("readout"));
        for (LearningCurveComparison.Point p : r.points()) {
            System.out.printf("N=%d P=%d: E_g %.5g +- %.2g, theory (ridge = nugget %.4f) %.5g, excess %+.1f%%%n", n, p.trainSize(),
                    p.measured().value(), p.measured().standardError(), r.nugget(), p.theory(),
                    100 * (p.measured().value() / p.theory() - 1));
        }
        return r;
    }

    /**
     * N = 2000, 256 stimuli, P = 32 and 64 training stimuli, 30 draws: |measured − theory| ≤ 3 SE + 0.3·theory. The 0.3
     * bounds the finite-N excess (docs/kernels.md, LearningCurveComparison: +18% measured at N = 2000, P = 64, falling as
     * 1/N — the slow test below checks the scaling). The nugget, not an explicit ridge, keeps the readout from
     * interpolating.
     */
    @Test
    void readoutOfAChaoticNetworkLearnsAsIfRegularizedByItsNugget() {
        LearningCurveComparison.Result r = run(2000, 256, new int[] {32, 64}, 5);
        assertThat(r.nugget()).isBetween(0.025, 0.045);
        for (LearningCurveComparison.Point p : r.points()) {
            assertAgrees("learning curve P = " + p.trainSize(), p.measured(), p.theory(), 3, 0.3 * p.theory());
        }
    }

    /**
     * The finite-N excess of the measured error over the N → ∞ theory at P = 128 of 512 stimuli falls as 1/N: from
     * N = 1000 to 4000 it must shrink by more than 3 (1/N: 4; measured 7.6 in the session that set this test up, the
     * remainder being the sampling error of the excess at N = 4000).
     */
    @Test
    @Tag("slow")
    void finiteSizeExcessFallsAsOneOverN() {
        double e1000 = excess(run(1000, 512, new int[] {128}, 7));
        double e4000 = excess(run(4000, 512, new int[] {128}, 7));
        assertThat(e1000).isPositive();
        assertThat(e1000 / e4000).isGreaterThan(3.0);
    }

    private static double excess(LearningCurveComparison.Result r) {
        LearningCurveComparison.Point p = r.points().getFirst();
        return p.measured().value() - p.theory();
    }
}
