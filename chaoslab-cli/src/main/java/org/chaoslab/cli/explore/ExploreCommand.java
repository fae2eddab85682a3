package org.chaoslab.cli.explore;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.chaoslab.cli.common.ThreadsOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code chaoslab explore}: the live view of a random network in the browser, with the mean-field theory beside it
 * (docs/explore.md). Starts {@link ExploreServer}, prints its URL and serves until the process is stopped (Ctrl-C).
 */
@Command(name = "explore", mixinStandardHelpOptions = true,
        description = {"Live, interactive views of random networks in the browser, with their mean-field theory beside them.",
                "Starts a local web server, prints its URL (open it in a browser) and serves until stopped (Ctrl-C); "
                + "opens nothing itself. Each browser tab runs its own view:",
                "  rate network (N <= 4000, RK4 at dt = 0.1, at most 10 time units per second): traces, phi(x), <x^2>(t) "
                + "against the DMFT, the running autocorrelation against the DMFT Delta(s), lambda_max by two replicas "
                + "against the DMFT, the phase and g_c; g, phi, J0, the input and the noise retune the running network;",
                "  balanced E/I network (N_E + N_I <= 20000, event-driven, at most 5 tau_E per second): raster, the input "
                + "decomposition of an excitatory unit, population rates against the finite-K mean field; m0 retunes "
                + "the running network, K and N draw a new one;",
                "  deep network: the (sigma_w^2, sigma_b^2) phase diagram with the boundary chi1 = 1; a click shows that "
                + "point's length and correlation maps, depth scales and R finite-width networks' q^l, c^l beside them;",
                "  stimulus kernel: K(Delta) of a binary and a rate network with the nugget, the two-replica theory beside "
                + "a simulation of a few seconds on request (as 'compare kernel').",
                "Values typed in the page are checked by the rules of the CLI's own commands (the same messages).",
                "Export: the data (.npy, .csv), figures (PNG, SVG) and summary.json of the view, as a zip."})
public final class ExploreCommand implements Callable<Integer> {

    @Option(names = "--host", description = "Address to listen on. Default: ${DEFAULT-VALUE} (this machine only; "
            + "0.0.0.0 serves every network this machine is on, to anyone who reaches it).", defaultValue = "127.0.0.1")
    String host;

    @Option(names = "--port", description = "Port to listen on, 0 for any free port. Default: ${DEFAULT-VALUE}.",
            defaultValue = "8765")
    int port;

    @Option(names = "--max-sessions", description = "Browser tabs served at once, 1 to 64 (each runs its own network). "
            + "Default: ${DEFAULT-VALUE}.", defaultValue = "4")
    int maxSessions;

    @Mixin
    ThreadsOptions threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be in [0, 65535] (0: any free port; got " + port + ")");
        }
        if (maxSessions < 1 || maxSessions > 64) {
            throw new IllegalArgumentException("--max-sessions must be in [1, 64] (got " + maxSessions + ")");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--host must be an address of this machine (got '" + host + "': unknown host)");
        }
        int t = threads.threads();
        var err = spec.commandLine().getErr();
        if (!address.isLoopbackAddress()) {
            err.println("chaoslab: warning: --host " + host + " serves the explorer beyond this machine: anyone who reaches "
                    + "it can start simulations on it");
        }
        ExploreServer server;
        try {
            server = ExploreServer.start(host, port, maxSessions, Math.max(1, Math.min(t, 2)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--port " + port + " on " + host + " cannot be used (" + rootMessage(e)
                    + "); --port 0 picks a free one");
        }
        String shown = address.isAnyLocalAddress() ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
        var out = spec.commandLine().getOut();
        out.println("chaoslab explore: serving http://" + shown + ":" + server.port() + "/ (Ctrl-C stops it)");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "chaoslab-explore-shutdown"));
        stopped.await();
        return 0;
    }

    private static String rootMessage(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.toString() : c.getMessage();
    }
}
