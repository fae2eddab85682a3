package org.chaoslab.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The SIMD tanh of the rate step: accurate, odd, special values, and the same bits on every path. */
class VectorTanhTest {

    /** Dense grid over [−25, 25], both sides of the branch point and the clamp, tiny and subnormal arguments. */
    private static double[] arguments() {
        List<Double> xs = new ArrayList<>();
        for (int i = -250_000; i <= 250_000; i++) {
            xs.add(i * 1e-4);
        }
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 200_000; i++) {
            xs.add(rng.nextGaussian() * (i % 2 == 0 ? 1.0 : 4.0));
            xs.add(Math.scalb(rng.nextDouble(1.0, 2.0), -rng.nextInt(1, 1080)) * (rng.nextBoolean() ? 1 : -1));
        }
        for (double c : new double[] {VectorTanh.SMALL, VectorTanh.CLAMP, 19.0, 19.1, 0.5 * Math.log(3)}) {
            double v = c;
            for (int k = 0; k < 50; k++) {
                xs.add(v);
                xs.add(-v);
                v = Math.nextDown(v);
            }
            v = c;
            for (int k = 0; k < 50; k++) {
                v = Math.nextUp(v);
                xs.add(v);
                xs.add(-v);
            }
        }
        double[] out = new double[xs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = xs.get(i);
        }
        return out;
    }

    @Test
    void withinTwoUlpOfMathTanhAndExactlyOdd() {
        double[] x = arguments();
        double[] y = new double[x.length];
        double[] yNeg = new double[x.length];
        double[] neg = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            neg[i] = -x[i];
        }
        VectorTanh.apply(x, y, 0, x.length);
        VectorTanh.apply(neg, yNeg, 0, x.length);
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            double exact = Math.tanh(x[i]);   // within 2.5 ulp of the true value (its spec); compared in its ulps
            double ulps = Math.abs(y[i] - exact) / Math.ulp(exact);
            worst = Math.max(worst, ulps);
            assertThat(ulps).as("tanh(%s) = %s, Math.tanh %s", x[i], y[i], exact).isLessThanOrEqualTo(2.0);
            assertThat(yNeg[i]).as("odd at %s", x[i]).isEqualTo(-y[i]);
        }
        System.out.printf("VectorTanh: worst %.2f ulp from Math.tanh over %d arguments%n", worst, x.length);
    }

    @Test
    void specialValues() {
        double[] x = {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, Double.MIN_VALUE,
            -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1e-300, 700, -700};
        double[] y = new double[x.length];
        VectorTanh.apply(x, y, 0, x.length);
        assertThat(Double.doubleToRawLongBits(y[0])).isEqualTo(Double.doubleToRawLongBits(0.0));
        assertThat(Double.doubleToRawLongBits(y[1])).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(y[2]).isEqualTo(1.0);
        assertThat(y[3]).isEqualTo(-1.0);
        assertThat(y[4]).isNaN();
        assertThat(y[5]).isEqualTo(Double.MIN_VALUE);
        assertThat(y[6]).isEqualTo(-Double.MIN_VALUE);
        assertThat(y[7]).isEqualTo(1.0);
        assertThat(y[8]).isEqualTo(-1.0);
        assertThat(y[9]).isEqualTo(1e-300);
        assertThat(y[10]).isEqualTo(1.0);
        assertThat(y[11]).isEqualTo(-1.0);
    }

    /** An element's value does not depend on its position: vector lanes and the scalar tail agree bit for bit. */
    @Test
    void vectorLanesAndScalarTailGiveTheSameBits() {
        double[] x = arguments();
        double[] y = new double[x.length];
        VectorTanh.apply(x, y, 0, x.length);
        for (int i = 0; i < x.length; i++) {
            assertThat(Double.doubleToRawLongBits(VectorTanh.scalar(x[i]))).as("x = %s", x[i])
                    .isEqualTo(Double.doubleToRawLongBits(y[i]));
        }
        // every offset of a short slice: each element through the vector path in one call, the tail in another
        for (int from = 0; from < 17; from++) {
            double[] z = new double[40];
            VectorTanh.apply(x, z, from, from + 23);
            for (int i = from; i < from + 23; i++) {
                assertThat(z[i]).isEqualTo(y[i]);
            }
        }
    }
}
