package org.chaoslab.cli.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chaoslab.cli.Chaoslab;
import org.chaoslab.cli.Main;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The theory curve of a swept result, where chaoslab has one: the theory command that predicts it and the key it
 * prints. The theory runs in process with the point's parameters that it takes as options (the others — N, run
 * lengths, seeds — belong to the simulation), so the curve is the theory of the same model.
 *
 * @param command the theory command's words
 * @param key     its result predicting the swept result
 */
public record SweepTheory(List<String> command, String key) {

    /** The registered theories: (sweep command, result) → theory. */
    private static final Map<String, SweepTheory> THEORIES = Map.ofEntries(
            // SCS dynamic mean field: Δ0 = <x^2>, the mean, C(0) = <phi^2> (notes §2; docs/noise.md for noise)
            Map.entry("simulate rate|meanSquare", new SweepTheory(List.of("dmft", "scs"), "delta0")),
            Map.entry("simulate rate|mean", new SweepTheory(List.of("dmft", "scs"), "mean")),
            Map.entry("simulate rate|meanSquareRate", new SweepTheory(List.of("dmft", "scs"), "c0")),
            Map.entry("lyapunov|lambdaMax", new SweepTheory(List.of("dmft", "scs"), "lambdaMax")),
            Map.entry("lyapunov|lambdaMaxTwoReplica", new SweepTheory(List.of("dmft", "scs"), "lambdaMax")),
            // balanced network: the mean-field rates and second moments (van Vreeswijk & Sompolinsky 1998)
            Map.entry("simulate balanced|rateE", new SweepTheory(List.of("meanfield", "balanced"), "mE")),
            Map.entry("simulate balanced|rateI", new SweepTheory(List.of("meanfield", "balanced"), "mI")),
            Map.entry("simulate balanced|qE", new SweepTheory(List.of("meanfield", "balanced"), "qE")),
            Map.entry("simulate balanced|qI", new SweepTheory(List.of("meanfield", "balanced"), "qI")));

    /** The theory of {@code key} in sweeps of {@code command}, else null. */
    public static SweepTheory of(List<String> command, String key) {
        String c = String.join(" ", command);
        SweepTheory t = THEORIES.get(c + "|" + key);
        if (t != null) {
            return t;
        }
        if (c.equals("correlations simulate")) {
            return new SweepTheory(List.of("correlations", "theory"), key);     // same keys, theory of the same network
        }
        return null;
    }

    /** Where theories exist, for messages. */
    public static List<String> registered() {
        List<String> r = new ArrayList<>(THEORIES.keySet().stream().map(k -> k.replace("|", ": ")).sorted().toList());
        r.add("correlations simulate: the statistics keys");
        return r;
    }

    /**
     * The theory at one point.
     *
     * @return the value, NaN where the theory has none (no solution, a key it leaves empty there)
     */
    public double at(Map<String, Object> parameters) {
        CommandLine cl = Main.commandLine();
        for (String w : command) {
            cl = cl.getSubcommands().get(w);
        }
        CommandSpec theory = cl.getCommandSpec();
        List<String> args = new ArrayList<>(command);
        parameters.forEach((name, value) -> {
            if (theory.findOption("--" + name) != null && !name.equals("threads") && !name.equals("out")) {
                SweepArguments.append(args, name, value);
            }
        });
        Chaoslab.Outcome o = Chaoslab.run(args.toArray(new String[0]));
        if (o.exitCode() != 0) {
            return Double.NaN;
        }
        Object v = SweepJob.flatten(o.results()).get(key);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
