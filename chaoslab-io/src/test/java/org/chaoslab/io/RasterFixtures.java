package org.chaoslab.io;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/** Shared inputs and measures of the raster-line tests: random time-series pieces, and how far two images differ. */
final class RasterFixtures {

    private RasterFixtures() {
    }

    /**
     * A piece x0, y0, … of n points whose x never decreases (a time series over about {@code width} pixels, with
     * repeated x and gaps), y uniform in [0, 300) with 1 % outliers of size {@code outlier}.
     */
    static double[] timeSeries(int n, double width, double outlier, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] p = new double[2 * n];
        double x = 10 + 50 * rng.nextDouble();
        for (int i = 0; i < n; i++) {
            x += rng.nextDouble() < 0.1 ? 0.0 : rng.nextDouble() * 2 * width / n;
            p[2 * i] = x;
            p[2 * i + 1] = rng.nextDouble() < 0.01 ? outlier * rng.nextGaussian() : 300 * rng.nextDouble();
        }
        return p;
    }

    /**
     * {largest difference of the blue channel as a fraction of full scale, share of the pixels inked in either image
     * (below white) that differ by more than 5 %}, for two grey-on-white images of the same size.
     */
    static double[] difference(BufferedImage a, BufferedImage b) {
        long inked = 0;
        long differ = 0;
        double max = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int va = a.getRGB(x, y) & 0xff;
                int vb = b.getRGB(x, y) & 0xff;
                if (va < 255 || vb < 255) {
                    inked++;
                }
                double d = Math.abs(va - vb) / 255.0;
                if (d > 0.05) {
                    differ++;
                }
                max = Math.max(max, d);
            }
        }
        return new double[] {max, (double) differ / inked};
    }
}
