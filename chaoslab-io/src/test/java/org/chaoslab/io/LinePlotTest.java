package org.chaoslab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class LinePlotTest {

    @TempDir
    Path dir;

    static LinePlot samplePlot() {
        int n = 60;
        double[] g = new double[n];
        double[] sim = new double[n];
        double[] err = new double[n];
        double[] theory = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = 0.5 + 2.5 * i / (n - 1);
            theory[i] = g[i] < 1 ? Math.log(g[i]) : 0.3 * (g[i] - 1);
            sim[i] = theory[i] + 0.03 * Math.sin(7 * i);
            err[i] = 0.04 + 0.02 * Math.cos(3 * i);
        }
        return LinePlot.builder()
                .title("Largest Lyapunov exponent <λ> & more")
                .xLabel("gain g")
                .yLabel("λ_max")
                .series("simulation (N = 1000)", g, sim, err, LineStyle.MARKERS)
                .series("mean-field theory", g, theory, LineStyle.DASHED)
                .series("", g, new double[n], LineStyle.LINE)
                .build();
    }

    @Test
    void writesPngAndWellFormedSvg() throws Exception {
        List<Path> files = samplePlot().writePngAndSvg(dir, "lyapunov");

        assertThat(files).containsExactly(dir.resolve("lyapunov.png"), dir.resolve("lyapunov.svg"));
        var image = ImageIO.read(files.get(0).toFile());
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(600);

        Document svg = parseXml(Files.readString(files.get(1)));
        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(svg.getDocumentElement().getAttribute("width")).isEqualTo("800");
        assertThat(svg.getElementsByTagName("circle").getLength()).isEqualTo(60 + 1);
        assertThat(texts(svg)).contains("gain g", "λ_max", "simulation (N = 1000)", "mean-field theory",
                "Largest Lyapunov exponent <λ> & more");
        assertThat(texts(svg)).doesNotContain("");
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("lyapunov.png", "lyapunov.svg");
        }
        // keep a copy for eyeballing when run by hand: -Dchaoslab.plotDir=/some/dir
        String keep = System.getProperty("chaoslab.plotDir");
        if (keep != null) {
            samplePlot().writePngAndSvg(Path.of(keep), "sample-linear");
            logPlot().writePngAndSvg(Path.of(keep), "sample-log");
            awkwardPlot().writePngAndSvg(Path.of(keep), "sample-awkward");
        }
    }

    static LinePlot logPlot() {
        int n = 40;
        double[] t = new double[n];
        double[] c = new double[n];
        double[] err = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = Math.pow(10, -1 + 4.0 * i / (n - 1));
            c[i] = Math.exp(-t[i] / 300) / (1 + t[i]);
            err[i] = 0.5 * c[i];
        }
        c[5] = Double.NaN;
        c[6] = -1;
        return LinePlot.builder().title("Autocorrelation").xLabel("lag τ").yLabel("C(τ)")
                .logX(true).logY(true)
                .series("C(τ)", t, c, err, LineStyle.LINE_AND_MARKERS)
                .build();
    }

    @Test
    void logAxesSkipNonPositiveAndNonFinitePoints() throws Exception {
        LinePlot plot = logPlot();
        Document svg = parseXml(plot.toSvg());
        // two points are not drawable: markers for the rest, and the line is broken in two pieces
        assertThat(svg.getElementsByTagName("circle").getLength()).isEqualTo(38 + 1);
        NodeList paths = svg.getElementsByTagName("path");
        String d = paths.item(0).getAttributes().getNamedItem("d").getNodeValue();
        assertThat(d.chars().filter(ch -> ch == 'M').count()).isEqualTo(2);
        assertThat(texts(svg)).contains("10-1", "100", "103");
        assertThat(plot.toPng()).isNotEmpty();
        assertThat(ImageIO.read(new ByteArrayInputStream(plot.toPng()))).isNotNull();
    }

    @Test
    void linearTicksAreNiceNumbers() {
        Axis axis = Axis.fit(0.13, 0.87, false, Double.NaN, Double.NaN);
        assertThat(axis.min()).isEqualTo(0.1, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(axis.max()).isEqualTo(0.9, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(axis.ticks()).extracting(Axis.Tick::plain)
                .containsExactly("0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9");
        assertThat(Axis.fit(-3e-6, 7e-6, false, Double.NaN, Double.NaN).ticks()).extracting(Axis.Tick::plain)
                .containsExactly("-4e-6", "-2e-6", "0", "2e-6", "4e-6", "6e-6", "8e-6");
        assertThat(Axis.fit(0.02, 5000, true, Double.NaN, Double.NaN).ticks()).extracting(Axis.Tick::plain)
                .containsExactly("10^-2", "10^-1", "10^0", "10^1", "10^2", "10^3", "10^4");
        assertThat(Axis.fit(5, 5, false, Double.NaN, Double.NaN).ticks()).isNotEmpty();
    }

    @Test
    void tickLabelsOfAnAxisShareTheirFormat() {
        // one number of decimals per axis, that of the step: 0.0 ... 1.0, not 0, 0.2, ..., 1
        assertThat(Axis.fit(0, 1, false, Double.NaN, Double.NaN).ticks()).extracting(Axis.Tick::plain)
                .containsExactly("0.0", "0.2", "0.4", "0.6", "0.8", "1.0");
        assertThat(Axis.fit(-0.3, 0.25, false, Double.NaN, Double.NaN).ticks()).extracting(Axis.Tick::plain)
                .containsExactly("-0.3", "-0.2", "-0.1", "0.0", "0.1", "0.2", "0.3");
        assertThat(Axis.fit(0, 0.3, false, Double.NaN, Double.NaN).ticks()).extracting(Axis.Tick::plain)
                .containsExactly("0.00", "0.05", "0.10", "0.15", "0.20", "0.25", "0.30");
        assertThat(Axis.fit(0, 30, false, Double.NaN, Double.NaN).ticks()).extracting(Axis.Tick::plain)
                .containsExactly("0", "5", "10", "15", "20", "25", "30");
        // scientific: each label its exponent, all mantissas the same decimals
        assertThat(Axis.fit(4e-7, 2.1e-6, false, Double.NaN, Double.NaN).ticks()).extracting(Axis.Tick::plain)
                .containsExactly("4.0e-7", "6.0e-7", "8.0e-7", "1.0e-6", "1.2e-6", "1.4e-6", "1.6e-6", "1.8e-6", "2.0e-6",
                        "2.2e-6");
    }

    @Test
    void rejectsBadInput() {
        double[] x = {1, 2, 3};
        assertThatThrownBy(() -> LinePlot.builder().series("a", x, new double[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("series 'a': 3 x values but 2 y values");
        assertThatThrownBy(() -> LinePlot.builder().series("a", x, x).series("a", x, x))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("duplicate series name 'a'");
        assertThatThrownBy(() -> LinePlot.builder().logY(true).yRange(0, 1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> LinePlot.builder().build().writePngAndSvg(dir, "a/b"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyPlotStillRenders() throws Exception {
        LinePlot plot = LinePlot.builder().build();
        plot.writePngAndSvg(dir, "empty");
        assertThat(Files.size(dir.resolve("empty.png"))).isPositive();
        assertThat(parseXml(plot.toSvg()).getDocumentElement().getTagName()).isEqualTo("svg");
    }

    @Test
    void awkwardDataStillRenders() throws Exception {
        LinePlot plot = awkwardPlot();
        plot.writePngAndSvg(dir, "awkward");
        assertThat(ImageIO.read(dir.resolve("awkward.png").toFile())).isNotNull();
        assertThat(parseXml(Files.readString(dir.resolve("awkward.svg"))).getDocumentElement().getTagName())
                .isEqualTo("svg");
    }

    static LinePlot awkwardPlot() {
        double[] x = {1, 2, 3, 4};
        return LinePlot.builder()
                .logY(true)
                .yRange(1e-3, 10)
                .xRange(1.5, Double.NaN)
                .series("single", new double[] {2}, new double[] {1}, LineStyle.LINE_AND_MARKERS)
                .series("all NaN", x, new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN})
                .series("outside the range", x, new double[] {1e-9, 1e9, 5, 0.5}, new double[] {1, 1, 10, 0.1},
                        LineStyle.MARKERS)
                .series("empty", new double[0], new double[0])
                .build();
    }

    @Test
    void rendersHeadless() {
        samplePlot().toPng();
        assertThat(java.awt.GraphicsEnvironment.isHeadless()).isTrue();
    }

    @Test
    void coordinatesAreFormattedWithoutLocaleOrExponent() {
        assertThat(SvgRenderer.num(12.345)).isEqualTo("12.35");
        assertThat(SvgRenderer.num(-0.5)).isEqualTo("-0.5");
        assertThat(SvgRenderer.num(3.0)).isEqualTo("3");
        assertThat(SvgRenderer.num(0.07)).isEqualTo("0.07");
        assertThat(SvgRenderer.num(1e300)).isEqualTo("1000000");
    }

    static Document parseXml(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static List<String> texts(Document svg) {
        NodeList nodes = svg.getElementsByTagName("text");
        return java.util.stream.IntStream.range(0, nodes.getLength())
                .mapToObj(i -> nodes.item(i).getTextContent()).toList();
    }
}
