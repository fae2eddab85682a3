package org.chaoslab.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Error bands, marker shapes, colour slots and notes of {@link LinePlot}, in SVG and PNG alike. */
class ErrorBandTest {

    /** A dense simulated autocorrelation (every lag) with standard errors, beside its theory. */
    static LinePlot densePair() {
        int n = 300;
        double[] lag = new double[n];
        double[] theory = new double[n];
        double[] sim = new double[n];
        double[] se = new double[n];
        for (int i = 0; i < n; i++) {
            lag[i] = 0.1 * i;
            theory[i] = Math.exp(-lag[i] / 5);
            sim[i] = theory[i] + 0.05 * Math.sin(lag[i]);
            se[i] = 0.05 + 0.01 * lag[i];
        }
        return LinePlot.builder().title("Autocorrelation").xLabel("lag s (units of τ)").yLabel("C(s)")
                .theoryAndSimulation("DMFT C(s)", "simulation", lag, theory, lag, sim, se, 40).build();
    }

    @Test
    void denseSimulationGetsABandAndThinnedMarkersInTheColourOfItsTheory() throws Exception {
        LinePlot plot = densePair();
        assertThat(plot.series()).extracting(PlotSeries::colorSlot).containsExactly(0, 0);
        PlotSeries sim = plot.series().get(1);
        assertThat(sim.errors()).isEqualTo(ErrorStyle.BAND);
        assertThat(sim.markEvery()).isEqualTo(8);   // ceil(300 / 40)
        assertThat(sim.x()).hasSize(300);            // every point stays in the series (and the band)

        Document svg = LinePlotTest.parseXml(plot.toSvg());
        List<Element> bands = byClass(svg, "path", "band");
        assertThat(bands).hasSize(1);
        Element band = bands.getFirst();
        assertThat(band.getAttribute("fill")).isEqualTo("#1f77b4");
        assertThat(Double.parseDouble(band.getAttribute("fill-opacity"))).isBetween(0.1, 0.5);
        assertThat(band.getAttribute("d")).startsWith("M").endsWith("Z");
        assertThat(count(band.getAttribute("d"), 'M')).isEqualTo(1);
        // 38 thinned markers (0, 8, ..., 296) and the legend's; no error bars where the band is drawn
        assertThat(svg.getElementsByTagName("circle").getLength()).isEqualTo(38 + 1);
        assertThat(svg.getElementsByTagName("line").getLength()).isEqualTo(gridAndTickLines(plot));
        // the legend shows the band too
        assertThat(byClass(svg, "rect", "band")).hasSize(1);
    }

    @Test
    void bandIsTranslucentInThePng() throws Exception {
        LinePlot plot = densePair();
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(plot.toPng()));
        LinePlotLayout g = new LinePlotLayout(plot);
        PlotSeries sim = plot.series().get(1);
        int i = 203;   // an unmarked point, away from the theory line: between the curve and the band's upper edge
        int x = (int) Math.round(g.px(sim.x()[i]));
        int y = (int) Math.round(g.py(sim.y()[i] + 0.7 * sim.yErr()[i]));
        Color c = new Color(img.getRGB(x, y));
        Color full = Color.decode("#1f77b4");
        assertThat(c).isNotEqualTo(Color.WHITE);
        assertThat(c.getRed()).isBetween(full.getRed() + 20, 250);   // tinted, not the solid colour
        assertThat(c.getBlue()).isGreaterThan(c.getRed());
    }

    @Test
    void bandWithNaNEntriesBreaksIntoPieces() throws Exception {
        int n = 50;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = Math.cos(0.2 * i);
            e[i] = 0.1;
        }
        y[10] = Double.NaN;          // a point that cannot be drawn
        e[30] = Double.NaN;          // a point without an error
        e[31] = Double.POSITIVE_INFINITY;
        e[48] = Double.NaN;          // leaves a single point (49): no area, no piece
        LinePlot plot = LinePlot.builder()
                .series(new PlotSeries("band", x, y, e, LineStyle.LINE).withErrorBand())
                .build();
        Document svg = LinePlotTest.parseXml(plot.toSvg());
        List<Element> bands = byClass(svg, "path", "band");
        assertThat(bands).hasSize(1);
        String d = bands.getFirst().getAttribute("d");
        // pieces 0-9, 11-29, 32-47
        assertThat(count(d, 'M')).isEqualTo(3);
        assertThat(count(d, 'Z')).isEqualTo(3);
        assertThat(d).doesNotContain("NaN").doesNotContain("Infinity");
        assertThat(ImageIO.read(new ByteArrayInputStream(plot.toPng()))).isNotNull();

        // all errors NaN: no band at all, and both formats still render
        double[] none = new double[n];
        java.util.Arrays.fill(none, Double.NaN);
        LinePlot empty = LinePlot.builder().series(new PlotSeries("no band", x, y, none, LineStyle.LINE).withErrorBand()).build();
        assertThat(byClass(LinePlotTest.parseXml(empty.toSvg()), "path", "band")).isEmpty();
        assertThat(ImageIO.read(new ByteArrayInputStream(empty.toPng()))).isNotNull();
    }

    @Test
    void bandOnALogAxisReachesBelowTheAxisWhereItsLowerEdgeIsNotPositive() throws Exception {
        double[] x = {1, 2, 3, 4};
        double[] y = {1, 0.5, 0.2, 0.1};
        double[] e = {0.1, 0.6, 0.1, 0.2};   // two lower edges at or below zero
        LinePlot plot = LinePlot.builder().logY(true)
                .series(new PlotSeries("c", x, y, e, LineStyle.LINE).withErrorBand()).build();
        LinePlotLayout g = new LinePlotLayout(plot);
        List<double[]> polygons = g.bandPolygons(plot.series().getFirst());
        assertThat(polygons).hasSize(1);
        double[] p = polygons.getFirst();
        assertThat(p).hasSize(16);
        assertThat(java.util.Arrays.stream(p).allMatch(Double::isFinite)).isTrue();
        // lower edge backwards: x = 4 at p[8], p[9], ..., x = 1 at p[14], p[15]; at x = 2 and x = 4 it leaves the plot area
        assertThat(p[13]).isGreaterThan(g.top + g.plotH);
        assertThat(p[9]).isGreaterThan(g.top + g.plotH);
        assertThat(p[15]).isLessThan(g.top + g.plotH);
        assertThat(ImageIO.read(new ByteArrayInputStream(plot.toPng()))).isNotNull();
    }

    @Test
    void estimatorsGetDistinctMarkersAndReferencesAreGrey() throws Exception {
        double[] g = {1, 2, 3};
        LinePlot.Builder b = LinePlot.builder();
        int slot = b.newColor();
        b.series(new PlotSeries("theory", g, new double[] {0, 1, 2}, null, LineStyle.LINE, slot))
                .simulation("QR", g, new double[] {0.1, 1, 2}, new double[] {0.1, 0.1, 0.1}, slot, Marker.CIRCLE, 40)
                .simulation("two replicas", g, new double[] {0, 1.1, 2}, new double[] {0.1, 0.1, 0.1}, slot, Marker.OPEN_SQUARE, 40)
                .reference("zero", new double[] {1, 3}, new double[] {0, 0});
        LinePlot plot = b.build();
        assertThat(plot.series()).extracting(PlotSeries::colorSlot).containsExactly(0, 0, 0, PlotSeries.REFERENCE_COLOR);
        Document svg = LinePlotTest.parseXml(plot.toSvg());
        // 3 open squares in the plot and one in the legend, outlined, not filled
        NodeList polygons = svg.getElementsByTagName("polygon");
        assertThat(polygons.getLength()).isEqualTo(4);
        Element group = (Element) polygons.item(0).getParentNode();
        assertThat(group.getAttribute("fill")).isEqualTo("none");
        assertThat(group.getAttribute("stroke")).isEqualTo("#1f77b4");
        assertThat(plot.toSvg()).contains("stroke=\"#505050\"");
        assertThat(ImageIO.read(new ByteArrayInputStream(plot.toPng()))).isNotNull();
    }

    @Test
    void notesAreWrappedUnderTheLegendAndLongTitlesFit() throws Exception {
        String title = "Kernel vs stimulus distance: binary-sync, N = 200, g = 1.00, s = 1.00 (2 realizations), and more";
        LinePlot plot = LinePlot.builder().title(title)
                .series("data", new double[] {0, 1}, new double[] {0, 1})
                .note("not shown: 3 values below 0.1, 1 above 5, 2 non-finite (of 1000)").build();
        Document svg = LinePlotTest.parseXml(plot.toSvg());
        List<Element> notes = byClass(svg, "text", "note");
        assertThat(notes.size()).isGreaterThanOrEqualTo(2);
        assertThat(String.join(" ", notes.stream().map(Element::getTextContent).toList()))
                .isEqualTo("not shown: 3 values below 0.1, 1 above 5, 2 non-finite (of 1000)");
        LinePlotLayout g = new LinePlotLayout(plot);
        double w = LinePlotLayout.titleWidth(title, g.titleSize);
        assertThat(g.titleX - w / 2).isGreaterThanOrEqualTo(LinePlotLayout.PAD - 1e-9);
        assertThat(g.titleX + w / 2).isLessThanOrEqualTo(plot.width() - LinePlotLayout.PAD + 1e-9);
        assertThat(ImageIO.read(new ByteArrayInputStream(plot.toPng()))).isNotNull();
        String keep = System.getProperty("chaoslab.plotDir");
        if (keep != null) {
            densePair().writePngAndSvg(Path.of(keep), "sample-band");
            plot.writePngAndSvg(Path.of(keep), "sample-note");
        }
    }

    private static int gridAndTickLines(LinePlot plot) {
        int major = plot.xAxis().ticks().size() + plot.yAxis().ticks().size();
        return 2 * major + plot.xAxis().minorTicks().size() + plot.yAxis().minorTicks().size();
    }

    private static long count(String s, char c) {
        return s.chars().filter(ch -> ch == c).count();
    }

    static List<Element> byClass(Document svg, String tag, String cls) {
        NodeList nodes = svg.getElementsByTagName(tag);
        return IntStream.range(0, nodes.getLength()).mapToObj(i -> (Element) nodes.item(i))
                .filter(e -> cls.equals(e.getAttribute("class"))).toList();
    }
}
