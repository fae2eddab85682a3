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
 * The explorer's web server (Javalin on Jetty): the pages and their scripts from the jar ({@code /} for the rate view,
 * {@code /balanced.html}, {@code /deep.html}, {@code /kernel.html}; the plotting library uPlot from its webjar under
 * {@code /webjars}), one WebSocket per browser tab ({@code /ws?view=NAME}), and the export of a tab's data
 * ({@code /export/TOKEN}, the token its {@code hello} message gave it).
 *
 * <p>Each tab is a session with its own view ({@link ExploreView}), named by the WebSocket's query parameter
 * {@code view} (the rate view without it): {@link RateExplorer}, {@link BalancedExplorer}, {@link DeepExplorer},
 * {@link KernelExplorer}. At most {@code maxSessions} tabs at once, a tab beyond them gets an {@code error} message
 * saying so and is closed (status 1013, "try again later"). Closing the tab closes the WebSocket, which stops its view's
 * threads. Every message from a browser is checked ({@link Messages#parse}, then the view's form); a bad one is answered
 * with an {@code error} or {@code invalid} message, never with an exception that could end the server; a flood beyond {@link #RATE} messages per second is
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
    private final DeepDiagrams diagrams = new DeepDiagrams();
    private final Map<String, Tab> tabs = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, ViewKind> views = new LinkedHashMap<>();

    /**
     * A view a tab may open.
     *
     * @param name     its name (the query parameter {@code view}; the page {@code NAME.html}, the rate view's {@code /})
     * @param defaults the values its tabs start with, as parsed (every field of its form)
     * @param limits   the view's own limits, for the page
     * @param open     starts the view of a new tab
     */
    private record ViewKind(String name, Map<String, Object> defaults, Map<String, Object> limits,
                            java.util.function.Function<Outbox, ExploreView> open) {
    }

    /** One browser tab. */
    private static final class Tab {
        final String token;
        final Outbox out;
        volatile ExploreView view;
        double tokens = BURST;
        long lastRefill = System.nanoTime();
        long lastFloodNotice;

        Tab(String token, Outbox out) {
            this.token = token;
            this.out = out;
        }
    }

    private ExploreServer(int maxSessions, int threads, Map<String, Map<String, String>> initial) {
        this.maxSessions = maxSessions;
        this.threads = threads;
        registerViews(initial);
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
     * Starts a server whose tabs start every view with its defaults.
     *
     * @param host        the address to bind (127.0.0.1: this machine only)
     * @param port        the port, 0 for any free one
     * @param maxSessions the most tabs served at once
     * @param threads     threads of each tab's products
     */
    public static ExploreServer start(String host, int port, int maxSessions, int threads) {
        return start(host, port, maxSessions, threads, Map.of());
    }

    /**
     * Starts a server whose tabs start the views named in {@code initial} with those values (every field of the view's
     * form, valid), the others with their defaults.
     *
     * @throws IllegalArgumentException for an unknown view or values its form refuses
     */
    public static ExploreServer start(String host, int port, int maxSessions, int threads, Map<String, Map<String, String>> initial) {
        ExploreServer s = new ExploreServer(maxSessions, threads, initial);
        s.app.start(host, port);
        return s;
    }

    /** The names of the views, in the order of the page's navigation. */
    public static java.util.List<String> views() {
        return java.util.List.of("rate", "balanced", "deep", "kernel");
    }

    /** Checks the initial values of every view and registers how a tab opens it. */
    private void registerViews(Map<String, Map<String, String>> initial) {
        for (String name : initial.keySet()) {
            if (!views().contains(name)) {
                throw new IllegalArgumentException("unknown view '" + name + "' (the views are " + String.join(", ", views()) + ")");
            }
        }
        Map<String, String> rateValues = initial.getOrDefault("rate", defaults());
        RateForm.Result rate = RateForm.check(new LinkedHashMap<>(rateValues));
        if (!rate.ok()) {
            throw new IllegalArgumentException("initial parameters of the rate view: " + rate.errors());
        }
        Map<String, Object> rateLimits = new LinkedHashMap<>();
        rateLimits.put("maxN", RateForm.MAX_N);
        rateLimits.put("speed", RateExplorer.SPEED);
        rateLimits.put("dt", RateExplorer.DT);
        rateLimits.put("integrator", RateExplorer.INTEGRATOR.label());
        views.put("rate", new ViewKind("rate", rate.parameters().values(), rateLimits,
                out -> new RateExplorer(out, theory, rate.parameters(), threads)));

        Forms.Checked<BalancedForm.Parameters> balanced = BalancedForm.check(
                new LinkedHashMap<>(initial.getOrDefault("balanced", BalancedForm.defaults())));
        if (!balanced.ok()) {
            throw new IllegalArgumentException("initial parameters of the balanced view: " + balanced.errors());
        }
        views.put("balanced", new ViewKind("balanced", balanced.parameters().values(), BalancedExplorer.limits(),
                out -> new BalancedExplorer(out, balanced.parameters())));

        Forms.Checked<DeepForm.Parameters> deep = DeepForm.check(new LinkedHashMap<>(initial.getOrDefault("deep", DeepForm.defaults())),
                threads);
        if (!deep.ok()) {
            throw new IllegalArgumentException("initial parameters of the deep view: " + deep.errors());
        }
        views.put("deep", new ViewKind("deep", deep.parameters().values(), DeepExplorer.limits(),
                out -> new DeepExplorer(out, diagrams, deep.parameters(), threads)));

        Forms.Checked<KernelForm.Parameters> kernel = KernelForm.check(
                new LinkedHashMap<>(initial.getOrDefault("kernel", KernelForm.defaults())), threads);
        if (!kernel.ok()) {
            throw new IllegalArgumentException("initial parameters of the kernel view: " + kernel.errors());
        }
        views.put("kernel", new ViewKind("kernel", kernel.parameters().values(), KernelExplorer.limits(),
                out -> new KernelExplorer(out, kernel.parameters(), threads)));
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
        return (int) tabs.values().stream().filter(t -> t.view != null && !t.view.stopped()).count();
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
        String name = ctx.queryParam("view") == null ? "rate" : ctx.queryParam("view");
        ViewKind kind = views.get(name);
        if (kind == null) {
            out.offer(Messages.error("unknown view '" + (name.length() > 40 ? name.substring(0, 40) + "..." : name)
                    + "' (the views are " + String.join(", ", views.keySet()) + ")"));
            out.close(1008, "unknown view");
            return;
        }
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
            Map<String, Object> hello = Messages.message("hello");
            hello.put("token", tab.token);
            hello.put("version", Version.current());
            hello.put("view", kind.name());
            hello.put("views", views.keySet());
            hello.put("defaults", kind.defaults());
            Map<String, Object> limits = new LinkedHashMap<>();
            limits.put("maxSessions", maxSessions);
            limits.put("messagesPerSecond", RATE);
            limits.put("maxMessageChars", Messages.MAX_CHARS);
            limits.putAll(kind.limits());
            hello.put("limits", limits);
            out.offer(Messages.json(hello));
            tab.view = kind.open().apply(out);
        }
    }

    /** The parameters a new tab of the rate view starts with by default. */
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
            tab.view.handle(Messages.parse(ctx.message()));
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
        if (tab.view != null) {
            tab.view.close();
        }
    }

    // ------------------------------------------------------------------ export

    private void export(Context ctx) throws IOException {
        String token = ctx.pathParam("token");
        Tab tab = tabs.values().stream().filter(t -> t.token.equals(token)).findFirst().orElse(null);
        if (tab == null || tab.view == null) {
            ctx.status(HttpStatus.NOT_FOUND).result("no such session (it was closed, or the server restarted)");
            return;
        }
        ExploreView.Export export;
        try {
            export = tab.view.export().get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).result("the view did not answer in time");
            return;
        } catch (java.util.concurrent.ExecutionException e) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).result("the export failed: " + e.getCause());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).result("interrupted");
            return;
        }
        ctx.header("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"");
        ctx.contentType(ContentType.APPLICATION_ZIP);
        ctx.result(export.zip());
    }
}
