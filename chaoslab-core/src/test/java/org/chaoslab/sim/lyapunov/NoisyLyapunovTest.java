package org.chaoslab.sim.lyapunov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chaoslab.compare.Agreement.assertAgrees;

import org.chaoslab.analysis.Estimate;
import org.chaoslab.model.Couplings;
import org.chaoslab.model.ExternalInput;
import org.chaoslab.model.Noise;
import org.chaoslab.model.Precision;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.RealizedRateNetwork;
import org.chaoslab.theory.dmft.DmftLyapunov;
import org.chaoslab.theory.dmft.DmftOptions;
import org.chaoslab.theory.dmft.DmftSolver;
import org.chaoslab.theory.dmft.WhiteNoiseDmft;
import org.junit.jupiter.api.Test;

/**
 * The largest exponent of a tanh network driven by white noise (state and replica sharing the noise)
 * against the white-noise DMFT (Schuecker, Goedeke &amp; Helias, PRX 8:041029 (2018): the same
 * Schrödinger problem with the kinked noisy c(τ)); the noise-free network beside it.
 */
class NoisyLyapunovTest {

    @Test
    void noiseLowersTheLargestExponentAsTheNoisyDmftPredicts() {
        int n = 800;
        double g = 3.0;
        double sigma = 1.0;
        RateNetwork clean = RateNetwork.scs(n, g, new TransferFunctions.Tanh());
        RateNetwork noisy = new RateNetwork(n, new Couplings(g, 0, 0, false, Precision.FLOAT64), new TransferFunctions.Tanh(),
                ExternalInput.NONE.withNoise(new Noise.White(sigma)));
        LyapunovSettings s = new LyapunovSettings(0.1, IntegratorKind.RK4, 1, 1.0, new LyapunovSettings.Warmup(40, 20), 400, 7, 2);
        // the same couplings (network seed 3) for both runs
        RealizedRateNetwork rc = RealizedRateNetwork.draw(clean, 3, 2);
        RealizedRateNetwork rn = new RealizedRateNetwork(noisy, rc.couplings(), rc.input(), rc.seed());
        LyapunovSpectrum a = LyapunovAnalyzer.spectrum(rc, s, ProgressListener.NONE);
        LyapunovSpectrum b = LyapunovAnalyzer.spectrum(rn, s, ProgressListener.NONE);

        DmftSolver solver = new DmftSolver();
        double theoryClean = new DmftLyapunov(solver.engine(), 0.01).largest(solver.solve(clean), clean.transfer()).lambdaMax();
        double theoryNoisy = new WhiteNoiseDmft(DmftOptions.defaults()).solve(noisy).lambdaMax();
        double simDrop = a.lambdaMax() - b.lambdaMax();
        double theoryDrop = theoryClean - theoryNoisy;
        System.out.printf("noisy lambda_max (N=%d, g=%.1f, sigma=%.1f): two replicas %.4f%n", n, g, sigma,
                b.twoReplica().lambda().value());
        // Measured (seed 7, network 3): noisy 0.1426 ± 0.0149 vs 0.1586; noise-free 0.2136 ± 0.0125 vs 0.2355;
        // drop 0.0710 vs 0.0769. Finite N: at N = 500–2000 the noise-free λ1 sits 4–9% below its N → ∞ value
        // (LyapunovValidationTest: 0.214, 0.216, 0.225 vs 0.2355), hence an allowance of 10% of the DMFT value on
        // top of the statistical one (the CIs are 95% batch-means half-widths, ≈ 2 SE).
        assertAgrees("noisy lambda_max vs white-noise DMFT", b.exponent(0), theoryNoisy, 1, 0.10 * theoryNoisy);
        assertAgrees("noise-free lambda_max vs DMFT", a.exponent(0), theoryClean, 1, 0.10 * theoryClean);
        // the noise-induced drop: the finite-N biases of the two runs largely cancel; 2 SE of a difference of two
        // estimates (√(ci_a² + ci_b²), independent-error bound) plus 10% of the predicted drop
        double ci = Math.sqrt(a.lambdaMaxCi() * a.lambdaMaxCi() + b.lambdaMaxCi() * b.lambdaMaxCi());
        assertAgrees("noise-induced drop of lambda_max", Estimate.withInterval(simDrop, ci, LyapunovSpectrum.CONFIDENCE_LEVEL, 0),
                theoryDrop, 1, 0.10 * theoryDrop);
        assertThat(simDrop).isGreaterThan(ci);
        // shared noise: the replica and the QR estimate measure the same exponent
        assertThat(Math.abs(b.twoReplica().lambda().value() - b.lambdaMax()))
                .isLessThan(b.lambdaMaxCi() + b.twoReplica().lambda().halfWidth());
    }
}
