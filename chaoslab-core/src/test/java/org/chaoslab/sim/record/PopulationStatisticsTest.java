package org.chaoslab.sim.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;

import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.RunInfo;
import org.chaoslab.sim.UnitTransfers;
import org.junit.jupiter.api.Test;

/** The per-population recorder against the same statistics formed directly from the stored samples. */
class PopulationStatisticsTest {

    @Test
    void perPopulationMomentsTemporalVarianceAndAutocorrelationAsDefined() {
        int[] sizes = {3, 5};
        int n = 8;
        int replicas = 2;
        int every = 2;
        int lags = 7;
        int steps = 400;
        double dt = 0.1;
        UnitTransfers phi = UnitTransfers.blocks(sizes, List.of(new TransferFunctions.Tanh(), new TransferFunctions.Relu()));
        // quasi-periodic signals with unit-dependent offset, amplitude, frequency and phase
        SplittableRandom rnd = new SplittableRandom(4);
        double[] a = rnd.doubles(n * replicas, -1, 1).toArray();
        double[] b = rnd.doubles(n * replicas, 0, 2).toArray();
        double[] w = rnd.doubles(n * replicas, 0.2, 1.5).toArray();
        double[] th = rnd.doubles(n * replicas, 0, 6.3).toArray();
        PopulationStatistics rec = new PopulationStatistics(sizes, every, lags, 2);  // 2 channels per population
        rec.start(new RunInfo(n, replicas, dt, steps, phi, 1));
        int kept = steps / every;
        double[][] xs = new double[kept][];
        double[][] fs = new double[kept][];
        for (int s = 1; s <= steps; s++) {
            double t = s * dt;
            double[] x = new double[n * replicas];
            for (int c = 0; c < x.length; c++) {
                x[c] = a[c] + b[c] * Math.cos(w[c] * t + th[c]);
            }
            double[] f = new double[x.length];
            phi.applyScalar(x, f, x.length);
            if (s % every == 0) {
                xs[s / every - 1] = x;
                fs[s / every - 1] = f;
            }
            if (s % 3 == 0) {
                rec.record(s, t, x);          // phi evaluated by the recorder
            } else {
                rec.record(s, t, x, f);
            }
        }
        rec.finish();
        PopulationRecording r = rec.result();
        assertThat(r.samples()).isEqualTo(kept);
        int[] starts = {0, 3, 8};
        for (int k = 0; k < 2; k++) {
            double mean = 0, var = 0, rate = 0, rateVar = 0, temporal = 0, stat = 0;
            for (int m = 0; m < replicas; m++) {
                int from = m * n + starts[k];
                int to = m * n + starts[k + 1];
                double[] unitMean = new double[to - from];
                for (int s = 0; s < kept; s++) {
                    double mx = 0, mf = 0;
                    for (int c = from; c < to; c++) {
                        mx += xs[s][c] / (to - from);
                        mf += fs[s][c] / (to - from);
                        unitMean[c - from] += xs[s][c] / kept;
                    }
                    mean += mx;
                    rate += mf;
                    for (int c = from; c < to; c++) {
                        var += (xs[s][c] - mx) * (xs[s][c] - mx) / (to - from);
                        rateVar += (fs[s][c] - mf) * (fs[s][c] - mf) / (to - from);
                    }
                }
                double grand = 0;
                for (double u : unitMean) {
                    grand += u / unitMean.length;
                }
                for (int c = from; c < to; c++) {
                    stat += (unitMean[c - from] - grand) * (unitMean[c - from] - grand) / (to - from) / replicas;
                    for (int s = 0; s < kept; s++) {
                        double d = xs[s][c] - unitMean[c - from];
                        temporal += d * d / kept / (to - from) / replicas;
                    }
                }
            }
            mean /= kept * replicas;
            var /= kept * replicas;
            rate /= kept * replicas;
            rateVar /= kept * replicas;
            // the same sums in another order (Welford for the temporal variance): rounding only
            assertThat(r.mean()[k]).isCloseTo(mean, within(1e-12));
            assertThat(r.varianceAcrossUnits()[k]).isCloseTo(var, within(1e-12));
            assertThat(r.rate()[k]).isCloseTo(rate, within(1e-12));
            assertThat(r.rateVarianceAcrossUnits()[k]).isCloseTo(rateVar, within(1e-12));
            assertThat(r.temporalVariance()[k]).isCloseTo(temporal, within(1e-12));
            assertThat(r.staticVariance()[k]).isCloseTo(stat, within(1e-12));
            // Delta_k(tau) by StreamingAutocorrelation's estimator: start times t < (S - 1) L over the first 2 units of
            // population k in replica 0, minus mu_k^2
            int segments = kept / lags;
            for (int lag = 0; lag < lags; lag++) {
                double sum = 0;
                int count = 0;
                for (int t = 0; t < (segments - 1) * lags; t++) {
                    for (int c = starts[k]; c < starts[k] + 2; c++) {
                        sum += xs[t][c] * xs[t + lag][c];
                        count++;
                    }
                }
                // FFT round-off, ~1e-15 relative
                assertThat(r.autocorrelation()[k][lag]).isCloseTo(sum / count - mean * mean, within(1e-12));
                assertThat(r.lagTimes()[lag]).isCloseTo(lag * every * dt, within(1e-15));
            }
        }
        assertThat(r.meanSeries()[1]).hasSize(kept);
    }
}
