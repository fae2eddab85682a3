package org.chaoslab.cli.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.chaoslab.analysis.kernel.Responses;
import org.chaoslab.io.Npy;
import org.chaoslab.io.NpyDoubles;

/**
 * A responses file as written by {@code kernel simulate}: float32 or float64, recordings × stimuli × trials × units
 * (4-d) or stimuli × trials × units (3-d).
 */
final class ResponsesFile {

    private ResponsesFile() {
    }

    /**
     * Reads one recording of a responses file (only that recording is read from disk).
     *
     * @param file      the .npy file
     * @param recording which recording of a 4-d file (−1: the last)
     * @param minTrials the fewest trials the caller needs
     */
    static Responses read(Path file, int recording, int minTrials) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("RESPONSES: no such file " + file);
        }
        int[] s;
        try {
            s = Npy.shape(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("RESPONSES: cannot read " + file + " as .npy (" + e.getMessage() + ")");
        }
        if (s.length != 3 && s.length != 4) {
            throw new IllegalArgumentException("RESPONSES: " + file + " must be stimuli x trials x units (3-d) or recordings x "
                    + "stimuli x trials x units (4-d); got " + s.length + " dimensions");
        }
        int o = s.length - 3;
        int recordings = o == 1 ? s[0] : 1;
        int k = recording < 0 ? recordings - 1 : recording;
        if (k >= recordings) {
            throw new IllegalArgumentException("--recording must be in [0, " + (recordings - 1) + "] (got " + recording + ")");
        }
        int p = s[o];
        int t = s[o + 1];
        int n = s[o + 2];
        if (p < 2) {
            throw new IllegalArgumentException("RESPONSES: needs >= 2 stimuli (got " + p + ")");
        }
        if (t < minTrials) {
            throw new IllegalArgumentException("RESPONSES: needs >= " + minTrials + " trials per stimulus (got " + t + ")");
        }
        NpyDoubles a;
        try {
            // one recording only: a streamed responses file may be larger than memory
            a = o == 1 ? Npy.readRows(file, k, 1) : Npy.readDoubles(file);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("RESPONSES: cannot read " + file + " as .npy (" + e.getMessage() + ")");
        }
        double[] data = new double[p * t * n];
        System.arraycopy(a.data(), 0, data, 0, data.length);
        for (double v : data) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("RESPONSES: " + file + " holds non-finite values");
            }
        }
        return Responses.of(p, t, n, data);
    }
}
