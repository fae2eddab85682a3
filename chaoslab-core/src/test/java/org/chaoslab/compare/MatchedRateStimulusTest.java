package org.chaoslab.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chaoslab.compare.Agreement.assertAgrees;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.chaoslab.analysis.Estimate;
import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.model.Precision;
import org.chaoslab.model.ResponseProtocol;
import org.chaoslab.model.Stimuli;
import org.chaoslab.model.StimulusNetwork;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.theory.glauber.GlauberAutocorrelation;
import org.chaoslab.theory.glauber.MatchedRate;
import org.chaoslab.theory.kernel.BinaryKernelTheory;
import org.hipparchus.distribution.continuous.TDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Glauber network driven by circle stimuli and its matched rate network ({@link MatchedRate}: output noise a from
 * the dynamic mean field with the quenched stimulus input), simulated by the kernel simulator against the theory and
 * against each other: g = 1, b = 0, J0 = 0, s = 1, σ = 0 and 0.5, N = 1000 (J in float32), P = 16 stimuli × 2 trials,
 * stationary protocol (12 τ transient, 4 samples 3 τ apart), 4 realizations (seeds 7–10; a realization's Glauber and
 * matched networks share J and the stimulus vectors), matched step dt = 0.1 τ (exponential Euler, noise exact).
 *
 * <p>Asserted, per network: the mean response (1/N)Σ r equals m; the same-trial second moment K(0) = (1/N)Σ r², averaged
 * over time samples, stimuli and trials, equals m (for 0/1 units trivially; for the matched network this is the matching
 * condition: E y² = C_x(0) + a = m, i.e. the unit-and-time variance of y is m(1 − m)); the cross-trial kernel of two
 * independent trials at the same stimulus, K(0⁺), equals q = C_n(∞). Tolerance, as {@link KernelComparison}:
 * t·SE + 4 m/N, SE the scatter over realizations / √R (the quenched disorder moves each realization's m by O(1/√N)),
 * t the Student quantile (R − 1 dof) at 1% two-sided, Bonferroni over the 3 quantities, and 4 m/N the finite-size
 * allowance of the N → ∞ theory. Besides, the paired differences matched − binary of K(0) and K(0⁺) (same J, same
 * stimuli: the quenched offsets cancel) must agree within the same kind of bound, and for σ = 0 the whole cross-trial
 * kernel K(Δ) of the matched network must follow the binary two-replica theory ({@link BinaryKernelTheory}, all
 * {@link KernelComparison} verdicts). The output noise must be larger than the K(0) tolerance (else the K(0) check
 * could not tell a matched from an unmatched network, for which K(0) = m − a).
 *
 * <p>Measured (this machine): see docs/kernels.md, "Matched rate network with a stimulus".
 */
class MatchedRateStimulusTest {

    private static final int N = 1000;
    private static final int REALIZATIONS = 4;
    private static final double S = 1.0;
    private static final double DT = 0.1;

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.5})
    void glauberAndMatchedRateNetworksShareRateSecondMomentAndKernelAtTheStimulus(double sigma) {
        long t0 = System.nanoTime();
        StimulusNetwork glauber = StimulusNetwork.glauber(N, 1.0, 0.0, sigma, 1.0).withPrecision(Precision.FLOAT32);
        // lag step 0.02 τ to 15 τ: a within 1e-4 of the default grid's, far below the tolerances here
        GlauberAutocorrelation theory = MatchedRate.theory(glauber, S, 0.02, 15, GaussianExpectation.standard());
        StimulusNetwork matched = MatchedRate.of(glauber, theory, DT);
        double m = theory.state().m();
        double q = theory.state().q();
        double a = theory.outputNoiseVariance();
        Stimuli.Circle stimuli = Stimuli.Circle.equallySpaced(16, S);
        KernelComparison.Settings settings = new KernelComparison.Settings(REALIZATIONS, 7, ResponseProtocol.stationary(2, 12, 4, 3),
                new int[] {1, 2}, 2);
        long t1 = System.nanoTime();
        double[] wall = new double[2];
        List<KernelComparison.RealizationKernels> binary = new ArrayList<>();
        List<KernelComparison.RealizationKernels> rate = new ArrayList<>();
        for (int r = 0; r < REALIZATIONS; r++) {
            long a0 = System.nanoTime();
            binary.add(KernelComparison.simulate(glauber, stimuli, settings, settings.seed() + r, null, ProgressListener.NONE)
                    .orElseThrow());
            long a1 = System.nanoTime();
            rate.add(KernelComparison.simulate(matched, stimuli, settings, settings.seed() + r, null, ProgressListener.NONE)
                    .orElseThrow());
            wall[0] += (a1 - a0) * 1e-9;
            wall[1] += (System.nanoTime() - a1) * 1e-9;
        }
        double t = new TDistribution(REALIZATIONS - 1).inverseCumulativeProbability(1 - 0.01 / (2 * 3));
        double allowance = 4 * m / N;
        System.out.printf("wall: theory %.1f s, glauber %.1f s, matched %.1f s%n", (t1 - t0) * 1e-9, wall[0], wall[1]);
        System.out.printf("sigma=%.1f s=%.1f: theory m %.5f q %.5f a %.5f (m(1-m) = %.5f); tolerance %.2f SE + %.4f%n", sigma, S, m, q, a,
                m * (1 - m), t, allowance);

        ToDoubleFunction<KernelComparison.RealizationKernels> mean = k -> k.means()[0];
        ToDoubleFunction<KernelComparison.RealizationKernels> same = k -> k.kernels().getFirst().sameTrial()[0];
        ToDoubleFunction<KernelComparison.RealizationKernels> cross = k -> k.kernels().getFirst().crossTrial()[0];
        for (List<KernelComparison.RealizationKernels> runs : List.of(binary, rate)) {
            String name = runs == binary ? "glauber" : "matched";
            Estimate em = estimate(runs, mean);
            Estimate e0 = estimate(runs, same);
            Estimate ep = estimate(runs, cross);
            System.out.printf("  %s: K(0) %.5f +- %.5f%n", name, e0.value(), e0.standardError());
            assertAgrees("  " + name + " mean response m", em, m, t, allowance);
            assertAgrees("  " + name + " K(0+) vs q", ep, q, t, allowance);
        }
        // the matching condition, within each realization: K(0) − m_r = (1/N)Σ y² − (1/N)Σ y, i.e. the unit-and-time variance
        // K(0) − m_r² of y minus the binary m_r(1 − m_r); 0 when matched, −a for a network without output noise. The quenched
        // shift of m_r (scatter ~0.01 between realizations at N = 1000) cancels in this difference.
        Estimate matching = estimate(rate, k -> same.applyAsDouble(k) - mean.applyAsDouble(k));
        double matchingTolerance = t * matching.standardError() + allowance;
        System.out.printf("  unmatched: K(0) - m_r = -a = %.5f%n", -a);
        assertAgrees("  matched K(0) - m_r = Var y - m_r(1 - m_r)", matching, 0, t, allowance);
        assertThat(a).as("output noise vs the matching tolerance").isGreaterThan(2 * matchingTolerance);
        // paired: matched − binary on the same J and stimuli (the quenched offsets cancel)
        for (ToDoubleFunction<KernelComparison.RealizationKernels> f : List.of(mean, cross)) {
            double[] d = new double[REALIZATIONS];
            for (int r = 0; r < REALIZATIONS; r++) {
                d[r] = f.applyAsDouble(rate.get(r)) - f.applyAsDouble(binary.get(r));
            }
            Estimate e = Estimate.mean(d);
            assertAgrees("  paired matched - glauber " + (f == mean ? "m" : "K(0+)"), e, 0, t, allowance);
        }
        if (sigma == 0) {
            KernelComparisonResult curve = KernelComparison.compare(matched, stimuli, settings, BinaryKernelTheory.of(1.0, S, 0.0),
                    Realizations.Recordings.of(rate), 0);
            curve.verdicts().forEach(v -> System.out.println("  matched vs binary theory: " + v.line()));
            assertThat(curve.verdicts()).allMatch(Verdict::agrees);
        }
    }

    private static Estimate estimate(List<KernelComparison.RealizationKernels> runs, ToDoubleFunction<KernelComparison.RealizationKernels> f) {
        return Estimate.mean(runs.stream().mapToDouble(f).toArray());
    }
}
