package org.chaoslab.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * {@link StrokeOutline}: the region a round line covers, filled, against the line stroked through every point. The
 * reference is that stroke drawn at 4 × 4 the resolution and averaged back (Java2D's antialiasing samples 8 sub-rows
 * per pixel, so a pixel's coverage of one edge is known to 1/8 at 1× and to 1/32 in the reference).
 */
class StrokeOutlineTest {

    private static final int W = 560;
    private static final int H = 420;
    private static final double R = LinePlotLayout.LINE_WIDTH / 2;

    /** An AR(1) walk of n points over {@code width} pixel columns, x increasing; {@code kick} pixels per step. */
    private static double[] walk(int n, double width, long seed, double kick) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] p = new double[2 * n];
        double y = 200;
        for (int i = 0; i < n; i++) {
            y += kick * (rng.nextDouble() - 0.5) - 0.02 * (y - 200);
            p[2 * i] = 20 + width * i / (n - 1);
            p[2 * i + 1] = y;
        }
        return p;
    }

    /**
     * The outline, filled, against the reference no worse than the stroke drawn directly, up to half a coverage step
     * of the 1× images (1/16 of full scale) in the largest difference and 1 % of the inked pixels in the share off by
     * more than 5 % (a smooth edge alone puts 6 % of them there: its coverage is rounded to 1/8 in both). Returns
     * {outline's largest difference, its share, the direct stroke's largest difference, its share}.
     */
    private static double[] assertLooksLikeItsStroke(double[] p, String what) {
        BufferedImage reference = supersampledStroke(p, 4);
        double[] outline = RasterFixtures.difference(reference, fill(StrokeOutline.of(p, R)));
        double[] direct = RasterFixtures.difference(reference, stroke(p));
        System.out.printf("%s: outline max %.3f, %.4f of inked pixels by > 5 %%; the stroke itself %.3f, %.4f%n", what,
                outline[0], outline[1], direct[0], direct[1]);
        assertThat(outline[0]).as("largest difference, %s", what).isLessThanOrEqualTo(direct[0] + 1.0 / 16);
        assertThat(outline[1]).as("share of inked pixels off by > 5 %%, %s", what).isLessThanOrEqualTo(direct[1] + 0.01);
        return new double[] {outline[0], outline[1], direct[0], direct[1]};
    }

    @Test
    void aDenseTimeSeriesFilledAsItsOutlineLooksLikeItsStroke() {
        // 120 000 points on 500 columns, as a long run's traces: small kicks (a band some 20 px high) and large ones
        // (a zigzag through 100 px in every column). Measured (JDK 25): the stroke drawn directly differs from the
        // reference by up to 0.063 / 0.067 of full scale (4.5e-3 / 2e-4 of the inked pixels by more than 5 %), the
        // outline by 0.071 / 0.118 (2.5e-3 / 7.2e-3), the M4 reduction it replaces by 0.165 / 0.220 (1.7e-2 / 1.8e-2),
        // which fails the same bounds on the zigzag
        for (double kick : new double[] {3, 30}) {
            double[] p = walk(120_000, 500, 4, kick);
            double[] d = assertLooksLikeItsStroke(p, "kick " + kick + " px");
            if (kick == 30) {
                double[] m4 = RasterFixtures.difference(supersampledStroke(p, 4), stroke(LinePlotLayout.perColumn(p)));
                System.out.printf("  M4 per quarter column: max %.3f, %.4f%n", m4[0], m4[1]);
                assertThat(m4[0]).isGreaterThan(d[2] + 1.0 / 16);
                assertThat(m4[1]).isGreaterThan(d[3] + 0.01);
            }
        }
    }

    @Test
    void sparseLinesAndCapsComeOutAsTheirStroke() {
        // a capsule (2 points), long segments with sharp turns (3 and 50 points of a sine), a smooth curve (2000 points)
        // and a vertical jump
        for (int n : new int[] {2, 3, 50, 2000}) {
            double[] p = new double[2 * n];
            for (int i = 0; i < n; i++) {
                p[2 * i] = 30 + 480.0 * i / (n - 1);
                p[2 * i + 1] = 200 + 150 * Math.sin(i * 25.0 / n);
            }
            assertLooksLikeItsStroke(p, "sine, " + n + " points");
        }
        assertLooksLikeItsStroke(new double[] {100, 100, 100, 300, 400, 300}, "a jump");
        // one point: the disk, from its left tip
        double[] dot = StrokeOutline.of(new double[] {50.3, 60.7}, 5.0);
        assertThat(dot[0]).isEqualTo(45.3);
        assertThat(dot[1]).isEqualTo(60.7);
        assertThat(dot[dot.length / 2 - 2]).isEqualTo(55.3);
    }

    @Property(tries = 300)
    void theOutlineHoldsTheDiskAroundEveryPoint(@ForAll @IntRange(min = 1, max = 3000) int n,
                                                 @ForAll @DoubleRange(min = 0.01, max = 600) double width,
                                                 @ForAll @DoubleRange(min = 0.1, max = 5) double radius,
                                                 @ForAll long seed) {
        // x never decreasing, repeated x, jumps; the top edge at each point's x (interpolated between its vertices) is
        // at most y - r and the bottom edge at least y + r, up to the chords (0.016 px at r = 0.9; r·(1 - cos θ/2)
        // with cos θ = 1 - (1/16)/r in general) and rounding
        double[] p = RasterFixtures.timeSeries(n, width, 500, seed);
        double[] o = StrokeOutline.of(p, radius);
        int m = o.length / 4;
        for (int k = 1; k < m; k++) {
            assertThat(o[2 * k]).isGreaterThanOrEqualTo(o[2 * k - 2]);
            assertThat(o[2 * k + 1]).isLessThanOrEqualTo(o[4 * m - 1 - 2 * k]);   // top above bottom
        }
        double theta = Math.acos(Math.max(-1, 1 - (1.0 / StrokeOutline.SUBCOLUMNS * StrokeOutline.STRIDE) / radius));
        double chord = radius * (1 - Math.cos(theta / 2)) + 1e-9 * (1 + Math.abs(p[1]) + 500);
        for (int i = 0; i < n; i++) {
            double px = p[2 * i];
            double py = p[2 * i + 1];
            assertThat(edgeAt(o, m, px, true)).as("top at point %d", i).isLessThanOrEqualTo(py - radius + chord);
            assertThat(edgeAt(o, m, px, false)).as("bottom at point %d", i).isGreaterThanOrEqualTo(py + radius - chord);
        }
    }

    /** The outline's top (or bottom) edge at x, interpolated between its vertices (the extreme one where x repeats). */
    private static double edgeAt(double[] o, int m, double x, boolean top) {
        double best = top ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        for (int k = 1; k < m; k++) {
            double x0 = o[2 * k - 2];
            double x1 = o[2 * k];
            if (x < x0 || x > x1) {
                continue;
            }
            double y0 = top ? o[2 * k - 1] : o[4 * m - 1 - 2 * (k - 1)];
            double y1 = top ? o[2 * k + 1] : o[4 * m - 1 - 2 * k];
            double y = x1 == x0 ? (top ? Math.min(y0, y1) : Math.max(y0, y1)) : y0 + (y1 - y0) * (x - x0) / (x1 - x0);
            best = top ? Math.min(best, y) : Math.max(best, y);
        }
        return best;
    }

    private static Graphics2D canvas(BufferedImage img) {
        Graphics2D gr = img.createGraphics();
        gr.setColor(Color.WHITE);
        gr.fillRect(0, 0, img.getWidth(), img.getHeight());
        gr.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        gr.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        gr.setColor(Color.BLACK);
        gr.setStroke(new BasicStroke((float) LinePlotLayout.LINE_WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        return gr;
    }

    /** The line through the points, stroked as the PNG renderer strokes a solid line. */
    private static BufferedImage stroke(double[] p) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D gr = canvas(img);
        gr.draw(path(p, false));
        gr.dispose();
        return img;
    }

    /** The polygon, filled as the PNG renderer fills an outline. */
    private static BufferedImage fill(double[] polygon) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D gr = canvas(img);
        gr.fill(path(polygon, true));
        gr.dispose();
        return img;
    }

    /** The stroke drawn at f × f the resolution, each pixel the mean of its f × f sub-pixels. */
    private static BufferedImage supersampledStroke(double[] p, int f) {
        BufferedImage big = new BufferedImage(W * f, H * f, BufferedImage.TYPE_INT_RGB);
        Graphics2D gr = canvas(big);
        gr.scale(f, f);
        gr.draw(path(p, false));
        gr.dispose();
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int sum = 0;
                for (int j = 0; j < f; j++) {
                    for (int i = 0; i < f; i++) {
                        sum += big.getRGB(f * x + i, f * y + j) & 0xff;
                    }
                }
                int v = Math.round((float) sum / (f * f));
                img.setRGB(x, y, v * 0x010101);
            }
        }
        return img;
    }

    private static Path2D.Double path(double[] p, boolean close) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO, p.length / 2 + 2);
        path.moveTo(p[0], p[1]);
        for (int k = 2; k < p.length; k += 2) {
            path.lineTo(p[k], p[k + 1]);
        }
        if (close) {
            path.closePath();
        }
        return path;
    }
}
