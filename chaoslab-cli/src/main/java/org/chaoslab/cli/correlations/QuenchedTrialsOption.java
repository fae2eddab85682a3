package org.chaoslab.cli.correlations;

import picocli.CommandLine.Option;

/**
 * {@code --trials}: how many trials of the frozen input each realization runs under {@code --noise quenched:SIGMA}, a
 * picocli mixin shared by {@code correlations simulate} and {@code compare correlations} (the same run, so the same
 * option; checked where the trials are run, {@link QuenchedCorrelations#simulate}).
 */
public final class QuenchedTrialsOption {

    @Option(names = "--trials", description = "With --noise quenched:SIGMA: trials of the frozen input per realization (even, "
            + ">= 4; 0: 4 N). Default: ${DEFAULT-VALUE}.", defaultValue = "0")
    int trials;

    /** The trials given (0: 4 N, decided once N is known). */
    public int get() {
        return trials;
    }
}
