package org.chaoslab.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The command line of one {@code chaoslab bench <mode>}, read option by option: the loop, the value checks and the
 * messages that every mode's {@code parse} shares, and the options several modes take with the same meaning and
 * default ({@link #SHARED}; each mode names those it takes). A mode keeps its own options, defaults and cross-checks:
 *
 * <pre>{@code
 * BenchArgs a = new BenchArgs(args, "--threads", "--out");
 * while (a.next()) {
 *     switch (a.option()) {
 *         case "--n" -> n = a.positive();
 *         default -> a.shared();          // --threads, --out; any other: unknown option
 *     }
 * }
 * if (a.help()) {
 *     return null;
 * }
 * ... new Options(n, a.threads(), a.out())
 * }</pre>
 *
 * {@code --help} (or {@code -h}) ends the reading where it stands, as it always did: what follows it is not looked at,
 * what precedes it has been checked. Every error is an {@link IllegalArgumentException} whose message names the
 * option; {@link BenchCommand} prints it and exits with status 2.
 */
final class BenchArgs {

    /**
     * The shared options: {@code --threads T} (default all cores), {@code --no-numpy} (skip the numpy peer),
     * {@code --python EXE} (the peer's interpreter, default python3), {@code --wait-idle S} (before each phase wait up to
     * S seconds for quiet CPUs, default 0: not at all), {@code --out DIR} (default results/bench).
     */
    static final List<String> SHARED = List.of("--threads", "--no-numpy", "--python", "--wait-idle", "--out");

    private final String[] args;
    private final Set<String> accepted;
    /** Index of the current option; its value, if it takes one, is at {@code i + 1}. */
    private int i = -1;
    private boolean help;
    private int threads = Runtime.getRuntime().availableProcessors();
    private boolean numpy = true;
    private String python = "python3";
    private int waitIdle;
    private Path out = Path.of("results", "bench");

    /** @param shared the {@link #SHARED} options this mode takes (the others stay unknown options to it) */
    BenchArgs(String[] args, String... shared) {
        this.args = args;
        this.accepted = Set.of(shared);
        if (!SHARED.containsAll(accepted)) {
            throw new IllegalStateException("not a shared option: " + accepted);
        }
    }

    /** Moves to the next option: false at the end, and at {@code --help} / {@code -h} (then {@link #help()} is true). */
    boolean next() {
        if (help || ++i >= args.length) {
            return false;
        }
        help = args[i].equals("--help") || args[i].equals("-h");
        return !help;
    }

    /** Whether the reading stopped at {@code --help}: the mode prints its usage and runs nothing. */
    boolean help() {
        return help;
    }

    /** The current option, as typed ({@code --n}). */
    String option() {
        return args[i];
    }

    /** The current option's value (the next word, consumed); "--n needs a value" when there is none. */
    String value() {
        String option = args[i];
        return BenchMain.value(args, ++i, option);
    }

    /** The value as an integer ≥ 1. */
    int positive() {
        String option = args[i];
        return BenchMain.positive(value(), option);
    }

    /** The value as a finite double (any sign: the mode checks its own range). */
    double number() {
        String option = args[i];
        String v = value();
        try {
            double d = Double.parseDouble(v);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException ignored) {
            // below
        }
        throw new IllegalArgumentException(option + " must be a finite number (got '" + v + "')");
    }

    /** The value as a path (a directory to write into, for {@code --out}). */
    Path path() {
        return Path.of(value());
    }

    /** The error for an option this mode does not know. */
    IllegalArgumentException unknown() {
        return new IllegalArgumentException("unknown option '" + args[i] + "'");
    }

    /** For the caller's {@code default} branch: reads the current option if it is a shared one this mode takes. */
    void shared() {
        if (!accepted.contains(option())) {
            throw unknown();
        }
        switch (option()) {
            case "--threads" -> threads = positive();
            case "--no-numpy" -> numpy = false;
            case "--python" -> python = value();
            case "--wait-idle" -> waitIdle = positive();
            case "--out" -> out = path();
            default -> throw new IllegalStateException(option());
        }
    }

    /** {@code --threads}: for chaoslab and the peer's BLAS; default all cores. */
    int threads() {
        return threads;
    }

    /**
     * {@link #threads()}, checked to be at most the cores this JVM sees: more threads than cores would time the
     * scheduler, not the code.
     */
    int threadsWithinCores() {
        int cores = Runtime.getRuntime().availableProcessors();
        if (threads > cores) {
            throw new IllegalArgumentException("--threads must be in [1, " + cores + "] (got " + threads + ")");
        }
        return threads;
    }

    /** False after {@code --no-numpy}: the numpy peer is not run. */
    boolean numpy() {
        return numpy;
    }

    /** {@code --python}: the interpreter of the peer scripts. */
    String python() {
        return python;
    }

    /** {@code --wait-idle}: seconds to wait at most for quiet CPUs before each phase; 0: no wait. */
    int waitIdle() {
        return waitIdle;
    }

    /** {@code --out}: where the report's files go. */
    Path out() {
        return out;
    }

    /** {@code --n}: a network of at least two units. */
    static int size(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("--n must be >= 2 (got " + n + ")");
        }
        return n;
    }

    /** {@code --g-min}, {@code --g-max} of a gain sweep: 0 ≤ g-min ≤ g-max (NaN fails). */
    static void gainRange(double gMin, double gMax) {
        if (!(gMin >= 0) || !(gMax >= gMin)) {
            throw new IllegalArgumentException("--g-min and --g-max must satisfy 0 <= g-min <= g-max (got " + gMin + ", " + gMax
                    + ")");
        }
    }

    /** {@code points} gains equally spaced from {@code gMin} to {@code gMax}, both included (one point: gMin). */
    static double[] linspace(double gMin, double gMax, int points) {
        double[] g = new double[points];
        for (int k = 0; k < points; k++) {
            g[k] = points == 1 ? gMin : gMin + (gMax - gMin) * k / (points - 1);
        }
        return g;
    }
}
