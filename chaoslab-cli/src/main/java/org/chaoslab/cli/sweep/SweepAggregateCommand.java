package org.chaoslab.cli.sweep;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code chaoslab sweep aggregate DIR}: mean, standard error and count per point ({@link SweepAggregate}). */
@Command(name = "aggregate", description = {"Mean, standard error and count of every numeric result per point of a sweep, "
        + "over its completed realizations: aggregate.csv and aggregate.parquet in DIR, and a table on stdout."})
public final class SweepAggregateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The sweep's directory.")
    Path dir;

    @Option(names = "--y", paramLabel = "KEY", split = ",",
            description = "Results to show on stdout (all are written). Default: the first three.")
    List<String> show;

    @Override
    public Integer call() throws Exception {
        SweepSpec sweep = SweepDirectory.spec(dir);
        SweepAggregate agg = SweepAggregate.of(sweep, new ArrayList<>(SweepJournal.read(dir).values()));
        List<String> keys = show == null ? agg.headline() : show;
        for (String k : keys) {
            if (!agg.keys().contains(k)) {
                throw new IllegalArgumentException("--y " + k + " is not a numeric result of this sweep (results: " + agg.keys() + ")");
            }
        }
        var table = agg.table();
        table.writeCsv(dir.resolve(SweepAggregate.CSV));
        table.writeParquet(dir.resolve(SweepAggregate.PARQUET));
        PrintWriter out = spec.commandLine().getOut();
        StringBuilder head = new StringBuilder(String.format("%-6s", "point"));
        sweep.axes().forEach(a -> head.append(String.format(" %12s", a.name())));
        head.append(String.format(" %5s", "n"));
        keys.forEach(k -> head.append(String.format(" %28s", k + " (mean ± se)")));
        out.println(head);
        for (Map<String, Object> p : agg.points()) {
            StringBuilder line = new StringBuilder(String.format("%-6d", (Long) p.get("point")));
            sweep.axes().forEach(a -> line.append(String.format(" %12s", SweepArguments.text(p.get(a.name())))));
            line.append(String.format(" %5d", (Long) p.get("completed")));
            for (String k : keys) {
                line.append(String.format(" %28s", String.format("%.6g ± %.2g", (Double) p.get(k + "_mean"), (Double) p.get(k + "_stderr"))));
            }
            out.println(line);
        }
        out.println("wrote " + SweepAggregate.CSV + " and " + SweepAggregate.PARQUET + " in " + dir.toAbsolutePath().normalize());
        return 0;
    }
}
