package org.chaoslab.cli.explore;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.chaoslab.compare.DeepComparison;
import org.chaoslab.compare.DeepComparisonResult;
import org.chaoslab.model.DeepNetwork;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.theory.deep.CorrelationMap;
import org.chaoslab.theory.deep.DeepMeanField;
import org.chaoslab.theory.deep.LayerTrajectory;
import org.chaoslab.theory.deep.LengthMap;
import org.chaoslab.theory.deep.SignalPropagation;

/**
 * The deep view of one browser tab: signal propagation through random deep networks (Poole et al. 2016; Schoenholz et
 * al. 2017; the lecture notes' section 4). For the transfer function chosen, the (σ_w², σ_b²) phase diagram with its
 * order–chaos boundary χ1 = 1 ({@link DeepDiagrams}, computed once per φ and shared); for the point chosen (clicked in
 * the diagram or typed), the mean-field maps as functions — the length map q ↦ 𝒱(q) and the correlation map
 * c ↦ 𝒞(c) at q* — with the fixed points, χ1, χ_c and the depth scales ξ_q, ξ_c of {@code deepnet maps}, the maps
 * iterated layer by layer for the probe pairs, and R finite-width networks simulated through the same layers and laid
 * beside them ({@link DeepComparison}, as {@code deepnet compare}): q^l and c^l, mean ± standard error over the
 * realizations, with z-scores.
 *
 * <p>One worker thread does the work of the latest request; a newer request supersedes the one in progress (its
 * simulation is abandoned at the next layer). Nothing runs between requests: the view has no pause.
 */
final class DeepExplorer implements ExploreView {

    /** Points of the map curves. */
    static final int MAP_POINTS = 101;
    /** Progress messages per second, at most. */
    static final double PROGRESS_RATE = 5.0;

    private final Outbox out;
    private final DeepDiagrams diagrams;
    private final int threads;
    private final AtomicReference<DeepForm.Parameters> request = new AtomicReference<>();
    private final AtomicLong generation = new AtomicLong();
    private final Object lock = new Object();
    private final Thread worker;
    private volatile boolean closed;
    private volatile DeepExport.Snapshot last;

    /** The work of a request abandoned for a newer one. */
    private static final class Superseded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Superseded() {
            super("superseded", null, false, false);
        }
    }

    /** Starts the view with validated parameters: the diagram, the point's theory and its simulation follow. */
    DeepExplorer(Outbox out, DeepDiagrams diagrams, DeepForm.Parameters initial, int threads) {
        this.out = out;
        this.diagrams = diagrams;
        this.threads = threads;
        submit(initial);
        worker = Thread.ofPlatform().daemon().name("chaoslab-explore-deep").unstarted(this::loop);
        worker.start();
    }

    /** The view's limits, for the page. */
    static Map<String, Object> limits() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("maxWidth", DeepForm.MAX_WIDTH);
        m.put("maxDepth", DeepForm.MAX_DEPTH);
        m.put("maxRealizations", DeepForm.MAX_REALIZATIONS);
        m.put("maxWork", DeepForm.MAX_WORK);
        m.put("sigmaW2", new double[] {DeepDiagrams.W_MIN, DeepDiagrams.W_MAX});
        m.put("sigmaB2", new double[] {DeepDiagrams.B_MIN, DeepDiagrams.B_MAX});
        m.put("resolution", DeepDiagrams.RESOLUTION);
        return m;
    }

    /**
     * The deep view's messages: {@code set} and {@code reset} (a point, a network or a seed: its theory and a new
     * simulation; the diagram when φ changed), checked by {@link DeepForm}. The view runs nothing continuously: pause,
     * resume and simulate are refused.
     */
    @Override
    public void handle(Messages.Request r) throws Messages.BadMessage {
        switch (r.type()) {
            case "set", "reset" -> {
                Forms.Checked<DeepForm.Parameters> checked = DeepForm.check(new LinkedHashMap<>(r.params()), threads);
                if (!checked.ok()) {
                    out.offer(Messages.invalid(checked.errors()));
                    return;
                }
                submit(checked.parameters());
            }
            default -> throw new Messages.BadMessage("the deep view has no '" + r.type() + "' message: it computes each point "
                    + "on request (set, reset) and runs nothing in between");
        }
    }

    private void submit(DeepForm.Parameters p) {
        Map<String, Object> m = Messages.message("accepted");
        m.put("params", p.values());
        out.offer(Messages.json(m));
        synchronized (lock) {
            request.set(p);
            generation.incrementAndGet();
            lock.notifyAll();
        }
    }

    @Override
    public CompletableFuture<ExploreView.Export> export() {
        DeepExport.Snapshot s = last;
        if (s == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("nothing computed yet"));
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return DeepExport.zip(s);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Override
    public boolean stopped() {
        return !worker.isAlive();
    }

    @Override
    public void close() {
        closed = true;
        synchronized (lock) {
            generation.incrementAndGet();
            lock.notifyAll();
        }
    }

    // ------------------------------------------------------------------ worker thread

    private void loop() {
        String diagramShown = null;
        while (!closed) {
            DeepForm.Parameters p;
            long mine;
            synchronized (lock) {
                while (!closed && request.get() == null) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                p = request.getAndSet(null);
                mine = generation.get();
            }
            try {
                DeepNetwork net = p.network();
                String phi = net.transfer().name();
                DeepDiagrams.Diagram diagram;
                if (!diagrams.cached(net.transfer())) {
                    status("diagram", "computing the phase diagram of " + phi + " (" + DeepDiagrams.RESOLUTION + " × "
                            + DeepDiagrams.RESOLUTION + " points, about 2 s, then kept)");
                }
                diagram = diagrams.of(net.transfer(), threads);
                check(mine);
                if (!phi.equals(diagramShown)) {
                    out.offer(diagramMessage(diagram));
                    diagramShown = phi;
                }
                Point point = point(p);
                check(mine);
                last = new DeepExport.Snapshot(p, diagram, point, null, threads);   // before the message: an export follows it
                out.offer(point.message());
                status("simulating", "simulating " + p.settings().realizations() + " networks of width " + net.width() + " and depth "
                        + net.depth());
                long[] lastProgress = {0L};
                ProgressListener progress = (done, total) -> {
                    check(mine);
                    long now = System.nanoTime();
                    if (now - lastProgress[0] > 1e9 / PROGRESS_RATE) {
                        lastProgress[0] = now;
                        Map<String, Object> m = Messages.message("progress");
                        m.put("fraction", (double) done / total);
                        out.offer(Messages.json(m));
                    }
                };
                DeepComparisonResult r = DeepComparison.run(net, p.inputs(), p.settings(), new DeepMeanField(), progress);
                check(mine);
                last = new DeepExport.Snapshot(p, diagram, point, r, threads);
                out.offer(simulationMessage(p, r));
                status("done", null);
            } catch (Superseded e) {
                // a newer request follows
            } catch (RuntimeException e) {
                status("failed", "the computation failed: " + Forms.firstLine(e.getMessage() == null ? e.toString() : e.getMessage()));
            }
        }
    }

    private void check(long mine) {
        if (closed || generation.get() != mine) {
            throw new Superseded();
        }
    }

    private void status(String state, String message) {
        Map<String, Object> m = Messages.message("status");
        m.put("state", state);
        if (message != null) {
            m.put("message", message);
        }
        out.offer(Messages.json(m));
    }

    /**
     * The mean field at one point: the summary of {@code deepnet maps}, the maps iterated for the probe pairs, and the
     * maps as functions: the length map 𝒱(q) on [0, q_top] and the correlation map 𝒞(c) at q = q* on [−1, 1] (Poole et
     * al. 2016, Eqs. 3 and 4).
     *
     * @param summary  q*, c*, χ1, χ_c, ξ_q, ξ_c, the phase
     * @param layers   q^l, c^l of the probe pairs
     * @param q        abscissae of the length map
     * @param qNext    𝒱(q)
     * @param c        abscissae of the correlation map (empty without q*)
     * @param cNext    𝒞(c) at q*
     */
    record Point(SignalPropagation summary, LayerTrajectory layers, double[] q, double[] qNext, double[] c, double[] cNext) {

        String message() {
            Map<String, Object> m = Messages.message("theory");
            SignalPropagation s = summary;
            m.put("sigmaW2", s.weightVariance());
            m.put("sigmaB2", s.biasVariance());
            m.put("phi", s.phi());
            m.put("phase", s.phase().label());
            m.put("qStar", Messages.num(s.qStar()));
            m.put("cStar", Messages.num(s.cStar()));
            m.put("chi1", Messages.num(s.chi1()));
            m.put("chiC", Messages.num(s.chiC()));
            m.put("xiQ", Messages.num(s.xiQ()));
            m.put("xiC", Messages.num(s.xiC()));
            m.put("convergenceDepth", s.convergenceDepth());
            m.put("note", s.note());
            m.put("layers", Map.of("q", Messages.nums(layers.q()), "c", Messages.nums(layers.c())));
            m.put("qMap", Map.of("q", Messages.nums(q), "next", Messages.nums(qNext)));
            m.put("cMap", Map.of("c", Messages.nums(c), "next", Messages.nums(cNext)));
            return Messages.json(m);
        }
    }

    static Point point(DeepForm.Parameters p) {
        DeepMeanField theory = new DeepMeanField();
        DeepNetwork net = p.network();
        SignalPropagation s = theory.solve(net, p.inputs().inputLength());
        LayerTrajectory layers = theory.layers(net, p.inputs());
        LengthMap lm = theory.lengthMap(net);
        double top = lm.first(p.inputs().inputLength());
        if (s.qStarExists()) {
            top = Math.max(top, s.qStar());
        }
        for (double v : layers.q()) {
            if (Double.isFinite(v) && v < 1e6) {
                top = Math.max(top, v);
            }
        }
        top = 1.25 * Math.max(top, 1e-3);
        double[] q = new double[MAP_POINTS];
        double[] qNext = new double[MAP_POINTS];
        for (int k = 0; k < MAP_POINTS; k++) {
            q[k] = top * k / (MAP_POINTS - 1);
            qNext[k] = lm.next(q[k]);
        }
        double[] c = new double[0];
        double[] cNext = new double[0];
        if (s.qStarExists() && s.qStar() > 0) {
            CorrelationMap cm = theory.correlationMap(net);
            c = new double[MAP_POINTS];
            cNext = new double[MAP_POINTS];
            for (int k = 0; k < MAP_POINTS; k++) {
                c[k] = -1.0 + 2.0 * k / (MAP_POINTS - 1);
                cNext[k] = cm.next(s.qStar(), c[k]);
            }
        }
        return new Point(s, layers, q, qNext, c, cNext);
    }

    private static String diagramMessage(DeepDiagrams.Diagram d) {
        Map<String, Object> m = Messages.message("diagram");
        m.put("phi", d.grid().phi());
        m.put("sigmaW2", Messages.nums(d.grid().weightVariance()));
        m.put("sigmaB2", Messages.nums(d.grid().biasVariance()));
        m.put("chi1", Messages.nums(d.grid().chi1()));
        m.put("boundary", Map.of("sigmaB2", Messages.nums(d.boundary().biasVariance()),
                "sigmaW2", Messages.nums(d.boundary().weightVariance())));
        m.put("seconds", d.seconds());
        return Messages.json(m);
    }

    /**
     * The simulation beside the maps: per layer the mean and standard error of q^l and c^l over the realizations, the
     * largest |z| over the layers and the |z| beyond which one is significant (Student t, R − 1 degrees of freedom,
     * Bonferroni over the 2L layer values, 1 % family-wise, as {@code deepnet compare}; the O(1/N) finite-width bias
     * comes on top).
     */
    private static String simulationMessage(DeepForm.Parameters p, DeepComparisonResult r) {
        Map<String, Object> m = Messages.message("simulation");
        int depth = p.network().depth();
        m.put("sigmaW2", p.network().weightVariance());
        m.put("sigmaB2", p.network().biasVariance());
        m.put("width", p.network().width());
        m.put("realizations", r.recording().realizations());
        m.put("q", Map.of("mean", Messages.nums(r.q().simulation()), "se", Messages.nums(r.q().standardError())));
        m.put("c", Map.of("mean", Messages.nums(r.c().simulation()), "se", Messages.nums(r.c().standardError())));
        m.put("maxAbsZq", Messages.num(r.q().maxAbsZ(1, depth)));
        m.put("maxAbsZc", Messages.num(r.c().maxAbsZ(1, depth)));
        m.put("significantZ", Messages.num(DeepComparison.significanceThreshold(r.recording().realizations(), 2 * depth, 0.01)));
        m.put("problems", r.recording().problems());
        m.put("wallSeconds", r.recording().wallSeconds());
        return Messages.json(m);
    }
}
