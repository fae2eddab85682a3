package org.chaoslab.cli.kernel;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.chaoslab.analysis.kernel.ResponseKernels;
import org.chaoslab.analysis.kernel.Responses;
import org.chaoslab.analysis.kernel.TrialKernels;
import org.chaoslab.cli.common.OutputDirectory;
import org.chaoslab.cli.common.OutputOptions;
import org.chaoslab.cli.common.Plots;
import org.chaoslab.cli.common.RunSummary;
import org.chaoslab.compare.LearningCurveComparison;
import org.chaoslab.io.CsvTable;
import org.chaoslab.io.LinePlot;
import org.chaoslab.random.StreamSeeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code chaoslab kernel learning-curve}: a linear readout of recorded responses trained by ridge regression on P stimuli,
 * its test error against P, beside the kernel-regression theory with the nugget as an effective ridge.
 */
@Command(name = "learning-curve", header = "Learning curve of a linear readout of the responses, beside kernel-regression theory.", mixinStandardHelpOptions = true,
        description = {"Learning curve of a linear readout of the responses (stimuli on a circle, theta_p = 2 pi p / P): ridge "
                + "regression trained on the responses of one trial (same-trial kernel, nugget included), tested on another "
                + "(cross-trial kernel), E_g(P) over --draws random training sets. Beside it the theory of kernel regression "
                + "(Bordelon, Canatar & Pehlevan 2020; Canatar et al. 2021) with the cross-trial kernel's modes and the measured "
                + "nugget as an effective ridge: lambda_eff = ridge + nugget. Writes learning_curve.csv, a plot, summary.json."})
public final class KernelLearningCurveCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RESPONSES", description = "responses.npy of 'kernel simulate' with a circle of stimuli.")
    Path responses;

    @Option(names = "--recording", description = "Which recording of a 4-d file (default: the last).", defaultValue = "-1")
    int recording;

    @Option(names = "--target", description = "Target function of theta: cos:K, sin:K (K >= 0 an integer frequency), or "
            + "a sum such as cos:1+sin:3. Default: ${DEFAULT-VALUE}.", defaultValue = "cos:1+sin:3")
    String target;

    @Option(names = "--sizes", split = ",", description = "Training-set sizes P, each in [1, stimuli - 1]. Default: ${DEFAULT-VALUE}.",
            defaultValue = "4,8,16,32,64,128")
    int[] sizes;

    @Option(names = "--ridge", description = "Explicit ridge lambda >= 0 (Gram matrix not divided by P). Default: ${DEFAULT-VALUE}.",
            defaultValue = "0.0")
    double ridge;

    @Option(names = "--draws", description = "Random training sets per size, >= 2. Default: ${DEFAULT-VALUE}.", defaultValue = "40")
    int draws;

    @Option(names = "--seed", description = "Seed of the training-set draws. Default: ${DEFAULT-VALUE}.", defaultValue = "1")
    long seed;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!(ridge >= 0) || !Double.isFinite(ridge)) {
            throw new IllegalArgumentException("--ridge must be finite and >= 0 (got " + ridge + ")");
        }
        checkDraws(draws);
        output.check();
        Responses r = ResponsesFile.read(responses, recording, 2);
        int p = r.stimuli();
        checkSizes(sizes, p);
        double[] y = LearningCurveComparison.target(target, p);
        try (OutputDirectory dir = output.prepare()) {
            TrialKernels k = ResponseKernels.of(r);
            LearningCurveComparison.Result lc = LearningCurveComparison.run(k, y, sizes, ridge, draws, StreamSeeds.of(seed).child("readout"));
            int m = lc.points().size();
            double[] pp = new double[m];
            double[] sim = new double[m];
            double[] se = new double[m];
            double[] thy = new double[m];
            double[] bare = new double[m];
            for (int i = 0; i < m; i++) {
                LearningCurveComparison.Point pt = lc.points().get(i);
                pp[i] = pt.trainSize();
                sim[i] = pt.measured().value();
                se[i] = pt.measured().standardError();
                thy[i] = pt.theory();
                bare[i] = pt.theoryWithoutNugget();
            }
            dir.csv("learning_curve.csv", CsvTable.builder().column("P", pp).column("error", sim).column("error_se", se)
                    .column("theory_effective_ridge", thy).column("theory_without_nugget", bare).build());
            LinePlot.Builder curve = Plots.plot("Learning curve of a linear readout (nugget " + String.format("%.3g", lc.nugget())
                    + " as ridge)", Plots.label("training stimuli", "P", ""), Plots.label("generalization error", "E_g", ""))
                    .logX(true).logY(true);
            Plots.pair(curve, "theory (ridge + nugget)", "simulation", pp, thy, pp, sim, se);
            dir.figure("learning_curve", curve.build());
            RunSummary.Builder summary = RunSummary.builder(spec, 1).seed("draws", seed + "/readout")
                    .result("stimuli", r.stimuli()).result("trials", r.trials()).result("units", r.units())
                    .result("nugget", lc.nugget()).result("effectiveRidge", lc.effectiveRidge())
                    .result("negativeModesClipped", lc.clippedModes()).result("targetPower", lc.targetPower())
                    .result("points", lc.points());
            summary.writeTo(dir);
            dir.commit();
            PrintWriter o = spec.commandLine().getOut();
            o.printf("nugget %.4g -> effective ridge %.4g (explicit %.4g); target power %.4g%n", lc.nugget(), lc.effectiveRidge(), ridge,
                    lc.targetPower());
            for (int i = 0; i < m; i++) {
                o.printf("P = %4d  E_g = %.4g +- %.2g   theory (ridge + nugget) %.4g%n", (int) pp[i], sim[i], se[i], thy[i]);
            }
            o.printf("wrote %s%n", dir.target());
        }
        return 0;
    }

    /**
     * Refuses fewer than 2 random training sets per size ({@code --draws}): the learning curve's standard error is
     * their spread. Shared with {@code kernel regularization}, whose learning curves are these.
     */
    static void checkDraws(int draws) {
        if (draws < 2) {
            throw new IllegalArgumentException("--draws must be >= 2 (got " + draws + ")");
        }
    }

    /**
     * Refuses a training-set size ({@code --sizes}) outside [1, P - 1] for P stimuli: at least one stimulus is trained
     * on and one is left to test on. Shared with {@code kernel regularization}.
     */
    static void checkSizes(int[] sizes, int stimuli) {
        for (int size : sizes) {
            if (size < 1 || size > stimuli - 1) {
                throw new IllegalArgumentException("--sizes must lie in [1, " + (stimuli - 1) + "] (got " + size + ")");
            }
        }
    }
}
