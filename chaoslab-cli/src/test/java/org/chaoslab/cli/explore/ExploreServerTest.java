package org.chaoslab.cli.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.chaoslab.cli.CliRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The explorer's server without a browser: the page and the plotting library are served from the jar; the WebSocket
 * protocol (hello, accepted, theory, frames); a retune keeps the running network; bad values answered with the CLI's
 * own messages; malformed and hostile messages answered or dropped while the server keeps serving; the session limit;
 * a closed tab stops its simulation; the export's zip has the CLI's summary.json schema. Small networks (N = 100-200)
 * keep it to seconds; the simulation runs at its fixed speed (10 time units per second).
 */
class ExploreServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ExploreServer server;
    private static HttpClient http;

    /** The balanced view's network in these tests: N = 1000, K = 50, m0 = 0.2 (the mean field has a solution). */
    static Map<String, String> smallBalanced() {
        Map<String, String> b = new java.util.LinkedHashMap<>(BalancedForm.defaults());
        b.put("ne", "800");
        b.put("ni", "200");
        b.put("k", "50");
        b.put("m0", "0.2");
        return b;
    }

    /** The deep view's networks in these tests: width 200, depth 12, 2 realizations (a fraction of a second). */
    static Map<String, String> smallDeep() {
        Map<String, String> d = new java.util.LinkedHashMap<>(DeepForm.defaults());
        d.put("width", "200");
        d.put("depth", "12");
        d.put("realizations", "2");
        return d;
    }

    /** The kernel view's networks in these tests: N = 200, 16 stimuli, 2 realizations (about a second each). */
    static Map<String, String> smallKernel() {
        Map<String, String> k = new java.util.LinkedHashMap<>(KernelForm.defaults());
        k.put("n", "200");
        k.put("stimuli", "circle:16");
        k.put("realizations", "2");
        return k;
    }

    @BeforeAll
    static void start() {
        Map<String, String> small = new java.util.LinkedHashMap<>(ExploreServer.defaults());
        small.put("n", "100");
        server = ExploreServer.start("127.0.0.1", 0, 3, 1, Map.of("rate", small, "balanced", smallBalanced(), "deep", smallDeep(), "kernel",
                smallKernel()));
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A browser tab's WebSocket: every text message it receives, parsed, in order. */
    static final class Tab implements WebSocket.Listener, AutoCloseable {
        final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        static Tab open(int port) throws Exception {
            return open(port, null);
        }

        /** A tab of the view {@code view} (null: the rate view, the page at /). */
        static Tab open(int port, String view) throws Exception {
            Tab t = new Tab();
            t.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws" + (view == null ? "" : "?view=" + view)), t)
                    .get(10, TimeUnit.SECONDS);
            return t;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    received.add(JSON.readTree(partial.toString()));
                } catch (java.io.IOException e) {
                    throw new AssertionError("the server sent text that is not JSON: " + partial, e);
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            closed.complete(status);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.complete(-1);
        }

        void send(String text) {
            socket.sendText(text, true).join();
        }

        void set(Map<String, String> params, String type) throws Exception {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("type", type);
            m.put("params", params);
            send(JSON.writeValueAsString(m));
        }

        /** The next message of {@code type} that satisfies {@code test}, skipping others; fails after {@code seconds}. */
        JsonNode await(String type, Predicate<JsonNode> test, double seconds) throws InterruptedException {
            long end = System.nanoTime() + (long) (seconds * 1e9);
            while (System.nanoTime() < end) {
                JsonNode m = received.poll(50, TimeUnit.MILLISECONDS);
                if (m != null && type.equals(m.get("type").asText()) && test.test(m)) {
                    return m;
                }
            }
            throw new AssertionError("no '" + type + "' message as expected within " + seconds + " s");
        }

        JsonNode await(String type) throws InterruptedException {
            return await(type, m -> true, 10);
        }

        @Override
        public void close() {
            if (!socket.isOutputClosed() && !closed.isDone()) {
                try {
                    socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
                } catch (java.util.concurrent.CompletionException e) {
                    socket.abort();   // the server closed it meanwhile
                }
            }
        }
    }

    private static Map<String, String> params(int n, String g, String noise) {
        Map<String, String> p = new java.util.LinkedHashMap<>(ExploreServer.defaults());
        p.put("n", Integer.toString(n));
        p.put("g", g);
        p.put("noise", noise);
        return p;
    }

    @Test
    void servesThePageAndThePlottingLibraryFromTheJar() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("chaoslab explore").contains("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js");
        HttpResponse<String> uplot = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/webjars/uplot/1.6.30/dist/uPlot.iife.min.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(uplot.statusCode()).isEqualTo(200);
        assertThat(uplot.body()).contains("uPlot");
    }

    @Test
    void streamsFramesAndRetunesTheRunningNetworkWhenGChanges() throws Exception {
        try (Tab tab = Tab.open(server.port())) {
            JsonNode hello = tab.await("hello");
            assertThat(hello.get("token").asText()).hasSize(24);
            assertThat(hello.get("defaults").get("g").asDouble()).isEqualTo(1.5);
            assertThat(hello.get("defaults").get("n").asInt()).isEqualTo(100);
            tab.await("accepted");
            tab.set(params(200, "2.0", "none"), "reset");
            JsonNode accepted = tab.await("accepted", m -> m.get("params").get("n").asInt() == 200, 10);
            assertThat(accepted.get("restarted").asBoolean()).isTrue();
            JsonNode chaotic = tab.await("theory", m -> m.get("g").asDouble() == 2.0, 10);
            assertThat(chaotic.get("phase").asText()).isEqualTo("chaotic");
            assertThat(chaotic.get("gCritical").asDouble()).isEqualTo(1.0);
            assertThat(chaotic.get("lambdaMax").asDouble()).isPositive();
            JsonNode frame = tab.await("frame", m -> m.get("t").size() > 0, 10);
            assertThat(frame.get("traces").size()).isEqualTo(RateExplorer.TRACED);
            double before = frame.get("time").asDouble();

            // g below 1: the same network goes on from its state, and the theory says fixed point
            tab.set(params(200, "0.5", "none"), "set");
            JsonNode retuned = tab.await("accepted", m -> m.get("params").get("g").asDouble() == 0.5, 10);
            assertThat(retuned.get("restarted").asBoolean()).as("a change of g keeps the network").isFalse();
            assertThat(retuned.get("time").asDouble()).isGreaterThanOrEqualTo(before);
            JsonNode fixed = tab.await("theory", m -> m.get("g").asDouble() == 0.5, 10);
            assertThat(fixed.get("phase").asText()).isEqualTo("fixed-point");
            assertThat(fixed.get("lambdaMax").asDouble()).isCloseTo(-0.5, org.assertj.core.data.Offset.offset(1e-9));
            // <x^2> decays: e^{-2(1-g)t} at least, so after 8 time units it is below 1e-3 of a chaotic O(1) value
            double t0 = retuned.get("time").asDouble();
            JsonNode late = tab.await("frame", m -> m.get("time").asDouble() > t0 + 8 && m.get("meanSquare").size() > 0, 15);
            var ms = late.get("meanSquare");
            assertThat(ms.get(ms.size() - 1).asDouble()).isLessThan(1e-3);
        }
    }

    @Test
    void aBadValueIsAnsweredWithTheCommandLinesMessage() throws Exception {
        // the CLI's message for the same value: "chaoslab: error: MESSAGE" on stderr, exit code 2
        CliRunner.Result cli = CliRunner.run("dmft", "scs", "--g", "-1");
        assertThat(cli.code()).isEqualTo(2);
        String cliMessage = cli.err().strip().replaceFirst("^chaoslab: error: ", "");
        CliRunner.Result cliType = CliRunner.run("dmft", "scs", "--g", "abc");
        String typeMessage = cliType.err().strip().replaceFirst("^chaoslab: error: ", "").replaceFirst(" \\(see '.*'\\)$", "");
        CliRunner.Result cliPhi = CliRunner.run("dmft", "scs", "--phi", "cosh");
        String phiMessage = cliPhi.err().strip().replaceFirst("^chaoslab: error: ", "");
        try (Tab tab = Tab.open(server.port())) {
            tab.await("hello");
            tab.set(params(100, "-1", "none"), "set");
            JsonNode invalid = tab.await("invalid");
            assertThat(invalid.get("errors").toString()).isEqualTo(JSON.writeValueAsString(Map.of("g", cliMessage)));
            tab.set(params(100, "abc", "none"), "set");
            assertThat(tab.await("invalid").get("errors").get("g").asText()).isEqualTo(typeMessage);
            Map<String, String> p = params(100, "1", "none");
            p.put("phi", "cosh");
            tab.set(p, "set");
            assertThat(tab.await("invalid").get("errors").get("phi").asText()).isEqualTo(phiMessage);
            tab.set(params(100, "1", "white:-2"), "set");
            assertThat(tab.await("invalid").get("errors").has("noise")).isTrue();
            tab.set(params(RateForm.MAX_N + 1, "1", "none"), "set");
            assertThat(tab.await("invalid").get("errors").get("n").asText()).startsWith("--n must be in [1, 4000] in the explorer");
            // answers come in the order of the requests: a valid set's "accepted" before a later refusal
            tab.set(params(100, "1.1", "none"), "set");
            tab.set(params(100, "-1", "none"), "set");
            tab.await("accepted", m -> m.get("params").get("g").asDouble() == 1.1, 10);
            assertThat(tab.await("invalid").get("errors").has("g")).isTrue();
        }
    }

    @Test
    void malformedAndHostileMessagesAreAnsweredAndTheServerKeepsServing() throws Exception {
        try (Tab tab = Tab.open(server.port())) {
            tab.await("hello");
            String[] bad = {"not json", "[1, 2]", "{\"type\": 3}", "{\"type\": \"fly\"}", "{\"type\": \"pause\", \"x\": 1}",
                    "{\"type\": \"set\"}", "{\"type\": \"set\", \"params\": {\"g\": [1]}}",
                    "{\"type\": \"set\", \"params\": {\"bogus\": \"1\"}}", "{\"type\": \"set\", \"params\": {\"g\": \"1\"}}",
                    "{\"type\": \"set\", \"params\": " + "[".repeat(50) + "]".repeat(50) + "}",
                    "x".repeat(Messages.MAX_CHARS + 1)};
            for (String m : bad) {
                tab.send(m);
                JsonNode error = tab.await("error");
                assertThat(error.get("message").asText()).as("answer to %s", m.length() > 60 ? m.substring(0, 60) : m).isNotBlank();
            }
            // a flood: far more messages than the rate allows are dropped, with a notice
            for (int k = 0; k < 400; k++) {
                tab.send("{\"type\": \"pause\"}");
            }
            assertThat(tab.await("error", m -> m.get("message").asText().startsWith("too many messages"), 10)).isNotNull();
            // still served: a valid change is accepted
            Thread.sleep(2500);   // the bucket refills
            tab.set(params(100, "1.2", "none"), "set");
            assertThat(tab.await("accepted", m -> m.get("params").get("g").asDouble() == 1.2, 10)).isNotNull();
        }
        // a frame beyond Jetty's limit closes that connection (1009), not the server
        try (Tab big = Tab.open(server.port())) {
            big.await("hello");
            big.socket.sendText("y".repeat(ExploreServer.MAX_FRAME + 10), true);
            assertThat(big.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1009);
        }
        try (Tab after = Tab.open(server.port())) {
            assertThat(after.await("hello")).isNotNull();
        }
    }

    @Test
    void theSessionLimitIsSaidAndAClosedTabStopsItsSimulation() throws Exception {
        awaitSessions(0);
        Tab a = Tab.open(server.port());
        Tab b = Tab.open(server.port());
        Tab c = Tab.open(server.port());
        a.await("hello");
        b.await("hello");
        c.await("hello");
        try (Tab d = Tab.open(server.port())) {
            JsonNode refused = d.await("error");
            assertThat(refused.get("code").asText()).isEqualTo("session-limit");
            assertThat(refused.get("message").asText()).contains("at most 3 tabs").contains("--max-sessions");
            assertThat(d.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1013);
        }
        assertThat(server.sessions()).isEqualTo(3);
        long simulations = simulationThreads();
        a.close();
        b.close();
        c.close();
        awaitSessions(0);
        long end = System.nanoTime() + 10_000_000_000L;
        while (simulationThreads() > simulations - 3 && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertThat(simulationThreads()).as("the closed tabs' simulation threads have ended").isLessThanOrEqualTo(simulations - 3);
    }

    @Test
    void theExportIsAZipOfTheCommandLinesOutputs() throws Exception {
        try (Tab tab = Tab.open(server.port())) {
            String token = tab.await("hello").get("token").asText();
            tab.set(params(100, "1.8", "white:0.3"), "reset");
            tab.await("accepted", m -> m.get("params").get("n").asInt() == 100, 10);
            tab.await("theory", m -> m.get("g").asDouble() == 1.8, 30);
            tab.await("frame", m -> m.get("time").asDouble() > 2, 10);
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/export/" + token))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isEqualTo(200);
            Map<String, byte[]> files = new java.util.TreeMap<>();
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(r.body()))) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    files.put(e.getName().replaceFirst("^explore-rate/", ""), zip.readAllBytes());
                }
            }
            assertThat(files).containsKeys("summary.json", "time.npy", "mean_square.npy", "traces.npy", "series.csv",
                    "autocorrelation.npy", "theory_delta.npy", "mean_square.png", "mean_square.svg", "autocorrelation.svg",
                    "traces.png");
            JsonNode summary = JSON.readTree(new String(files.get("summary.json"), StandardCharsets.UTF_8));
            assertThat(summary.get("command").asText()).isEqualTo("explore rate");
            assertThat(summary.get("parameters").get("g").asDouble()).isEqualTo(1.8);
            assertThat(summary.get("parameters").get("noise").asText()).isEqualTo("white:0.3");
            assertThat(summary.get("seeds").get("master").asLong()).isEqualTo(1);
            assertThat(summary.get("metadata").get("chaoslabVersion").asText()).isNotBlank();
            assertThat(summary.get("results").get("theory").get("phase").asText()).isNotBlank();
            assertThat(summary.get("files").get(summary.get("files").size() - 1).asText()).isEqualTo("summary.json");
        }
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/export/nope")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    // ------------------------------------------------------------------ balanced view

    @Test
    void theBalancedViewStreamsRatesInputsAndRasterAndRetunesM0WithoutANewNetwork() throws Exception {
        try (Tab tab = Tab.open(server.port(), "balanced")) {
            JsonNode hello = tab.await("hello");
            assertThat(hello.get("view").asText()).isEqualTo("balanced");
            assertThat(hello.get("defaults").get("k").asInt()).isEqualTo(50);
            assertThat(hello.get("limits").get("maxN").asInt()).isEqualTo(BalancedForm.MAX_N);
            JsonNode accepted = tab.await("accepted");
            assertThat(accepted.get("restarted").asBoolean()).isTrue();
            assertThat(accepted.get("rasterE").asInt()).isEqualTo(BalancedExplorer.RASTER_E);
            assertThat(accepted.get("thresholdE").asDouble()).isEqualTo(1.0);
            // the mean field of meanfield balanced --ne 800 --ni 200 --k 50 --m0 0.2
            CliRunner.Result cli = CliRunner.run("meanfield", "balanced", "--ne", "800", "--ni", "200", "--k", "50", "--m0", "0.2",
                    "--json");
            JsonNode expected = JSON.readTree(cli.out());
            JsonNode theory = tab.await("theory", m -> m.has("rateE"), 30);
            assertThat(theory.get("rateE").asDouble()).isEqualTo(expected.get("mE").asDouble());
            assertThat(theory.get("rateI").asDouble()).isEqualTo(expected.get("mI").asDouble());
            assertThat(theory.get("externalInput").asDouble()).isCloseTo(Math.sqrt(50) * 0.2, org.assertj.core.data.Offset.offset(1e-12));
            JsonNode frame = tab.await("frame", m -> m.get("t").size() > 0 && m.get("raster").get("t").size() > 0, 10);
            JsonNode inputs = frame.get("inputs");
            for (int k = 0; k < frame.get("t").size(); k++) {
                double sum = inputs.get("excitatory").get(k).asDouble() + inputs.get("inhibitory").get(k).asDouble()
                        + inputs.get("external").get(k).asDouble();
                assertThat(inputs.get("total").get(k).asDouble()).isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-4));
            }
            for (JsonNode row : frame.get("raster").get("unit")) {
                assertThat(row.asInt()).isBetween(0, BalancedExplorer.RASTER_E + BalancedExplorer.RASTER_I - 1);
            }
            double before = frame.get("time").asDouble();

            // m0 retunes the running network: the same network goes on, the external drive follows at once
            Map<String, String> p = smallBalanced();
            p.put("m0", "0.3");
            tab.set(p, "set");
            JsonNode retuned = tab.await("accepted", m -> m.get("params").get("m0").asDouble() == 0.3, 10);
            assertThat(retuned.get("restarted").asBoolean()).as("a change of m0 keeps the network").isFalse();
            assertThat(retuned.get("time").asDouble()).isGreaterThanOrEqualTo(before);
            assertThat(retuned.get("note").asText()).contains("retunes the running network");
            assertThat(tab.await("theory", m -> m.has("m0") && m.get("m0").asDouble() == 0.3, 30).get("rateE").asDouble())
                    .isGreaterThan(theory.get("rateE").asDouble());
            JsonNode after = tab.await("frame", m -> m.get("t").size() > 0 && m.get("t").get(0).asDouble() > retuned.get("time").asDouble(), 10);
            assertThat(after.get("inputs").get("external").get(0).asDouble()).isCloseTo(Math.sqrt(50) * 0.3,
                    org.assertj.core.data.Offset.offset(1e-5));

            // K draws a new network
            p.put("k", "40");
            tab.set(p, "set");
            assertThat(tab.await("accepted", m -> m.get("params").get("k").asInt() == 40, 10).get("restarted").asBoolean()).isTrue();
            // pause stops the clock; a message type of another view is refused
            tab.send("{\"type\": \"pause\"}");
            JsonNode paused = tab.await("status", m -> m.get("state").asText().equals("paused"), 10);
            Thread.sleep(300);
            tab.received.clear();
            tab.send("{\"type\": \"simulate\"}");
            assertThat(tab.await("error").get("message").asText()).contains("balanced view has no 'simulate'");
            tab.send("{\"type\": \"resume\"}");
            JsonNode resumed = tab.await("status", m -> m.get("state").asText().equals("running")
                    || m.get("state").asText().equals("settling"), 10);
            assertThat(resumed.get("time").asDouble()).isCloseTo(paused.get("time").asDouble(), org.assertj.core.data.Offset.offset(0.06));
        }
    }

    @Test
    void theBalancedViewAnswersBadValuesWithTheCommandLinesMessages() throws Exception {
        String m0Message = cliError("meanfield", "balanced", "--m0", "1.5");
        String kMessage = cliError("meanfield", "balanced", "--ne", "800", "--ni", "200", "--k", "300");
        String typeMessage = cliError("meanfield", "balanced", "--k", "many").replaceFirst(" \\(see '.*'\\)$", "");
        try (Tab tab = Tab.open(server.port(), "balanced")) {
            tab.await("hello");
            Map<String, String> p = smallBalanced();
            p.put("m0", "1.5");
            tab.set(p, "set");
            assertThat(tab.await("invalid").get("errors").toString()).isEqualTo(JSON.writeValueAsString(Map.of("m0", m0Message)));
            p = smallBalanced();
            p.put("k", "300");
            tab.set(p, "set");
            assertThat(tab.await("invalid").get("errors").get("k").asText()).isEqualTo(kMessage);
            p.put("k", "many");
            tab.set(p, "set");
            assertThat(tab.await("invalid").get("errors").get("k").asText()).isEqualTo(typeMessage);
            p = smallBalanced();
            p.put("m0", "0.25");
            tab.set(p, "set");
            p.put("m0", "0");
            tab.set(p, "set");
            tab.await("accepted", m -> m.get("params").get("m0").asDouble() == 0.25, 10);
            assertThat(tab.await("invalid").get("errors").has("m0")).as("answered in the order of the requests").isTrue();
            p = smallBalanced();
            p.put("ne", "30000");
            tab.set(p, "set");
            assertThat(tab.await("invalid").get("errors").get("ne").asText()).startsWith("--ne + --ni must be <= 20000 in the explorer");
            p = smallBalanced();
            p.put("n", "5");
            tab.set(p, "set");
            assertThat(tab.await("error").get("message").asText()).contains("unknown parameter 'n'").contains("ne, ni, k, m0, seed");
        }
        try (Tab unknown = Tab.open(server.port(), "spiking")) {
            assertThat(unknown.await("error").get("message").asText()).contains("unknown view 'spiking'");
            assertThat(unknown.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
        }
    }

    @Test
    void theBalancedExportIsAZipOfTheCommandLinesOutputs() throws Exception {
        try (Tab tab = Tab.open(server.port(), "balanced")) {
            String token = tab.await("hello").get("token").asText();
            tab.await("theory", m -> m.has("rateE"), 30);
            tab.await("frame", m -> m.get("time").asDouble() > 2, 10);
            Map<String, byte[]> files = download(token, "explore-balanced/");
            assertThat(files).containsKeys("summary.json", "time.npy", "rate_e.npy", "rate_i.npy", "inputs.npy", "train_unit.npy",
                    "train_time.npy", "series.csv", "population_rates.png", "population_rates.svg", "raster.svg", "inputs.png");
            JsonNode summary = JSON.readTree(new String(files.get("summary.json"), StandardCharsets.UTF_8));
            assertThat(summary.get("command").asText()).isEqualTo("explore balanced");
            assertThat(summary.get("parameters").get("k").asInt()).isEqualTo(50);
            assertThat(summary.get("parameters").get("jei").asDouble()).as("every option of the CLI's network").isEqualTo(-2.0);
            assertThat(summary.get("seeds").get("master").asLong()).isEqualTo(1);
            assertThat(summary.get("results").get("theory").get("mE").asDouble()).isPositive();
            assertThat(summary.get("results").get("simulation").get("synapses").asLong()).isPositive();
            assertThat(summary.get("metadata").get("chaoslabVersion").asText()).isNotBlank();
        }
    }

    // ------------------------------------------------------------------ deep view

    @Test
    void theDeepViewSendsTheDiagramThePointsMapsAndTheSimulationBesideThem() throws Exception {
        try (Tab tab = Tab.open(server.port(), "deep")) {
            JsonNode hello = tab.await("hello");
            assertThat(hello.get("defaults").get("sigma-w2").asDouble()).isEqualTo(2.0);
            assertThat(hello.get("limits").get("resolution").asInt()).isEqualTo(DeepDiagrams.RESOLUTION);
            JsonNode diagram = tab.await("diagram", m -> true, 30);
            int cells = DeepDiagrams.RESOLUTION * DeepDiagrams.RESOLUTION;
            assertThat(diagram.get("chi1").size()).isEqualTo(cells);
            assertThat(diagram.get("phi").asText()).isEqualTo("tanh");
            // the boundary of tanh at sigma_b^2 = 0 is sigma_w^2 = 1 (chi1 = sigma_w^2 phi'(0)^2 at q* = 0)
            assertThat(diagram.get("boundary").get("sigmaW2").get(0).asDouble()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
            // the point's mean field is that of deepnet maps
            JsonNode maps = JSON.readTree(CliRunner.run("deepnet", "maps", "--phi", "tanh", "--sigma-w2", "2.0", "--sigma-b2", "0.05",
                    "--json").out());
            JsonNode theory = tab.await("theory", m -> true, 30);
            assertThat(theory.get("phase").asText()).isEqualTo(maps.get("phase").asText()).isEqualTo("chaotic");
            for (String k : new String[] {"qStar", "cStar", "chi1", "xiC", "xiQ"}) {
                assertThat(theory.get(k).asDouble()).as(k).isEqualTo(maps.get(k).asDouble());
            }
            assertThat(theory.get("layers").get("c").size()).isEqualTo(12);
            assertThat(theory.get("cMap").get("c").size()).isEqualTo(DeepExplorer.MAP_POINTS);
            JsonNode sim = tab.await("simulation", m -> true, 30);
            assertThat(sim.get("c").get("mean").size()).isEqualTo(12);
            assertThat(sim.get("realizations").asInt()).isEqualTo(2);
            // width 200, 2 realizations: c^l within the finite-width bias and the scatter of the map
            for (int l = 0; l < 12; l++) {
                assertThat(sim.get("c").get("mean").get(l).asDouble()).as("c^%d", l + 1)
                        .isCloseTo(theory.get("layers").get("c").get(l).asDouble(), org.assertj.core.data.Offset.offset(0.08));
            }

            // a click in the ordered phase: c* = 1, no new diagram (the same phi)
            Map<String, String> p = smallDeep();
            p.put("sigma-w2", "1.2");
            p.put("sigma-b2", "0.5");
            tab.set(p, "set");
            JsonNode ordered = tab.await("theory", m -> m.get("sigmaW2").asDouble() == 1.2, 30);
            assertThat(ordered.get("phase").asText()).isEqualTo("ordered");
            assertThat(ordered.get("cStar").asDouble()).isEqualTo(1.0);
            assertThat(ordered.get("chi1").asDouble()).isLessThan(1.0);
            tab.await("simulation", m -> m.get("sigmaW2").asDouble() == 1.2, 30);
            // a view that runs nothing continuously has no pause
            tab.received.clear();
            tab.send("{\"type\": \"pause\"}");
            assertThat(tab.await("error").get("message").asText()).contains("deep view has no 'pause'");
            assertThat(tab.received.stream().noneMatch(m -> m.get("type").asText().equals("diagram"))).isTrue();
        }
    }

    @Test
    void theDeepViewAnswersBadValuesWithTheCommandLinesMessagesAndExports() throws Exception {
        String w2Message = cliError("deepnet", "maps", "--sigma-w2", "-1");
        String realizationsMessage = cliError("deepnet", "compare", "--realizations", "1", "--width", "10", "--depth", "2", "--out",
                java.nio.file.Files.createTempDirectory("chaoslab-explore-test").resolve("never").toString());
        try (Tab tab = Tab.open(server.port(), "deep")) {
            String token = tab.await("hello").get("token").asText();
            Map<String, String> p = smallDeep();
            p.put("sigma-w2", "-1");
            tab.set(p, "set");
            assertThat(tab.await("invalid").get("errors").toString()).isEqualTo(JSON.writeValueAsString(Map.of("sigma-w2", w2Message)));
            p = smallDeep();
            p.put("realizations", "1");
            tab.set(p, "set");
            assertThat(tab.await("invalid").get("errors").get("realizations").asText()).isEqualTo(realizationsMessage);
            p = smallDeep();
            p.put("width", "5000");
            tab.set(p, "set");
            assertThat(tab.await("invalid").get("errors").get("width").asText()).startsWith("--width must be in [1, 2000] in the explorer");
            tab.await("simulation", m -> true, 30);
            Map<String, byte[]> files = download(token, "explore-deep/");
            assertThat(files).containsKeys("summary.json", "sigma_w2.npy", "chi1.npy", "boundary_sigma_w2.npy", "q_map.npy",
                    "c_map.npy", "theory_c.npy", "c.npy", "layers.csv", "chi1.png", "chi1.svg", "correlation_map.svg",
                    "length_map.png", "comparison.png");
            JsonNode summary = JSON.readTree(new String(files.get("summary.json"), StandardCharsets.UTF_8));
            assertThat(summary.get("command").asText()).isEqualTo("explore deep");
            assertThat(summary.get("parameters").get("sigma-w2").asDouble()).isEqualTo(2.0);
            assertThat(summary.get("parameters").get("circle-points").asInt()).isEqualTo(0);
            assertThat(summary.get("results").get("theory").get("phase").asText()).isEqualTo("chaotic");
            assertThat(summary.get("results").get("maxAbsZc").isNumber()).isTrue();
            assertThat(summary.get("seeds").get("streams").size()).isEqualTo(5);
            p = smallDeep();
            p.put("seed", "7");
            tab.set(p, "reset");   // closed while it computes: its worker ends
            tab.await("status", m -> m.get("state").asText().equals("simulating"), 30);
        }
        awaitNoThreads("chaoslab-explore-deep");
    }

    // ------------------------------------------------------------------ kernel view

    @Test
    void theKernelViewSendsBothTheoriesAndSimulatesOnRequest() throws Exception {
        JsonNode binaryCli = JSON.readTree(CliRunner.run("kernel", "theory", "--model", "binary", "--g", "2.5", "--s", "1", "--json").out());
        JsonNode rateCli = JSON.readTree(CliRunner.run("kernel", "theory", "--model", "rate", "--g", "2.5", "--s", "1", "--json").out());
        try (Tab tab = Tab.open(server.port(), "kernel")) {
            JsonNode hello = tab.await("hello");
            assertThat(hello.get("defaults").get("stimuli").asText()).isEqualTo("circle:16");
            JsonNode binary = tab.await("theory", m -> m.get("network").asText().equals("binary"), 30);
            JsonNode rate = tab.await("theory", m -> m.get("network").asText().equals("rate"), 30);
            assertThat(binary.get("model").asText()).isEqualTo("binary-sync");
            assertThat(rate.get("model").asText()).isEqualTo("rate-sync");
            for (String[] k : new String[][] {{"meanResponse", "m"}, {"sameTrial", "k0"}, {"zeroPlus", "cZeroPlus"}, {"nugget", "nugget"}}) {
                assertThat(binary.get(k[0]).asDouble()).as("binary " + k[0]).isEqualTo(binaryCli.get(k[1]).asDouble());
                assertThat(rate.get(k[0]).asDouble()).as("rate " + k[0]).isEqualTo(rateCli.get(k[1]).asDouble());
            }
            assertThat(rate.get("chaos").get("chaotic").asBoolean()).isTrue();
            assertThat(rate.get("nugget").asDouble()).isPositive();
            assertThat(binary.get("delta").size()).isEqualTo(KernelExplorer.CURVE_POINTS);
            // nothing is simulated until asked
            tab.send("{\"type\": \"simulate\"}");
            JsonNode simBinary = tab.await("simulation", m -> m.get("network").asText().equals("binary"), 60);
            assertThat(simBinary.get("delta").size()).isEqualTo(16 / 2 + 1);
            assertThat(simBinary.get("realizations").asInt()).isEqualTo(2);
            assertThat(simBinary.get("verdicts").size()).isEqualTo(4);
            // N = 200: the binary nugget within a few times its 4 K(0)/N allowance of the theory
            assertThat(simBinary.get("nugget").get("value").asDouble()).isCloseTo(binary.get("nugget").asDouble(),
                    org.assertj.core.data.Offset.offset(0.03));
            JsonNode simRate = tab.await("simulation", m -> m.get("network").asText().equals("rate"), 60);
            assertThat(simRate.get("nugget").get("value").asDouble()).isPositive();
            tab.await("status", m -> m.get("state").asText().equals("done"), 10);

            // below the rate network's transition its nugget vanishes; the binary network keeps one
            Map<String, String> p = smallKernel();
            p.put("g", "1");
            tab.set(p, "set");
            tab.await("accepted", m -> m.get("params").get("g").asDouble() == 1.0, 10);
            JsonNode weakBinary = tab.await("theory", m -> m.get("network").asText().equals("binary"), 30);
            JsonNode weakRate = tab.await("theory", m -> m.get("network").asText().equals("rate"), 30);
            assertThat(weakRate.get("chaos").get("chaotic").asBoolean()).isFalse();
            assertThat(weakRate.get("nugget").asDouble()).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(weakBinary.get("nugget").asDouble()).isGreaterThan(0.03);
            tab.received.clear();
            tab.send("{\"type\": \"pause\"}");
            assertThat(tab.await("error").get("message").asText()).contains("kernel view has no 'pause'");
        }
    }

    @Test
    void theKernelViewAnswersBadValuesWithTheCommandLinesMessagesAndExports() throws Exception {
        java.nio.file.Path tmp = java.nio.file.Files.createTempDirectory("chaoslab-explore-test");
        String stimuliMessage = cliError("compare", "kernel", "--n", "20", "--stimuli", "circle:6", "--out", tmp.resolve("a").toString());
        String phiMessage = cliError("compare", "kernel", "--model", "rate-sync", "--n", "20", "--phi", "cosh", "--out",
                tmp.resolve("b").toString());
        try (Tab tab = Tab.open(server.port(), "kernel")) {
            String token = tab.await("hello").get("token").asText();
            Map<String, String> p = smallKernel();
            p.put("stimuli", "circle:6");
            tab.set(p, "set");
            assertThat(tab.await("invalid").get("errors").toString()).isEqualTo(JSON.writeValueAsString(Map.of("stimuli", stimuliMessage)));
            p = smallKernel();
            p.put("phi", "cosh");
            tab.set(p, "set");
            assertThat(tab.await("invalid").get("errors").get("phi").asText()).isEqualTo(phiMessage);
            p = smallKernel();
            p.put("dynamics", "both");
            tab.set(p, "set");
            assertThat(tab.await("invalid").get("errors").get("dynamics").asText()).contains("--dynamics must be sync or async");
            p = smallKernel();
            p.put("n", "5000");
            tab.set(p, "set");
            assertThat(tab.await("invalid").get("errors").get("n").asText()).startsWith("--n must be in [2, 2000] in the explorer");
            p = smallKernel();
            p.put("g", "1e6");
            tab.set(p, "set");
            assertThat(tab.await("invalid").get("errors").get("g").asText()).startsWith("--g must be <= 20 in the explorer");
            tab.set(smallKernel(), "reset");
            tab.await("simulation", m -> m.get("network").asText().equals("rate"), 60);
            Map<String, byte[]> files = download(token, "explore-kernel/");
            assertThat(files).containsKeys("summary.json", "delta.npy", "kernel_binary.npy", "kernel_rate.npy", "kernel_binary.csv",
                    "kernel_rate.csv", "kernel_binary.png", "kernel_binary.svg", "kernel_rate.png");
            JsonNode summary = JSON.readTree(new String(files.get("summary.json"), StandardCharsets.UTF_8));
            assertThat(summary.get("command").asText()).isEqualTo("explore kernel");
            assertThat(summary.get("parameters").get("g").asDouble()).isEqualTo(2.5);
            assertThat(summary.get("results").get("rate").get("network").get("model").asText()).isEqualTo("rate-sync");
            assertThat(summary.get("results").get("binary").get("theory").get("nugget").asDouble()).isPositive();
            assertThat(summary.get("verdicts").size()).isEqualTo(8);
            assertThat(summary.get("verdicts").get(0).get("quantity").asText()).startsWith("binary network: ");
            tab.send("{\"type\": \"simulate\"}");   // closed while it simulates: its worker ends
            tab.await("status", m -> m.get("state").asText().equals("simulating"), 30);
        }
        awaitNoThreads("chaoslab-explore-kernel");
    }

    /** The CLI's message for a bad value: stderr after "chaoslab: error: " (exit code 2). */
    private static String cliError(String... args) {
        CliRunner.Result r = CliRunner.run(args);
        assertThat(r.code()).as("exit code of %s", String.join(" ", args)).isEqualTo(2);
        return r.err().strip().replaceFirst("^chaoslab: error: ", "");
    }

    /** The files of a tab's export, by name without the directory {@code prefix}. */
    private static Map<String, byte[]> download(String token, String prefix) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/export/" + token))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        Map<String, byte[]> files = new java.util.TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(r.body()))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                assertThat(e.getName()).startsWith(prefix);
                files.put(e.getName().substring(prefix.length()), zip.readAllBytes());
            }
        }
        return files;
    }

    private static long simulationThreads() {
        return threads("chaoslab-explore-sim");
    }

    private static long threads(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name) && t.isAlive()).count();
    }

    /** Waits until no thread of that name is left (a closed tab's worker ends within its current step). */
    private static void awaitNoThreads(String name) throws InterruptedException {
        long end = System.nanoTime() + 15_000_000_000L;
        while (threads(name) > 0 && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertThat(threads(name)).as("threads %s left after their tabs closed", name).isZero();
    }

    private static void awaitSessions(int count) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (server.sessions() != count && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(server.sessions()).isEqualTo(count);
    }
}
