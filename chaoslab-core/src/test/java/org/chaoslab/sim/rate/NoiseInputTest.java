package org.chaoslab.sim.rate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chaoslab.compare.Agreement.assertAgrees;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;

import org.chaoslab.analysis.RunningStatistics;
import org.chaoslab.model.ExternalInput;
import org.chaoslab.model.Noise;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.Recorder;
import org.junit.jupiter.api.Test;

class NoiseInputTest {

    /** Time average of x_i² per unit (replica 0). */
    static final class UnitSquares implements Recorder {
        final double[] sum;
        long count;

        UnitSquares(int n) {
            sum = new double[n];
        }

        @Override
        public void record(long step, double time, double[] state) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += state[i] * state[i];
            }
            count++;
        }

        RunningStatistics overUnits() {
            RunningStatistics s = new RunningStatistics();
            for (double v : sum) {
                s.add(v / count);
            }
            return s;
        }
    }

    private static RateNetwork decoupled(int n, Noise noise) {
        return RateNetwork.scs(n, 0.0, new TransferFunctions.Linear()).withInput(ExternalInput.NONE.withNoise(noise));
    }

    private static RunningStatistics meanSquares(RateNetwork net, RateSimulation s) {
        UnitSquares rec = new UnitSquares(net.size());
        RateRun run = RateSimulator.run(net, s, List.of(rec), ProgressListener.NONE);
        assertThat(run.completed()).isTrue();
        return rec.overUnits();
    }

    @Test
    void whiteNoiseGivesTheOrnsteinUhlenbeckVariance() {
        // g = 0: every unit is an OU process dx = −x dt + σ dW with stationary variance σ²/2 (exact for exp-Euler;
        // Euler–Maruyama gives σ²δ/(1 − (1 − δ)²) = σ²/(2 − δ))
        double sigma = 1.3;
        RateNetwork net = decoupled(400, new Noise.White(sigma));
        RateSimulation base = RateSimulation.of(0.05, 200, 10, 5).withThreads(1);
        RunningStatistics exp = meanSquares(net, base.withIntegrator(IntegratorKind.EXPONENTIAL_EULER));
        // units are independent: the standard error over units is the error bar; 4 SE
        assertAgrees("white noise, exponential Euler: <x^2>", exp.estimate(), sigma * sigma / 2, 4, 0);
        RunningStatistics euler = meanSquares(net, base);
        assertAgrees("white noise, Euler-Maruyama: <x^2>", euler.estimate(), sigma * sigma / (2 - 0.05), 4, 0);
        // the √dt scaling: halving dt leaves the exp-Euler variance unchanged within the same error bars
        RunningStatistics fine = meanSquares(net, base.withIntegrator(IntegratorKind.EXPONENTIAL_EULER)
                .withDt(0.025));
        assertAgrees("white noise, exponential Euler, dt/2: <x^2>", fine.estimate(), sigma * sigma / 2, 4, 0);
    }

    @Test
    void ouNoiseGivesTheFilteredVariance() {
        // g = 0, τ_n η′ = −η + σξ drives x′ = −x + η: Var x = σ²/(2(1 + τ_n)) (Schuecker, Goedeke & Helias,
        // PRX 8:041029 (2018): c_noise(0) = σ²/(2(1 − τ_n²))(1 − τ_n)); η held over a step: O(δ) bias, δ = 0.01
        double sigma = 1.0;
        double tauN = 0.5;
        RateNetwork net = decoupled(400, new Noise.OrnsteinUhlenbeck(sigma, tauN));
        RunningStatistics s = meanSquares(net, RateSimulation.of(0.01, 150, 10, 6).withThreads(1));
        double expected = sigma * sigma / (2 * (1 + tauN));
        assertAgrees("OU noise: <x^2>", s.estimate(), expected, 4, 0.01 * expected);
    }

    @Test
    void quenchedNoiseIsAFrozenInputPerTrial() {
        // g = 0: x_i → ξ_i exactly (a constant input), ξ_i ~ N(0, σ²): mean over units of x_i² is σ² ± σ²√(2/N)
        double sigma = 0.7;
        int n = 2000;
        RateNetwork net = decoupled(n, new Noise.Quenched(sigma));
        RateSimulation s = RateSimulation.of(0.1, 60, 0, 8).withIntegrator(IntegratorKind.EXPONENTIAL_EULER);
        double[] x = RateSimulator.run(net, s, List.of(), ProgressListener.NONE).finalState();
        double[] input = RealizedRateNetwork.draw(net, 8, 1).input();
        for (int i = 0; i < n; i++) {
            assertThat(x[i]).isCloseTo(input[i], offset(1e-12 + 1e-20));
        }
        RunningStatistics sq = RunningStatistics.of(java.util.Arrays.stream(input).map(v -> v * v).toArray());
        assertThat(sq.mean()).isCloseTo(sigma * sigma, offset(4 * sigma * sigma * Math.sqrt(2.0 / n)));
        // another trial (seed) draws another frozen input; the same seed the same one
        assertThat(RealizedRateNetwork.draw(net, 9, 1).input()[0]).isNotEqualTo(input[0]);
        assertThat(RealizedRateNetwork.draw(net, 8, 2).input()).isEqualTo(input);
        // the DMFT reads a quenched noise as a static input variance
        assertThat(net.input().variance()).isEqualTo(sigma * sigma);
    }

    @Test
    void noisyRunsAreIndependentOfTheThreadCountAndZeroNoiseIsTheDeterministicRun() {
        RateNetwork det = RateNetwork.scs(500, 1.5, new TransferFunctions.Tanh());
        RateNetwork noisy = det.withInput(ExternalInput.NONE.withNoise(new Noise.White(0.5)));
        RateSimulation s = RateSimulation.of(0.05, 10, 2, 3).withReplicas(2);
        double[] one = RateSimulator.run(noisy, s.withThreads(1), List.of(), ProgressListener.NONE).finalState();
        double[] two = RateSimulator.run(noisy, s.withThreads(2), List.of(), ProgressListener.NONE).finalState();
        assertThat(two).isEqualTo(one);
        RateNetwork ou = det.withInput(ExternalInput.NONE.withNoise(new Noise.OrnsteinUhlenbeck(0.5, 2.0)));
        assertThat(RateSimulator.run(ou, s.withThreads(2), List.of(), ProgressListener.NONE).finalState())
                .isEqualTo(RateSimulator.run(ou, s.withThreads(1), List.of(), ProgressListener.NONE).finalState());
        // σ = 0 and no noise: bit-identical to the deterministic network
        RateNetwork zero = det.withInput(ExternalInput.NONE.withNoise(new Noise.White(0.0)));
        double[] a = RateSimulator.run(det, s, List.of(), ProgressListener.NONE).finalState();
        assertThat(RateSimulator.run(zero, s, List.of(), ProgressListener.NONE).finalState()).isEqualTo(a);
        assertThat(one).isNotEqualTo(a);
        // a unit's noise stream does not depend on N or on the other units: seed/noise/m/i
        assertThat(NoiseSource.stream(3, 1, 17).path()).isEqualTo("3/noise/1/17");
    }

    @Test
    void noiseSpecificationsParseAndValidate() {
        assertThat(Noise.parse("white:1.0")).isEqualTo(new Noise.White(1.0));
        assertThat(Noise.parse("ou:1:0.5")).isEqualTo(new Noise.OrnsteinUhlenbeck(1.0, 0.5));
        assertThat(Noise.parse("quenched:0.3")).isEqualTo(new Noise.Quenched(0.3));
        assertThat(Noise.parse("none")).isEqualTo(Noise.NONE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Noise.parse("pink:1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noise must be one of");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Noise.parse("ou:1:0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("correlation time");
    }
}
