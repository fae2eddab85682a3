package org.chaoslab.cli.correlations;

import org.chaoslab.cli.common.OptionalOutputOptions;
import org.chaoslab.cli.common.RunSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.chaoslab.cli.rate.NetworkOptions;
import org.chaoslab.compare.CorrelationVerdicts;
import org.chaoslab.io.JsonOutput;
import org.chaoslab.model.Noise;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.theory.covariance.CovarianceTheory;
import org.chaoslab.theory.covariance.ChaoticDimension;
import org.chaoslab.theory.covariance.CovariancePrediction;
import org.chaoslab.theory.covariance.EqualTimeCovariance;
import org.chaoslab.theory.covariance.LinearCovariance;
import org.chaoslab.theory.dmft.DmftOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chaoslab correlations theory}: closed-form covariance statistics. */
@Command(name = "theory", header = "Covariance statistics of noise-driven networks from theory.", mixinStandardHelpOptions = true,
        description = {"Covariance statistics of dx/dt = -x + J phi(x) + xi with white or OU noise (--noise white:SIGMA, "
                + "ou:SIGMA:TAU): mean autocovariance, mean and variance of cross-covariances, participation ratio, of the "
                + "zero-frequency and the equal-time covariance. Linear phi with white noise: closed forms (Dahmen et al. 2019, "
                + "Hu & Sompolinsky 2022, the Lyapunov equation), --g is the spectral radius R < 1. Other phi or OU noise: the "
                + "two-site cavity on the noisy DMFT spectra (docs/correlations-nonlinear.md); --mapping effective-gain gives the "
                + "linear network of radius g<phi'> instead.",
                "Without --noise: the dimension PR/N of the noiseless chaotic state for x and phi(x) (two-site cavity, "
                + "Clark, Abbott & Litwin-Kumar, PRL 2023; odd phi, g above the transition); participationRatio = N PR/N "
                + "only when --n is given. For linear phi (eta = 0, j0 = 0) the *FiniteN keys add the derived O(1/N)",
                "corrections at --n (docs/finite-size-covariance.md)."})
final class CorrelationsTheoryCommand implements Callable<Integer> {

    @Mixin
    NetworkOptions network;

    @Option(names = "--json", description = "Print the results as one JSON object (the results of summary.json).")
    boolean json;

    @Mixin
    MappingOption mapping;

    @Mixin
    OptionalOutputOptions output;

    @Option(names = "--g-values", split = ",", description = "Without --noise: sweep these gains (each > the transition) and "
            + "print one table row per gain, or with --json the results {points: [one object per gain]} (replaces --g; with "
            + "--out also a plot of PR/N vs g over them).")
    double[] gValues;

    @Option(names = "--integrator", description = "With white or OU noise: also the equal-time statistics that a run with this "
            + "scheme records (euler, exp-euler: the scheme's own DMFT and cavity, docs/correlations-nonlinear.md; rk4: the "
            + "half noise kick), at --dt (key scheme in --json).")
    String integrator;

    @Option(names = "--dt", description = "The time step of --integrator (> 0; euler < 1). Default with --integrator: 0.05; "
            + "alone: exp-euler at this step.")
    Double dt;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /**
     * {@code --integrator}: what a run with that scheme records at equal time, N → ∞.
     *
     * @param integrator                      the scheme
     * @param dt                              its step
     * @param equalTimeMeanAutoCov            ā (null where the scheme's bias is not derived)
     * @param equalTimeVarCrossCov            Var c_ij (null as above)
     * @param equalTimeParticipationRatioPerN PR/N (null as above)
     * @param basis                           what was added to the theory's values, or why nothing was
     */
    record SchemeEqualTime(String integrator, double dt, double equalTimeMeanAutoCov, double equalTimeVarCrossCov,
                           double equalTimeParticipationRatioPerN, String basis) {
    }

    /** The scheme of --integrator and --dt (checked before any theory is solved), or null without them. */
    private IntegratorKind schemeKind() {
        if (integrator == null && dt == null) {
            return null;
        }
        IntegratorKind kind;
        try {
            kind = IntegratorKind.parse(integrator == null ? "exp-euler" : integrator);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + e.getMessage());
        }
        double step = schemeStep();
        if (!(step > 0) || !Double.isFinite(step) || kind == IntegratorKind.EULER && !(step < 1)) {
            throw new IllegalArgumentException("--dt must be finite and > 0 (and < 1 for euler) (got " + step + ")");
        }
        return kind;
    }

    private double schemeStep() {
        return dt == null ? 0.05 : dt;
    }

    /** The scheme's equal-time statistics, or null without --integrator and --dt. */
    private SchemeEqualTime scheme(RateNetwork net, CovarianceTheory theory, IntegratorKind kind) {
        if (kind == null) {
            return null;
        }
        double step = schemeStep();
        List<String> basis = new ArrayList<>();
        var p = CorrelationVerdicts.schemeEqualTime(net, theory, step, kind, basis);
        return p == null ? new SchemeEqualTime(kind.label(), step, Double.NaN, Double.NaN, Double.NaN, String.join("; ", basis))
                : new SchemeEqualTime(kind.label(), step, p.meanAutoCov(), p.varCrossCov(), p.participationRatioPerN(),
                String.join("; ", basis));
    }

    @Override
    public Integer call() throws Exception {
        RateNetwork net = network.theoryNetwork();
        output.check();
        Noise noise = net.input().noise();
        IntegratorKind kind = schemeKind();
        if ((integrator != null || dt != null)
                && !((noise instanceof Noise.White || noise instanceof Noise.OrnsteinUhlenbeck) && noise.sigma() > 0)) {
            throw new IllegalArgumentException((integrator != null ? "--integrator" : "--dt") + ": the recorded statistics of "
                    + "a scheme are for annealed noise (--noise white:SIGMA or ou:SIGMA:TAU; got " + noise.label() + ")");
        }
        if (net.input().noise() instanceof Noise.Quenched) {
            if (gValues != null) {
                throw new IllegalArgumentException("--g-values: the sweep is for the noiseless cavity dimension (omit --noise)");
            }
            QuenchedCorrelations.Summary q = QuenchedCorrelations.summary(net, mapping.get());
            RunSummary.Builder summary = RunSummary.builder(spec, 1).resultsOf(q);
            output.finish(summary, dir -> { });
            if (json) {
                spec.commandLine().getOut().println(JsonOutput.toJson(summary.results()));
            } else {
                QuenchedCorrelations.print(spec.commandLine().getOut(), q);
            }
            return 0;
        }
        if (net.input().noise().sigma() == 0.0) {
            return gValues == null ? cavity(net) : cavitySweep(net);
        }
        if (gValues != null) {
            throw new IllegalArgumentException("--g-values: the sweep is for the noiseless cavity dimension (omit --noise)");
        }
        CovarianceTheory theory = CovarianceTheory.of(net, mapping.get());
        CorrelationTheorySummary s = summary(net, theory);
        SchemeEqualTime scheme = scheme(net, theory, kind);
        RunSummary.Builder summary = RunSummary.builder(spec, 1).resultsOf(s);
        if (scheme != null) {
            summary.result("scheme", scheme);
        }
        output.finish(summary, dir -> dir.record(CorrelationPlots.participationRatioVsGain(dir.dir(), s.noiseIntensity(), null, null,
                Double.NaN)));
        var o = spec.commandLine().getOut();
        if (json) {
            o.println(JsonOutput.toJson(summary.results()));
        } else {
            o.printf("mapping                %s (R = %.6g, D = %.6g)%n", s.mapping(), s.spectralRadius(), s.noiseIntensity());
            statistics(o, s.meanAutoCov(), s.meanCrossCov(), s.varCrossCov(), s.participationRatio(), s.participationRatioPerN());
            if (Double.isFinite(s.eigenLower())) {
                o.printf("eigenvalue support     [%.6g, %.6g]%n", s.eigenLower(), s.eigenUpper());
            } else {
                o.printf("eigenvalue support     not derived for nonlinear units (null in --json)%n");
            }
            o.printf("equal-time meanAutoCov %.8g%n", s.equalTimeMeanAutoCov());
            if (s.equalTimeMeanCrossCov() != 0.0) {
                o.printf("equal-time meanCrossCov %.8g   (the mean coupling's common mode)%n", s.equalTimeMeanCrossCov());
            }
            o.printf("equal-time varCrossCov %.8g%n", s.equalTimeVarCrossCov());
            o.printf("equal-time PR          %.8g   (PR/N = %.6g)%n", s.equalTimeParticipationRatio(),
                    s.equalTimeParticipationRatioPerN());
            if (scheme != null) {
                if (Double.isFinite(scheme.equalTimeMeanAutoCov())) {
                    o.printf("recorded by %s at dt = %.6g (equal time, N -> inf): meanAutoCov %.8g, varCrossCov %.8g, PR/N %.6g%n",
                            scheme.integrator(), scheme.dt(), scheme.equalTimeMeanAutoCov(), scheme.equalTimeVarCrossCov(),
                            scheme.equalTimeParticipationRatioPerN());
                } else {
                    o.printf("recorded by %s at dt = %.6g: not derived (%s)%n", scheme.integrator(), scheme.dt(), scheme.basis());
                }
            }
            if (Double.isFinite(s.meanAutoCovFiniteN())) {
                o.printf("at N = %d with the 1/N corrections: meanAutoCov %.8g, varCrossCov %.8g, PR/N %.6g%n", s.n(),
                        s.meanAutoCovFiniteN(), s.varCrossCovFiniteN(), s.participationRatioPerNFiniteN());
                o.printf("  equal time: meanAutoCov %.8g, varCrossCov %.8g, PR/N %.6g%n", s.equalTimeMeanAutoCovFiniteN(),
                        s.equalTimeVarCrossCovFiniteN(), s.equalTimeParticipationRatioPerNFiniteN());
            }
        }
        return 0;
    }

    /** The four pair statistics as text lines (shared with the quenched summary). */
    static void statistics(java.io.PrintWriter o, double meanAutoCov, double meanCrossCov, double varCrossCov, double pr,
                           double prPerN) {
        o.printf("meanAutoCov            %.8g%n", meanAutoCov);
        o.printf("meanCrossCov           %.8g%n", meanCrossCov);
        o.printf("varCrossCov            %.8g%n", varCrossCov);
        o.printf("participationRatio     %.8g   (PR/N = %.6g)%n", pr, prPerN);
    }

    /** Without noise: the two-site cavity dimension of the chaotic state (Clark, Abbott & Litwin-Kumar 2023). */
    private int cavity(RateNetwork net) throws java.io.IOException {
        boolean hasN = spec.commandLine().getParseResult().hasMatchedOption("--n");
        CavityDimensionSummary s = cavitySummary(net, hasN);
        RunSummary.Builder summary = RunSummary.builder(spec, 1).resultsOf(s);
        output.finish(summary, dir -> dir.record(CorrelationPlots.cavityParticipationRatioVsGain(dir.dir(), net, null)));
        var o = spec.commandLine().getOut();
        if (json) {
            o.println(JsonOutput.toJson(summary.results()));
        } else {
            o.printf("mapping                   %s (no noise: chaotic state, two-site cavity)%n", s.mapping());
            o.printf("participationRatioPerN    %.8g   (x)%n", s.participationRatioPerN());
            o.printf("participationRatioPhiPerN %.8g   (phi(x))%n", s.participationRatioPhiPerN());
            if (hasN) {
                o.printf("participationRatio        %.8g   (N = %d; phi: %.8g)%n", s.participationRatio(), s.n(),
                        s.participationRatioPhi());
            }
            o.printf("delta0                    %.8g   (<x^2>, DMFT)%n", s.delta0());
        }
        return 0;
    }

    /** Without noise, --g-values: the cavity dimension at each gain. */
    private int cavitySweep(RateNetwork net) throws java.io.IOException {
        if (gValues.length == 0) {
            throw new IllegalArgumentException("--g-values must list at least one gain");
        }
        boolean hasN = spec.commandLine().getParseResult().hasMatchedOption("--n");
        java.util.List<CavityDimensionSummary> rows = new java.util.ArrayList<>();
        for (double g : gValues) {
            if (!(g > 0) || !Double.isFinite(g)) {
                throw new IllegalArgumentException("--g-values: gains must be finite and > 0 (got " + g + ")");
            }
            rows.add(cavitySummary(CorrelationPlots.withGain(net, g), hasN));
        }
        RunSummary.Builder summary = RunSummary.builder(spec, 1).result("points", rows);
        output.finish(summary, dir -> {
            double[] g = rows.stream().mapToDouble(CavityDimensionSummary::g).toArray();
            double[] px = rows.stream().mapToDouble(CavityDimensionSummary::participationRatioPerN).toArray();
            double[] pp = rows.stream().mapToDouble(CavityDimensionSummary::participationRatioPhiPerN).toArray();
            dir.record(CorrelationPlots.cavityCurve(dir.dir(), net.transfer().name(), g, px, pp, null));
        });
        var o = spec.commandLine().getOut();
        if (json) {
            o.println(JsonOutput.toJson(summary.results()));
        } else {
            o.printf("%-8s %-16s %-16s%n", "g", "PR^x/N", "PR^phi/N");
            for (CavityDimensionSummary r : rows) {
                o.printf("%-8.4g %-16.9g %-16.9g%n", r.g(), r.participationRatioPerN(), r.participationRatioPhiPerN());
            }
        }
        return 0;
    }

    /** The cavity summary of a noiseless network (N-dependent keys only if {@code hasN}). */
    static CavityDimensionSummary cavitySummary(RateNetwork net, boolean hasN) {
        ChaoticDimension.Result r;
        try {
            r = ChaoticDimension.of(net, DmftOptions.defaults());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--g: without --noise the cavity dimension needs the chaotic state of an odd "
                    + "phi (for tanh g > 1); " + e.getMessage() + "; for noise-driven networks give --noise white:SIGMA");
        }
        Integer n = hasN ? net.size() : null;
        return new CavityDimensionSummary(net.transfer().name(), net.gain(), "none", n, "cavity",
                r.participationRatioPerN(), r.participationRatioPhiPerN(),
                hasN ? r.participationRatio(net.size()) : Double.NaN, hasN ? r.participationRatioPhi(net.size()) : Double.NaN,
                r.varianceX(), r.variancePhi(), r.meanSlope(), r.psiX(), r.psiPhi());
    }

    /** The theory summary of a network with white or OU noise under {@code mapping}. */
    public static CorrelationTheorySummary summary(RateNetwork net, CovarianceTheory.Mapping mapping) {
        // CovarianceTheory's messages get their flags in Main (ParameterFlags)
        return summary(net, CovarianceTheory.of(net, mapping));
    }

    /** The theory summary of a network from its solved theory {@code t}. */
    public static CorrelationTheorySummary summary(RateNetwork net, CovarianceTheory t) {
        CovariancePrediction z = t.zeroFrequency();
        CovariancePrediction e = t.equalTime();
        double r = t.spectralRadius();
        double d = t.noiseIntensity();
        // the derived 1/N corrections hold for the linear network with i.i.d. zero-mean dense couplings, white or OU
        // noise (the zero-frequency ones do not depend on the noise's correlation time)
        double nan = Double.NaN;
        int n = net.size();
        CovariancePrediction f = new CovariancePrediction("none", n, r, d, nan, nan, nan, nan, nan, nan);
        double[] et = {nan, nan, nan};
        Noise noise = net.input().noise();
        if (t.mapping().equals("linear") && (noise instanceof Noise.White || noise instanceof Noise.OrnsteinUhlenbeck)
                && net.couplings().symmetry() == 0.0 && net.couplings().meanCoupling() == 0.0
                && net.couplings().inDegree() == 0) {
            boolean zd = net.couplings().zeroDiagonal();
            f = LinearCovariance.zeroFrequencyFiniteN(r, d, n, zd);
            double tau = noise instanceof Noise.OrnsteinUhlenbeck ou ? ou.tau() : 0.0;
            CovariancePrediction en = EqualTimeCovariance.finiteN(e, EqualTimeCovariance.finiteSize(r, d, zd, tau));
            et = new double[] {en.meanAutoCov(), en.varCrossCov(), en.participationRatioPerN()};
        }
        return new CorrelationTheorySummary(net.transfer().name(), net.gain(), noise.label(), n,
                t.mapping(), r, d, z.meanAutoCov(), z.meanCrossCov(), z.varCrossCov(), z.participationRatio(),
                z.participationRatioPerN(), z.eigenLower(), z.eigenUpper(), e.meanAutoCov(), e.meanCrossCov(),
                t.dmftVariance(),
                e.varCrossCov(), e.participationRatio(), e.participationRatioPerN(), f.meanAutoCov(), f.meanCrossCov(),
                f.varCrossCov(), f.participationRatio(), f.participationRatioPerN(), et[0], et[1], et[2]);
    }
}
