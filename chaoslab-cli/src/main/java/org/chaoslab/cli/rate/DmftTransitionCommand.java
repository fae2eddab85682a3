package org.chaoslab.cli.rate;

import java.util.concurrent.Callable;

import org.chaoslab.cli.Progress;
import org.chaoslab.cli.common.RunSummary;
import org.chaoslab.io.JsonOutput;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.theory.dmft.DmftOptions;
import org.chaoslab.theory.dmft.DmftSolver;
import org.chaoslab.theory.dmft.NoisyDmftSolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chaoslab dmft transition}: where the network becomes chaotic. */
@Command(name = "transition", mixinStandardHelpOptions = true,
        description = {"The transition to chaos of dx/dt = -x + J phi(x) + xi: gCritical (largest Lyapunov exponent = 0) and "
                + "the local-stability line gLocal (g^2 <phi'^2> = 1). White or OU noise moves gCritical above gLocal "
                + "(Schuecker, Goedeke & Helias 2018). --g is only a starting guess.",
                "Bounds: without noise gCritical is a Brent root (<= 500 evaluations) of the "
                + "static stability (1-3 s); with noise each root "
                + "in g is bracketed by <= 60 expansions (factor 1.25) and refined by <= 200 Brent "
                + "evaluations, every evaluation a full noisy DMFT solve (10-30 s for white noise, "
                + "15-60 s for OU; a terminal is told before). A root not bracketed is reported as "
                + "NaN; a solve without bounded solution or convergence ends with one line naming "
                + "it and exit code 3."})
public final class DmftTransitionCommand implements Callable<Integer> {

    /**
     * The results of {@code dmft transition}: gCritical (λ_max = 0; with white noise from the noisy DMFT stability operator) and gLocal
     * (g²⟨φ′²⟩ = 1 on the (noisy) stationary state). Without noise both are the fixed-point instability.
     */
    record TransitionSummary(String phi, String noise, double gCritical, double gLocal) {
    }

    @Mixin
    NetworkOptions network;

    @Option(names = "--json", description = "Print the results as one JSON object.")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        RateNetwork net = network.theoryNetwork();
        double gc;
        double gl;
        if (net.input().noise().annealed()) {
            Progress.notice(spec.commandLine().getErr(), "the transition to chaos with noise " + net.input().noise().label()
                    + " (a root in g of noisy DMFT solves)", 120);
            org.chaoslab.theory.dmft.Transition t = NoisyDmftSolver.forNoise(net.input().noise(), DmftOptions.defaults().withTauMax(40)).transition(net);
            gc = t.gCritical();
            gl = t.gLocal();
        } else {
            gc = new DmftSolver().criticalGain(net);
            gl = gc;
        }
        RunSummary.Builder summary = RunSummary.builder(spec, 1)
                .resultsOf(new TransitionSummary(net.transfer().name(), net.input().noise().label(), gc, gl));
        summary.buildUnwritten();
        var o = spec.commandLine().getOut();
        if (json) {
            o.println(JsonOutput.toJson(summary.results()));
        } else {
            o.printf("gCritical %.8g   (largest Lyapunov exponent = 0)%n", gc);
            o.printf("gLocal    %.8g   (g^2 <phi'^2> = 1)%n", gl);
        }
        return 0;
    }
}
