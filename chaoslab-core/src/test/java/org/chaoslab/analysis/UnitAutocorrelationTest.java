package org.chaoslab.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class UnitAutocorrelationTest {

    @Test
    void matchesTheBruteForceLaggedAverage() {
        int n = 7;
        int t = 50;
        int lags = 4;
        double[][] v = new double[t][n];
        Random r = new Random(3);
        for (double[] row : v) {
            for (int i = 0; i < n; i++) {
                row[i] = r.nextGaussian();
            }
        }
        UnitAutocorrelation acf = new UnitAutocorrelation(n, lags);
        for (double[] row : v) {
            acf.add(row);
        }
        double[] c = acf.correlation();
        double mean = 0;
        for (double[] row : v) {
            for (double x : row) {
                mean += x / (n * t);
            }
        }
        assertThat(acf.mean()).isCloseTo(mean, within(1e-12));
        for (int k = 0; k <= lags; k++) {
            double s = 0;
            for (int a = k; a < t; a++) {
                for (int i = 0; i < n; i++) {
                    s += v[a][i] * v[a - k][i];
                }
            }
            assertThat(c[k]).isCloseTo(s / (n * (t - k)), within(1e-12));
        }
    }
}
