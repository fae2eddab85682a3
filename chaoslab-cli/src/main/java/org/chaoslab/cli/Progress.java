package org.chaoslab.cli;

import java.io.Console;
import java.io.PrintWriter;

import org.chaoslab.sim.ProgressListener;

/**
 * A progress bar on stderr, shown only when stderr is an interactive terminal and the run lasts more
 * than two seconds; redrawn at most four times a second.
 */
public final class Progress implements ProgressListener {

    private final PrintWriter err;
    private final String label;
    private final long start = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    private Progress(PrintWriter err, String label) {
        this.err = err;
        this.label = label;
    }

    /** A bar on {@code err} if the console is a terminal, else a listener that does nothing. */
    public static ProgressListener on(PrintWriter err, String label) {
        Console c = System.console();
        return c != null && c.isTerminal() ? new Progress(err, label) : ProgressListener.NONE;
    }

    /**
     * Before a solve that reports no progress but may be slow: one line "chaoslab: solving WHAT (this can take up to
     * N s)" on {@code err}, only when the console is an interactive terminal (never in pipes, scripts or tests).
     */
    public static void notice(PrintWriter err, String what, long upToSeconds) {
        Console c = System.console();
        if (c != null && c.isTerminal()) {
            err.println("chaoslab: solving " + what + " (this can take up to " + upToSeconds + " s)");
            err.flush();
        }
    }

    @Override
    public void progress(long done, long total) {
        long now = System.nanoTime();
        double elapsed = (now - start) * 1e-9;
        if (elapsed < 2.0 || (now - lastDraw) < 250_000_000L && done < total) {
            return;
        }
        lastDraw = now;
        double f = (double) done / total;
        int width = 30;
        int full = (int) Math.round(f * width);
        double eta = f > 0 ? elapsed * (1 - f) / f : Double.NaN;
        err.printf("\r%s [%s%s] %3.0f%%  %.0fs left ", label, "#".repeat(full), " ".repeat(width - full), 100 * f, eta);
        drawn = true;
        if (done >= total) {
            err.print("\r" + " ".repeat(width + label.length() + 24) + "\r");
        }
        err.flush();
    }

    /** Clears the line when the run ends early. */
    public void clear() {
        if (drawn) {
            err.print("\r\n");
            err.flush();
        }
    }
}
