package org.chaoslab.cli.rate;

import org.chaoslab.analysis.StreamingAutocorrelation;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.RateSimulation;
import org.chaoslab.cli.common.Resources;
import org.chaoslab.cli.common.ThreadsOptions;
import org.chaoslab.model.Precision;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.sim.CouplingSampler;
import org.chaoslab.sim.record.Autocorrelations;
import org.chaoslab.sim.record.RecordingPlan;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options of a simulation run. */
public final class RunOptions {

    @Option(names = "--dt", description = "Time step (> 0, tau = 1). Default: 0.05 (simulate, euler), 0.1 (compare, rk4).")
    Double dt;

    @Option(names = "--t", description = "Recorded time after the transient (> 0). Default: ${DEFAULT-VALUE}.", defaultValue = "400")
    double t;

    @Option(names = "--transient", description = "Time simulated and discarded first (>= 0). Default: ${DEFAULT-VALUE}.",
            defaultValue = "100")
    double transientTime;

    @Option(names = "--seed", description = "Master seed; couplings and initial conditions use derived streams. Default: ${DEFAULT-VALUE}.",
            defaultValue = "1")
    long seed;

    @Option(names = "--replicas", description = "M trajectories of the same network (>= 1). Default: ${DEFAULT-VALUE}.",
            defaultValue = "1")
    int replicas;

    @Option(names = "--integrator", description = "euler (also the map x <- (1-dt)x + dt J phi(x)), exp-euler, rk4. "
            + "Default: euler (simulate), rk4 (compare: the DMFT is continuous-time, so no O(dt) bias).")
    String integrator;

    @Mixin
    ThreadsOptions threads;

    /** The settings, with the command's defaults for the step and the integrator where not given. */
    public RateSimulation settings(double defaultDt, IntegratorKind defaultIntegrator) {
        int th = threads.threads();
        IntegratorKind kind = integrator == null ? defaultIntegrator : IntegratorKind.parse(integrator);
        return new RateSimulation(dt == null ? defaultDt : dt, t, transientTime, kind, replicas, seed, 1.0, th);
    }

    /**
     * Refuses, before anything is allocated, a simulation of {@code realizations} networks at a time that cannot fit:
     * dense float64 N beyond one Java array (float32 and bfloat16 are stored in chunks of rows, sparse couplings,
     * {@code --k-in}, too), and a memory estimate (couplings, replica state, autocorrelation buffers, kept time series)
     * above the heap available; the message names the option that drives the largest part, and for the couplings the
     * precision and the largest N that would fit.
     */
    public static void checkResources(RateNetwork net, RateSimulation s, RecordingPlan plan) {
        long n = net.size();
        long k = net.couplings().inDegree();
        boolean sparse = k > 0;
        Precision p = net.couplings().precision();
        if (!sparse && p == Precision.FLOAT64 && n > Resources.MAX_DENSE_N) {
            throw new IllegalArgumentException("--n must be in [1, " + Resources.MAX_DENSE_N + "] with --precision f64 (a dense "
                    + "float64 matrix is one Java array of at most 2^31 - 9 elements; --precision f32 or bf16 store it in "
                    + "chunks; got " + n + ")");
        }
        long m = s.replicas();
        Resources.arraySize("--replicas", m, "the state of N x replicas", (double) n * m);
        Estimate e = estimate(net, n, s, plan);
        if (e.acf >= Math.max(e.coupling, Math.max(e.state, e.series))) {
            Resources.require("--acf-max-lag", plan.correlationMaxLag(), "the autocorrelation buffers (total "
                    + Resources.size(e.total()) + ")", e.total());
        } else if (e.series >= Math.max(e.coupling, e.state)) {
            Resources.require("--t", s.duration(), "the recorded time series (total " + Resources.size(e.total()) + ")", e.total());
        } else if (e.state > e.coupling) {
            Resources.require("--replicas", m, "the state of N x replicas (total " + Resources.size(e.total()) + ")", e.total());
        } else if (sparse) {
            Resources.require("--n", n + " with --k-in " + k, "the sparse couplings (N x K x 8 bytes; total "
                    + Resources.size(e.total()) + ")", e.total());
        } else {
            double available = 0.9 * Resources.availableHeap();
            if (!(e.total() <= available)) {
                // the largest N whose whole estimate fits: bisection on the monotone estimate
                long lo = 0;
                long hi = n;
                while (hi - lo > 1) {
                    long mid = (lo + hi) >>> 1;
                    if (estimate(net, mid, s, plan).total() <= available) {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                Resources.require("--n", n + " with --precision " + p.label(), "the couplings (N^2 x " + p.bytes()
                        + " bytes; total " + Resources.size(e.total()) + ")", e.total(), ": the largest that fits is " + lo
                        + (p == Precision.BFLOAT16 ? "" : ", or use --precision bf16, " + p.bytes() / 2 + "x smaller"));
            }
        }
    }

    /** The parts of a simulation's memory, in bytes. */
    private record Estimate(double coupling, double state, double acf, double series) {
        double total() {
            return coupling + state + acf + series;
        }
    }

    /** The memory of the simulation of {@code net} with N = {@code n} units. */
    private static Estimate estimate(RateNetwork net, long n, RateSimulation s, RecordingPlan plan) {
        long k = net.couplings().inDegree();
        long m = s.replicas();
        // sparse: float32 weight and int32 column index per synapse (SparseCouplingSampler checks the same again)
        double coupling = k > 0 ? 8.0 * n * k : CouplingSampler.couplingBytes(n, net.couplings().precision());
        double state = 8.0 * 8 * n * m;                              // x, rates, up to 3 RK4 stages, noise, buffers
        double dt = s.dt();
        double every = Math.max(1, Math.round(plan.correlationInterval() / dt));
        double lags = Math.round(plan.correlationMaxLag() / (every * dt)) + 1;
        double channels = Math.min((double) n * m, plan.correlationChannels());
        // each signal (x and phi) keeps a ring of samples per channel, channels padded to blocks of 8; FFT size P <= 4L
        boolean background = Autocorrelations.background((long) channels, s.threads());
        double ring = lags <= (1 << 28) ? StreamingAutocorrelation.doublesPerChannel((int) lags, background) : 8 * lags;
        double padded = 8 * Math.ceil(channels / 8);
        Resources.arraySize("--acf-max-lag", plan.correlationMaxLag(), "the autocorrelation buffer", padded * ring);
        double fftSize = 4 * lags;                                     // at most
        double acf = 2 * 8 * (padded * ring + 24 * fftSize);          // x and phi: rings, FFT work (2P x 8 lanes), sums
        double samples = s.duration() / Math.min(plan.traceInterval(), plan.momentsInterval());
        double series = 8 * samples * (plan.traceUnits() + 4);      // traces and population moments
        return new Estimate(coupling, state, acf, series);
    }
}
