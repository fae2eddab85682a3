package org.chaoslab.cli.binary;

import org.chaoslab.cli.common.OptionalOutputOptions;
import org.chaoslab.cli.common.RunSummary;
import java.util.concurrent.Callable;
import org.chaoslab.io.JsonOutput;
import org.chaoslab.model.BalancedNetwork;
import org.chaoslab.theory.balanced.BalancedMeanField;
import org.chaoslab.theory.balanced.BalancedSolution;
import org.chaoslab.theory.balanced.InputModel;
import org.chaoslab.theory.balanced.ReplicaDistance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chaoslab meanfield balanced}: the finite-K mean field of the balanced E/I binary network. */
@Command(name = "balanced", header = "Mean-field theory of the balanced E/I binary network.", mixinStandardHelpOptions = true,
        description = {"Mean-field theory of the balanced E/I binary network (van Vreeswijk & Sompolinsky 1998):",
                "rates mE, mI, q, input mean/variance alpha, quenched variance beta, large-K balanced rates, "
                + "stability vs tau_I/tau_E, replica-distance fixed point D* = 2(m - q). Exit 2 if no solution exists."})
public final class MeanfieldBalancedCommand implements Callable<Integer> {

    @Mixin
    BalancedOptions options;

    @Option(names = "--input-model", description = "discrete (integer input counts) or gaussian (large-K form). Default: ${DEFAULT-VALUE}.",
            defaultValue = "discrete")
    String inputModel;

    @Option(names = "--json", description = "Print the results as one JSON object (the results of summary.json).")
    boolean json;

    @Mixin
    OptionalOutputOptions output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        BalancedNetwork net = options.network();
        output.check();
        BalancedMeanField solver = new BalancedMeanField(InputModel.parse(inputModel));
        BalancedSolution s = solver.solve(net);
        RunSummary.Builder summary = RunSummary.builder(spec, 1).resultsOf(BalancedTheorySummary.of(s));
        output.finish(summary, dir -> dir.record(BalancedPlots.theoryFiles(dir.dir(), s,
                new ReplicaDistance(s, solver.engine()), net)));
        var o = spec.commandLine().getOut();
        if (json) {
            o.println(JsonOutput.toJson(summary.results()));
        } else {
            o.printf("mE %.8g  mI %.8g   (K -> infinity: %.6g, %.6g)%n", s.mE(), s.mI(), s.limitE(), s.limitI());
            o.printf("qE %.8g  qI %.8g%n", s.qE(), s.qI());
            o.printf("alphaE %.6g  alphaI %.6g  betaE %.6g  betaI %.6g%n", s.alphaE(), s.alphaI(), s.betaE(), s.betaI());
            o.printf("D*E %.6g  D*I %.6g%n", s.distanceFixedPoint(0), s.distanceFixedPoint(1));
            o.printf("stable %b (tau_I/tau_E = %.4g, critical %.4g); branches found %d%n", s.stable(),
                    net.tauI() / net.tauE(), s.tauRatioCritical(), s.branchCount());
        }
        return 0;
    }

}
