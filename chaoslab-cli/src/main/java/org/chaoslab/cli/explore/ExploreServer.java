package org.chaoslab.cli.explore;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.javalin.Javalin;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import org.chaoslab.cli.Version;

/**
 * The explorer's web server (Javalin on Jetty): the page and its scripts from the jar ({@code /}, the plotting library
 * uPlot from its webjar under {@code /webjars}), one WebSocket per browser tab ({@code /ws}), and the export of a tab's
 * data ({@code /export/TOKEN}, the token its {@code hello} message gave it).
 *
 * <p>Each tab is a session with its own simulation ({@link RateExplorer}); at most {@code maxSessions} at once, a tab
 * beyond them gets an {@code error} message saying so and is closed (status 1013, "try again later"). Closing the tab
 * closes the WebSocket, which stops its simulation and theory threads. Every message from a browser is checked
 * ({@link Messages#parse}, {@link RateForm#check}); a bad one is answered with an {@code error} or {@code invalid}
 * message, never with an exception that could end the server; a flood beyond {@link #RATE} messages per second is
 * dropped (one error message per second says so); frames longer than {@link #MAX_FRAME} bytes are refused by Jetty
 * itself (the connection is closed with status 1009).
 */
public final class ExploreServer implements AutoCloseable {

    /** Messages per second a tab may send, on average (a slider dragged sends about 30). */
    static final double RATE = 60.0;
    /** Messages a tab may send at once beyond the rate. */
    static final double BURST = 120.0;
    /** The largest WebSocket frame Jetty accepts (the protocol's messages are far smaller, {@link Messages#MAX_CHARS}). */
    static final int MAX_FRAME = 64 * 1024;

    private final Javalin app;
    private final int maxSessions;
    private final int threads;
    private final RateTheory theory = new RateTheory();
    private final Map<String, Tab> tabs = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> defaults;

    /** One browser tab. */
    private static final class Tab {
        final String token;
        final Outbox out;
        volatile RateExplorer rate;
        double tokens = BURST;
        long lastRefill = System.nanoTime();
        long lastFloodNotice;

        Tab(String token, Outbox out) {
            this.token = token;
            this.out = out;
        }
    }

    private ExploreServer(int maxSessions, int threads, Map<String, String> defaults) {
        this.maxSessions = maxSessions;
        this.threads = threads;
        this.defaults = Map.copyOf(defaults);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.staticFiles.add("/org/chaoslab/cli/explore/web", Location.CLASSPATH);
            config.staticFiles.enableWebjars();
            config.jetty.modifyWebSocketServletFactory(f -> {
                f.setMaxTextMessageSize(MAX_FRAME);
                f.setMaxBinaryMessageSize(1024);
                f.setIdleTimeout(java.time.Duration.ofMinutes(30));
            });
            config.routes.get("/export/{token}", this::export);
            config.routes.ws("/ws", ws -> {
                ws.onConnect(this::connected);
                ws.onMessage(this::message);
                ws.onBinaryMessage(ctx -> ctx.send(Messages.error("binary messages are not part of the protocol")));
                ws.onClose(this::ended);
                ws.onError(this::ended);
            });
        });
    }

    /**
     * Starts a server.
     *
     * @param host        the address to bind (127.0.0.1: this machine only)
     * @param port        the port, 0 for any free one
     * @param maxSessions the most tabs served at once
     * @param threads     threads of each tab's products
     */
    public static ExploreServer start(String host, int port, int maxSessions, int threads) {
        return start(host, port, maxSessions, threads, defaults());
    }

    /**
     * Starts a server whose tabs start with {@code initial} (every field of {@link RateForm#FIELDS}, valid).
     *
     * @throws IllegalArgumentException when {@code initial} is not valid
     */
    public static ExploreServer start(String host, int port, int maxSessions, int threads, Map<String, String> initial) {
        RateForm.Result checked = RateForm.check(new LinkedHashMap<>(initial));
        if (!checked.ok()) {
            throw new IllegalArgumentException("initial parameters: " + checked.errors());
        }
        ExploreServer s = new ExploreServer(maxSessions, threads, initial);
        s.app.start(host, port);
        return s;
    }

    /** The port it listens on. */
    public int port() {
        return app.port();
    }

    /** Tabs served now. */
    public int sessions() {
        return tabs.size();
    }

    /** Whether every simulation of a closed tab has stopped (for tests): the number of tabs whose threads still run. */
    int running() {
        return (int) tabs.values().stream().filter(t -> t.rate != null && !t.rate.stopped()).count();
    }

    @Override
    public void close() {
        for (Tab t : tabs.values()) {
            stop(t);
        }
        tabs.clear();
        app.stop();
    }

    // ------------------------------------------------------------------ WebSocket

    private void connected(WsConnectContext ctx) {
        Outbox out = new Outbox(ctx.session);
        synchronized (tabs) {
            if (tabs.size() >= maxSessions) {
                Map<String, Object> m = Messages.message("error");
                m.put("code", "session-limit");
                m.put("message", "the explorer serves at most " + maxSessions + " tabs at once (--max-sessions " + maxSessions
                        + "): close another tab, or restart it with a larger --max-sessions");
                out.offer(Messages.json(m));
                out.close(1013, "session limit reached");
                return;
            }
            Tab tab = new Tab(HexFormat.of().formatHex(random.generateSeed(12)), out);
            tabs.put(ctx.sessionId(), tab);
            RateForm.Result initial = RateForm.check(new LinkedHashMap<>(defaults));
            Map<String, Object> hello = Messages.message("hello");
            hello.put("token", tab.token);
            hello.put("version", Version.current());
            hello.put("defaults", initial.parameters().values());
            Map<String, Object> limits = new LinkedHashMap<>();
            limits.put("maxN", RateForm.MAX_N);
            limits.put("maxSessions", maxSessions);
            limits.put("messagesPerSecond", RATE);
            limits.put("maxMessageChars", Messages.MAX_CHARS);
            limits.put("speed", RateExplorer.SPEED);
            limits.put("dt", RateExplorer.DT);
            limits.put("integrator", RateExplorer.INTEGRATOR.label());
            hello.put("limits", limits);
            out.offer(Messages.json(hello));
            tab.rate = new RateExplorer(out, theory, initial.parameters(), threads);
        }
    }

    /** The parameters a new tab starts with by default. */
    public static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("n", "1000");
        d.put("g", "1.5");
        d.put("phi", "tanh");
        d.put("j0", "0");
        d.put("input", "0");
        d.put("noise", "none");
        d.put("seed", "1");
        return d;
    }

    private void message(WsMessageContext ctx) {
        Tab tab = tabs.get(ctx.sessionId());
        if (tab == null) {
            return;
        }
        if (!admit(tab)) {
            return;
        }
        try {
            Messages.Request r = Messages.parse(ctx.message());
            switch (r.type()) {
                case "pause" -> tab.rate.pause();
                case "resume" -> tab.rate.resume();
                case "set", "reset" -> {
                    Map<String, String> values = new LinkedHashMap<>(r.params());
                    RateForm.Result checked = RateForm.check(values);
                    if (!checked.ok()) {
                        Map<String, Object> m = Messages.message("invalid");
                        m.put("errors", checked.errors());
                        tab.out.offer(Messages.json(m));
                    } else if ("set".equals(r.type())) {
                        tab.rate.set(checked.parameters());
                    } else {
                        tab.rate.reset(checked.parameters());
                    }
                }
                default -> throw new Messages.BadMessage("unknown message type '" + r.type() + "'");
            }
        } catch (Messages.BadMessage | IllegalArgumentException e) {
            tab.out.offer(Messages.error(e.getMessage()));
        } catch (RuntimeException e) {
            // a bug, not the browser's fault: say so to the tab and keep serving
            tab.out.offer(Messages.error("internal error: " + e));
        }
    }

    /** Token bucket: RATE per second, BURST at once; beyond, the message is dropped (one notice per second). */
    private static boolean admit(Tab tab) {
        synchronized (tab) {
            long now = System.nanoTime();
            tab.tokens = Math.min(BURST, tab.tokens + RATE * (now - tab.lastRefill) * 1e-9);
            tab.lastRefill = now;
            if (tab.tokens >= 1.0) {
                tab.tokens -= 1.0;
                return true;
            }
            if (now - tab.lastFloodNotice > 1_000_000_000L) {
                tab.lastFloodNotice = now;
                tab.out.offer(Messages.error("too many messages: dropped (at most " + (int) RATE + " per second)"));
            }
            return false;
        }
    }

    private void ended(WsContext ctx) {
        Tab tab = tabs.remove(ctx.sessionId());
        if (tab != null) {
            stop(tab);
        }
    }

    private static void stop(Tab tab) {
        tab.out.close(1001, "closed");
        if (tab.rate != null) {
            tab.rate.close();
        }
    }

    // ------------------------------------------------------------------ export

    private void export(Context ctx) throws IOException {
        String token = ctx.pathParam("token");
        Tab tab = tabs.values().stream().filter(t -> t.token.equals(token)).findFirst().orElse(null);
        if (tab == null || tab.rate == null) {
            ctx.status(HttpStatus.NOT_FOUND).result("no such session (it was closed, or the server restarted)");
            return;
        }
        RateExport.Snapshot snapshot;
        try {
            snapshot = tab.rate.snapshot().get(10, TimeUnit.SECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).result("the simulation did not answer in time: " + e);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).result("interrupted");
            return;
        }
        byte[] zip = RateExport.zip(snapshot);
        ctx.header("Content-Disposition", "attachment; filename=\"chaoslab-explore-rate.zip\"");
        ctx.contentType(ContentType.APPLICATION_ZIP);
        ctx.result(zip);
    }
}
