package org.chaoslab.cli.rate;

import java.io.IOException;

import org.chaoslab.cli.common.OutputDirectory;
import org.chaoslab.cli.common.Plots;
import org.chaoslab.io.CsvTable;
import org.chaoslab.io.LinePlot;
import org.chaoslab.model.PopulationNetwork;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.sim.record.PopulationRecording;

/** The files of a multi-population run: per-population table, population means over time, autocorrelations, plots. */
final class PopulationOutputs {

    private PopulationOutputs() {
    }

    /** Population numbers 1..P. */
    static int[] populationNumbers(int p) {
        int[] k = new int[p];
        for (int i = 0; i < p; i++) {
            k[i] = i + 1;
        }
        return k;
    }

    /** populations.csv, population_means.csv, autocorrelation.csv and their plots. */
    static void write(OutputDirectory dir, PopulationNetwork net, PopulationRecording rec) throws IOException {
        int p = net.populations();
        dir.csv("populations.csv", CsvTable.builder()
                .column("population", populationNumbers(p))
                .column("phi", net.transfers().stream().map(TransferFunction::name).toArray(String[]::new))
                .column("fraction", net.fractions())
                .column("size", rec.sizes())
                .column("input", net.inputs())
                .column("mean", rec.mean())
                .column("variance_across_units", rec.varianceAcrossUnits())
                .column("temporal_variance", rec.temporalVariance())
                .column("static_variance", rec.staticVariance())
                .column("rate", rec.rate())
                .column("rate_variance_across_units", rec.rateVarianceAcrossUnits())
                .column("rate_temporal_variance", rec.rateTemporalVariance())
                .build());
        CsvTable.Builder means = CsvTable.builder().column("t", rec.times());
        LinePlot.Builder plot = Plots.plot("Population means: N = " + net.size() + ", replica 0", Plots.TIME, "⟨x⟩ of population k");
        for (int k = 0; k < p; k++) {
            means.column("mean_" + (k + 1), rec.meanSeries()[k]);
            plot.series("population " + (k + 1) + " (" + net.transfers().get(k).name() + ")", rec.times(), rec.meanSeries()[k]);
        }
        dir.csv("population_means.csv", means.build());
        dir.figure("population_means", plot.build());
        if (rec.hasAutocorrelation()) {
            CsvTable.Builder acf = CsvTable.builder().column("lag", rec.lagTimes());
            LinePlot.Builder a = Plots.plot("Autocorrelation per population: N = " + net.size(), Plots.LAG, "Δ_k(τ)");
            for (int k = 0; k < p; k++) {
                acf.column("delta_" + (k + 1), rec.autocorrelation()[k]);
                a.series("Δ_" + (k + 1) + "(τ)", rec.lagTimes(), rec.autocorrelation()[k]);
            }
            for (int k = 0; k < p; k++) {
                acf.column("rate_correlation_" + (k + 1), rec.rateAutocorrelation()[k]);
            }
            dir.csv("autocorrelation.csv", acf.build());
            dir.figure("autocorrelation", a.build());
        }
    }

    /** The per-population results of a recording, by name, for summary.json. */
    static java.util.Map<String, Object> results(PopulationRecording rec) {
        java.util.Map<String, Object> r = new java.util.LinkedHashMap<>();
        r.put("sizes", rec.sizes());
        r.put("mean", rec.mean());
        r.put("varianceAcrossUnits", rec.varianceAcrossUnits());
        r.put("temporalVariance", rec.temporalVariance());
        r.put("staticVariance", rec.staticVariance());
        r.put("rate", rec.rate());
        r.put("rateVarianceAcrossUnits", rec.rateVarianceAcrossUnits());
        r.put("rateTemporalVariance", rec.rateTemporalVariance());
        r.put("samples", rec.samples());
        r.put("sampleInterval", rec.sampleInterval());
        return r;
    }
}
