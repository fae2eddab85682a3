package org.chaoslab.cli.explore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chaoslab.cli.kernel.KernelNetworkOptions;
import org.chaoslab.cli.kernel.ProtocolOptions;
import org.chaoslab.cli.kernel.StimulusOptions;
import org.chaoslab.compare.KernelComparison;
import org.chaoslab.model.ResponseProtocol;
import org.chaoslab.model.Stimuli;
import org.chaoslab.model.StimulusNetwork;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The kernel view's parameters: one form for two networks driven by the same circle of stimuli, a binary network and
 * a rate network with the same coupling gain g, mean coupling J0 and input strength s (Bauer, Keup, Kadmon &amp; Helias
 * 2026; docs/kernels.md). The form's own options (this command's: {@code --dynamics}, {@code --n}, {@code --g},
 * {@code --j0}, {@code --s}, {@code --theta}, {@code --phi}, {@code --stimuli}, {@code --realizations},
 * {@code --seed}) are what summary.json records; each network is then checked as {@code compare kernel} checks its
 * options, by the CLI's own {@link KernelNetworkOptions}, {@link StimulusOptions} and {@link ProtocolOptions}
 * ({@link Network}): the binary network as {@code --model binary-sync} (synchronous) or {@code glauber}
 * (asynchronous) with {@code --theta}, the rate network as {@code --model rate-sync} or {@code rate} with
 * {@code --phi}, the stationary protocol at the CLI's defaults (2 trials, transient 50, 4 samples 5 apart) and
 * {@link KernelComparison#check} (P even, at least 8). A refused value gets the CLI's message, filed under its field
 * ({@code --model} under "dynamics"). The explorer adds N &le; {@link #MAX_N}, P &le; {@link #MAX_P}, R &le;
 * {@link #MAX_REALIZATIONS}, N²·P·R &le; {@link #MAX_WORK} (a simulation of a few seconds per network) and g, s,
 * |J0| &le; {@link #MAX_COUPLING} (theories solved in about a second).
 */
@Command(name = "kernel", description = "The explorer's kernel view: a binary and a rate network on one circle of stimuli.")
public final class KernelForm {

    /** The most units. */
    public static final int MAX_N = 2000;
    /** The most stimuli. */
    public static final int MAX_P = 128;
    /** The most realizations. */
    public static final int MAX_REALIZATIONS = 8;
    /** The largest N²·P·R (coupling-matrix products per step and realization, summed), about 5 s per network. */
    public static final double MAX_WORK = 1e8;
    /**
     * The largest g, s and |J0|: beyond, the rate theories take seconds to tens of seconds to solve (the tanh map at
     * g = 10⁶: 15 s) or find no stationary state, and a tab's worker could not answer the next change in time.
     */
    public static final double MAX_COUPLING = 20.0;
    /** The fields a browser sets, by the name of their flag without dashes, in the order they are checked. */
    public static final List<String> FIELDS = List.of("dynamics", "n", "g", "j0", "s", "theta", "phi", "stimuli",
            "realizations", "seed");

    @Option(names = "--dynamics", description = "sync (the synchronous maps binary-sync and rate-sync) or async (glauber and the "
            + "continuous-time rate network), as 'kernel theory --dynamics'.", defaultValue = "sync")
    String dynamics;

    @Option(names = "--n", description = "Units N of each simulated network.", defaultValue = "500")
    int n;

    @Option(names = "--g", description = "Coupling gain g of both networks: Var J_ij = g^2/N.", defaultValue = "2.5")
    double g;

    @Option(names = "--j0", description = "Mean coupling J0 of both networks.", defaultValue = "0.0")
    double j0;

    @Option(names = "--s", description = "Input strength s of the stimuli (input overlap s^2 cos Delta).", defaultValue = "1.0")
    double s;

    @Option(names = "--theta", description = "Threshold b of the binary units.", defaultValue = "0.0")
    double theta;

    @Option(names = "--phi", description = "Transfer function of the rate units.", defaultValue = "tanh")
    String phi;

    @Option(names = "--stimuli", description = "circle:P, P equally spaced stimuli (P even, >= 8).", defaultValue = "circle:32")
    String stimuli;

    @Option(names = "--realizations", description = "Network realizations R >= 2 of each network.", defaultValue = "3")
    int realizations;

    @Option(names = "--seed", description = "Master seed of realization 0.", defaultValue = "1")
    long seed;

    /** One network as {@code compare kernel} reads its options (the CLI's option classes). */
    @Command(name = "compare-kernel")
    static final class Network {

        @Mixin
        KernelNetworkOptions network;

        @Mixin
        StimulusOptions stimuli;

        @Mixin
        ProtocolOptions protocol;

        @Option(names = "--realizations", defaultValue = "4")
        int realizations;

        @Option(names = "--seed", defaultValue = "1")
        long seed;
    }

    /**
     * One checked network.
     *
     * @param network  its description
     * @param stimuli  the circle of stimuli
     * @param settings the runs of {@link KernelComparison} (stationary protocol)
     */
    public record Run(StimulusNetwork network, Stimuli.Circle stimuli, KernelComparison.Settings settings) {
    }

    /**
     * Validated parameters.
     *
     * @param binary the binary network's runs
     * @param rate   the rate network's runs
     * @param values the fields as parsed, by name
     */
    public record Parameters(Run binary, Run rate, Map<String, Object> values) {

        /** The input strength s. */
        double scale() {
            return binary.stimuli().scale();
        }
    }

    /** The values a tab starts with: g = 2.5, s = 1 (the rate network chaotic), N = 500, P = 32, R = 3. */
    public static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("dynamics", "sync");
        d.put("n", "500");
        d.put("g", "2.5");
        d.put("j0", "0");
        d.put("s", "1");
        d.put("theta", "0");
        d.put("phi", "tanh");
        d.put("stimuli", "circle:32");
        d.put("realizations", "3");
        d.put("seed", "1");
        return d;
    }

    /**
     * Checks {@code values} (field name to the text typed; every name of {@link #FIELDS}, no other).
     *
     * @param threads threads of the simulations
     * @throws IllegalArgumentException for a missing or unknown field name (a protocol error, not a bad value)
     */
    public static Forms.Checked<Parameters> check(Map<String, String> values, int threads) {
        String[] args = Forms.argv("kernel", FIELDS, values);
        KernelForm form = new KernelForm();
        CommandLine cl = new CommandLine(form);
        Map<String, String> refused = Forms.parse(cl, args, FIELDS);
        if (!refused.isEmpty()) {
            return Forms.Checked.invalid(refused);
        }
        if (!"sync".equals(form.dynamics) && !"async".equals(form.dynamics)) {
            return Forms.Checked.invalid(Map.of("dynamics", "--dynamics must be sync or async (got '" + form.dynamics + "')"));
        }
        boolean sync = "sync".equals(form.dynamics);
        Object binary = run(form, sync ? "binary-sync" : "glauber", List.of("--theta", Double.toString(form.theta)), threads);
        if (binary instanceof Map<?, ?> errors) {
            return Forms.Checked.invalid(fields(errors));
        }
        Object rate = run(form, sync ? "rate-sync" : "rate", List.of("--phi", form.phi), threads);
        if (rate instanceof Map<?, ?> errors) {
            return Forms.Checked.invalid(fields(errors));
        }
        for (Object[] v : new Object[][] {{"g", form.g}, {"s", form.s}, {"j0", Math.abs(form.j0)}}) {
            if ((double) v[1] > MAX_COUPLING) {
                return Forms.Checked.invalid(Map.of((String) v[0], "--" + v[0] + " must be " + ("j0".equals(v[0]) ? "in [-20, 20]"
                        : "<= 20") + " in the explorer (the theories of stronger couplings or inputs take long to solve; "
                        + "'kernel theory' takes them; got " + values.get((String) v[0]).trim() + ")"));
            }
        }
        Run b = (Run) binary;
        int n = b.network().n();
        int p = b.stimuli().count();
        if (n > MAX_N) {
            return Forms.Checked.invalid(Map.of("n", "--n must be in [2, " + MAX_N + "] in the explorer ('compare kernel' "
                    + "simulates larger networks; got " + n + ")"));
        }
        if (p > MAX_P) {
            return Forms.Checked.invalid(Map.of("stimuli", "--stimuli must have at most " + MAX_P + " stimuli in the explorer (got "
                    + p + ")"));
        }
        if (form.realizations > MAX_REALIZATIONS) {
            return Forms.Checked.invalid(Map.of("realizations", "--realizations must be in [2, " + MAX_REALIZATIONS
                    + "] in the explorer (got " + form.realizations + ")"));
        }
        double work = (double) n * n * p * form.realizations;
        if (work > MAX_WORK) {
            return Forms.Checked.invalid(Map.of("n", String.format(java.util.Locale.ROOT, "--n %d, %d stimuli and --realizations %d "
                    + "make N^2 P R = %.3g; the explorer simulates at most %.0e (a few seconds per network): lower one of them "
                    + "('compare kernel' runs larger ones)", n, p, form.realizations, work, MAX_WORK)));
        }
        return Forms.Checked.valid(new Parameters(b, (Run) rate, Forms.values(cl, FIELDS)));
    }

    /** One network checked as compare kernel checks it: a {@link Run}, or the errors by flag name. */
    private static Object run(KernelForm form, String model, List<String> own, int threads) {
        List<String> args = new ArrayList<>(List.of("--model", model, "--n", Integer.toString(form.n), "--g",
                Double.toString(form.g), "--j0", Double.toString(form.j0), "--stimuli", form.stimuli, "--s",
                Double.toString(form.s), "--realizations", Integer.toString(form.realizations), "--seed", Long.toString(form.seed)));
        args.addAll(own);
        Network net = new Network();
        CommandLine cl = new CommandLine(net);
        List<String> flags = List.of("model", "n", "g", "j0", "s", "theta", "phi", "stimuli", "realizations", "seed");
        Map<String, String> refused = Forms.parse(cl, args.toArray(new String[0]), flags);
        if (!refused.isEmpty()) {
            return refused;
        }
        try {
            StimulusNetwork network = net.network.network(net.stimuli.scale());
            if (!net.stimuli.isCircle()) {
                throw new IllegalArgumentException("--stimuli must be circle:P for 'compare kernel' (kernels by distance on the circle)");
            }
            Stimuli.Circle circle = (Stimuli.Circle) net.stimuli.stimuli(net.seed);
            ResponseProtocol protocol = net.protocol.protocol();
            int[] lags = {2, Math.max(3, Math.min(16, circle.count() / 2))};
            KernelComparison.Settings settings = new KernelComparison.Settings(net.realizations, net.seed, protocol, lags, threads);
            KernelComparison.check(network, circle, settings);
            return new Run(network, circle, settings);
        } catch (IllegalArgumentException e) {
            return Forms.refused(e, cl, flags);
        }
    }

    /** The errors of a network's options under the view's fields ({@code --model} is the view's dynamics). */
    private static Map<String, String> fields(Map<?, ?> errors) {
        Map<String, String> out = new HashMap<>();
        errors.forEach((k, v) -> out.put("model".equals(k) ? "dynamics" : FIELDS.contains(String.valueOf(k)) ? String.valueOf(k)
                : "form", String.valueOf(v)));
        return out;
    }
}
