package org.chaoslab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.chaoslab.cli.common.OutputDirectory;
import org.chaoslab.cli.common.OutputOptions;
import org.chaoslab.cli.common.Plots;
import org.chaoslab.cli.rate.CompareScsCommand;
import org.chaoslab.cli.rate.NetworkOptions;
import org.chaoslab.cli.rate.RunOptions;
import org.chaoslab.io.CsvTable;
import org.chaoslab.io.LineStyle;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.RateSimulation;
import org.chaoslab.sim.record.RecordingPlan;
import org.chaoslab.theory.dmft.DmftSolution;
import org.chaoslab.theory.dmft.DmftSolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chaoslab demo}: a small theory-vs-simulation run on built-in defaults. */
@Command(name = "demo", header = "Theory beside simulation on built-in defaults, in about half a minute.", mixinStandardHelpOptions = true,
        description = {"Theory beside simulation on defaults (about half a minute on 2 cores):",
                "the SCS tanh network at g = 2 (N = 1000, 3 realizations, RK4) against its DMFT, and the DMFT "
                + "order parameter Delta0(g) across the transition to chaos. Writes to DIR (default results/demo)."})
final class DemoCommand implements Callable<Integer> {

    @Mixin
    OutputOptions output;

    @Option(names = "--n", description = "Network size. Default: ${DEFAULT-VALUE}.", defaultValue = "1000")
    int n;

    @Option(names = "--g", description = "Coupling gain. Default: ${DEFAULT-VALUE}.", defaultValue = "2.0")
    double g;

    @Option(names = "--realizations", description = "Network realizations. Default: ${DEFAULT-VALUE}.", defaultValue = "3")
    int realizations;

    @Option(names = "--seed", description = "Master seed. Default: ${DEFAULT-VALUE}.", defaultValue = "1")
    long seed;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var o = spec.commandLine().getOut();
        if (realizations < 2) {
            throw new IllegalArgumentException("--realizations must be >= 2 for standard errors (got " + realizations + ")");
        }
        org.chaoslab.model.Validate.positive("g", g);
        if (g > NetworkOptions.THEORY_MAX) {
            throw new IllegalArgumentException("--g must be in (0, " + NetworkOptions.THEORY_MAX + "] for the mean-field theory (got "
                    + g + ")");
        }
        RateNetwork net = RateNetwork.scs(n, g, new TransferFunctions.Tanh());
        RateSimulation settings = new RateSimulation(0.1, 300, 50, IntegratorKind.RK4, 1, seed, 1.0,
                Runtime.getRuntime().availableProcessors());
        RunOptions.checkResources(net, settings, RecordingPlan.defaults());
        try (OutputDirectory dir = output.prepare()) {
            return run(net, settings, dir);
        }
    }

    private int run(RateNetwork net, RateSimulation settings, OutputDirectory dir) throws java.io.IOException {
        var o = spec.commandLine().getOut();
        o.printf("chaoslab demo: N = %d, g = %.2f, tanh, %d realizations, t = 300 after a transient of 50 (RK4, dt = 0.1)%n",
                n, g, realizations);
        sweep(dir);
        int code = CompareScsCommand.execute(net, settings, realizations, 20.0, dir, spec);
        o.printf("also wrote the DMFT sweep delta0_vs_g.csv / .png / .svg; open %s%n", dir.target().resolve("comparison.png"));
        return code;
    }

    /** Δ0(g) and the decay time across the transition (DMFT only). */
    private void sweep(OutputDirectory out) throws java.io.IOException {
        Path dir = out.dir();
        int k = 36;
        double[] gs = new double[k];
        double[] d0 = new double[k];
        double[] tauHalf = new double[k];
        DmftSolver solver = new DmftSolver();
        for (int i = 0; i < k; i++) {
            gs[i] = 0.5 + 0.1 * i;
            DmftSolution s = solver.solve(RateNetwork.scs(1, gs[i], new TransferFunctions.Tanh()));
            d0[i] = s.delta0();
            tauHalf[i] = s.tauHalf();
        }
        CsvTable.of(new String[] {"g", "delta0", "tauHalf"}, gs, d0, tauHalf).write(dir.resolve("delta0_vs_g.csv"));
        Plots.plot("DMFT order parameter of the SCS tanh network", Plots.GAIN, Plots.label("variance", "Δ_0 = ⟨x²⟩", ""))
                .series("DMFT Δ_0(g)", gs, d0, LineStyle.LINE_AND_MARKERS).build().writePngAndSvg(dir, "delta0_vs_g");
        out.record(java.util.List.of("delta0_vs_g.csv", "delta0_vs_g.png", "delta0_vs_g.svg"));
    }
}
