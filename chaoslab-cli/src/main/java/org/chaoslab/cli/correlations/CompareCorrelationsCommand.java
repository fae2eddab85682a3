package org.chaoslab.cli.correlations;

import org.chaoslab.cli.common.OutputOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.chaoslab.cli.rate.NetworkOptions;
import org.chaoslab.cli.rate.RunOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chaoslab compare correlations}: the same as {@code correlations simulate} (theory beside simulation). */
@Command(name = "correlations", header = "Covariance statistics of noise-driven networks beside their theory.", mixinStandardHelpOptions = true,
        description = {"Covariance statistics of the noise-driven network (white or OU noise; linear phi: closed forms, "
                + "quenched:SIGMA: the fixed points of --trials frozen inputs, covariance across trials; "
                + "other phi: --mapping) beside R simulated realizations (see 'chaoslab correlations simulate --help').",
                "Without --noise: PR/N of the simulated "
                + "chaotic activity beside the two-site cavity theory."})
public final class CompareCorrelationsCommand implements Callable<Integer> {

    @Mixin
    NetworkOptions network;

    @Mixin
    RunOptions run;

    @Option(names = "--realizations", description = "Network realizations R (>= 2). Default: ${DEFAULT-VALUE}.", defaultValue = "20")
    int realizations;

    @Option(names = "--window", description = "Window T_w of the zero-frequency estimator. Default: ${DEFAULT-VALUE}.",
            defaultValue = "50")
    double window;

    @Mixin
    QuenchedTrialsOption trials;

    @Mixin
    MappingOption mapping;

    @Mixin
    OutputOptions output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return output.write(dir -> CorrelationsSimulateCommand.execute(network, run, realizations, window, trials.get(),
                mapping.get(), dir, spec, "compare"));
    }
}
