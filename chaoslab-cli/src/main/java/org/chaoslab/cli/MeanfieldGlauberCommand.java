package org.chaoslab.cli;

import java.util.concurrent.Callable;
import org.chaoslab.io.JsonOutput;
import org.chaoslab.model.GlauberNetwork;
import org.chaoslab.theory.glauber.GlauberMeanField;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chaoslab meanfield glauber}: the mean-field rate of the Glauber binary network. */
@Command(name = "glauber", mixinStandardHelpOptions = true,
        description = {"Mean-field rate of the Glauber binary network n <- Theta(sum J n + x - theta + noise), J ~ N(Jbar/N, g^2/N)",
                "(Keup, Kuehn, Dahmen & Helias 2021): m = H(-mu/sqrt(g^2 m + sigma^2)), mu = Jbar m + x - theta."})
public final class MeanfieldGlauberCommand implements Callable<Integer> {

    @Mixin
    GlauberOptions options;

    @Option(names = "--json", description = "Print one JSON object to stdout.")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        GlauberNetwork net = options.network();
        GlauberMeanField.Solution s = GlauberMeanField.solve(net);
        var o = spec.commandLine().getOut();
        if (json) {
            o.println(JsonOutput.toJson(new Summary(s.m(), s.mean(), s.variance(), net.noise(), s.roots())));
        } else {
            o.printf("m %.8g  mean input %.6g  input variance %.6g  (roots found: %d)%n", s.m(), s.mean(), s.variance(), s.roots().length);
        }
        return 0;
    }

    /** JSON output. */
    record Summary(double m, double mean, double variance, double noise, double[] roots) {
    }
}
