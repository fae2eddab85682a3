package org.chaoslab.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A figure that renders itself as a PNG image and as a standalone SVG document, and writes either
 * (or both) atomically: what {@link LinePlot} and {@link HeatmapPlot} share.
 */
public interface Figure {

    /**
     * Renders the figure as PNG onto a stream.
     *
     * @param out destination (not closed)
     * @throws IOException if writing fails
     */
    void writePng(OutputStream out) throws IOException;

    /** {@return the figure as a standalone SVG document} */
    String toSvg();

    /** {@return the figure as PNG bytes} */
    default byte[] toPng() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writePng(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Writes the figure as a PNG image, atomically.
     *
     * @param file destination
     * @throws IOException if writing fails
     */
    default void writePng(Path file) throws IOException {
        AtomicFiles.write(file, this::writePng);
    }

    /**
     * Writes the figure as an SVG document (UTF-8), atomically.
     *
     * @param file destination
     * @throws IOException if writing fails
     */
    default void writeSvg(Path file) throws IOException {
        byte[] svg = toSvg().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(svg));
    }

    /**
     * Writes {@code <baseName>.png} and {@code <baseName>.svg} into a directory, each atomically.
     *
     * @param dir target directory (created if missing)
     * @param baseName file name without extension
     * @return the paths of the PNG and the SVG file, in that order
     * @throws IOException if writing fails
     */
    default List<Path> writePngAndSvg(Path dir, String baseName) throws IOException {
        if (baseName.isBlank() || baseName.contains("/") || baseName.contains("\\")) {
            throw new IllegalArgumentException("bad plot base name '" + baseName + "': must be a plain file name");
        }
        Path png = dir.resolve(baseName + ".png");
        Path svg = dir.resolve(baseName + ".svg");
        writePng(png);
        writeSvg(svg);
        return List.of(png, svg);
    }
}
