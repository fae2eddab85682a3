package org.chaoslab.cli.sweep;

import java.io.PrintWriter;

/**
 * The sweep's progress on standard error: runs done of those to run, failures, elapsed time and the estimated time
 * left (elapsed / done × remaining). On a terminal one line redrawn at most 4 times a second; otherwise (a log, a
 * pipe) a line every 10 % or 30 s, whichever comes first.
 */
final class SweepProgress {

    private final PrintWriter err;
    private final int total;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private int done;
    private int failed;
    private long lastDraw;
    private int lastTenth;

    SweepProgress(PrintWriter err, int total, boolean terminal) {
        this.err = err;
        this.total = total;
        this.terminal = terminal;
    }

    void done(SweepRow row) {
        done++;
        if (!SweepRow.COMPLETED.equals(row.status())) {
            failed++;
        }
        long now = System.nanoTime();
        int tenth = total == 0 ? 10 : done * 10 / total;
        if (terminal ? now - lastDraw > 250_000_000L || done == total
                : tenth > lastTenth || now - lastDraw > 30_000_000_000L || done == total) {
            lastDraw = now;
            lastTenth = tenth;
            String line = line(now);
            if (terminal) {
                err.print("\r" + line + "   ");
            } else {
                err.println(line);
            }
            err.flush();
        }
    }

    void finish() {
        if (terminal && done > 0) {
            err.println();
        }
    }

    private String line(long now) {
        double elapsed = (now - start) * 1e-9;
        double eta = done == 0 ? Double.NaN : elapsed / done * (total - done);
        return "chaoslab: sweep " + done + "/" + total + " runs" + (failed > 0 ? " (" + failed + " failed)" : "")
                + ", " + clock(elapsed) + " elapsed" + (done < total ? ", about " + clock(eta) + " left" : "");
    }

    static String clock(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }
}
