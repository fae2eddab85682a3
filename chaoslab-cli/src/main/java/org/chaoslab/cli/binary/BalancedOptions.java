package org.chaoslab.cli.binary;

import org.chaoslab.model.BalancedConnectivity;
import org.chaoslab.model.BalancedNetwork;
import picocli.CommandLine.Option;

/**
 * Options describing a balanced E/I binary network (defaults: van Vreeswijk &amp; Sompolinsky 1998). Defaults are field
 * initializers, not annotation values, so that the options also work as a picocli argument group (a group whose
 * options are all absent keeps the initialized instance).
 */
public final class BalancedOptions {

    @Option(names = "--ne", description = "Excitatory units N_E. Default: ${DEFAULT-VALUE}.")
    int nE = 4000;

    @Option(names = "--ni", description = "Inhibitory units N_I. Default: ${DEFAULT-VALUE}.")
    int nI = 1000;

    @Option(names = "--k", description = "Mean inputs per population K. Default: ${DEFAULT-VALUE}.")
    int k = 200;

    @Option(names = "--m0", description = "External rate m0 in (0, 1). Default: ${DEFAULT-VALUE}.")
    double m0 = 0.1;

    @Option(names = "--jee", description = "J_EE. Default: ${DEFAULT-VALUE}.")
    double jEE = 1;

    @Option(names = "--jei", description = "J_EI (< 0). Default: ${DEFAULT-VALUE}.")
    double jEI = -2;

    @Option(names = "--jie", description = "J_IE. Default: ${DEFAULT-VALUE}.")
    double jIE = 1;

    @Option(names = "--jii", description = "J_II (< 0). Default: ${DEFAULT-VALUE}.")
    double jII = -1.8;

    @Option(names = "--ext-e", description = "External drive factor E. Default: ${DEFAULT-VALUE}.")
    double extE = 1;

    @Option(names = "--ext-i", description = "External drive factor I. Default: ${DEFAULT-VALUE}.")
    double extI = 0.8;

    @Option(names = "--theta-e", description = "Threshold of E units. Default: ${DEFAULT-VALUE}.")
    double thetaE = 1;

    @Option(names = "--theta-i", description = "Threshold of I units. Default: ${DEFAULT-VALUE}.")
    double thetaI = 0.7;

    @Option(names = "--tau-e", description = "Mean update interval of E units. Default: ${DEFAULT-VALUE}.")
    double tauE = 1;

    @Option(names = "--tau-i", description = "Mean update interval of I units. Default: ${DEFAULT-VALUE}.")
    double tauI = 0.9;

    @Option(names = "--connectivity", description = "bernoulli (probability K/N_l) or fixed-indegree. Default: ${DEFAULT-VALUE}.")
    String connectivity = "bernoulli";

    /** The described network. */
    public BalancedNetwork network() {
        return new BalancedNetwork(nE, nI, k, jEE, jEI, jIE, jII, extE, extI, thetaE, thetaI, tauE, tauI, m0,
                BalancedConnectivity.parse(connectivity));
    }

    /**
     * Refuses, before any synapse is drawn, a network whose synapse list cannot fit: about N 2K targets in one int
     * array (at most 2^31 - 9) and their memory within the heap.
     */
    public static void checkSize(BalancedNetwork net) {
        double n = (double) net.nE() + net.nI();
        double synapses = n * 2.0 * net.k();
        double upper = synapses + 6 * Math.sqrt(synapses);
        if (upper > org.chaoslab.cli.common.Resources.MAX_ARRAY) {
            throw new IllegalArgumentException("--k " + net.k() + " with --ne " + net.nE() + " and --ni " + net.nI() + " gives about "
                    + String.format(java.util.Locale.ROOT, "%.3g", synapses) + " synapses (N x 2K); at most "
                    + org.chaoslab.cli.common.Resources.MAX_ARRAY + " fit: reduce --k, --ne or --ni");
        }
        org.chaoslab.cli.common.Resources.require("--k", net.k(), "the synapse lists (about N x 2K ints) and the unit state",
                4.0 * upper + 48.0 * n);
    }
}
