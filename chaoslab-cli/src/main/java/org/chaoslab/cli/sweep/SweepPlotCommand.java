package org.chaoslab.cli.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.chaoslab.cli.common.Plots;
import org.chaoslab.io.AtomicFiles;
import org.chaoslab.io.LineStyle;
import org.chaoslab.io.LinePlot;
import org.chaoslab.io.TidyTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code chaoslab sweep plot DIR --x g --y meanSquare [--theory]}: a result against a swept parameter, the ensemble
 * mean with its standard error, one series per combination of the other swept parameters, and the theory curve where
 * chaoslab has one ({@link SweepTheory}).
 */
@Command(name = "plot", description = {"Plots a result of a sweep against a swept parameter: mean over realizations with "
        + "standard-error bars, one series per value of the other swept parameters, the theory curve with --theory. "
        + "Writes plot-Y-vs-X.png, .svg and .csv (the plotted numbers, one row per point of each curve) in DIR."})
public final class SweepPlotCommand implements Callable<Integer> {

    /** Points of a theory curve between the smallest and the largest swept value. */
    static final int THEORY_POINTS = 41;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The sweep's directory.")
    Path dir;

    @Option(names = "--x", required = true, paramLabel = "PARAM", description = "The swept parameter on the x axis.")
    String x;

    @Option(names = "--y", required = true, paramLabel = "KEY", description = "The result on the y axis.")
    String y;

    @Option(names = "--theory", description = "Draw the theory curve (where one is registered: see the error message for the list).")
    boolean theory;

    @Option(names = "--log-x", description = "Logarithmic x axis.")
    boolean logX;

    @Override
    public Integer call() throws Exception {
        SweepSpec sweep = SweepDirectory.spec(dir);
        if (sweep.axes().stream().noneMatch(a -> a.name().equals(x))) {
            throw new IllegalArgumentException("--x " + x + " is not a swept parameter of this sweep (swept: "
                    + sweep.axes().stream().map(SweepSpec.Axis::name).toList() + ")");
        }
        SweepTheory th = null;
        if (theory) {
            th = SweepTheory.of(sweep.command(), y);
            if (th == null) {
                throw new IllegalArgumentException("--theory: no theory of " + y + " for '" + String.join(" ", sweep.command())
                        + "' (theories: " + SweepTheory.registered() + ")");
            }
        }
        SweepAggregate agg = SweepAggregate.of(sweep, new ArrayList<>(SweepJournal.read(dir).values()));
        if (!agg.keys().contains(y)) {
            throw new IllegalArgumentException("--y " + y + " is not a numeric result of this sweep (results: " + agg.keys() + ")");
        }
        // one series per combination of the other swept parameters
        Map<String, List<Map<String, Object>>> series = new LinkedHashMap<>();
        for (Map<String, Object> p : agg.points()) {
            StringBuilder label = new StringBuilder();
            for (SweepSpec.Axis a : sweep.axes()) {
                if (!a.name().equals(x)) {
                    label.append(label.length() > 0 ? ", " : "").append(a.name()).append('=').append(SweepArguments.text(p.get(a.name())));
                }
            }
            series.computeIfAbsent(label.toString(), k -> new ArrayList<>()).add(p);
        }
        String base = "plot-" + y + "-vs-" + x;
        LinePlot.Builder plot = Plots.plot(y + " vs " + x + " (" + String.join(" ", sweep.command()) + ", "
                + sweep.realizations() + " realizations per point)", x, y).logX(logX);
        TidyTable data = new TidyTable(List.of("series", "curve", x, y, y + "_stderr"));
        for (Map.Entry<String, List<Map<String, Object>>> s : series.entrySet()) {
            List<Map<String, Object>> pts = new ArrayList<>(s.getValue());
            pts.sort(java.util.Comparator.comparingDouble(p -> number(p.get(x))));
            double[] xs = pts.stream().mapToDouble(p -> number(p.get(x))).toArray();
            double[] ys = pts.stream().mapToDouble(p -> (Double) p.get(y + "_mean")).toArray();
            double[] se = pts.stream().mapToDouble(p -> (Double) p.get(y + "_stderr")).toArray();
            boolean anySe = java.util.Arrays.stream(se).anyMatch(Double::isFinite);
            String label = s.getKey().isEmpty() ? "simulation" : s.getKey();
            for (int i = 0; i < xs.length; i++) {
                data.add(row(label, "simulation", xs[i], ys[i], se[i]));
            }
            if (th != null) {
                double lo = java.util.Arrays.stream(xs).min().orElseThrow();
                double hi = java.util.Arrays.stream(xs).max().orElseThrow();
                double[] tx = new double[THEORY_POINTS];
                double[] ty = new double[THEORY_POINTS];
                Map<String, Object> params = new LinkedHashMap<>(pts.getFirst());
                for (int i = 0; i < THEORY_POINTS; i++) {
                    double u = (double) i / (THEORY_POINTS - 1);
                    tx[i] = logX && lo > 0 ? lo * Math.pow(hi / lo, u) : lo + (hi - lo) * u;
                    params.put(x, tx[i]);
                    ty[i] = th.at(params);
                }
                for (int i = 0; i < THEORY_POINTS; i++) {
                    data.add(row(label, "theory", tx[i], ty[i], null));
                }
                Plots.pair(plot, "theory (" + String.join(" ", th.command()) + ": " + th.key() + ")" + (s.getKey().isEmpty() ? "" : ", " + label),
                        label.equals("simulation") ? "simulation" : "simulation, " + label, tx, ty, xs, ys, anySe ? se : null);
            } else {
                plot.series(label, xs, ys, anySe ? se : new double[xs.length], LineStyle.LINE_AND_MARKERS);
            }
        }
        LinePlot figure = plot.build();
        AtomicFiles.write(dir.resolve(base + ".png"), figure::writePng);
        AtomicFiles.writeString(dir.resolve(base + ".svg"), figure.toSvg());
        data.writeCsv(dir.resolve(base + ".csv"));
        spec.commandLine().getOut().println("wrote " + base + ".png, .svg and .csv in " + dir.toAbsolutePath().normalize());
        return 0;
    }

    private Map<String, Object> row(String series, String curve, double xv, double yv, Double se) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("series", series);
        r.put("curve", curve);
        r.put(x, xv);
        r.put(y, yv);
        r.put(y + "_stderr", se);
        return r;
    }

    private static double number(Object v) {
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
