package org.chaoslab.cli.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chaoslab.io.TidyTable;

/**
 * The tidy results table of a sweep: one row per (point, realization), columns {@code id, point, realization}, the
 * parameters (named as in the spec: fixed ones, then swept ones), {@code seed, status, message, wallSeconds}, then the
 * command's scalar results ({@link SweepRow#results()}); a result whose name is already a column is prefixed
 * {@code result_}. Written as {@code results.csv} and {@code results.parquet}.
 */
public final class SweepTable {

    /** File names. */
    public static final String CSV = "results.csv";
    /** File names. */
    public static final String PARQUET = "results.parquet";

    private SweepTable() {
    }

    /** The table of {@code rows} (sorted by point, realization) for the spec's parameters. */
    public static TidyTable of(SweepSpec spec, List<SweepRow> rows) {
        List<String> head = new ArrayList<>(List.of("id", "point", "realization"));
        head.addAll(spec.fixed().keySet());
        spec.axes().forEach(a -> head.add(a.name()));
        head.addAll(List.of("seed", "status", "message", "wallSeconds"));
        TidyTable table = new TidyTable(head);
        for (SweepRow r : rows) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", r.task().id());
            row.put("point", (long) r.task().point());
            row.put("realization", (long) r.task().realization());
            row.putAll(r.task().parameters());
            row.put("seed", r.task().seed());
            row.put("status", r.status());
            row.put("message", r.message());
            row.put("wallSeconds", r.wallSeconds());
            r.results().forEach((k, v) -> row.put(head.contains(k) ? "result_" + k : k, v));
            table.add(row);
        }
        return table;
    }

    /** Writes both files into {@code dir}, each atomically. */
    public static void write(SweepSpec spec, List<SweepRow> rows, Path dir) throws IOException {
        TidyTable t = of(spec, rows);
        t.writeCsv(dir.resolve(CSV));
        t.writeParquet(dir.resolve(PARQUET));
    }
}
