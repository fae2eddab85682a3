package org.chaoslab.cli.explore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.chaoslab.model.BalancedNetwork;
import org.chaoslab.sim.binary.LiveBalancedNetwork;
import org.chaoslab.theory.balanced.BalancedMeanField;
import org.chaoslab.theory.balanced.BalancedSolution;
import org.chaoslab.theory.balanced.NoBalancedSolutionException;

/**
 * The balanced view of one browser tab (van Vreeswijk &amp; Sompolinsky, Neural Computation 10:1321 (1998); the lecture
 * notes' section 3): a {@link LiveBalancedNetwork} advanced on its own thread at a bounded speed, what the page draws
 * sampled as it runs, frames sent at a bounded rate, and the finite-K mean field of the current parameters
 * ({@link BalancedMeanField}, as {@code meanfield balanced} computes it) on a second thread.
 *
 * <p>What is sampled every {@link #SAMPLE}: the population rates m_E(t), m_I(t); the input of excitatory unit 0 split
 * into its recurrent excitatory and inhibitory parts, the external drive √K E m0 and the total (their sum, which the
 * unit compares with its threshold θ_E: the notes' Figure 4), and its state. Every 0→1 transition of the first
 * {@link #RASTER_E} excitatory and {@link #RASTER_I} inhibitory units goes to the raster. The time averages of m_E and
 * m_I restart {@link #SETTLE} after each change, so they describe the current parameters.
 *
 * <p>Threads as in {@link RateExplorer}: the WebSocket's thread validates and hands each change to the simulation
 * thread as a command. A change of m0 retunes the running network ({@link LiveBalancedNetwork#retune}: the external
 * drive changes at once, the state and connectivity stay); a change of N_E, N_I, K or the seed, or a reset, draws a new
 * network from its initial state.
 */
final class BalancedExplorer implements ExploreView {

    /** Time between samples (units of τ_E). */
    static final double SAMPLE = 0.05;
    /** Simulated time per second of wall time, at most. */
    static final double SPEED = 5.0;
    /** Time after a change before the time averages restart. */
    static final double SETTLE = 5.0;
    /** Frames per second, at most. */
    static final double FRAME_RATE = 15.0;
    /** Excitatory and inhibitory units of the raster (the first of each population). */
    static final int RASTER_E = 100;
    static final int RASTER_I = 50;
    /** The unit whose input is decomposed (the first excitatory unit, as {@code simulate balanced}'s default). */
    static final int INPUT_UNIT = 0;
    /** Probability that a unit starts active (the default of {@code simulate balanced}). */
    static final double INITIAL_ACTIVITY = 0.1;
    /** Samples kept for an export (the last 300 τ_E). */
    static final int HISTORY = (int) Math.round(300 / SAMPLE);
    /** Raster transitions kept for an export, at most. */
    static final int RASTER_HISTORY = 200_000;
    /** Columns of a sample: t, m_E, m_I, then unit 0's excitatory, inhibitory, external and total input and its state. */
    private static final int COLUMNS = 8;

    private final Outbox out;
    private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final AtomicReference<BalancedNetwork> theoryRequest = new AtomicReference<>();
    private final Object theoryLock = new Object();
    private final Thread simulation;
    private final Thread theoryThread;
    private volatile boolean closed;
    private volatile Theory lastTheory;

    /** The mean field of one description, or why there is none. */
    record Theory(BalancedNetwork network, BalancedSolution solution, String message) {
    }

    // --- state of the simulation thread ---
    private BalancedForm.Parameters params;
    private LiveBalancedNetwork net;
    private boolean paused;
    private double settleUntil;
    private double sumE;
    private double sumI;
    private long averaged;
    private int rasterE;
    private int rasterI;
    private long lastFrame;
    private final List<double[]> pending = new ArrayList<>();
    private final List<double[]> pendingRaster = new ArrayList<>();
    private final double[][] history = new double[COLUMNS][HISTORY];
    private int historyCount;
    private int historyPos;
    private final ArrayList<double[]> rasterHistory = new ArrayList<>();

    /** Starts the view with validated parameters; the first frames follow at once. */
    BalancedExplorer(Outbox out, BalancedForm.Parameters initial) {
        this.out = out;
        commands.add(() -> apply(initial, true));
        requestTheory(initial.network());
        simulation = Thread.ofPlatform().daemon().name("chaoslab-explore-sim").unstarted(this::loop);
        theoryThread = Thread.ofPlatform().daemon().name("chaoslab-explore-theory").unstarted(this::theoryLoop);
        simulation.start();
        theoryThread.start();
    }

    /** The view's limits, for the page. */
    static Map<String, Object> limits() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("maxN", BalancedForm.MAX_N);
        m.put("maxSynapses", BalancedForm.MAX_SYNAPSES);
        m.put("speed", SPEED);
        m.put("sample", SAMPLE);
        m.put("settle", SETTLE);
        m.put("rasterE", RASTER_E);
        m.put("rasterI", RASTER_I);
        m.put("inputUnit", INPUT_UNIT);
        return m;
    }

    /**
     * The balanced view's messages: {@code set} (m0 retunes the running network; N_E, N_I, K or the seed draw a new
     * one), {@code reset} (a new network from its initial state), {@code pause}, {@code resume}.
     */
    @Override
    public void handle(Messages.Request request) throws Messages.BadMessage {
        switch (request.type()) {
            case "pause" -> commands.add(() -> {
                paused = true;
                sendStatus(null);
            });
            case "resume" -> commands.add(() -> {
                paused = false;
                sendStatus(null);
            });
            case "set", "reset" -> {
                Forms.Checked<BalancedForm.Parameters> checked = BalancedForm.check(new LinkedHashMap<>(request.params()));
                if (!checked.ok()) {
                    // answered in the order of the requests: after the "accepted" of an earlier set still queued
                    commands.add(() -> out.offer(Messages.invalid(checked.errors())));
                    LockSupport.unpark(simulation);
                    return;
                }
                boolean restart = "reset".equals(request.type());
                commands.add(() -> apply(checked.parameters(), restart));
                requestTheory(checked.parameters().network());
            }
            default -> throw new Messages.BadMessage("the balanced view has no '" + request.type() + "' message");
        }
        LockSupport.unpark(simulation);
    }

    @Override
    public CompletableFuture<ExploreView.Export> export() {
        CompletableFuture<BalancedExport.Snapshot> f = new CompletableFuture<>();
        commands.add(() -> f.complete(snapshot()));
        LockSupport.unpark(simulation);
        return f.thenApplyAsync(s -> {
            try {
                return BalancedExport.zip(s);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Override
    public boolean stopped() {
        return !simulation.isAlive() && !theoryThread.isAlive();
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(simulation);
        synchronized (theoryLock) {
            theoryLock.notifyAll();
        }
    }

    // ------------------------------------------------------------------ simulation thread

    private void loop() {
        long last = System.nanoTime();
        double budget = 0.0;
        try {
            while (!closed) {
                for (Runnable c; (c = commands.poll()) != null; ) {
                    c.run();
                }
                long now = System.nanoTime();
                if (paused || net == null) {
                    last = now;
                    budget = 0.0;
                    LockSupport.parkNanos(20_000_000L);
                    continue;
                }
                budget = Math.min(budget + SPEED * (now - last) * 1e-9, 1.0);   // at most one τ_E of catching up
                last = now;
                long sliceEnd = now + 40_000_000L;
                while (budget >= SAMPLE && System.nanoTime() < sliceEnd && commands.isEmpty() && !closed) {
                    net.advanceTo(net.time() + SAMPLE, this::transition);
                    budget -= SAMPLE;
                    sample();
                }
                long t = System.nanoTime();
                if (t - lastFrame >= 1e9 / FRAME_RATE && out.idle()) {
                    sendFrame(t);
                }
                if (budget < SAMPLE) {
                    LockSupport.parkNanos((long) Math.min(20e6, (SAMPLE - budget) / SPEED * 1e9));
                }
            }
        } catch (RuntimeException e) {
            out.offer(Messages.error("the simulation stopped: " + e));
        }
    }

    /** Applies validated parameters: a new drive for the running network, or a new network. */
    private void apply(BalancedForm.Parameters p, boolean restart) {
        boolean fresh = restart || net == null || !p.sameNetwork(params);
        String note;
        if (fresh) {
            net = LiveBalancedNetwork.start(p.network(), p.seed(), INITIAL_ACTIVITY);
            rasterE = Math.min(RASTER_E, p.network().nE());
            rasterI = Math.min(RASTER_I, p.network().nI());
            historyCount = 0;
            historyPos = 0;
            pending.clear();
            pendingRaster.clear();
            rasterHistory.clear();
            note = "a new network: N_E = " + p.network().nE() + ", N_I = " + p.network().nI() + ", K = " + p.network().k()
                    + ", seed " + p.seed() + " (" + net.graph().synapseCount() + " synapses), from its initial state";
        } else {
            boolean changed = p.network().m0() != params.network().m0();
            net.retune(p.network());
            note = changed ? "m0 = " + p.network().m0() + " retunes the running network: the external drive √K E m0 changed "
                    + "at t = " + String.format(java.util.Locale.ROOT, "%.2f", net.time()) + ", the state and the connectivity "
                    + "are kept" : null;
        }
        params = p;
        settleUntil = net.time() + SETTLE;
        sumE = 0.0;
        sumI = 0.0;
        averaged = 0;
        Map<String, Object> m = Messages.message("accepted");
        m.put("params", p.values());
        m.put("restarted", fresh);
        m.put("time", net.time());
        m.put("rasterE", rasterE);
        m.put("rasterI", rasterI);
        m.put("inputUnit", INPUT_UNIT);
        m.put("thresholdE", p.network().thetaE());
        m.put("synapses", net.graph().synapseCount());
        m.put("note", note);
        out.offer(Messages.json(m));
        sendStatus(null);
    }

    /** A state change: the raster keeps the 0→1 transitions of its units (row: E units first, then I units). */
    private void transition(int i, double t, boolean active) {
        if (!active) {
            return;
        }
        int nE = params.network().nE();
        int row = i < nE ? (i < rasterE ? i : -1) : (i - nE < rasterI ? rasterE + (i - nE) : -1);
        if (row < 0) {
            return;
        }
        double[] event = {t, row};
        if (pendingRaster.size() < 20_000) {
            pendingRaster.add(event);
        }
        if (rasterHistory.size() >= RASTER_HISTORY) {
            rasterHistory.subList(0, RASTER_HISTORY / 10).clear();
        }
        rasterHistory.add(event);
    }

    private void sample() {
        double t = net.time();
        double[] row = new double[COLUMNS];
        row[0] = t;
        row[1] = net.rate(BalancedNetwork.E);
        row[2] = net.rate(BalancedNetwork.I);
        row[3] = net.excitatoryInput(INPUT_UNIT);
        row[4] = net.inhibitoryInput(INPUT_UNIT);
        row[5] = net.externalInput(INPUT_UNIT);
        row[6] = row[3] + row[4] + row[5];
        row[7] = net.active(INPUT_UNIT) ? 1 : 0;
        if (pending.size() >= 4000) {
            pending.remove(0);   // a tab that is not reading: keep the newest samples only
        }
        pending.add(row);
        for (int c = 0; c < COLUMNS; c++) {
            history[c][historyPos] = row[c];
        }
        historyPos = (historyPos + 1) % HISTORY;
        historyCount = Math.min(historyCount + 1, HISTORY);
        if (t > settleUntil) {
            sumE += row[1];
            sumI += row[2];
            averaged++;
        }
    }

    private String state() {
        if (paused) {
            return "paused";
        }
        return net != null && net.time() < settleUntil ? "settling" : "running";
    }

    private void sendStatus(String message) {
        Map<String, Object> m = Messages.message("status");
        m.put("state", state());
        m.put("time", net == null ? 0.0 : net.time());
        if (message != null) {
            m.put("message", message);
        }
        out.offer(Messages.json(m));
    }

    private void sendFrame(long now) {
        lastFrame = now;
        if (net == null) {
            return;
        }
        Map<String, Object> m = Messages.message("frame");
        m.put("state", state());
        m.put("time", net.time());
        int rows = pending.size();
        double[][] cols = new double[COLUMNS][rows];
        for (int r = 0; r < rows; r++) {
            double[] row = pending.get(r);
            for (int c = 0; c < COLUMNS; c++) {
                cols[c][r] = row[c];
            }
        }
        pending.clear();
        m.put("t", Messages.nums(cols[0]));
        m.put("rateE", Messages.nums(cols[1]));
        m.put("rateI", Messages.nums(cols[2]));
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("excitatory", Messages.nums(cols[3]));
        inputs.put("inhibitory", Messages.nums(cols[4]));
        inputs.put("external", Messages.nums(cols[5]));
        inputs.put("total", Messages.nums(cols[6]));
        inputs.put("state", Messages.nums(cols[7]));
        m.put("inputs", inputs);
        double[] rt = new double[pendingRaster.size()];
        double[] ru = new double[pendingRaster.size()];
        for (int k = 0; k < rt.length; k++) {
            rt[k] = pendingRaster.get(k)[0];
            ru[k] = pendingRaster.get(k)[1];
        }
        pendingRaster.clear();
        m.put("raster", Map.of("t", Messages.nums(rt), "unit", Messages.nums(ru)));
        m.put("averagedTime", averaged * SAMPLE);
        m.put("rateEAverage", Messages.num(averaged > 0 ? sumE / averaged : Double.NaN));
        m.put("rateIAverage", Messages.num(averaged > 0 ? sumI / averaged : Double.NaN));
        out.offer(Messages.json(m));
    }

    private BalancedExport.Snapshot snapshot() {
        int count = historyCount;
        double[][] h = new double[COLUMNS][count];
        int start = (historyPos - count + HISTORY) % HISTORY;
        for (int c = 0; c < COLUMNS; c++) {
            for (int j = 0; j < count; j++) {
                h[c][j] = history[c][(start + j) % HISTORY];
            }
        }
        double from = count > 0 ? h[0][0] : 0.0;
        List<double[]> raster = rasterHistory.stream().filter(e -> e[0] >= from).toList();
        Map<String, Object> sim = new LinkedHashMap<>();
        sim.put("time", net == null ? 0.0 : net.time());
        sim.put("state", net == null ? "none" : state());
        sim.put("lastChangeTime", settleUntil - SETTLE);
        sim.put("averagedTime", averaged * SAMPLE);
        sim.put("rateE", averaged > 0 ? sumE / averaged : Double.NaN);
        sim.put("rateI", averaged > 0 ? sumI / averaged : Double.NaN);
        sim.put("synapses", net == null ? 0 : net.graph().synapseCount());
        sim.put("updates", net == null ? 0 : net.updates());
        sim.put("sampleInterval", SAMPLE);
        sim.put("initialActivity", INITIAL_ACTIVITY);
        sim.put("inputUnit", INPUT_UNIT);
        sim.put("rasterUnitsE", rasterE);
        sim.put("rasterUnitsI", rasterI);
        Theory th = lastTheory;
        return new BalancedExport.Snapshot(params, h, raster, rasterE, sim,
                th != null && th.network().equals(params.network()) ? th : null);
    }

    // ------------------------------------------------------------------ theory thread

    private void requestTheory(BalancedNetwork network) {
        theoryRequest.set(network);
        synchronized (theoryLock) {
            theoryLock.notifyAll();
        }
    }

    private void theoryLoop() {
        BalancedMeanField solver = new BalancedMeanField();
        while (!closed) {
            BalancedNetwork network;
            synchronized (theoryLock) {
                while (!closed && theoryRequest.get() == null) {
                    try {
                        theoryLock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                network = theoryRequest.getAndSet(null);
            }
            Theory previous = lastTheory;
            if (previous != null && sameTheory(previous.network(), network)) {
                lastTheory = new Theory(network, previous.solution(), previous.message());
                continue;   // N_E, N_I and the seed do not enter the mean field
            }
            out.offer(Messages.json(Messages.message("theory-pending")));
            Theory t;
            try {
                t = new Theory(network, solver.solve(network), null);
            } catch (NoBalancedSolutionException e) {
                t = new Theory(network, null, "no mean-field solution: " + Forms.firstLine(e.getMessage()));
            } catch (RuntimeException e) {
                t = new Theory(network, null, "the mean field failed: " + e);
            }
            if (theoryRequest.get() != null) {
                continue;   // superseded while it was computed: the newer one follows
            }
            lastTheory = t;
            out.offer(theoryMessage(t));
        }
    }

    /** Whether the mean field of {@code a} is that of {@code b}: the same K and drive (N_E and N_I do not enter it). */
    private static boolean sameTheory(BalancedNetwork a, BalancedNetwork b) {
        return a.withSize(b.nE(), b.nI(), a.k()).equals(b);
    }

    /**
     * The theory message: the finite-K rates m_E, m_I (van Vreeswijk &amp; Sompolinsky 1998, eqs. 3.10–3.11), the
     * large-K balanced rates, q, the input moments, the stability of the rate dynamics, and the mean parts of an
     * excitatory unit's input: recurrent excitatory √K J_EE m_E, inhibitory √K J_EI m_I, external √K E m0.
     */
    private static String theoryMessage(Theory t) {
        Map<String, Object> m = Messages.message("theory");
        BalancedNetwork net = t.network();
        m.put("m0", net.m0());
        m.put("k", net.k());
        BalancedSolution s = t.solution();
        if (s == null) {
            m.put("message", t.message());
            return Messages.json(m);
        }
        double sk = Math.sqrt(net.k());
        m.put("rateE", Messages.num(s.mE()));
        m.put("rateI", Messages.num(s.mI()));
        m.put("limitE", Messages.num(s.limitE()));
        m.put("limitI", Messages.num(s.limitI()));
        m.put("qE", Messages.num(s.qE()));
        m.put("qI", Messages.num(s.qI()));
        m.put("uE", Messages.num(s.uE()));
        m.put("alphaE", Messages.num(s.alphaE()));
        m.put("balanced", s.balanced());
        m.put("balanceCondition", s.balanceMessage());
        m.put("stable", s.stable());
        m.put("tauRatioCritical", Messages.num(s.tauRatioCritical()));
        m.put("meanExcitatoryInput", Messages.num(sk * net.jEE() * s.mE()));
        m.put("meanInhibitoryInput", Messages.num(sk * net.jEI() * s.mI()));
        m.put("externalInput", Messages.num(sk * net.extE() * net.m0()));
        m.put("thresholdE", net.thetaE());
        m.put("branches", s.branchCount());
        return Messages.json(m);
    }
}
