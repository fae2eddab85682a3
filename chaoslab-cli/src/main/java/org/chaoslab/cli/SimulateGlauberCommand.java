package org.chaoslab.cli;

import org.chaoslab.cli.common.OutputDirectory;
import org.chaoslab.cli.common.OutputOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.chaoslab.io.JsonOutput;
import org.chaoslab.io.LinePlot;
import org.chaoslab.io.LineStyle;
import org.chaoslab.io.Npy;
import org.chaoslab.model.GlauberNetwork;
import org.chaoslab.model.Validate;
import org.chaoslab.sim.binary.GlauberSimulator;
import org.chaoslab.theory.glauber.GlauberMeanField;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chaoslab simulate glauber}: one realization of the Glauber binary network. */
@Command(name = "glauber", mixinStandardHelpOptions = true,
        description = {"Event-driven simulation of the Glauber binary network with dense Gaussian couplings.",
                "Writes DIR/summary.json (rate beside the mean field), rate.npy, unit_rates.npy and a plot."})
public final class SimulateGlauberCommand implements Callable<Integer> {

    @Mixin
    GlauberOptions options;

    @Option(names = "--t", description = "Recorded duration. Default: ${DEFAULT-VALUE}.", defaultValue = "50")
    double duration;

    @Option(names = "--transient", description = "Time before recording. Default: ${DEFAULT-VALUE}.", defaultValue = "10")
    double transientTime;

    @Option(names = "--sample-interval", description = "Sampling interval of m(t). Default: ${DEFAULT-VALUE}.", defaultValue = "0.1")
    double sampleInterval;

    @Option(names = "--seed", description = "Master seed. Default: ${DEFAULT-VALUE}.", defaultValue = "1")
    long seed;

    @Mixin
    OutputOptions output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (OutputDirectory dir = output.prepare()) {
            int code = run(dir);
            dir.commit();
            return code;
        }
    }

    private int run(OutputDirectory dir) throws Exception {
        Path out = dir.dir();
        GlauberNetwork net = options.network();
        Validate.positive("--t", duration);
        Validate.finiteAtLeast("--transient", transientTime, 0.0);
        Validate.positive("--sample-interval", sampleInterval);
        GlauberSimulator.Recording r = GlauberSimulator.run(net, duration, transientTime, sampleInterval, seed);
        GlauberMeanField.Solution theory = GlauberMeanField.solve(net);
        Files.createDirectories(out);
        List<String> files = new ArrayList<>(List.of("time.npy", "rate.npy", "unit_rates.npy"));
        Npy.write(out.resolve("time.npy"), r.time(), r.time().length);
        Npy.write(out.resolve("rate.npy"), r.rate(), r.rate().length);
        Npy.write(out.resolve("unit_rates.npy"), r.unitRates(), r.unitRates().length);
        double[] th = new double[r.time().length];
        java.util.Arrays.fill(th, theory.m());
        LinePlot p = LinePlot.builder().title("Glauber network: population rate").xLabel("t / tau").yLabel("m(t)")
                .series("simulation", r.time(), r.rate(), LineStyle.LINE).series("mean field", r.time(), th, LineStyle.DASHED).build();
        files.addAll(RateOutputs.names(p.writePngAndSvg(out, "rate")));
        files.add("summary.json");
        JsonOutput.write(out.resolve("summary.json"), new Summary("simulate glauber", net, seed, duration, transientTime, r.meanRate(),
                theory.m(), r.updates(), r.flips(), r.wallSeconds(), Metadata.capture(1), files));
        spec.commandLine().getOut().printf("m = %.5f (mean field %.5f); %d updates in %.2f s; wrote %s%n", r.meanRate(), theory.m(),
                r.updates(), r.wallSeconds(), dir.target());
        return 0;
    }

    /** summary.json. */
    record Summary(String command, GlauberNetwork network, long seed, double duration, double transientTime, double rate,
                   double theoryRate, long updates, long flips, double wallSeconds, org.chaoslab.io.RunMetadata metadata,
                   List<String> files) {
    }
}
