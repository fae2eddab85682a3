package org.chaoslab.cli.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chaoslab.cli.Chaoslab;
import org.chaoslab.cli.Main;
import org.chaoslab.cli.common.DryRun;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A spec checked against its command and expanded into tasks. Everything a run could refuse is refused here, before
 * any run starts, with the spec's line: an unknown command or option (with the closest names), a value of the wrong
 * type, a switch given a value, and — by a dry run of every point ({@link DryRun}: the command builds and checks its
 * model and resources, then stops before writing) — values out of range and combinations the command refuses.
 */
public final class SweepPlan {

    /** The first words of commands a sweep may run. */
    public static final Set<String> FAMILIES = Set.of("simulate", "compare", "lyapunov", "lyapunov-sweep", "dmft",
            "meanfield", "deepnet", "correlations", "kernel");

    private static final Pattern FLAG = Pattern.compile("--([A-Za-z][A-Za-z0-9-]*)");

    private final SweepSpec spec;
    private final CommandSpec command;
    private final List<SweepTask> tasks;

    private SweepPlan(SweepSpec spec, CommandSpec command, List<SweepTask> tasks) {
        this.spec = spec;
        this.command = command;
        this.tasks = tasks;
    }

    /** The spec. */
    public SweepSpec spec() {
        return spec;
    }

    /** Every (point, realization) task, by point then realization. */
    public List<SweepTask> tasks() {
        return tasks;
    }

    /** The job that runs the tasks of this plan, writing under {@code outDir}. */
    public SweepJob job(Path outDir, int threadsPerTask) {
        return new SweepJob(spec.command(), outDir.toAbsolutePath().normalize().toString(), threadsPerTask,
                command.findOption("--seed") != null, command.findOption("--threads") != null,
                command.findOption("--out") != null);
    }

    /** The number of threads each run asked for in the spec ({@code threads:} under fixed), else 0. */
    public int fixedThreads() {
        Object t = spec.fixed().get("threads");
        return t instanceof Long l ? (int) Math.min(Integer.MAX_VALUE, l) : 0;
    }

    /**
     * Checks a spec against its command and expands it.
     *
     * @param spec   the parsed spec
     * @param dryRun run every point's command up to its output directory (its own checks), one per point
     * @throws SpecException one line with the spec's line number
     */
    public static SweepPlan of(SweepSpec spec, boolean dryRun) {
        CommandSpec command = resolve(spec);
        Map<String, Object> all = new LinkedHashMap<>(spec.fixed());
        spec.axes().forEach(a -> all.put(a.name(), a.values().getFirst()));
        for (String name : all.keySet()) {
            OptionSpec o = command.findOption("--" + name);
            if (o == null || o.usageHelp() || o.versionHelp()) {
                throw new SpecException(spec.source(), spec.parameterLine(name), "'" + String.join(" ", spec.command())
                        + "' has no option --" + name + suggestion(command, name));
            }
        }
        for (Map.Entry<String, Object> e : spec.fixed().entrySet()) {
            checkType(spec, command, e.getKey(), e.getValue());
        }
        for (SweepSpec.Axis a : spec.axes()) {
            for (Object v : a.values()) {
                checkType(spec, command, a.name(), v);
            }
        }
        List<SweepTask> tasks = new ArrayList<>();
        int points = spec.points();
        for (int p = 0; p < points; p++) {
            Map<String, Object> parameters = new LinkedHashMap<>(spec.fixed());
            parameters.putAll(spec.point(p));
            for (int r = 0; r < spec.realizations(); r++) {
                long seed = SweepSeeds.seed(spec.seed(), parameters, spec.sameRealizationAcross(), r);
                tasks.add(new SweepTask(SweepTask.id(p, r), p, r,
                        java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters)), seed));
            }
        }
        SweepPlan plan = new SweepPlan(spec, command, List.copyOf(tasks));
        if (dryRun) {
            plan.dryRun();
        }
        return plan;
    }

    /** Runs every point's first realization as a dry run; the first refusal becomes a spec error. */
    private void dryRun() {
        Path scratch = Path.of(System.getProperty("java.io.tmpdir"), "chaoslab-sweep-dry-run");
        SweepJob job = job(scratch, 1);
        for (SweepTask t : tasks) {
            if (t.realization() != 0) {
                continue;
            }
            List<String> args = job.arguments(t);
            Chaoslab.Outcome o = DryRun.during(() -> Chaoslab.run(args.toArray(new String[0])));
            if (o.exitCode() == Main.EXIT_USAGE) {
                String message = org.chaoslab.cli.common.ErrorLines.lastError(o.err());
                throw new SpecException(spec.source(), lineOf(message), "point " + t.point() + " " + swept(t) + ": " + message);
            }
        }
    }

    /** The swept values of a task, for messages ({@code (g=2.5, n=100)}), empty without swept keys. */
    String swept(SweepTask t) {
        if (spec.axes().isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("(");
        for (SweepSpec.Axis a : spec.axes()) {
            b.append(b.length() > 1 ? ", " : "").append(a.name()).append('=').append(SweepArguments.text(t.parameters().get(a.name())));
        }
        return b.append(')').toString();
    }

    /** The spec line of the first parameter a command's message names ({@code --n ...}), else the command's line. */
    private int lineOf(String message) {
        Matcher m = FLAG.matcher(message);
        while (m.find()) {
            int line = spec.parameterLine(m.group(1));
            if (line > 0) {
                return line;
            }
            OptionSpec o = command.findOption("--" + m.group(1));
            if (o != null) {
                for (String name : o.names()) {
                    line = spec.parameterLine(name.replaceFirst("^-+", ""));
                    if (line > 0) {
                        return line;
                    }
                }
            }
        }
        return spec.line("command");
    }

    /** The command the spec names, from the whole command tree. */
    private static CommandSpec resolve(SweepSpec spec) {
        List<String> words = spec.command();
        if (!FAMILIES.contains(words.getFirst())) {
            throw new SpecException(spec.source(), spec.line("command"), "command '" + String.join(" ", words)
                    + "' cannot be swept; a sweep runs one of the commands " + FAMILIES.stream().sorted().toList());
        }
        CommandLine cl = Main.commandLine();
        for (String w : words) {
            CommandLine sub = cl.getSubcommands().get(w);
            if (sub == null) {
                throw new SpecException(spec.source(), spec.line("command"), "unknown command '" + String.join(" ", words)
                        + "': '" + cl.getCommandSpec().qualifiedName(" ") + "' has " + cl.getSubcommands().keySet().stream()
                        .filter(k -> !k.equals("help")).sorted().toList());
            }
            cl = sub;
        }
        if (!cl.getSubcommands().isEmpty() && !(cl.getCommand() instanceof java.util.concurrent.Callable<?>)) {
            throw new SpecException(spec.source(), spec.line("command"), "'" + String.join(" ", words)
                    + "' is a group; name one of its commands: " + cl.getSubcommands().keySet().stream().sorted().toList());
        }
        return cl.getCommandSpec();
    }

    /** Checks that a value fits its option: switches take true/false, other options a value their type converts. */
    private static void checkType(SweepSpec spec, CommandSpec command, String name, Object value) {
        OptionSpec o = command.findOption("--" + name);
        int line = spec.parameterLine(name);
        boolean isSwitch = o.arity().max() == 0;
        if (isSwitch) {
            if (!(value instanceof Boolean b)) {
                throw new SpecException(spec.source(), line, name + " is a switch: true or false (got " + value + ")");
            }
            if (!b && Boolean.TRUE.equals(o.initialValue())) {
                throw new SpecException(spec.source(), line, name + " is on by default and cannot be switched off here");
            }
            return;
        }
        if (value instanceof Boolean && o.type() != boolean.class && o.type() != Boolean.class) {
            throw new SpecException(spec.source(), line, name + " takes a value, not " + value);
        }
        List<String> args = new ArrayList<>();
        SweepArguments.append(args, name, value);
        CommandLine probe = new CommandLine(CommandSpec.create().addOption(OptionSpec.builder(o).required(false).build()));
        try {
            probe.parseArgs(args.toArray(new String[0]));
        } catch (CommandLine.ParameterException e) {
            throw new SpecException(spec.source(), line, name + ": " + firstLine(e.getMessage()));
        }
    }

    private static String suggestion(CommandSpec command, String name) {
        List<String> close = command.options().stream().map(OptionSpec::longestName)
                .filter(n -> n.startsWith("--"))
                .map(n -> n.substring(2))
                .sorted(Comparator.comparingInt(n -> distance(n, name)))
                .filter(n -> distance(n, name) <= Math.max(2, name.length() / 2) || name.startsWith(n) || n.startsWith(name))
                .limit(3).toList();
        return close.isEmpty() ? " (see '" + command.qualifiedName(" ") + " --help')" : " (did you mean " + String.join(", ", close) + "?)";
    }

    /** Levenshtein distance, for suggestions. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return s == null ? "" : nl < 0 ? s : s.substring(0, nl);
    }
}
