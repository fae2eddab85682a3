package org.chaoslab.cli.rate;

import org.chaoslab.analysis.StreamingAutocorrelation;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.RateSimulation;
import org.chaoslab.cli.common.Resources;
import org.chaoslab.cli.common.ThreadsOptions;
import org.chaoslab.model.Precision;
import org.chaoslab.model.RateNetwork;
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
     * dense N beyond one Java array (sparse couplings, {@code --k-in}, are chunked and have no such limit), and a memory estimate (couplings, replica state, autocorrelation buffers, kept
     * time series) above the heap available; the message names the option that drives the largest part.
     */
    public static void checkResources(RateNetwork net, RateSimulation s, RecordingPlan plan) {
        long n = net.size();
        long k = net.couplings().inDegree();
        boolean sparse = k > 0;
        if (!sparse) {
            Resources.denseSize("--n", n);
        }
        long m = s.replicas();
        Resources.arraySize("--replicas", m, "the state of N x replicas", (double) n * m);
        // sparse: float32 weight and int32 column index per synapse (SparseCouplingSampler checks the same again)
        double coupling = sparse ? 8.0 * n * k : (double) n * n * (net.couplings().precision() == Precision.FLOAT32 ? 4 : 8);
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
        double total = coupling + state + acf + series;
        if (acf >= Math.max(coupling, Math.max(state, series))) {
            Resources.require("--acf-max-lag", plan.correlationMaxLag(), "the autocorrelation buffers (total "
                    + Resources.size(total) + ")", total);
        } else if (series >= Math.max(coupling, state)) {
            Resources.require("--t", s.duration(), "the recorded time series (total " + Resources.size(total) + ")", total);
        } else if (state > coupling) {
            Resources.require("--replicas", m, "the state of N x replicas (total " + Resources.size(total) + ")", total);
        } else if (sparse) {
            Resources.require("--n", n + " with --k-in " + k, "the sparse couplings (N x K x 8 bytes; total "
                    + Resources.size(total) + ")", total);
        } else {
            Resources.require("--n", n, "the couplings (N^2 x " + (net.couplings().precision() == Precision.FLOAT32 ? 4 : 8)
                    + " bytes; total " + Resources.size(total) + ")", total);
        }
    }
}
