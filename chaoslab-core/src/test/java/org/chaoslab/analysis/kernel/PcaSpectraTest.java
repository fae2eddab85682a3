package org.chaoslab.analysis.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.chaoslab.analysis.SymmetricEigen;
import org.chaoslab.random.StreamSeeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PcaSpectraTest {

    private static final int P = 1024;
    private static final int N = 256;

    /**
     * Signal with the exact stimulus spectrum n^−α (n = 1..256) plus independent trial noise of variance equal to the
     * smallest signal eigenvalue, σ² = 256^−α, in each of two repeats; P = 1024 stimuli. cvPCA and the weighted fit over
     * the default ranks 11..500 (clipped to 11..256) must recover α. Measured over seeds 1–3: α̂ = 1.996–1.998,
     * 2.996–2.998, 3.997–3.999 (seed-to-seed scatter ≈ 0.002, a small downward bias ≤ 0.004 from noise in the
     * estimated components, nominal WLS error ≈ 0.001); tolerance 0.02 is five times the worst deviation. Plain PCA of
     * one repeat sees the noise floor in the tail and is biased low by ≈ 0.08–0.13: asserted &gt; 0.05.
     */
    @ParameterizedTest
    @ValueSource(doubles = {2, 3, 4})
    void crossValidatedPcaRecoversTheDesignedExponent(double alpha) {
        StreamSeeds seeds = StreamSeeds.of(1);
        double[] s = SyntheticResponses.powerLawSignal(P, N, alpha, seeds);
        double sigma = Math.sqrt(Math.pow(N, -alpha));
        double[] x1 = SyntheticResponses.withNoise(s, sigma, seeds, 0);
        double[] x2 = SyntheticResponses.withNoise(s, sigma, seeds, 1);

        PowerLawFit cv = PowerLawFit.fit(PcaSpectra.crossValidated(x1, x2, P, N, PcaSpectra.DEFAULT_SHUFFLES, seeds));
        PowerLawFit plain = PowerLawFit.fit(PcaSpectra.plain(x1, P, N));
        System.out.printf("alpha %.0f: cvPCA %s (ranks %d..%d, %d points, %d skipped), plain PCA %s%n", alpha,
                cv.exponent(), cv.firstRank(), cv.lastRank(), cv.points(), cv.skippedNonPositive(), plain.exponent());

        assertThat(cv.firstRank()).isEqualTo(11);
        assertThat(cv.lastRank()).isEqualTo(N);
        assertThat(cv.exponent().value()).isCloseTo(alpha, within(0.02));
        assertThat(cv.exponent().standardError()).isBetween(0.0, 0.01);
        assertThat(alpha - plain.exponent().value()).isGreaterThan(0.05);
    }

    /**
     * α = 2 with strong noise, σ² = 0.01 (above the signal from rank 10 on). Plain PCA: every eigenvalue in ranks
     * 129..256 sits on the noise floor, ≥ 0.2σ² (Marchenko–Pastur lower edge (1 − √(N/P))²σ² = 0.25σ²; measured
     * minimum 0.265–0.280σ² over 4 seeds), while the signal there is ≤ 6·10⁻⁵ = 0.006σ². cvPCA: the mean over those
     * ranks is within 0.03σ² of zero (measured 0.010–0.016σ²: not exactly the signal 0.003σ², because signal variance
     * of directions that noise hides is spread over noisy components, but the floor is gone). Traces: the noise adds
     * exactly σ²(P − 1)/P per dimension to plain PCA and nothing to cvPCA in expectation; measured
     * (tr plain − tr cv)/(Nσ²) = 0.996–1.006, asserted within 0.03, and tr cv = Σ n^−2 within 0.03 Nσ².
     */
    @Test
    void plainPcaHasANoiseFloorThatCrossValidationRemoves() {
        StreamSeeds seeds = StreamSeeds.of(1);
        double sigma2 = 1e-2;
        double[] s = SyntheticResponses.powerLawSignal(P, N, 2, seeds);
        double[] x1 = SyntheticResponses.withNoise(s, Math.sqrt(sigma2), seeds, 0);
        double[] x2 = SyntheticResponses.withNoise(s, Math.sqrt(sigma2), seeds, 1);
        PcaSpectrum cv = PcaSpectra.crossValidated(x1, x2, P, N, PcaSpectra.DEFAULT_SHUFFLES, seeds);
        PcaSpectrum plain = PcaSpectra.plain(x1, P, N);
        assertThat(cv.size()).isEqualTo(N);
        double cvTail = 0;
        for (int n = 129; n <= N; n++) {
            assertThat(plain.atRank(n)).isGreaterThan(0.2 * sigma2);
            assertThat(Math.pow(n, -2)).isLessThan(0.01 * sigma2);
            cvTail += cv.atRank(n) / (N - 128);
        }
        assertThat(cvTail).isCloseTo(0.0, within(0.03 * sigma2));
        double trPlain = Arrays.stream(plain.variances()).sum();
        double trCv = Arrays.stream(cv.variances()).sum();
        double trSignal = 0;
        for (int n = 1; n <= N; n++) {
            trSignal += Math.pow(n, -2);
        }
        assertThat((trPlain - trCv) / (N * sigma2 * (P - 1) / P)).isCloseTo(1.0, within(0.03));
        assertThat(trCv - trSignal).isCloseTo(0.0, within(0.03 * N * sigma2));
    }

    /** Identical repeats: cvPCA is plain PCA (to round-off), in both branches (P×P Gram for P ≤ N, N×N otherwise). */
    @ParameterizedTest
    @ValueSource(ints = {12, 40})
    void identicalRepeatsGiveThePlainSpectrumInBothBranches(int stimuli) {
        int units = 20;
        double[] x = SyntheticResponses.withNoise(new double[stimuli * units], 1.0, StreamSeeds.of(5), 0);
        PcaSpectrum plain = PcaSpectra.plain(x, stimuli, units);
        PcaSpectrum cv = PcaSpectra.crossValidated(x, x, stimuli, units, 3, StreamSeeds.of(6));
        assertThat(plain.size()).isEqualTo(Math.min(stimuli - 1, units));
        // brute force: (1/P) XcᵀXc from loops, eigenvalues by SymmetricEigen
        double[] xc = PcaSpectra.centred(x, stimuli, units);
        double[] c = new double[units * units];
        for (int i = 0; i < units; i++) {
            for (int j = 0; j < units; j++) {
                for (int p = 0; p < stimuli; p++) {
                    c[i * units + j] += xc[p * units + i] * xc[p * units + j] / stimuli;
                }
            }
        }
        double[] w = SymmetricEigen.values(c, units);
        for (int n = 1; n <= plain.size(); n++) {
            // round-off of O(1) eigenvalues from O(P·N) operations: 1e-12 is far above ε·P·N ≈ 2e-13
            assertThat(plain.atRank(n)).isCloseTo(w[units - n], within(1e-12));
            assertThat(cv.atRank(n)).isCloseTo(plain.atRank(n), within(1e-12));
        }
    }

    @Test
    void badInputIsRejectedWithTheParameterName() {
        StreamSeeds seeds = StreamSeeds.of(1);
        assertThatThrownBy(() -> PcaSpectra.plain(new double[5], 1, 5)).hasMessageStartingWith("stimuli must be >= 2");
        assertThatThrownBy(() -> PcaSpectra.plain(new double[5], 2, 3)).hasMessageStartingWith("x must have length");
        assertThatThrownBy(() -> PcaSpectra.crossValidated(new double[6], new double[6], 2, 3, 0, seeds))
                .hasMessageStartingWith("shuffles must be >= 1");
        Responses oneTrial = Responses.of(3, 1, 2, new double[6]);
        assertThatThrownBy(() -> PcaSpectra.crossValidated(oneTrial, 0, 1, 10, seeds))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("trials must be >= 2");
    }
}
