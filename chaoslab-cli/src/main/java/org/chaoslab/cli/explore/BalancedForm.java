package org.chaoslab.cli.explore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chaoslab.cli.binary.BalancedOptions;
import org.chaoslab.model.BalancedNetwork;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The balanced view's parameters as the command line reads them ({@link Forms}): the browser's values become the
 * arguments {@code --ne V --ni V --k V --m0 V --seed V} of a command with the CLI's own {@link BalancedOptions} (those
 * of {@code simulate balanced} and {@code meanfield balanced}; the couplings, drive factors, thresholds and update
 * intervals keep their defaults, the parameters of van Vreeswijk &amp; Sompolinsky 1998), checked by
 * {@link BalancedOptions#network()} and {@link BalancedOptions#checkSize}; a value the CLI refuses is refused here with
 * the CLI's message. The explorer adds its own limits: N = N_E + N_I &le; {@link #MAX_N} and at most
 * {@link #MAX_SYNAPSES} synapses (about N·2K), so that a tab's network is drawn in a fraction of a second and runs
 * live.
 */
@Command(name = "balanced", description = "The explorer's balanced-network view.")
public final class BalancedForm {

    /** The largest N = N_E + N_I of a live balanced network. */
    public static final int MAX_N = 20_000;
    /** The most synapses (about N·2K) of a live balanced network. */
    public static final double MAX_SYNAPSES = 1e7;
    /** The fields a browser sets, by the name of their flag without dashes, in the order they are checked. */
    public static final List<String> FIELDS = List.of("ne", "ni", "k", "m0", "seed");

    @Mixin
    BalancedOptions network;

    @Option(names = "--seed", description = "Master seed of the connectivity, the initial state and the update times.",
            defaultValue = "1")
    long seed;

    /**
     * Validated parameters.
     *
     * @param network the balanced network (N ≤ {@link #MAX_N}, at most {@link #MAX_SYNAPSES} synapses)
     * @param seed    the master seed
     * @param values  the fields as parsed, by name
     */
    public record Parameters(BalancedNetwork network, long seed, Map<String, Object> values) {

        /** Whether {@code other} runs on the same connectivity and update stream (only the drive m0 may differ). */
        boolean sameNetwork(Parameters other) {
            return other != null && seed == other.seed && network.withM0(other.network.m0()).equals(other.network);
        }
    }

    /** The values a tab starts with: the CLI's defaults (N_E = 4000, N_I = 1000, K = 200, m0 = 0.1) and seed 1. */
    public static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("ne", "4000");
        d.put("ni", "1000");
        d.put("k", "200");
        d.put("m0", "0.1");
        d.put("seed", "1");
        return d;
    }

    /**
     * Checks {@code values} (field name to the text typed; every name of {@link #FIELDS}, no other).
     *
     * @throws IllegalArgumentException for a missing or unknown field name (a protocol error, not a bad value)
     */
    public static Forms.Checked<Parameters> check(Map<String, String> values) {
        String[] args = Forms.argv("balanced", FIELDS, values);
        BalancedForm form = new BalancedForm();
        CommandLine cl = new CommandLine(form);
        Map<String, String> refused = Forms.parse(cl, args, FIELDS);
        if (!refused.isEmpty()) {
            return Forms.Checked.invalid(refused);
        }
        try {
            BalancedNetwork net = form.network.network();
            if (net.size() > MAX_N) {
                return Forms.Checked.invalid(Map.of(net.nE() >= net.nI() ? "ne" : "ni", "--ne + --ni must be <= " + MAX_N
                        + " in the explorer (a live view steps every unit; 'simulate balanced' runs larger networks; got "
                        + net.size() + ")"));
            }
            double synapses = 2.0 * net.k() * net.size();
            if (synapses > MAX_SYNAPSES) {
                return Forms.Checked.invalid(Map.of("k", String.format(java.util.Locale.ROOT, "--k %d with --ne %d and --ni %d "
                        + "gives about %.3g synapses (N x 2K); the explorer draws at most %.0e ('simulate balanced' runs larger "
                        + "networks)", net.k(), net.nE(), net.nI(), synapses, MAX_SYNAPSES)));
            }
            BalancedOptions.checkSize(net);
            return Forms.Checked.valid(new Parameters(net, form.seed, Forms.values(cl, FIELDS)));
        } catch (IllegalArgumentException e) {
            return Forms.Checked.invalid(Forms.refused(e, cl, FIELDS));
        }
    }
}
