package org.chaoslab.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The per-column (M4) reduction of dense line pieces for raster images ({@link LinePlotLayout#perColumn}): what it
 * keeps, and that a line drawn through what it keeps looks like the line through every point.
 */
class RasterThinningTest {

    /** A random walk of n points over {@code width} pixel columns, x increasing. */
    private static double[] walk(int n, double width, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] p = new double[2 * n];
        double y = 200;
        for (int i = 0; i < n; i++) {
            y += 3 * (rng.nextDouble() - 0.5) - 0.02 * (y - 200);
            p[2 * i] = 20 + width * i / (n - 1);
            p[2 * i + 1] = y;
        }
        return p;
    }

    @Test
    void keepsEachColumnsFirstLowestHighestAndLastPointInOrder() {
        double[] p = walk(120_000, 500, 1);
        double[] q = LinePlotLayout.perColumn(p, 1);
        assertThat(q.length / 2).isLessThanOrEqualTo(4 * 501).isGreaterThanOrEqualTo(2 * 500);
        // per column: the extremes and the ends are those of the full piece; x never decreases
        for (int c = 20; c <= 520; c++) {
            double[] full = column(p, c);
            double[] kept = column(q, c);
            if (Double.isNaN(full[2])) {
                assertThat(kept[2]).isNaN();
                continue;
            }
            assertThat(kept).containsExactly(full);
        }
        for (int i = 1; i < q.length / 2; i++) {
            assertThat(q[2 * i]).isGreaterThanOrEqualTo(q[2 * i - 2]);
        }
    }

    /** {lowest, highest, first, last} y of the points of pixel column c (NaN first and last when it has none). */
    private static double[] column(double[] p, int c) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double first = Double.NaN;
        double last = Double.NaN;
        for (int i = 0; i < p.length / 2; i++) {
            if (Math.floor(p[2 * i]) == c) {
                lo = Math.min(lo, p[2 * i + 1]);
                hi = Math.max(hi, p[2 * i + 1]);
                first = Double.isNaN(first) ? p[2 * i + 1] : first;
                last = p[2 * i + 1];
            }
        }
        return new double[] {lo, hi, first, last};
    }

    @Test
    void leavesSparseOrNonMonotonePiecesAlone() {
        double[] sparse = walk(1000, 500, 2);
        assertThat(LinePlotLayout.perColumn(sparse)).isSameAs(sparse);
        double[] back = walk(120_000, 500, 3);
        back[2 * 500] = 0;     // one step back in x: a parametric curve, not a time series
        assertThat(LinePlotLayout.perColumn(back)).isSameAs(back);
    }

    @Test
    void theRasterizedLineIsAlmostTheSame() {
        // drawn as the PNG renderer draws a series (antialiased, pure strokes, round 1.8 px line), 120 000 points on 500
        // columns. Measured: quarter columns keep 7510 points, and the image differs from the full line's in antialiasing
        // shades only: no pixel by more than 17 % of full scale, 0.9 % of the inked pixels by more than 5 % (one bucket
        // per column: 88 %; every 16th point, a plain decimation to the same count: 100 % and 32 %, the extremes are lost)
        double[] p = walk(120_000, 500, 4);
        BufferedImage full = draw(p);
        double[] thin = LinePlotLayout.perColumn(p);
        double[] d = RasterFixtures.difference(full, draw(thin));
        double[] every = new double[2 * (p.length / 2 / 16)];
        for (int i = 0; i < every.length / 2; i++) {
            every[2 * i] = p[2 * 16 * i];
            every[2 * i + 1] = p[2 * 16 * i + 1];
        }
        double[] wrong = RasterFixtures.difference(full, draw(every));
        System.out.printf("M4 per quarter column: %d points, max difference %.3f, %.4f of inked pixels by > 5 %%; every 16th "
                + "point: %d points, max %.3f, %.4f%n", thin.length / 2, d[0], d[1], every.length / 2, wrong[0], wrong[1]);
        assertThat(thin.length / 2).isLessThan(120_000 / 10);
        assertThat(d[0]).isLessThan(0.25);
        assertThat(d[1]).isLessThan(0.02);
        assertThat(wrong[0]).isGreaterThan(0.5);
    }

    private static BufferedImage draw(double[] p) {
        BufferedImage img = new BufferedImage(560, 420, BufferedImage.TYPE_INT_RGB);
        Graphics2D gr = img.createGraphics();
        gr.setColor(Color.WHITE);
        gr.fillRect(0, 0, 560, 420);
        gr.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        gr.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        gr.setColor(Color.BLACK);
        gr.setStroke(new BasicStroke((float) LinePlotLayout.LINE_WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D.Double path = new Path2D.Double();
        path.moveTo(p[0], p[1]);
        for (int k = 2; k < p.length; k += 2) {
            path.lineTo(p[k], p[k + 1]);
        }
        gr.draw(path);
        gr.dispose();
        return img;
    }
}
