package org.chaoslab.cli.binary;

import org.chaoslab.cli.common.OutputDirectory;
import org.chaoslab.cli.common.OutputOptions;
import org.chaoslab.cli.common.Plots;
import org.chaoslab.cli.common.RunSummary;
import java.util.concurrent.Callable;
import org.chaoslab.io.LineStyle;
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
        return output.write(this::run);
    }

    private int run(OutputDirectory dir) throws Exception {
        GlauberNetwork net = options.network();
        Validate.positive("--t", duration);
        Validate.finiteAtLeast("--transient", transientTime, 0.0);
        Validate.positive("--sample-interval", sampleInterval);
        GlauberSimulator.Recording r = GlauberSimulator.run(net, duration, transientTime, sampleInterval, seed);
        GlauberMeanField.Solution theory = GlauberMeanField.solve(net);
        dir.npy("time.npy", r.time());
        dir.npy("rate.npy", r.rate());
        dir.npy("unit_rates.npy", r.unitRates());
        double[] th = new double[r.time().length];
        java.util.Arrays.fill(th, theory.m());
        dir.figure("rate", Plots.plot("Glauber network: population rate", Plots.TIME, Plots.label("population rate", "m(t)", ""))
                .series("simulation", r.time(), r.rate(), LineStyle.LINE).reference("mean field m", r.time(), th).build());
        RunSummary.builder(spec, 1).seed("master", seed)
                .seed("streams", "couplings/<row>, initial/replica/0, updates (update times and threshold noise)")
                .result("network", net).result("rate", r.meanRate()).result("theoryRate", theory.m()).result("updates", r.updates())
                .result("flips", r.flips()).result("wallSeconds", r.wallSeconds()).writeTo(dir);
        spec.commandLine().getOut().printf("m = %.5f (mean field %.5f); %d updates in %.2f s; wrote %s%n", r.meanRate(), theory.m(),
                r.updates(), r.wallSeconds(), dir.target());
        return 0;
    }

}
