package org.chaoslab.random;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamSeedsTest {

    @Test
    void sameNameSameStreamAndNamesAreIndependent() {
        StreamSeeds root = StreamSeeds.of(42);
        assertThat(root.child("couplings").child(3).provider().nextLong())
                .isEqualTo(StreamSeeds.of(42).child("couplings").child(3).provider().nextLong());
        assertThat(root.child("couplings").key()).isNotEqualTo(root.child("initial").key());
        assertThat(root.child("couplings").child(3).key()).isNotEqualTo(root.child("couplings").child(4).key());
        assertThat(StreamSeeds.of(1).child("couplings").key()).isNotEqualTo(StreamSeeds.of(2).child("couplings").key());
        assertThat(root.child("noise").child(0).path()).isEqualTo("42/noise/0");
    }

    @Test
    void gaussianStreamHasUnitVariance() {
        var z = StreamSeeds.of(7).child("x").gaussian();
        int n = 200_000;
        double s = 0, s2 = 0;
        for (int i = 0; i < n; i++) {
            double v = z.sample();
            s += v;
            s2 += v * v;
        }
        // standard errors: mean 1/√n = 0.0022, variance √(2/n) = 0.0032; allow 5σ
        assertThat(s / n).isBetween(-0.011, 0.011);
        assertThat(s2 / n).isBetween(1 - 0.016, 1 + 0.016);
    }
}
