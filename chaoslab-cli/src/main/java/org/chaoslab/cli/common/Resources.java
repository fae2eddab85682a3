package org.chaoslab.cli.common;

import java.util.Locale;

/**
 * Memory and array-size checks made before the big arrays are allocated, so that a run that cannot fit is refused in
 * one line (naming the option, with the estimate and the heap available) instead of failing after minutes with an
 * OutOfMemoryError or a NegativeArraySizeException.
 */
public final class Resources {

    /** The largest number of elements of one Java array (the JVM reserves a few header words). */
    public static final long MAX_ARRAY = Integer.MAX_VALUE - 8L;

    /** The largest N of a dense N x N matrix held in one Java array. */
    public static final int MAX_DENSE_N = (int) Math.floor(Math.sqrt((double) MAX_ARRAY));

    private Resources() {
    }

    /** Heap the JVM may still allocate: its maximum (Runtime.maxMemory, set by -Xmx / CHAOSLAB_HEAP) less what is in use. */
    public static long availableHeap() {
        Runtime r = Runtime.getRuntime();
        return r.maxMemory() - (r.totalMemory() - r.freeMemory());
    }

    /**
     * Refuses a dense N x N matrix that does not fit one Java array.
     *
     * @param option the option that sets N, e.g. "--n"
     */
    public static void denseSize(String option, long n) {
        if (n > MAX_DENSE_N) {
            throw new IllegalArgumentException(option + " must be in [1, " + MAX_DENSE_N + "] (a dense N x N matrix must fit "
                    + "one Java array of at most 2^31 - 9 elements; got " + n + ")");
        }
    }

    /** Refuses an array of {@code elements} entries that does not fit one Java array. */
    public static void arraySize(String option, Object value, String what, double elements) {
        if (!(elements <= MAX_ARRAY)) {
            throw new IllegalArgumentException(option + " " + value + " is too large: " + what + " would need "
                    + String.format(Locale.ROOT, "%.3g", elements) + " elements in one array (at most 2^31 - 9)");
        }
    }

    /**
     * Refuses a run whose estimated memory exceeds the heap available.
     *
     * @param option the option that drives the estimate (named in the message)
     * @param value  its value
     * @param what   what the memory is for, e.g. "the couplings (N^2 x 8 bytes)"
     * @param bytes  the estimate
     */
    public static void require(String option, Object value, String what, double bytes) {
        require(option, value, what, bytes, "");
    }

    /**
     * As {@link #require(String, Object, String, double)}, with {@code reduce} after "or reduce OPTION" (e.g. ": the
     * largest that fits is 42814").
     */
    public static void require(String option, Object value, String what, double bytes, String reduce) {
        long available = availableHeap();
        if (!(bytes <= 0.9 * available)) {
            throw new IllegalArgumentException(option + " " + value + " needs about " + size(bytes) + " of memory for " + what
                    + ", more than the " + size(available) + " of heap available (JVM maximum "
                    + size(Runtime.getRuntime().maxMemory()) + "; raise it with CHAOSLAB_HEAP=SIZE, e.g. CHAOSLAB_HEAP=40g, "
                    + "or reduce " + option + reduce + ")");
        }
    }

    /**
     * Refuses a run whose output would not fit the disk: {@code bytes} against the usable space of the file system
     * holding {@code dir} (its nearest existing ancestor when it does not exist yet), with 5% to spare.
     *
     * @param option the option that drives the size (named in the message)
     * @param value  its value
     * @param what   what is written, e.g. "responses.npy"
     * @param dir    the output directory
     * @param bytes  the size to be written
     */
    public static void requireDisk(String option, Object value, String what, java.nio.file.Path dir, double bytes) {
        java.nio.file.Path p = dir.toAbsolutePath();
        while (p != null && !java.nio.file.Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null) {
            return;
        }
        long usable;
        try {
            usable = java.nio.file.Files.getFileStore(p).getUsableSpace();
        } catch (java.io.IOException e) {
            return;                                   // no answer from the file system: the write itself will tell
        }
        if (!(bytes <= 0.95 * usable)) {
            throw new IllegalArgumentException(option + " " + value + " writes about " + size(bytes) + " (" + what + ") but only "
                    + size(usable) + " are free on the disk of " + p + "; choose another --out or reduce " + option);
        }
    }

    /** A byte count in B, kB, MB, GB or TB. */
    public static String size(double bytes) {
        String[] unit = {"B", "kB", "MB", "GB", "TB", "PB"};
        int u = 0;
        double v = bytes;
        while (v >= 1000 && u < unit.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, u == 0 ? "%.0f %s" : "%.1f %s", v, unit[u]);
    }
}
