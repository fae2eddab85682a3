package org.chaoslab.cli.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.chaoslab.io.Npy;
import org.chaoslab.io.NpyDoubles;
import picocli.CommandLine.Option;

/** The stimulus set of the kernel commands: a circle, torus or sphere of inputs, or inputs from a .npy file. */
public final class StimulusOptions {

    @Option(names = "--stimuli", paramLabel = "SPEC",
            description = "circle:P (P equally spaced angles), torus:D:K (K^D points, D = 1..4), sphere:D:P (P uniform points "
                    + "on S^D, D = 1..4), or FILE.npy (P x N inputs). Default: ${DEFAULT-VALUE}.", defaultValue = "circle:256")
    String spec;

    @Option(names = "--s", description = "Input strength s >= 0: x_i(theta) = s (xi_i cos theta + eta_i sin theta), input "
            + "overlap s^2 cos(Delta). Default: ${DEFAULT-VALUE}.", defaultValue = "1.0")
    double s;

    /** The input strength s. */
    public double scale() {
        return s;
    }

    /** The stimulus set (a sphere's points use the stream of {@code seed}). */
    public org.chaoslab.model.Stimuli stimuli(long seed) {
        return parse("--stimuli", spec, s, seed);
    }

    /** A stimulus set from its spec (circle:P, torus:D:K, sphere:D:P, FILE.npy); {@code option} names it in errors. */
    static org.chaoslab.model.Stimuli parse(String option, String spec, double s, long seed) {
        if (!(s >= 0) || !Double.isFinite(s)) {
            throw new IllegalArgumentException("--s must be finite and >= 0 (got " + s + ")");
        }
        String[] f = spec.split(":");
        try {
            return switch (f[0]) {
                case "circle" -> {
                    need(f, 2);
                    yield org.chaoslab.model.Stimuli.Circle.equallySpaced(count(f[1], "P"), s);
                }
                case "torus" -> {
                    need(f, 3);
                    yield new org.chaoslab.model.Stimuli.Torus(count(f[1], "D"), count(f[2], "K"), s);
                }
                case "sphere" -> {
                    need(f, 3);
                    yield org.chaoslab.model.Stimuli.Sphere.uniform(count(f[1], "D"), count(f[2], "P"), s, seed);
                }
                default -> {
                    if (!spec.endsWith(".npy")) {
                        throw new IllegalArgumentException(option + " must be circle:P, torus:D:K, sphere:D:P or FILE.npy (got '"
                                + spec + "')");
                    }
                    yield given(Path.of(spec));
                }
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + spec + "' has a count that is not an integer");
        }
    }

    /** Whether the stimuli lie on a circle (the kernel-vs-distance analyses need it). */
    public boolean isCircle() {
        return spec.startsWith("circle:");
    }

    private static void need(String[] f, int parts) {
        if (f.length != parts) {
            throw new IllegalArgumentException("--stimuli: expected " + parts + " fields separated by ':' (got " + String.join(":", f) + ")");
        }
    }

    private static int count(String v, String name) {
        int c = Integer.parseInt(v.trim());
        if (c < 1) {
            throw new IllegalArgumentException("--stimuli: " + name + " must be >= 1 (got " + c + ")");
        }
        return c;
    }

    private static org.chaoslab.model.Stimuli given(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--stimuli: no such file " + file);
        }
        NpyDoubles a;
        try {
            a = Npy.readDoubles(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("--stimuli: cannot read " + file + " (" + e.getMessage() + ")");
        }
        if (a.ndim() != 2) {
            throw new IllegalArgumentException("--stimuli: " + file + " must be a 2-d array stimuli x units (got "
                    + a.ndim() + " dimensions)");
        }
        return new org.chaoslab.model.Stimuli.Given(a.shape()[0], a.shape()[1], a.data());
    }
}
