package org.chaoslab.cli.explore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.chaoslab.compare.KernelComparison;
import org.chaoslab.compare.KernelComparisonResult;
import org.chaoslab.compare.Verdict;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.theory.kernel.BalancedKernelTheory;
import org.chaoslab.theory.kernel.BinaryKernelTheory;
import org.chaoslab.theory.kernel.ChaosCriterion;
import org.chaoslab.theory.kernel.KernelCurve;
import org.chaoslab.theory.kernel.KernelStatistics;
import org.chaoslab.theory.kernel.RateFlowKernelTheory;
import org.chaoslab.theory.kernel.RateMapKernelTheory;
import org.chaoslab.theory.kernel.StimulusKernel;

/**
 * The kernel view of one browser tab: the stationary stimulus kernel K(Δ) = (1/N) Σ_i r_i^a r_i^b of a binary and a
 * rate network on one circle of stimuli, theory beside simulation (Bauer, Keup, Kadmon &amp; Helias 2026;
 * docs/kernels.md). The theory is the two-replica mean field of {@code kernel theory} / {@code compare kernel}
 * ({@link KernelComparison#theory}): the cross-trial kernel on [0, π], the same-trial K(0), K(0⁺) and the nugget
 * ν = K(0) − K(0⁺), with the chaos criterion of each network (a binary network has a nugget at every coupling, a rate
 * network only where its dynamics are chaotic). The simulation runs on request ({@code simulate}, or {@code reset}):
 * R realizations of each network as {@code compare kernel} runs them ({@link KernelComparison#run}: stationary
 * protocol, the kernel by stimulus distance with standard errors, K(0), the nugget, verdicts), a few seconds.
 *
 * <p>One worker thread does the latest request (new parameters: the theory; a simulation: the theory if it is not at
 * hand, then both networks); a newer request abandons the one in progress at the simulation's next step.
 */
final class KernelExplorer implements ExploreView {

    /** Points of the theory curves on [0, π]. */
    static final int CURVE_POINTS = 129;
    /** Progress messages per second, at most. */
    static final double PROGRESS_RATE = 5.0;
    /** The networks, in the order they are simulated. */
    static final List<String> NETWORKS = List.of("binary", "rate");

    private final Outbox out;
    private final int threads;
    private final AtomicReference<Request> request = new AtomicReference<>();
    private final AtomicLong generation = new AtomicLong();
    private final Object lock = new Object();
    private final Thread worker;
    private volatile boolean closed;
    private volatile KernelForm.Parameters current;
    private volatile KernelExport.Snapshot last;

    /** What the worker is asked to do: the theory of these parameters, and a simulation if {@code simulate}. */
    private record Request(KernelForm.Parameters params, boolean simulate) {
    }

    /**
     * The theory of one network.
     *
     * @param name   "binary" or "rate"
     * @param run    the network and its runs
     * @param theory the two-replica theory
     * @param stats  m, K(0), K(0⁺), the nugget
     * @param curve  K(Δ) on [0, π]
     * @param chaos  the network's chaos criterion
     */
    record Theory(String name, KernelForm.Run run, StimulusKernel theory, KernelStatistics stats, KernelCurve curve,
                  ChaosCriterion chaos) {
    }

    /** The abandoned work of a superseded request. */
    private static final class Superseded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Superseded() {
            super("superseded", null, false, false);
        }
    }

    /** Starts the view with validated parameters: the theory of both networks follows. */
    KernelExplorer(Outbox out, KernelForm.Parameters initial, int threads) {
        this.out = out;
        this.threads = threads;
        submit(new Request(initial, false));
        worker = Thread.ofPlatform().daemon().name("chaoslab-explore-kernel").unstarted(this::loop);
        worker.start();
    }

    /** The view's limits, for the page. */
    static Map<String, Object> limits() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("maxN", KernelForm.MAX_N);
        m.put("maxStimuli", KernelForm.MAX_P);
        m.put("maxRealizations", KernelForm.MAX_REALIZATIONS);
        m.put("maxWork", KernelForm.MAX_WORK);
        return m;
    }

    /**
     * The kernel view's messages: {@code set} (the theory of new parameters; a simulation in progress is abandoned),
     * {@code reset} (new parameters, their theory and a simulation), {@code simulate} (a simulation of the current
     * parameters). Nothing runs between requests: pause and resume are refused.
     */
    @Override
    public void handle(Messages.Request r) throws Messages.BadMessage {
        switch (r.type()) {
            case "set", "reset" -> {
                Forms.Checked<KernelForm.Parameters> checked = KernelForm.check(new LinkedHashMap<>(r.params()), threads);
                if (!checked.ok()) {
                    out.offer(Messages.invalid(checked.errors()));
                    return;
                }
                submit(new Request(checked.parameters(), "reset".equals(r.type())));
            }
            case "simulate" -> submit(new Request(current, true));
            default -> throw new Messages.BadMessage("the kernel view has no '" + r.type() + "' message: it simulates on "
                    + "request (simulate, reset) and runs nothing in between");
        }
    }

    private void submit(Request r) {
        if (r.params() != current) {
            Map<String, Object> m = Messages.message("accepted");
            m.put("params", r.params().values());
            out.offer(Messages.json(m));
        }
        synchronized (lock) {
            current = r.params();
            request.set(r);
            generation.incrementAndGet();
            lock.notifyAll();
        }
    }

    @Override
    public CompletableFuture<ExploreView.Export> export() {
        KernelExport.Snapshot s = last;
        if (s == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("nothing computed yet"));
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return KernelExport.zip(s);
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
        List<Theory> theories = null;
        while (!closed) {
            Request r;
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
                r = request.getAndSet(null);
                mine = generation.get();
            }
            try {
                KernelForm.Parameters p = r.params();
                if (theories == null || theories.getFirst().run() != p.binary()) {
                    status("theory", "computing the two-replica theory of both networks");
                    List<Theory> computed = new ArrayList<>();
                    computed.add(theory("binary", p.binary(), p.scale()));
                    check(mine);
                    computed.add(theory("rate", p.rate(), p.scale()));
                    check(mine);
                    theories = computed;
                    last = new KernelExport.Snapshot(p, theories, List.of(), threads);   // before the messages: an export follows them
                    for (Theory t : theories) {
                        out.offer(theoryMessage(t));
                    }
                }
                if (!r.simulate()) {
                    status("ready", null);
                    continue;
                }
                List<KernelComparisonResult> results = new ArrayList<>();
                for (int k = 0; k < theories.size(); k++) {
                    Theory t = theories.get(k);
                    status("simulating", "simulating the " + t.name() + " network: " + t.run().settings().realizations()
                            + " realizations of N = " + t.run().network().n() + ", " + t.run().stimuli().count() + " stimuli");
                    results.add(KernelComparison.run(t.run().network(), t.run().stimuli(), t.run().settings(),
                            progress(mine, k, theories.size()), null));
                    check(mine);
                    last = new KernelExport.Snapshot(p, theories, List.copyOf(results), threads);
                    out.offer(simulationMessage(t, results.getLast()));
                }
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

    /** Progress of network {@code k} of {@code count}, as the fraction of the whole simulation; checks for a newer request. */
    private ProgressListener progress(long mine, int k, int count) {
        long[] lastSent = {0L};
        return (done, total) -> {
            check(mine);
            long now = System.nanoTime();
            if (now - lastSent[0] > 1e9 / PROGRESS_RATE) {
                lastSent[0] = now;
                Map<String, Object> m = Messages.message("progress");
                m.put("network", NETWORKS.get(k));
                m.put("fraction", (k + (double) done / total) / count);
                out.offer(Messages.json(m));
            }
        };
    }

    private void status(String state, String message) {
        Map<String, Object> m = Messages.message("status");
        m.put("state", state);
        if (message != null) {
            m.put("message", message);
        }
        out.offer(Messages.json(m));
    }

    static Theory theory(String name, KernelForm.Run run, double scale) {
        StimulusKernel k = KernelComparison.theory(run.network(), scale);
        ChaosCriterion chaos = switch (k) {
            case BinaryKernelTheory b -> b.solution().chaos();
            case RateMapKernelTheory m -> m.solution().chaos();
            case RateFlowKernelTheory f -> f.solution().chaos();
            // the explorer's networks are never balanced; as kernel theory says for 0/1 units
            case BalancedKernelTheory b -> new ChaosCriterion("slope of the replica map at c = m (binary units)",
                    Double.POSITIVE_INFINITY, true);
        };
        return new Theory(name, run, k, k.statistics(), k.curve(CURVE_POINTS), chaos);
    }

    private static String theoryMessage(Theory t) {
        Map<String, Object> m = Messages.message("theory");
        m.put("network", t.name());
        m.put("model", t.run().network().kind().label());
        m.put("meanResponse", Messages.num(t.stats().meanResponse()));
        m.put("sameTrial", Messages.num(t.stats().sameTrial()));
        m.put("zeroPlus", Messages.num(t.stats().zeroPlus()));
        m.put("nugget", Messages.num(t.stats().nugget()));
        m.put("chaos", Map.of("criterion", t.chaos().name(), "value", t.chaos().value(), "chaotic", t.chaos().chaotic()));
        m.put("delta", Messages.nums(t.curve().delta()));
        m.put("kernel", Messages.nums(t.curve().kernel()));
        return Messages.json(m);
    }

    /** A network's simulated kernel beside its theory, as {@code compare kernel} reports it. */
    private static String simulationMessage(Theory t, KernelComparisonResult r) {
        Map<String, Object> m = Messages.message("simulation");
        m.put("network", t.name());
        m.put("delta", Messages.nums(r.distances()));
        m.put("kernel", Messages.nums(r.simulatedKernel()));
        m.put("se", Messages.nums(r.simulatedKernelError()));
        m.put("sameTrial", estimate(r.sameTrial()));
        m.put("meanResponse", estimate(r.meanResponse()));
        m.put("nugget", estimate(r.nugget()));
        List<Map<String, Object>> verdicts = new ArrayList<>();
        for (Verdict v : r.verdicts()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("quantity", v.quantity());
            e.put("agrees", v.agrees());
            e.put("line", v.line());
            verdicts.add(e);
        }
        m.put("verdicts", verdicts);
        m.put("agrees", r.agrees());
        m.put("realizations", r.realizations());
        m.put("diverged", r.diverged());
        m.put("wallSeconds", r.wallSeconds());
        return Messages.json(m);
    }

    private static Map<String, Object> estimate(org.chaoslab.analysis.Estimate e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", Messages.num(e.value()));
        m.put("se", Messages.num(e.standardError()));
        return m;
    }
}
