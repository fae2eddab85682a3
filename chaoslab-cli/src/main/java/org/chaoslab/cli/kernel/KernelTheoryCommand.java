package org.chaoslab.cli.kernel;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.chaoslab.cli.binary.BalancedOptions;
import org.chaoslab.cli.common.OutputDirectory;
import org.chaoslab.cli.common.Plots;
import org.chaoslab.cli.common.RunSummary;
import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.io.JsonOutput;
import org.chaoslab.io.LineStyle;
import org.chaoslab.io.Marker;
import org.chaoslab.io.PlotSeries;
import org.chaoslab.model.BalancedNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.theory.balanced.BalancedStimulusKernel;
import org.chaoslab.theory.balanced.InputModel;
import org.chaoslab.theory.dmft.DmftOptions;
import org.chaoslab.theory.kernel.BalancedKernelTheory;
import org.chaoslab.theory.kernel.BinaryKernelTheory;
import org.chaoslab.theory.kernel.ChaosCriterion;
import org.chaoslab.theory.kernel.CircleSpectrum;
import org.chaoslab.theory.kernel.KernelStatistics;
import org.chaoslab.theory.kernel.ManifoldSpectrum;
import org.chaoslab.theory.kernel.RateFlowKernelTheory;
import org.chaoslab.theory.kernel.RateMapKernelTheory;
import org.chaoslab.theory.kernel.RoughnessExponents;
import org.chaoslab.theory.kernel.StimulusKernel;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code chaoslab kernel theory}: the two-replica mean-field theory of stimulus-response kernels. */
@Command(name = "theory", header = "Two-replica mean-field theory of the stimulus-response kernel.", mixinStandardHelpOptions = true,
        description = {"Two-replica mean-field theory of the stimulus-response kernel (Bauer, Keup, Kadmon & Helias 2026; "
                + "docs/kernels.md): mean response m, same-trial K(0) (k0), cross-trial K(0+) (cZeroPlus), nugget = k0 - K(0+), "
                + "the chaos criterion, the local roughness of the kernel (stationary, and in the transient from a shared state), "
                + "the circle spectrum with its power-law exponent. --delta-values adds the kernel curve K(Delta);",
                "--json prints the results; --out also writes summary.json, kernel.npy and a plot."})
public final class KernelTheoryCommand implements Callable<Integer> {

    @Option(names = "--model", description = "binary (0/1 units, threshold --theta), rate (--phi) or balanced (the E/I network, options below; async only). "
            + "Default: ${DEFAULT-VALUE}.",
            defaultValue = "binary")
    String model;

    @Option(names = "--dynamics", description = "sync (synchronous map) or async (Glauber / continuous-time rate network). "
            + "Default: sync (balanced: async, its only dynamics).")
    String dynamics;

    @Option(names = "--g", description = "Coupling gain g >= 0. Default: ${DEFAULT-VALUE}.", defaultValue = "1.0")
    double g;

    @Option(names = "--s", description = "Input strength s >= 0 (input overlap s^2 cos Delta). Default: ${DEFAULT-VALUE}.",
            defaultValue = "1.0")
    double s;

    @Option(names = "--theta", description = "Threshold b of binary units. Default: ${DEFAULT-VALUE}.", defaultValue = "0.0")
    double theta;

    @Option(names = "--threshold-noise", paramLabel = "SIGMA", description = "Gaussian threshold noise sigma >= 0 of binary "
            + "units with --dynamics async (Glauber). Default: ${DEFAULT-VALUE}.", defaultValue = "0.0")
    double thresholdNoise;

    @Option(names = "--phi", description = "Transfer function of rate units (see 'dmft scs --help'). Default: ${DEFAULT-VALUE}.",
            defaultValue = "tanh")
    String phi;

    @Option(names = "--input", description = "Constant input I of rate units. Default: ${DEFAULT-VALUE}.", defaultValue = "0.0")
    double input;

    @Option(names = "--j0", description = "Mean coupling J0. Default: ${DEFAULT-VALUE}.", defaultValue = "0.0")
    double j0;

    @Option(names = "--delta-values", split = ",", paramLabel = "DELTA",
            description = "Stimulus distances Delta in [0, pi] at which to give K(Delta) (Delta = 0: K(0+)).")
    double[] deltaValues;

    @Option(names = "--spectrum-points", description = "P, even >= 4: stimuli of the circle spectrum. Default: ${DEFAULT-VALUE}.",
            defaultValue = "256")
    int spectrumPoints;

    @Option(names = "--fit-ranks", description = "FROM:TO, ranks of the power-law fit of the spectrum. Default: ${DEFAULT-VALUE}.",
            defaultValue = "11:100")
    String fitRanks;

    @Option(names = "--manifold", paramLabel = "SPEC", description = "Also the spectrum on a d-dimensional stimulus manifold: "
            + "torus:D:K (K^D points) or sphere:D:P, D = 1..4 (eigenvalues of the P x P kernel matrix, LAPACK), fitted over "
            + "--fit-ranks, beside the differentiability bound 1 + 2/d.")
    String manifold;

    @Option(names = "--transient-steps", description = "Synchronous maps: steps t = 1..T of the transient roughness from a "
            + "shared state. Default: ${DEFAULT-VALUE}.", defaultValue = "3")
    int transientSteps;

    @ArgGroup(exclusive = false, heading = "%nBalanced E/I network (--model balanced):%n")
    BalancedOptions balanced = new BalancedOptions();

    @Option(names = "--input-model", description = "Balanced network: discrete (integer input counts) or gaussian (large-K form). "
            + "Default: ${DEFAULT-VALUE}.", defaultValue = "discrete")
    String inputModel;

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write summary.json, kernel.npy and a plot of K(Delta) here.")
    java.nio.file.Path out;

    @Option(names = "--force", description = "Replace --out if it holds an earlier chaoslab run.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (out != null) {
            OutputDirectory.check(out, force);
        }
        int[] ranks = ranks(fitRanks);
        if (deltaValues != null) {
            for (double d : deltaValues) {
                if (!(d >= 0 && d <= Math.PI)) {
                    throw new IllegalArgumentException("--delta-values must lie in [0, pi] (got " + d + ")");
                }
            }
        }
        if (transientSteps < 1 || transientSteps > 20) {
            throw new IllegalArgumentException("--transient-steps must be in [1, 20] (got " + transientSteps + ")");
        }
        if (dynamics == null) {
            dynamics = "balanced".equals(model) ? "async" : "sync";
        }
        boolean sync = switch (dynamics) {
            case "sync" -> true;
            case "async" -> false;
            default -> throw new IllegalArgumentException("--dynamics must be sync or async (got '" + dynamics + "')");
        };
        StimulusKernel theory;
        ChaosCriterion chaos;
        RoughnessExponents transientRoughness = null;
        BalancedStimulusKernel populations = null;
        switch (model) {
            case "binary" -> {
                if (sync && thresholdNoise != 0.0) {
                    throw new IllegalArgumentException("--threshold-noise applies to --dynamics async (Glauber units), not to the "
                            + "synchronous map");
                }
                BinaryKernelTheory b = new BinaryKernelTheory(g, s, theta, j0, thresholdNoise);
                theory = b;
                chaos = b.solution().chaos();
                if (sync) {
                    transientRoughness = b.synchronousRoughness(0.5, transientSteps, 1e-6, 1e-4, 9);
                }
            }
            case "rate" -> {
                var f = TransferFunctions.parse(phi);
                if (sync) {
                    RateMapKernelTheory r = new RateMapKernelTheory(g, s, input, j0, f, GaussianExpectation.standard());
                    theory = r;
                    chaos = r.solution().chaos();
                    transientRoughness = r.roughness(0.0, 1.0, transientSteps, 1e-4, 1e-2, 9);
                } else {
                    RateFlowKernelTheory r = new RateFlowKernelTheory(g, s, input, j0, f, DmftOptions.defaults());
                    theory = r;
                    chaos = r.solution().chaos();
                }
            }
            case "balanced" -> {
                if (sync) {
                    throw new IllegalArgumentException("--dynamics must be async for --model balanced (Poisson updates)");
                }
                BalancedNetwork net = balanced.network();
                BalancedKernelTheory b = new BalancedKernelTheory(net, s, InputModel.parse(inputModel), GaussianExpectation.standard());
                theory = b;
                // 0/1 units: the replica map's slope at c = m is infinite, as for the i.i.d. binary network
                chaos = new ChaosCriterion("slope of the replica map at c = m (binary units)", Double.POSITIVE_INFINITY, true);
                populations = b.populations();
            }
            default -> throw new IllegalArgumentException("--model must be binary, rate or balanced (got '" + model + "')");
        }
        KernelStatistics st = theory.statistics();
        CircleSpectrum spectrum = theory.spectrum(spectrumPoints, ranks[0], ranks[1]);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("model", model);
        r.put("dynamics", dynamics);
        r.put("g", g);
        r.put("s", s);
        r.put("theta", theta);
        r.put("phi", "rate".equals(model) ? phi : null);
        r.put("m", st.meanResponse());
        r.put("k0", st.sameTrial());
        r.put("cZeroPlus", st.zeroPlus());
        r.put("nugget", st.nugget());
        r.put("chaos", Map.of("criterion", chaos.name(), "value", chaos.value(), "chaotic", chaos.chaotic()));
        if (populations != null) {
            r.put("inputModel", inputModel);
            for (int k = 0; k < 2; k++) {
                Map<String, Object> pop = new LinkedHashMap<>();
                pop.put("m", populations.sameTrial(k));
                pop.put("cZeroPlus", populations.crossTrial(k));
                pop.put("nugget", populations.nugget(k));
                r.put(k == BalancedNetwork.E ? "excitatory" : "inhibitory", pop);
            }
        }
        // a kernel with a nugget jumps at Delta = 0 (exponent 0); without one it is smooth in cos(Delta) (exponent 2)
        r.put("roughnessExponent", st.nugget() > 1e-12 ? 0.0 : 2.0);
        if (transientRoughness != null) {
            List<Map<String, Object>> tr = new ArrayList<>();
            for (int i = 0; i < transientRoughness.time().length; i++) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("t", transientRoughness.time()[i]);
                e.put("gamma", transientRoughness.measured()[i]);
                e.put("closedForm", transientRoughness.closedForm()[i]);
                tr.add(e);
            }
            r.put("transientRoughness", tr);
            r.put("transientRoughnessRange", new double[] {transientRoughness.deltaLo(), transientRoughness.deltaHi()});
        }
        r.put("spectrumExponent", spectrum.exponent());
        r.put("spectrumFitRanks", new int[] {spectrum.fitFrom(), spectrum.fitTo()});
        r.put("spectrumPoints", spectrum.points());
        r.put("differentiabilityBound", spectrum.differentiabilityBound());
        ManifoldSpectrum onManifold = null;
        if (manifold != null) {
            var st2 = StimulusOptions.parse("--manifold", manifold, s, 1);
            if (st2.count() > 4096) {
                throw new IllegalArgumentException("--manifold must have at most 4096 points (got " + st2.count() + ")");
            }
            onManifold = ManifoldSpectrum.of(theory, st2, ranks[0], Math.min(ranks[1], st2.count()));
            r.put("manifoldSpectrumExponent", onManifold.exponent());
            r.put("manifoldDimension", onManifold.dimension());
            r.put("manifoldPoints", onManifold.points());
            r.put("manifoldDifferentiabilityBound", onManifold.differentiabilityBound());
        }
        double[] curveDelta = null;
        double[] curveK = null;
        if (deltaValues != null) {
            curveDelta = deltaValues.clone();
            curveK = new double[curveDelta.length];
            List<Map<String, Double>> curve = new ArrayList<>();
            for (int i = 0; i < curveDelta.length; i++) {
                curveK[i] = theory.kernelOnCircle(curveDelta[i]);
                curve.add(Map.of("delta", curveDelta[i], "kernel", curveK[i]));
            }
            r.put("kernel", curve);
        }
        RunSummary.Builder summary = RunSummary.builder(spec, 1).results(r);
        if (out == null) {
            summary.buildUnwritten();
        }
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            o.println(JsonOutput.toJson(summary.results()));
        } else {
            if (populations != null) {
                o.printf("balanced E/I network, N_E = %d, N_I = %d, K = %d, m0 = %.4g, s = %.4g (N-weighted population values)%n",
                        balanced.network().nE(), balanced.network().nI(), balanced.network().k(), balanced.network().m0(), s);
            } else {
                o.printf("%s %s network, g = %.4g, s = %.4g%n", model, sync ? "synchronous" : "asynchronous", g, s);
            }
            o.printf("m = %.6g  K(0) = %.6g  K(0+) = %.6g  nugget = %.6g%n", st.meanResponse(), st.sameTrial(), st.zeroPlus(), st.nugget());
            o.printf("chaos: %s = %.6g (%s)%n", chaos.name(), chaos.value(), chaos.chaotic() ? "chaotic" : "not chaotic");
            if (populations != null) {
                for (int k = 0; k < 2; k++) {
                    o.printf("%s: m = %.6g  K(0+) = %.6g  nugget = %.6g%n", k == BalancedNetwork.E ? "E" : "I", populations.sameTrial(k),
                            populations.crossTrial(k), populations.nugget(k));
                }
            }
            if (transientRoughness != null) {
                for (int i = 0; i < transientRoughness.time().length; i++) {
                    o.printf("transient roughness gamma_%d = %.4f (closed form %.4f)%n", (int) transientRoughness.time()[i],
                            transientRoughness.measured()[i], transientRoughness.closedForm()[i]);
                }
            }
            o.printf("spectrum: alpha = %.4g over ranks %d..%d of P = %d (differentiable code needs alpha > %.3g)%n", spectrum.exponent(),
                    spectrum.fitFrom(), spectrum.fitTo(), spectrum.points(), spectrum.differentiabilityBound());
            if (onManifold != null) {
                o.printf("manifold %s: alpha = %.4g over ranks %d..%d of P = %d (d = %d: differentiable code needs alpha > %.3g)%n",
                        manifold, onManifold.exponent(), onManifold.fitFrom(), onManifold.fitTo(), onManifold.points(),
                        onManifold.dimension(), onManifold.differentiabilityBound());
            }
            if (curveDelta != null) {
                for (int i = 0; i < curveDelta.length; i++) {
                    o.printf("K(%.4g) = %.6g%n", curveDelta[i], curveK[i]);
                }
            }
        }
        if (out != null) {
            try (OutputDirectory dir = OutputDirectory.prepare(out, force)) {
                var curve = theory.curve(129);
                dir.npy("delta.npy", curve.delta());
                dir.npy("kernel.npy", curve.kernel());
                dir.npy("spectrum.npy", spectrum.eigenvalues());
                double[] k0 = new double[] {0.0};
                dir.figure("kernel", Plots.plot("Stationary cross-trial kernel K(Δ); same trial K(0) marked", Plots.STIMULUS_DISTANCE,
                                Plots.label("kernel", "K(Δ)", ""))
                        .series("cross-trial K(Δ) theory", curve.delta(), curve.kernel(), LineStyle.LINE)
                        .series(new PlotSeries("same trial K(0) theory", k0, new double[] {st.sameTrial()}, null, LineStyle.MARKERS)
                                .withMarker(Marker.DIAMOND)).build());
                summary.writeTo(dir);
                dir.commit();
            }
        }
        return 0;
    }

    /**
     * The lags FROM:TO of the roughness fits on a circle of {@code points} stimuli ({@code --roughness-lags} of
     * {@code compare kernel} and {@code kernel regularization}): {@code spec} when given, else 2:min(16, P/2), at
     * least 2:3 so that a fit has two lags (a circle too small for them is refused afterwards, by the command or the
     * comparison, with its own message).
     */
    static int[] roughnessLags(String spec, int points) {
        return spec != null ? range("--roughness-lags", spec) : new int[] {2, Math.max(3, Math.min(16, points / 2))};
    }

    /** {@code --fit-ranks} FROM:TO (1 ≤ FROM &lt; TO). */
    static int[] ranks(String spec) {
        return range("--fit-ranks", spec);
    }

    /** A range FROM:TO with 1 ≤ FROM &lt; TO of the option {@code option} (its one-line error names it). */
    static int[] range(String option, String spec) {
        String[] f = spec.split(":");
        try {
            int a = Integer.parseInt(f[0].trim());
            int b = Integer.parseInt(f[1].trim());
            if (f.length != 2 || a < 1 || b <= a) {
                throw new NumberFormatException();
            }
            return new int[] {a, b};
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(option + " must be FROM:TO with 1 <= FROM < TO (got '" + spec + "')");
        }
    }
}
