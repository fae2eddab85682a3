package org.chaoslab.cli.binary;

import java.util.concurrent.Callable;
import org.chaoslab.cli.common.RunSummary;
import org.chaoslab.io.JsonOutput;
import org.chaoslab.model.GlauberNetwork;
import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.theory.glauber.GlauberAutocorrelation;
import org.chaoslab.theory.glauber.GlauberMeanField;
import org.chaoslab.theory.glauber.GlauberReplicaDistance;
import org.chaoslab.theory.glauber.GlauberStationaryState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chaoslab meanfield glauber}: the mean-field rate of the Glauber binary network. */
@Command(name = "glauber", header = "Mean-field rate of the Glauber binary network.", mixinStandardHelpOptions = true,
        description = {"Mean-field rate of the Glauber binary network n <- Theta(sum J n + x - theta + noise), J ~ N(Jbar/N, g^2/N)",
                "(Keup, Kuehn, Dahmen & Helias 2021): m = H(-mu/sqrt(g^2 m + sigma^2)), mu = Jbar m + x - theta; also q, "
                + "the replica-distance fixed point d*, the sqrt(d) coefficient and the matched rate model's output noise."})
public final class MeanfieldGlauberCommand implements Callable<Integer> {

    @Mixin
    GlauberOptions options;

    @Option(names = "--json", description = "Print the results as one JSON object.")
    boolean json;

    @Option(names = "--independent-noise", description = "d*: replicas draw their threshold noise independently (default: shared).")
    boolean independentNoise;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        GlauberNetwork net = options.network();
        GlauberMeanField.Solution s = GlauberMeanField.solve(net);
        GaussianExpectation engine = GaussianExpectation.standard();
        GlauberStationaryState st = GlauberStationaryState.solve(net, engine);
        GlauberReplicaDistance rd = new GlauberReplicaDistance(st, !independentNoise, engine);
        double a = GlauberAutocorrelation.solve(st, 0.02, 10 * net.tau(), engine).outputNoiseVariance();
        RunSummary.Builder summary = RunSummary.builder(spec, 1).resultsOf(new Summary(s.m(), s.mean(), s.variance(), net.noise(),
                s.roots(), st.q(), rd.fixedPoint(), st.decorrelatedDistance(), rd.growthCoefficient(), a));
        summary.buildUnwritten();
        var o = spec.commandLine().getOut();
        if (json) {
            o.println(JsonOutput.toJson(summary.results()));
        } else {
            o.printf("m %.8g  mean input %.6g  input variance %.6g  (roots found: %d)%n", s.m(), s.mean(), s.variance(), s.roots().length);
            o.printf("q %.6g  replica distance d* %.6g (2(m - q) = %.6g)  sqrt-law coefficient %.4g  matched-rate output noise %.6g%n",
                    st.q(), rd.fixedPoint(), st.decorrelatedDistance(), rd.growthCoefficient(), a);
        }
        return 0;
    }

    /** The results (printed by --json). */
    record Summary(double m, double mean, double variance, double noise, double[] roots, double q, double distanceFixedPoint,
                   double decorrelatedDistance, double growthCoefficient, double outputNoiseVariance) {
    }
}
