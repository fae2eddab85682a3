package org.chaoslab.cli.deep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.chaoslab.io.Npy;

/** Small writing helpers shared by the deepnet verbs. */
final class DeepOutputs {

    private DeepOutputs() {
    }

    /** 1, 2, …, L as doubles. */
    static double[] layerAxis(int depth) {
        double[] l = new double[depth];
        for (int i = 0; i < depth; i++) {
            l[i] = i + 1;
        }
        return l;
    }

    /** Writes a 1-d array as DIR/name and records the name. */
    static void npy(Path dir, List<String> files, String name, double[] data) throws IOException {
        Files.createDirectories(dir);
        Npy.write(dir.resolve(name), data, data.length);
        files.add(name);
    }

    /** Writes an (rows × cols) array as DIR/name and records the name. */
    static void npy(Path dir, List<String> files, String name, double[] data, int rows, int cols) throws IOException {
        Files.createDirectories(dir);
        Npy.write(dir.resolve(name), data, rows, cols);
        files.add(name);
    }

    /** A copy with non-positive and non-finite entries as NaN (for logarithmic axes). */
    static double[] positive(double[] a) {
        double[] out = a.clone();
        for (int i = 0; i < out.length; i++) {
            if (!(out[i] > 0) || !Double.isFinite(out[i])) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }
}
