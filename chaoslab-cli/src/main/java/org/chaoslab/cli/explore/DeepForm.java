package org.chaoslab.cli.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chaoslab.cli.deep.DeepInputOptions;
import org.chaoslab.cli.deep.DeepNetworkOptions;
import org.chaoslab.cli.deep.DeepRunOptions;
import org.chaoslab.model.DeepNetwork;
import org.chaoslab.model.DeepNetworkInputs;
import org.chaoslab.model.Validate;
import org.chaoslab.sim.deep.DeepSimulation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The deep view's parameters as the command line reads them ({@link Forms}): the browser's values become the arguments
 * {@code --phi V --sigma-w2 V --sigma-b2 V --width V --depth V --q0 V --c0 V --realizations V --seed V} of a command
 * with the CLI's own {@link DeepNetworkOptions}, {@link DeepInputOptions} and {@link DeepRunOptions} (those of
 * {@code deepnet compare}), checked as {@code deepnet compare} checks them (at least 2 realizations); the probe inputs
 * are the CLI's pairs without the circle ({@code --circle-points 0}: the view compares q^l and c^l). The explorer adds
 * its own limits: width &le; {@link #MAX_WIDTH}, depth &le; {@link #MAX_DEPTH}, realizations &le;
 * {@link #MAX_REALIZATIONS} and realizations × depth × width² &le; {@link #MAX_WORK} (about 5 s of simulation).
 */
@Command(name = "deep", description = "The explorer's deep-network view.")
public final class DeepForm {

    /** The widest simulated network. */
    public static final int MAX_WIDTH = 2000;
    /** The deepest network. */
    public static final int MAX_DEPTH = 200;
    /** The most realizations. */
    public static final int MAX_REALIZATIONS = 16;
    /** The largest realizations × depth × width² (weights drawn), about 5 s on one core. */
    public static final double MAX_WORK = 4e8;
    /** The fields a browser sets, by the name of their flag without dashes, in the order they are checked. */
    public static final List<String> FIELDS = List.of("phi", "sigma-w2", "sigma-b2", "width", "depth", "q0", "c0",
            "realizations", "seed");
    /** The options the view fixes: no circle of inputs. */
    private static final List<String> FIXED = List.of("--circle-points", "0");

    @Mixin
    DeepNetworkOptions network;

    @Mixin
    DeepInputOptions inputs;

    @Mixin
    DeepRunOptions run;

    /**
     * Validated parameters.
     *
     * @param network  the network (σ_w², σ_b², φ, width, depth)
     * @param inputs   the probe pairs (|x|²/N = q0, correlation c0), no circle
     * @param settings realizations and seed (realization r has seed + r)
     * @param values   the fields, the fixed circle-points and the threads as parsed, by name
     */
    public record Parameters(DeepNetwork network, DeepNetworkInputs inputs, DeepSimulation settings, Map<String, Object> values) {
    }

    /** The values a tab starts with: tanh at σ_w² = 2, σ_b² = 0.05 (the CLI's), width 1000, depth 30, 4 realizations. */
    public static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("phi", "tanh");
        d.put("sigma-w2", "2.0");
        d.put("sigma-b2", "0.05");
        d.put("width", "1000");
        d.put("depth", "30");
        d.put("q0", "1.0");
        d.put("c0", "0.5");
        d.put("realizations", "4");
        d.put("seed", "1");
        return d;
    }

    /**
     * Checks {@code values} (field name to the text typed; every name of {@link #FIELDS}, no other).
     *
     * @param threads the threads the simulation may use
     * @throws IllegalArgumentException for a missing or unknown field name (a protocol error, not a bad value)
     */
    public static Forms.Checked<Parameters> check(Map<String, String> values, int threads) {
        List<String> args = new ArrayList<>(Arrays.asList(Forms.argv("deep", FIELDS, values)));
        args.addAll(FIXED);
        args.add("--threads");
        args.add(Integer.toString(threads));
        DeepForm form = new DeepForm();
        CommandLine cl = new CommandLine(form);
        Map<String, String> refused = Forms.parse(cl, args.toArray(new String[0]), FIELDS);
        if (!refused.isEmpty()) {
            return Forms.Checked.invalid(refused);
        }
        try {
            DeepNetwork net = form.network.network();
            form.inputs.validate();
            DeepNetworkInputs in = form.inputs.inputs(1.0);
            DeepSimulation settings = form.run.settings(4);
            Validate.atLeast("realizations", settings.realizations(), 2);
            if (net.width() > MAX_WIDTH) {
                return Forms.Checked.invalid(Map.of("width", "--width must be in [1, " + MAX_WIDTH + "] in the explorer "
                        + "('deepnet compare' simulates wider networks; got " + net.width() + ")"));
            }
            if (net.depth() > MAX_DEPTH) {
                return Forms.Checked.invalid(Map.of("depth", "--depth must be in [1, " + MAX_DEPTH + "] in the explorer (got "
                        + net.depth() + ")"));
            }
            if (settings.realizations() > MAX_REALIZATIONS) {
                return Forms.Checked.invalid(Map.of("realizations", "--realizations must be in [2, " + MAX_REALIZATIONS
                        + "] in the explorer (got " + settings.realizations() + ")"));
            }
            double work = (double) settings.realizations() * net.depth() * net.width() * net.width();
            if (work > MAX_WORK) {
                return Forms.Checked.invalid(Map.of("width", String.format(java.util.Locale.ROOT, "--realizations %d x --depth %d "
                        + "x --width %d^2 = %.3g weights to draw; the explorer draws at most %.0e (a few seconds): lower one "
                        + "of them ('deepnet compare' runs larger ones)", settings.realizations(), net.depth(), net.width(),
                        work, MAX_WORK)));
            }
            form.network.checkSimulation(in.pairs() * 2);
            List<String> recorded = new ArrayList<>(FIELDS);
            recorded.add("circle-points");
            recorded.add("threads");
            return Forms.Checked.valid(new Parameters(net, in, settings, Forms.values(cl, recorded)));
        } catch (IllegalArgumentException e) {
            return Forms.Checked.invalid(Forms.refused(e, cl, FIELDS));
        }
    }
}
