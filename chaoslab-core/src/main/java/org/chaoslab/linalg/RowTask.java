package org.chaoslab.linalg;

/** Work on a contiguous block of rows {@code [from, to)}. */
@FunctionalInterface
public interface RowTask {
    void run(int from, int to);
}
