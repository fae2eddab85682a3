package org.chaoslab.cli.explore;

import java.util.ArrayDeque;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * The messages on their way to one browser tab: at most one send in flight, the rest queued, the queue bounded. A tab
 * that does not keep up (its queue full) is closed rather than let the server's memory grow; the simulation sends a
 * frame only when the queue is empty ({@link #idle()}), so a slow tab gets fewer, larger frames instead of a backlog.
 */
final class Outbox {

    /** Messages queued at most; beyond, the tab is too slow and is closed. */
    static final int LIMIT = 256;

    private final Session session;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private boolean sending;
    private boolean closed;

    Outbox(Session session) {
        this.session = session;
    }

    /** Queues a message; false (and the tab closed) when the queue is full, false when closed. */
    boolean offer(String message) {
        boolean overflow;
        synchronized (this) {
            if (closed) {
                return false;
            }
            overflow = queue.size() >= LIMIT;
            if (!overflow) {
                queue.add(message);
            }
        }
        if (overflow) {
            close(1008, "the browser did not keep up with the messages");
            return false;
        }
        pump();
        return true;
    }

    /** Whether nothing is queued or in flight. */
    synchronized boolean idle() {
        return !sending && queue.isEmpty();
    }

    /** Closes the connection with a status and a reason; later messages are dropped. */
    void close(int status, String reason) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear();
        }
        if (session.isOpen()) {
            session.close(status, reason, Callback.NOOP);
        }
    }

    private void pump() {
        String next;
        synchronized (this) {
            if (sending || closed || queue.isEmpty()) {
                return;
            }
            sending = true;
            next = queue.poll();
        }
        try {
            session.sendText(next, Callback.from(this::sent, failure -> failed()));
        } catch (RuntimeException e) {
            failed();
        }
    }

    private void sent() {
        synchronized (this) {
            sending = false;
        }
        pump();
    }

    private void failed() {
        synchronized (this) {
            sending = false;
            closed = true;
            queue.clear();
        }
    }
}
