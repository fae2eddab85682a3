package org.chaoslab.cli.rate;

import org.chaoslab.cli.Progress;
import org.chaoslab.cli.common.OptionalOutputOptions;
import org.chaoslab.cli.common.OutputDirectory;
import org.chaoslab.cli.common.Plots;
import org.chaoslab.cli.common.RunSummary;
import java.util.concurrent.Callable;

import org.chaoslab.io.JsonOutput;
import org.chaoslab.io.LineStyle;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.theory.dmft.NoisyDmftSolution;
import org.chaoslab.theory.dmft.NoisyDmftSolver;
import org.chaoslab.theory.dmft.Phase;
import org.chaoslab.theory.dmft.DmftSolution;
import org.chaoslab.theory.dmft.DmftSolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chaoslab dmft scs}: the stationary DMFT of the SCS rate network. */
@Command(name = "scs", mixinStandardHelpOptions = true,
        description = {"Stationary dynamical mean-field theory of dx/dt = -x + J phi(x) + I (Sompolinsky, Crisanti & Sommers 1988).",
                "Prints delta0, deltaInf, c0, tauHalf, phase (chaotic | fixed-point | unstable), gCritical, ...",
                "--n is ignored (N -> infinity).",
                "--noise white:SIGMA solves the noisy DMFT (Schuecker, Goedeke & Helias 2018; any phi, j0, input): delta0 = <x^2> - mu^2, "
                + "deltaInf its static (quenched) part, phase chaotic | noise-driven;",
                "--noise ou:SIGMA:TAU solves the coloured-noise DMFT by a time-domain fixed point;",
                "--noise quenched:SIGMA enters as a static input variance.",
                "Bounds: noiseless, Delta0 is bracketed in <= 200 steps and refined by <= 300 "
                + "Brent evaluations, each a Newton search of <= 200 steps for the plateau (1-3 "
                + "s); white noise brackets C(0) in <= 400 expansions and refines it in <= 500 "
                + "Brent evaluations (2-5 s); OU noise iterates C(tau) <= 6000 times (the first "
                + "400 Anderson-accelerated) to a change < 1e-10 C(0) (5-30 s; a terminal is told "
                + "before). No bounded solution, or no convergence within the bound, ends with one "
                + "line naming it and exit code 3 (without noise an unstable state is reported as "
                + "phase 'unstable' instead)."})
public final class DmftScsCommand implements Callable<Integer> {

    @Mixin
    NetworkOptions network;

    @Option(names = "--json", description = "Print the results as one JSON object (the results of summary.json).")
    boolean json;

    @Option(names = "--tau-max", description = "Largest lag of Delta(tau). Default: ${DEFAULT-VALUE}.", defaultValue = "60")
    double tauMax;

    @Option(names = "--dtau", description = "Lag step of Delta(tau). Default: ${DEFAULT-VALUE}.", defaultValue = "0.01")
    double dtau;

    @Mixin
    OptionalOutputOptions output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RateNetwork net = network.theoryNetwork();
        if (!(dtau > 0) || !Double.isFinite(dtau)) {
            throw new IllegalArgumentException("--dtau must be finite and > 0 (got " + dtau + ")");
        }
        if (!(tauMax >= 10 * dtau) || !(tauMax / dtau <= 1e7)) {
            throw new IllegalArgumentException("--tau-max must be in [10 x --dtau, 1e7 x --dtau] = [" + 10 * dtau + ", " + 1e7 * dtau
                    + "] (the lag grid needs at least 10 points; got " + tauMax + ")");
        }
        output.check();
        var options = org.chaoslab.theory.dmft.DmftOptions.defaults().withTauMax(tauMax).withDTau(dtau);
        DmftSolution s;
        DmftSummary summary;
        if (net.input().noise().annealed()) {
            boolean ou = net.input().noise() instanceof org.chaoslab.model.Noise.OrnsteinUhlenbeck;
            Progress.notice(spec.commandLine().getErr(), (ou ? "the OU-noise DMFT by fixed-point iteration" : "the white-noise DMFT"),
                    ou ? 60 : 20);
            NoisyDmftSolution noisy = NoisyDmftSolver.forNoise(net.input().noise(), options).solve(net);
            s = new DmftSolution(net.gain(), net.transfer().name(), net.couplings().meanCoupling(), net.input().mean(),
                    net.input().variance(), noisy.isChaotic() ? Phase.CHAOTIC : Phase.FIXED_POINT, noisy.c0(),
                    noisy.deltaInf(), noisy.mean(), noisy.rateVariance(), noisy.rateInf(), Double.NaN, noisy.decayRate(),
                    noisy.stabilityGain(), Double.NaN, noisy.tau(), noisy.delta(), noisy.rateCorrelation(),
                    "noise " + noisy.noise() + ": phase " + noisy.phase());
            summary = DmftSummary.ofNoisy(noisy, net, Double.NaN);
        } else {
            DmftSolver solver = new DmftSolver(options);
            s = solver.solve(net);
            summary = DmftSummary.of(s, net, solver.engine());
        }
        RunSummary.Builder run = RunSummary.builder(spec, 1).resultsOf(summary);
        DmftSolution solution = s;
        var target = output.finish(run, dir -> write(dir, net, solution));
        var o = spec.commandLine().getOut();
        if (json) {
            o.println(JsonOutput.toJson(run.results()));
        } else {
            o.printf("phase     %s%n", summary.phase());
            o.printf("delta0    %.8g   (<x^2> - mu^2)%n", s.delta0());
            o.printf("deltaInf  %.8g%n", s.deltaInf());
            o.printf("c0        %.8g   (<phi^2>)%n", s.c0());
            o.printf("tauHalf   %.6g%n", summary.tauHalf());
            o.printf("mean      %.8g%n", s.mean());
            o.printf("gCritical %.8g%n", s.gCritical());
            o.printf("lambdaMax %.8g%n", summary.lambdaMax());
            if (s.note() != null) {
                o.println(s.note());
            }
        }
        target.ifPresent(t -> o.println("wrote " + t));
        return 0;
    }

    private static void write(OutputDirectory dir, RateNetwork net, DmftSolution s) throws java.io.IOException {
        dir.npy("tau.npy", s.tau());
        dir.npy("delta.npy", s.delta());
        dir.npy("rate_correlation.npy", s.rateCorrelation());
        dir.figure("dmft", Plots.plot("DMFT: g = " + net.gain() + ", φ = " + net.transfer().name(), Plots.LAG, "autocorrelation")
                .series("Δ(s) = ⟨x(t) x(t+s)⟩ − μ²", s.tau(), s.delta(), LineStyle.LINE)
                .series("C(s) = ⟨φ(t) φ(t+s)⟩", s.tau(), s.rateCorrelation(), LineStyle.LINE).build());
    }
}
