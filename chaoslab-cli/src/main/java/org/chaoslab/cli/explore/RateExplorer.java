package org.chaoslab.cli.explore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.chaoslab.model.RateNetwork;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.LiveRateNetwork;

/**
 * The rate view of one browser tab: a {@link LiveRateNetwork} stepped on its own thread at a bounded speed, the
 * statistics the page plots estimated as it runs, frames sent at a bounded rate, and the DMFT of the current parameters
 * computed on a second thread ({@link RateTheory}).
 *
 * <p>Threads: the WebSocket's thread calls {@link #handle} (set, reset, pause, resume) and {@link #export}; they
 * validate on that thread and hand the change to the simulation thread as a command, so every
 * piece of simulation state is touched by one thread only. A change of g, φ, J0, the input or the noise retunes the
 * running state; a change of N or the seed (or a reset) draws a new network. After each change the estimators of
 * λ_max and of the autocorrelation restart after {@link #SETTLE} time units, so they describe the new parameters; the
 * time series of ⟨x²⟩ runs on, so the page shows it relax to the new state.
 *
 * <p>Estimators: ⟨x²⟩(t) = N⁻¹Σ_i x_i² at every sample; the autocorrelation Δ(τ) = ⟨x_i(t)x_i(t+τ)⟩ − ⟨x⟩² averaged over
 * units and times since the last change, at lags 0 … {@link RateTheory#MAX_LAG} in steps of {@link #SAMPLE}; λ_max by two
 * trajectories ({@link LiveRateNetwork#renormalize}, every {@link #RENORM}), the mean of ln(d/d0) per unit time since
 * the last change.
 */
final class RateExplorer implements ExploreView {

    /** Time step (τ = 1) and scheme: those of {@code compare scs}. */
    static final double DT = 0.1;
    static final IntegratorKind INTEGRATOR = IntegratorKind.RK4;
    /** Steps between samples of the statistics. */
    static final int STEPS_PER_SAMPLE = 2;
    /** Time between samples. */
    static final double SAMPLE = STEPS_PER_SAMPLE * DT;
    /** Time between renormalizations of the replica. */
    static final double RENORM = 1.0;
    /** Time after a change before the estimators restart. */
    static final double SETTLE = 10.0;
    /** Simulated time per second of wall time, at most (the traces stay readable; the CPU is shared). */
    static final double SPEED = 10.0;
    /** Frames per second, at most. */
    static final double FRAME_RATE = 15.0;
    /** Units whose traces are sent. */
    static final int TRACED = 5;
    /** Units whose (x, φ(x)) are sent for the φ panel. */
    static final int CLOUD = 200;
    /** Samples kept for an export (the last 300 time units). */
    static final int HISTORY = 1500;
    /** Lags of the autocorrelation, 0 … MAX_LAG. */
    static final int LAGS = (int) Math.round(RateTheory.MAX_LAG / SAMPLE) + 1;

    private final Outbox out;
    private final RateTheory theory;
    private final int threads;
    private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final AtomicReference<RateNetwork> theoryRequest = new AtomicReference<>();
    private final Object theoryLock = new Object();
    private final Thread simulation;
    private final Thread theoryThread;
    private volatile boolean closed;
    private volatile RateTheory.Result lastTheory;

    // --- state of the simulation thread ---
    private RateForm.Parameters params;
    private LiveRateNetwork net;
    private boolean paused;
    private boolean diverged;
    private int[] traced = new int[0];
    private int[] cloud = new int[0];
    private double settleUntil;
    private double lastRenorm;
    private double lambdaSum;
    private double lambdaTime;
    private double[][] ring;
    private int ringFilled;
    private int ringPos;
    private double[] acfSum;
    private long[] acfCount;
    private double meanSum;
    private double squareSum;
    private long meanCount;
    private long lastAcfFrame;
    private long lastFrame;
    // samples not yet sent
    private final List<double[]> pending = new ArrayList<>();
    // history for exports: time, ⟨x²⟩, then the traced units
    private final double[][] history = new double[2 + TRACED][HISTORY];
    private int historyCount;
    private int historyPos;

    /**
     * Starts the view with validated parameters; the first frames follow at once.
     *
     * @param threads threads of the products (per tab)
     */
    RateExplorer(Outbox out, RateTheory theory, RateForm.Parameters initial, int threads) {
        this.out = out;
        this.theory = theory;
        this.threads = threads;
        commands.add(() -> apply(initial, true));
        requestTheory(initial.network());
        simulation = Thread.ofPlatform().daemon().name("chaoslab-explore-sim").unstarted(this::loop);
        theoryThread = Thread.ofPlatform().daemon().name("chaoslab-explore-theory").unstarted(this::theoryLoop);
        simulation.start();
        theoryThread.start();
    }

    /**
     * The rate view's messages: {@code set} (a retune, or a new network when N or the seed changed), {@code reset} (a
     * new network), {@code pause}, {@code resume}; the values of set and reset checked by {@link RateForm}, a refused
     * one answered with an {@code invalid} message.
     */
    @Override
    public void handle(Messages.Request request) throws Messages.BadMessage {
        switch (request.type()) {
            case "pause" -> pause();
            case "resume" -> resume();
            case "set", "reset" -> {
                RateForm.Result checked = RateForm.check(new LinkedHashMap<>(request.params()));
                if (!checked.ok()) {
                    // answered in the order of the requests: after the "accepted" of an earlier set still queued
                    commands.add(() -> out.offer(Messages.invalid(checked.errors())));
                    LockSupport.unpark(simulation);
                } else if ("set".equals(request.type())) {
                    set(checked.parameters());
                } else {
                    reset(checked.parameters());
                }
            }
            default -> throw new Messages.BadMessage("the rate view has no '" + request.type() + "' message");
        }
    }

    /** The zip of {@link #snapshot}, written off the simulation thread. */
    @Override
    public CompletableFuture<ExploreView.Export> export() {
        return snapshot().thenApplyAsync(s -> {
            try {
                return RateExport.zip(s);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Applies validated parameters: a retune, or a new network when N or the seed changed. */
    void set(RateForm.Parameters p) {
        commands.add(() -> apply(p, false));
        requestTheory(p.network());
    }

    /** Draws a new network with these parameters (the seed among them) and starts it from its initial state. */
    void reset(RateForm.Parameters p) {
        commands.add(() -> apply(p, true));
        requestTheory(p.network());
    }

    /** Stops stepping (the state is kept). */
    void pause() {
        commands.add(() -> {
            paused = true;
            sendStatus();
        });
    }

    /** Steps again from where it stopped. */
    void resume() {
        commands.add(() -> {
            paused = false;
            sendStatus();
        });
    }

    /** The data of an export, taken on the simulation thread. */
    CompletableFuture<RateExport.Snapshot> snapshot() {
        CompletableFuture<RateExport.Snapshot> f = new CompletableFuture<>();
        commands.add(() -> f.complete(takeSnapshot()));
        LockSupport.unpark(simulation);
        return f;
    }

    /** Whether both threads have ended (after {@link #close}). */
    @Override
    public boolean stopped() {
        return !simulation.isAlive() && !theoryThread.isAlive();
    }

    /** Stops both threads; the simulation thread frees the network. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(simulation);
        synchronized (theoryLock) {
            theoryLock.notifyAll();
        }
    }

    /** Waits for both threads to end, at most {@code millis} each. */
    void join(long millis) throws InterruptedException {
        simulation.join(millis);
        theoryThread.join(millis);
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
                if (paused || diverged || net == null) {
                    last = now;
                    budget = 0.0;
                    LockSupport.parkNanos(20_000_000L);
                    continue;
                }
                budget = Math.min(budget + SPEED * (now - last) * 1e-9, 1.0);   // at most one time unit of catching up
                last = now;
                long sliceEnd = now + 40_000_000L;
                while (budget >= SAMPLE && System.nanoTime() < sliceEnd && commands.isEmpty() && !closed) {
                    if (!net.advance(STEPS_PER_SAMPLE)) {
                        diverged = true;
                        sendStatus();
                        break;
                    }
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
        } finally {
            if (net != null) {
                net.close();
                net = null;
            }
        }
    }

    private void apply(RateForm.Parameters p, boolean restart) {
        boolean fresh = restart || net == null || diverged || net.size() != p.network().size() || net.seed() != p.seed();
        if (fresh) {
            if (net != null) {
                net.close();
            }
            net = LiveRateNetwork.start(p.network(), p.seed(), DT, INTEGRATOR, threads);
            diverged = false;
            pickUnits(p.network().size(), p.seed());
            historyCount = 0;
            historyPos = 0;
            pending.clear();
            lastRenorm = 0.0;
        } else {
            net.retune(p.network());
        }
        params = p;
        restartEstimators();
        Map<String, Object> m = Messages.message("accepted");
        m.put("params", p.values());
        m.put("restarted", fresh);
        m.put("time", net.time());
        m.put("units", traced);
        double[][] curve = RateTheory.transferCurve(p.network().transfer(), 4.0);
        m.put("phiCurve", Map.of("x", Messages.nums(curve[0]), "y", Messages.nums(curve[1])));
        out.offer(Messages.json(m));
        sendStatus();
    }

    /** The traced units and the φ-panel cloud: fixed by N and the seed (evenly spread indices). */
    private void pickUnits(int n, long seed) {
        traced = new int[Math.min(TRACED, n)];
        for (int k = 0; k < traced.length; k++) {
            traced[k] = (int) ((long) k * n / traced.length);
        }
        cloud = new int[Math.min(CLOUD, n)];
        for (int k = 0; k < cloud.length; k++) {
            cloud[k] = (int) ((long) k * n / cloud.length);
        }
    }

    private void restartEstimators() {
        settleUntil = net.time() + SETTLE;
        lambdaSum = 0.0;
        lambdaTime = 0.0;
        int n = net.size();
        if (ring == null || ring[0].length != n) {
            ring = new double[LAGS][n];
        }
        ringFilled = 0;
        ringPos = 0;
        acfSum = new double[LAGS];
        acfCount = new long[LAGS];
        meanSum = 0.0;
        squareSum = 0.0;
        meanCount = 0;
    }

    private void sample() {
        double t = net.time();
        double[] x = net.state();
        int n = net.size();
        double sq = 0.0;
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            sq += x[i] * x[i];
            sum += x[i];
        }
        double meanSquare = sq / n;
        double[] row = new double[2 + traced.length];
        row[0] = t;
        row[1] = meanSquare;
        for (int k = 0; k < traced.length; k++) {
            row[2 + k] = x[traced[k]];
        }
        if (pending.size() >= 2000) {
            pending.remove(0);   // a tab that is not reading: keep the newest samples only
        }
        pending.add(row);
        for (int r = 0; r < history.length; r++) {
            history[r][historyPos] = r < row.length ? row[r] : Double.NaN;
        }
        historyPos = (historyPos + 1) % HISTORY;
        historyCount = Math.min(historyCount + 1, HISTORY);
        if (t - lastRenorm >= RENORM - 1e-9) {
            double growth = net.renormalize();
            if (t > settleUntil && Double.isFinite(growth)) {
                lambdaSum += growth;
                lambdaTime += t - lastRenorm;
            }
            lastRenorm = t;
        }
        if (t > settleUntil) {
            double[] slot = ring[ringPos];
            System.arraycopy(x, 0, slot, 0, n);
            ringFilled = Math.min(ringFilled + 1, LAGS);
            for (int k = 0; k < ringFilled; k++) {
                double[] past = ring[(ringPos - k + LAGS) % LAGS];
                double dot = 0.0;
                for (int i = 0; i < n; i++) {
                    dot += x[i] * past[i];
                }
                acfSum[k] += dot / n;
                acfCount[k]++;
            }
            ringPos = (ringPos + 1) % LAGS;
            meanSum += sum / n;
            squareSum += meanSquare;
            meanCount++;
        }
    }

    private String state() {
        if (diverged) {
            return "diverged";
        }
        if (paused) {
            return "paused";
        }
        return net != null && net.time() < settleUntil ? "settling" : "running";
    }

    private void sendStatus() {
        Map<String, Object> m = Messages.message("status");
        m.put("state", state());
        m.put("time", net == null ? 0.0 : net.time());
        if (diverged) {
            m.put("message", "the state diverged (NaN/Inf or beyond 1e150) at t = " + net.time()
                    + "; the network restarts with the next change");
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
        double[] t = new double[rows];
        double[] ms = new double[rows];
        double[][] tr = new double[traced.length][rows];
        for (int r = 0; r < rows; r++) {
            double[] row = pending.get(r);
            t[r] = row[0];
            ms[r] = row[1];
            for (int k = 0; k < traced.length; k++) {
                tr[k][r] = row[2 + k];
            }
        }
        pending.clear();
        m.put("t", Messages.nums(t));
        m.put("meanSquare", Messages.nums(ms));
        List<Object> traces = new ArrayList<>();
        for (double[] series : tr) {
            traces.add(Messages.nums(series));
        }
        m.put("traces", traces);
        double[] x = net.state();
        double[] cx = new double[cloud.length];
        double[] cy = new double[cloud.length];
        var phi = params.network().transfer();
        for (int k = 0; k < cloud.length; k++) {
            cx[k] = x[cloud[k]];
            cy[k] = phi.phi(cx[k]);
        }
        m.put("cloud", Map.of("x", Messages.nums(cx), "y", Messages.nums(cy)));
        m.put("lambda", Messages.num(lambdaTime > 0 ? lambdaSum / lambdaTime : Double.NaN));
        m.put("lambdaTime", lambdaTime);
        m.put("averagedTime", meanCount * SAMPLE);
        m.put("meanSquareAverage", Messages.num(meanCount > 0 ? squareSum / meanCount : Double.NaN));
        if (now - lastAcfFrame >= 500_000_000L) {
            lastAcfFrame = now;
            double[][] acf = autocorrelation();
            m.put("acf", Map.of("lag", Messages.nums(acf[0]), "value", Messages.nums(acf[1])));
        }
        out.offer(Messages.json(m));
    }

    /** Lags and Δ(τ) estimated so far (lags without samples left out). */
    private double[][] autocorrelation() {
        int k = 0;
        while (k < LAGS && acfCount[k] > 0) {
            k++;
        }
        double mean = meanCount > 0 ? meanSum / meanCount : 0.0;
        double[] lag = new double[k];
        double[] value = new double[k];
        for (int j = 0; j < k; j++) {
            lag[j] = j * SAMPLE;
            value[j] = acfSum[j] / acfCount[j] - mean * mean;
        }
        return new double[][] {lag, value};
    }

    private RateExport.Snapshot takeSnapshot() {
        int count = historyCount;
        double[][] h = new double[2 + traced.length][count];
        int start = (historyPos - count + HISTORY) % HISTORY;
        for (int r = 0; r < h.length; r++) {
            for (int j = 0; j < count; j++) {
                h[r][j] = history[r][(start + j) % HISTORY];
            }
        }
        double[][] acf = net == null ? new double[][] {new double[0], new double[0]} : autocorrelation();
        Map<String, Object> sim = new LinkedHashMap<>();
        sim.put("time", net == null ? 0.0 : net.time());
        sim.put("state", net == null ? "none" : state());
        sim.put("averagedTime", meanCount * SAMPLE);
        sim.put("meanSquare", meanCount > 0 ? squareSum / meanCount : Double.NaN);
        sim.put("lambdaMax", lambdaTime > 0 ? lambdaSum / lambdaTime : Double.NaN);
        sim.put("lambdaTime", lambdaTime);
        sim.put("dt", DT);
        sim.put("integrator", INTEGRATOR.label());
        return new RateExport.Snapshot(params, h, traced.clone(), acf[0], acf[1], sim, lastTheory);
    }

    // ------------------------------------------------------------------ theory thread

    private void requestTheory(RateNetwork network) {
        theoryRequest.set(network);
        synchronized (theoryLock) {
            theoryLock.notifyAll();
        }
    }

    private void theoryLoop() {
        while (!closed) {
            RateNetwork network;
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
            Map<String, Object> busy = Messages.message("theory-pending");
            busy.put("g", network.gain());
            out.offer(Messages.json(busy));
            try {
                RateTheory.Result r = theory.solve(network);
                if (theoryRequest.get() != null) {
                    continue;   // superseded while it was computed: the newer one follows
                }
                lastTheory = r;
                out.offer(theoryMessage(r, r.summary().gCritical()));
                if (theory.needsTransition(network)) {
                    double gc = theory.transition(network);
                    if (theoryRequest.get() == null) {
                        out.offer(theoryMessage(r, gc));
                    }
                }
            } catch (RuntimeException e) {
                Map<String, Object> m = Messages.message("theory");
                m.put("g", network.gain());
                m.put("phase", "no solution");
                m.put("message", "no solution: " + firstLine(e.getMessage() == null ? e.toString() : e.getMessage()));
                out.offer(Messages.json(m));
            }
        }
    }

    private static String theoryMessage(RateTheory.Result r, double gc) {
        var s = r.summary();
        Map<String, Object> m = Messages.message("theory");
        m.put("g", s.g());
        m.put("phi", s.phi());
        m.put("noise", s.noise());
        m.put("phase", s.phase());
        m.put("gCritical", Messages.num(gc));
        m.put("delta0", Messages.num(s.delta0()));
        m.put("mean", Messages.num(s.mean()));
        m.put("meanSquare", Messages.num(r.meanSquare()));
        m.put("lambdaMax", Messages.num(s.lambdaMax()));
        m.put("tauHalf", Messages.num(s.tauHalf()));
        m.put("message", s.message());
        m.put("tau", Messages.nums(r.tau()));
        m.put("delta", Messages.nums(r.delta()));
        return Messages.json(m);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
