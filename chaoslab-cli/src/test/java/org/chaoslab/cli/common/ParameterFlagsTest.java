package org.chaoslab.cli.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.function.Predicate;

import org.chaoslab.cli.Main;
import org.chaoslab.model.BalancedConnectivity;
import org.chaoslab.model.BalancedNetwork;
import org.chaoslab.model.GlauberNetwork;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The mapping of core parameter names to the flags of the command that was run (issue 10). */
class ParameterFlagsTest {

    private static final Predicate<String> BALANCED = Set.of("--ne", "--ni", "--k", "--m0", "--t", "--sample-interval",
            "--schedule", "--tau-e", "--tau-i", "--input-units")::contains;

    @Test
    void theLeadingNameBecomesTheFlagAndItsDescriptionAndValueStay() {
        assertThat(ParameterFlags.apply("nE (number of excitatory units) must be >= 1 (got 0)", BALANCED))
                .isEqualTo("--ne (number of excitatory units) must be >= 1 (got 0)");
        assertThat(ParameterFlags.apply("m0 (external rate) must be in (0, 1) (got 1.5)", BALANCED))
                .isEqualTo("--m0 (external rate) must be in (0, 1) (got 1.5)");
        assertThat(ParameterFlags.apply("tauI must be finite and > 0 (got -1.0)", BALANCED))
                .isEqualTo("--tau-i must be finite and > 0 (got -1.0)");
    }

    @Test
    void otherParametersTheMessageRefersToBecomeFlagsButNotTheDescriptionOrTheValue() {
        assertThat(ParameterFlags.apply("k must be <= min(nE, nI) = 50 (got 80)", BALANCED))
                .isEqualTo("--k must be <= min(--ne, --ni) = 50 (got 80)");
        assertThat(ParameterFlags.apply("sampleInterval must be <= duration = 5.0 (got 6.0)", BALANCED))
                .isEqualTo("--sample-interval must be <= --t = 5.0 (got 6.0)");
        assertThat(ParameterFlags.apply("schedule fixed-order needs tauE = tauI (got 1.0, 0.9)", BALANCED))
                .isEqualTo("--schedule fixed-order needs --tau-e = --tau-i (got 1.0, 0.9)");
        assertThat(ParameterFlags.apply("duration (recorded duration) must be finite and > 0 (got -5.0)", BALANCED))
                .isEqualTo("--t (recorded duration) must be finite and > 0 (got -5.0)");
        assertThat(ParameterFlags.apply("schedule must be one of poisson, fixed-order (got 'duration')", BALANCED))
                .isEqualTo("--schedule must be one of poisson, fixed-order (got 'duration')");
    }

    @Test
    void onlyFlagsTheCommandDeclaresAreUsed() {
        // a name without a flag in this command stays the model's name, and so do the names it refers to
        assertThat(ParameterFlags.apply("rateBlocks must be >= 1 (got 0)", BALANCED)).isEqualTo("rateBlocks must be >= 1 (got 0)");
        assertThat(ParameterFlags.apply("n must be >= 2 (got 1)", BALANCED)).isEqualTo("n must be >= 2 (got 1)");
        assertThat(ParameterFlags.apply("realizations must be >= 2 (got 1)", f -> false)).isEqualTo("realizations must be >= 2 (got 1)");
        // the first flag of a name that the command declares: --threshold-noise for Glauber networks, --noise for rate networks
        assertThat(ParameterFlags.apply("noise must be finite and >= 0 (got -0.5)", Set.of("--threshold-noise", "--noise")::contains))
                .isEqualTo("--threshold-noise must be finite and >= 0 (got -0.5)");
        assertThat(ParameterFlags.apply("noise must be white:SIGMA for the white-noise DMFT (got none)", Set.of("--noise")::contains))
                .isEqualTo("--noise must be white:SIGMA for the white-noise DMFT (got none)");
    }

    @Test
    void messagesThatDoNotStartWithAParameterNameStay() {
        Predicate<String> all = f -> true;
        assertThat(ParameterFlags.apply("--k 80 with --ne 100 gives about 1e9 synapses", all))
                .isEqualTo("--k 80 with --ne 100 gives about 1e9 synapses");
        assertThat(ParameterFlags.apply("no balanced state: the rates are negative", all)).isEqualTo("no balanced state: the rates are negative");
        assertThat(ParameterFlags.apply("noise-driven networks need k", all)).isEqualTo("noise-driven networks need k");
        assertThat(ParameterFlags.apply("nEx must be 1", all)).isEqualTo("nEx must be 1");
        assertThat(ParameterFlags.apply("", all)).isEmpty();
        assertThat(ParameterFlags.apply((String) null, all)).isNull();
    }

    @Test
    void topicsGetTheFlagsTheyConcernInFront() {
        Predicate<String> correlations = Set.of("--g", "--phi", "--j0", "--eta", "--input", "--noise")::contains;
        assertThat(ParameterFlags.apply("the spectral radius must be < 1 for finite covariances (got g = 1.2)", correlations))
                .isEqualTo("--g: the spectral radius must be < 1 for finite covariances (got g = 1.2)");
        assertThat(ParameterFlags.apply("the cavity covariance statistics assume independent couplings", correlations))
                .isEqualTo("--eta: the cavity covariance statistics assume independent couplings");
        assertThat(ParameterFlags.apply("the mean mode is unstable: j0 <phi'> = 1.2 must be < 1", correlations))
                .isEqualTo("--j0: the mean mode is unstable: j0 <phi'> = 1.2 must be < 1");
        assertThat(ParameterFlags.apply("the spectral radius must be < 1", f -> false)).isEqualTo("the spectral radius must be < 1");
    }

    @Test
    void everyFlagOfTheTableIsAFlagOfSomeCommand() {
        java.util.Set<String> flags = new java.util.HashSet<>();
        collect(Main.commandLine(), flags);
        java.util.List<String> all = new java.util.ArrayList<>();
        ParameterFlags.FLAGS.values().forEach(all::addAll);
        ParameterFlags.TOPICS.values().forEach(all::addAll);
        assertThat(flags).containsAll(all);
    }

    @Test
    void theCoreMessagesOfTheBinaryNetworksGetTheFlagsOfTheirCommands() {
        CommandSpec simulateBalanced = spec("simulate", "balanced");
        assertThatThrownBy(() -> BalancedNetwork.paper(100, 50, 80, 0.1))
                .satisfies(e -> assertThat(ParameterFlags.apply(e.getMessage(), simulateBalanced))
                        .isEqualTo("--k must be <= min(--ne, --ni) = 50 (got 80)"));
        assertThatThrownBy(() -> new BalancedNetwork(100, 50, 10, 1, -2, 1, -1.8, 1, 0.8, 1, 0.7, 1, 0.9, 0.1,
                BalancedConnectivity.BERNOULLI).withTaus(-1, 1))
                .satisfies(e -> assertThat(ParameterFlags.apply(e.getMessage(), simulateBalanced)).startsWith("--tau-e must be"));
        CommandSpec compareGlauber = spec("compare", "glauber");
        assertThatThrownBy(() -> new GlauberNetwork(100, -2, 1, 0.5, 0, -0.5, 1))
                .satisfies(e -> assertThat(ParameterFlags.apply(e.getMessage(), compareGlauber))
                        .isEqualTo("--threshold-noise must be finite and >= 0.0 (got -0.5)"));
        assertThatThrownBy(() -> new GlauberNetwork(100, Double.NaN, 1, 0.5, 0, 0, 1))
                .satisfies(e -> assertThat(ParameterFlags.apply(e.getMessage(), compareGlauber))
                        .isEqualTo("--j0 (mean coupling) must be finite (got NaN)"));
    }

    private static CommandSpec spec(String... path) {
        CommandLine c = Main.commandLine();
        for (String p : path) {
            c = c.getSubcommands().get(p);
        }
        return c.getCommandSpec();
    }

    private static void collect(CommandLine c, java.util.Set<String> flags) {
        c.getCommandSpec().options().forEach(o -> flags.addAll(java.util.List.of(o.names())));
        c.getSubcommands().values().forEach(s -> collect(s, flags));
    }
}
