package org.chaoslab.cli.kernel;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.chaoslab.analysis.kernel.PcaSpectra;
import org.chaoslab.analysis.kernel.PcaSpectrum;
import org.chaoslab.analysis.kernel.PowerLawFit;
import org.chaoslab.analysis.kernel.Responses;
import org.chaoslab.cli.common.OutputDirectory;
import org.chaoslab.cli.common.OutputOptions;
import org.chaoslab.cli.common.Plots;
import org.chaoslab.cli.common.RunSummary;
import org.chaoslab.io.LinePlot;
import org.chaoslab.random.StreamSeeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code chaoslab kernel spectrum}: PCA and cross-validated PCA spectra of recorded responses, with power-law fits. */
@Command(name = "spectrum", header = "Eigenspectrum of the stimulus responses (PCA and cross-validated PCA).", mixinStandardHelpOptions = true,
        description = {"Eigenspectrum of the stimulus responses: plain PCA of the trial-averaged responses and, with --cvpca, "
                + "cross-validated PCA (Stringer, Pachitariu et al., Nature 571:361, 2019: PCA of trial A, variance shared with "
                + "trial B, trials swapped at random per stimulus over --shuffles shuffles), each with a power-law fit "
                + "lambda_n ~ n^-alpha over --fit-ranks (weights 1/n). Plain PCA keeps a floor from trial-to-trial variability "
                + "(the nugget); cvPCA removes it. Writes spectrum_plain.npy, spectrum_cv.npy, a log-log plot, summary.json."})
public final class KernelSpectrumCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RESPONSES", description = "responses.npy of 'kernel simulate' (float32/64, "
            + "[recordings x] stimuli x trials x units).")
    Path responses;

    @Option(names = "--recording", description = "Which recording of a 4-d file (default: the last).", defaultValue = "-1")
    int recording;

    @Option(names = "--cvpca", description = "Also the cross-validated spectrum (needs >= 2 trials).")
    boolean cvpca;

    @Option(names = "--trials", split = ",", paramLabel = "A,B", description = "The two trials of cvPCA. Default: ${DEFAULT-VALUE}.",
            defaultValue = "0,1")
    int[] trials;

    @Option(names = "--shuffles", description = "Random swaps of the two trials per stimulus in cvPCA, >= 1. Default: ${DEFAULT-VALUE}.",
            defaultValue = "10")
    int shuffles;

    @Option(names = "--fit-ranks", description = "FROM:TO, ranks of the power-law fit. Default: ${DEFAULT-VALUE}.",
            defaultValue = "11:500")
    String fitRanks;

    @Option(names = "--seed", description = "Seed of the cvPCA shuffles. Default: ${DEFAULT-VALUE}.", defaultValue = "1")
    long seed;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int[] ranks = KernelTheoryCommand.ranks(fitRanks);
        if (shuffles < 1) {
            throw new IllegalArgumentException("--shuffles must be >= 1 (got " + shuffles + ")");
        }
        output.check();
        Responses r = ResponsesFile.read(responses, recording, cvpca ? 2 : 1);
        if (cvpca && (trials.length != 2 || trials[0] == trials[1] || Math.min(trials[0], trials[1]) < 0
                || Math.max(trials[0], trials[1]) >= r.trials())) {
            throw new IllegalArgumentException("--trials must be two different trials in [0, " + (r.trials() - 1) + "]");
        }
        try (OutputDirectory dir = output.prepare()) {
            PcaSpectrum plain = PcaSpectra.plain(r);
            PowerLawFit plainFit = PowerLawFit.fit(plain, ranks[0], ranks[1]);
            RunSummary.Builder summary = RunSummary.builder(spec, 1).seed("shuffles", seed + "/cvpca");
            dir.npy("spectrum_plain.npy", plain.variances());
            summary.result("stimuli", r.stimuli()).result("trials", r.trials()).result("units", r.units());
            summary.result("plainExponent", plainFit.exponent()).result("plainFit", plainFit);
            PrintWriter o = spec.commandLine().getOut();
            o.printf("plain PCA: alpha = %.4f +- %.4f over ranks %d..%d (%d points)%n", plainFit.exponent().value(),
                    plainFit.exponent().standardError(), plainFit.firstRank(),
                    plainFit.lastRank(), plainFit.points());
            LinePlot.Builder plot = SpectrumSeries.plot("Response spectrum (" + r.stimuli() + " stimuli, " + r.units() + " units)");
            SpectrumSeries.add(plot, "plain PCA", plain, plainFit, false);
            if (cvpca) {
                PcaSpectrum cv = PcaSpectra.crossValidated(r, trials[0], trials[1], shuffles, StreamSeeds.of(seed).child("cvpca"));
                PowerLawFit cvFit = PowerLawFit.fit(cv, ranks[0], ranks[1]);
                dir.npy("spectrum_cv.npy", cv.variances());
                summary.result("cvExponent", cvFit.exponent()).result("cvFit", cvFit);
                o.printf("cvPCA:     alpha = %.4f +- %.4f over ranks %d..%d (%d points, %d non-positive skipped)%n",
                        cvFit.exponent().value(), cvFit.exponent().standardError(),
                        cvFit.firstRank(), cvFit.lastRank(), cvFit.points(), cvFit.skippedNonPositive());
                SpectrumSeries.add(plot, "cvPCA", cv, cvFit, true);
            }
            dir.figure("spectrum", plot.build());
            summary.writeTo(dir);
            dir.commit();
            o.printf("wrote %s%n", dir.target());
        }
        return 0;
    }
}
