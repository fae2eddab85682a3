package org.chaoslab.cli.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chaoslab.io.TidyTable;

/**
 * The ensemble statistics of a sweep per point: for every numeric result, the mean over the point's completed
 * realizations, its standard error (sample standard deviation / √n, NaN for n &lt; 2) and n (non-finite values are
 * left out of all three). Columns: {@code point}, the parameters, {@code runs}, {@code completed}, then
 * {@code <key>_mean}, {@code <key>_stderr}, {@code <key>_n} per result.
 */
public final class SweepAggregate {

    /** File names. */
    public static final String CSV = "aggregate.csv";
    /** File names. */
    public static final String PARQUET = "aggregate.parquet";

    private final SweepSpec spec;
    private final List<Map<String, Object>> points;
    private final List<String> keys;

    private SweepAggregate(SweepSpec spec, List<Map<String, Object>> points, List<String> keys) {
        this.spec = spec;
        this.points = points;
        this.keys = keys;
    }

    /** The statistics of {@code rows} (any order). */
    public static SweepAggregate of(SweepSpec spec, List<SweepRow> rows) {
        Set<String> keys = new LinkedHashSet<>();
        Map<Integer, List<SweepRow>> byPoint = new java.util.TreeMap<>();
        for (SweepRow r : rows) {
            byPoint.computeIfAbsent(r.task().point(), k -> new ArrayList<>()).add(r);
            if (SweepRow.COMPLETED.equals(r.status())) {
                r.results().forEach((k, v) -> {
                    if (v instanceof Double || v instanceof Long) {
                        keys.add(k);
                    }
                });
            }
        }
        List<Map<String, Object>> points = new ArrayList<>();
        for (Map.Entry<Integer, List<SweepRow>> e : byPoint.entrySet()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("point", (long) e.getKey());
            p.putAll(e.getValue().getFirst().task().parameters());
            List<SweepRow> completed = e.getValue().stream().filter(r -> SweepRow.COMPLETED.equals(r.status())).toList();
            p.put("runs", (long) e.getValue().size());
            p.put("completed", (long) completed.size());
            for (String k : keys) {
                double sum = 0;
                double sumSq = 0;
                long n = 0;
                for (SweepRow r : completed) {
                    Object v = r.results().get(k);
                    if (v instanceof Number num && Double.isFinite(num.doubleValue())) {
                        sum += num.doubleValue();
                        n++;
                    }
                }
                double mean = n == 0 ? Double.NaN : sum / n;
                for (SweepRow r : completed) {
                    Object v = r.results().get(k);
                    if (v instanceof Number num && Double.isFinite(num.doubleValue())) {
                        double d = num.doubleValue() - mean;
                        sumSq += d * d;
                    }
                }
                p.put(k + "_mean", mean);
                p.put(k + "_stderr", n < 2 ? Double.NaN : Math.sqrt(sumSq / (n - 1) / n));
                p.put(k + "_n", n);
            }
            points.add(p);
        }
        return new SweepAggregate(spec, points, List.copyOf(keys));
    }

    /** The numeric result keys, in order of first appearance. */
    public List<String> keys() {
        return keys;
    }

    /** One map per point (columns as in the class comment). */
    public List<Map<String, Object>> points() {
        return points;
    }

    /** The statistics as a table. */
    public TidyTable table() {
        List<String> head = new ArrayList<>(List.of("point"));
        head.addAll(spec.fixed().keySet());
        spec.axes().forEach(a -> head.add(a.name()));
        head.addAll(List.of("runs", "completed"));
        TidyTable t = new TidyTable(head);
        points.forEach(t::add);
        return t;
    }

    /** The default keys to show: the first three floating results that are not errors, bounds or timings. */
    public List<String> headline() {
        return keys.stream().filter(k -> !k.endsWith("_se") && !k.endsWith("_lower") && !k.endsWith("_upper")
                && !k.toLowerCase(java.util.Locale.ROOT).contains("wall") && !k.contains("PerStep")
                && points.stream().anyMatch(p -> p.get(k + "_mean") instanceof Double)).limit(3).toList();
    }
}
