package org.chaoslab.cli.explore;

import java.util.concurrent.CompletableFuture;

/**
 * What one browser tab runs: a view of the explorer (rate, balanced, deep or kernel network) with its own threads.
 * The server hands it every message the protocol admits ({@link Messages#parse}); the view checks the values by its
 * form (the CLI's rules) and answers on the tab's {@link Outbox}. A type the view has no use for (pause in a view that
 * runs nothing continuously, simulate in one that simulates all the time) is a {@link Messages.BadMessage}.
 */
interface ExploreView extends AutoCloseable {

    /** Handles one of the browser's messages (on the WebSocket's thread; the work goes to the view's own threads). */
    void handle(Messages.Request request) throws Messages.BadMessage;

    /** The export of what the view shows now: a zip of a command's output directory. */
    CompletableFuture<Export> export();

    /** Whether every thread of the view has ended (after {@link #close}). */
    boolean stopped();

    /** Stops the view's threads. */
    @Override
    void close();

    /**
     * A view's export.
     *
     * @param fileName the name the browser saves it under
     * @param zip      the zipped output directory
     */
    record Export(String fileName, byte[] zip) {
    }
}
