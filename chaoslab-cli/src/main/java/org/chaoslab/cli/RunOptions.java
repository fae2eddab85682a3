package org.chaoslab.cli;

import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.RateSimulation;
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

    @Option(names = "--threads", description = "Threads (results do not depend on it). Default: all cores.")
    Integer threads;

    /** The settings, with the command's defaults for the step and the integrator where not given. */
    RateSimulation settings(double defaultDt, IntegratorKind defaultIntegrator) {
        int th = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        IntegratorKind kind = integrator == null ? defaultIntegrator : IntegratorKind.parse(integrator);
        return new RateSimulation(dt == null ? defaultDt : dt, t, transientTime, kind, replicas, seed, 1.0, th);
    }
}
