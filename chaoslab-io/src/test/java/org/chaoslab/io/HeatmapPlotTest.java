package org.chaoslab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class HeatmapPlotTest {

    @TempDir
    Path dir;

    private static final int NX = 40;
    private static final int NY = 30;

    static double[] axis(int n, double lo, double hi) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = lo + (hi - lo) * i / (n - 1);
        }
        return a;
    }

    static HeatmapPlot sample() {
        double[] x = axis(NX, 0.5, 4.5);
        double[] y = axis(NY, 0.0, 1.0);
        double[] z = new double[NX * NY];
        for (int i = 0; i < NX; i++) {
            for (int j = 0; j < NY; j++) {
                z[i * NY + j] = x[i] * (1 + y[j]);
            }
        }
        z[3 * NY + 4] = Double.NaN;
        return HeatmapPlot.builder().title("chi_1 & <things>").xLabel("sigma_w^2").yLabel("sigma_b^2").colorLabel("chi_1")
                .grid(x, y, z)
                .overlay(new PlotSeries("chi1 = 1", new double[] {1.0, 2.0, 3.0}, new double[] {0.0, 0.5, 1.0}, null, LineStyle.LINE))
                .build();
    }

    @Test
    void writesPngAndSvgOnTheSameCells() throws Exception {
        HeatmapPlot p = sample();
        List<Path> files = p.writePngAndSvg(dir, "chi1");
        assertThat(files).containsExactly(dir.resolve("chi1.png"), dir.resolve("chi1.svg"));
        BufferedImage png = ImageIO.read(files.get(0).toFile());
        assertThat(png.getWidth()).isEqualTo(800);
        assertThat(png.getHeight()).isEqualTo(640);

        Document svg = parse(Files.readString(files.get(1)));
        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(texts(svg)).contains("sigma_w^2", "sigma_b^2", "chi_1", "chi1 = 1", "chi_1 & <things>");
        NodeList images = svg.getElementsByTagName("image");
        assertThat(images.getLength()).isEqualTo(2);
        Element cells = (Element) images.item(0);
        BufferedImage raster = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(
                cells.getAttribute("xlink:href").substring("data:image/png;base64,".length()))));
        assertThat(raster.getWidth()).isEqualTo(NX);
        assertThat(raster.getHeight()).isEqualTo(NY);

        HeatmapLayout g = new HeatmapLayout(p);
        double[] x = axis(NX, 0.5, 4.5);
        double[] y = axis(NY, 0.0, 1.0);
        for (int[] ij : new int[][] {{0, 0}, {10, 20}, {NX - 1, NY - 1}, {3, 4}, {25, 7}}) {
            int i = ij[0];
            int j = ij[1];
            int expected = i == 3 && j == 4 ? HeatmapColors.MISSING
                    : HeatmapColors.of(x[i] * (1 + y[j]), p.colorAxis());
            // the SVG's embedded raster: one pixel per cell, largest y in the top row
            assertThat(raster.getRGB(i, NY - 1 - j) & 0xFFFFFF).isEqualTo(expected);
            // the PNG: the same colour at the cell's centre (nearest-neighbour scaling)
            int px = (int) Math.floor(g.px(p.xAxis(), x[i]));
            int py = (int) Math.floor(g.py(p.yAxis(), y[j]));
            assertThat(png.getRGB(px, py) & 0xFFFFFF).as("cell " + i + "," + j).isEqualTo(expected);
        }
        try (var list = Files.list(dir)) {
            assertThat(list.map(f -> f.getFileName().toString())).noneMatch(n -> n.contains("tmp"));
        }
    }

    @Test
    void viridisEndsMatchMatplotlib() {
        // matplotlib viridis(0) = (0.267, 0.005, 0.329), viridis(1) = (0.993, 0.906, 0.144); the fit is within 0.01
        assertRgb(HeatmapColors.viridis(0.0), 0.267, 0.005, 0.329);
        assertRgb(HeatmapColors.viridis(1.0), 0.993, 0.906, 0.144);
        assertRgb(HeatmapColors.viridis(0.5), 0.128, 0.567, 0.551);
    }

    private static void assertRgb(int rgb, double r, double g, double b) {
        assertThat(((rgb >> 16) & 0xFF) / 255.0).isCloseTo(r, org.assertj.core.data.Offset.offset(0.015));
        assertThat(((rgb >> 8) & 0xFF) / 255.0).isCloseTo(g, org.assertj.core.data.Offset.offset(0.015));
        assertThat((rgb & 0xFF) / 255.0).isCloseTo(b, org.assertj.core.data.Offset.offset(0.015));
    }

    @Test
    void logColoursClipAndMarkMissingValues() {
        double[] x = axis(3, 0, 2);
        double[] y = axis(2, 0, 1);
        double[] z = {0.5, 5, 50, Double.POSITIVE_INFINITY, -1, Double.NaN};
        HeatmapPlot p = HeatmapPlot.builder().grid(x, y, z).logColor(true).colorRange(1, 100).build();
        int[] px = p.raster();
        // raster rows run from the top: row 0 holds j = 1 (z = 5, ∞, NaN), row 1 holds j = 0 (z = 0.5, 50, −1)
        assertThat(px[0]).isEqualTo(HeatmapColors.viridis(Math.log10(5) / 2));
        assertThat(px[1]).isEqualTo(HeatmapColors.viridis(1.0)); // +∞: the top colour
        assertThat(px[2]).isEqualTo(HeatmapColors.MISSING); // NaN
        assertThat(px[3]).isEqualTo(HeatmapColors.viridis(0.0)); // 0.5 below the range: the bottom colour
        assertThat(px[4]).isEqualTo(HeatmapColors.viridis(Math.log10(50) / 2));
        assertThat(px[5]).isEqualTo(HeatmapColors.MISSING); // −1 has no logarithm
        assertThat(p.colorMin()).isEqualTo(1.0);
        assertThat(p.colorMax()).isEqualTo(100.0);
    }

    @Test
    void rejectsBadGrids() {
        assertThatThrownBy(() -> HeatmapPlot.builder().grid(new double[] {0, 1, 3}, new double[] {0, 1}, new double[6]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("equally spaced");
        assertThatThrownBy(() -> HeatmapPlot.builder().grid(new double[] {0, 1}, new double[] {0, 1}, new double[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("need 2 x 2 = 4");
        assertThatThrownBy(() -> HeatmapPlot.builder().build()).isInstanceOf(IllegalArgumentException.class);
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    static List<String> texts(Document d) {
        NodeList n = d.getElementsByTagName("text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.getLength(); i++) {
            out.add(n.item(i).getTextContent());
        }
        return out;
    }
}
