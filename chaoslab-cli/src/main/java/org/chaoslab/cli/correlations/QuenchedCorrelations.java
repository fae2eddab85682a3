package org.chaoslab.cli.correlations;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import org.chaoslab.cli.Progress;
import org.chaoslab.cli.common.OutputDirectory;
import org.chaoslab.cli.common.RunSummary;
import org.chaoslab.cli.rate.NetworkParameters;
import org.chaoslab.cli.rate.RateSeeds;
import org.chaoslab.compare.Deviation;
import org.chaoslab.compare.QuenchedCorrelationComparison;
import org.chaoslab.compare.Verdict;
import org.chaoslab.io.Npy;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.theory.covariance.CovariancePrediction;
import org.chaoslab.theory.covariance.CovarianceTheory;
import org.chaoslab.theory.covariance.LinearCovariance;
import org.chaoslab.theory.covariance.QuenchedCovariance;

/**
 * {@code --noise quenched:SIGMA} in {@code correlations theory}, {@code correlations simulate} and
 * {@code compare correlations}: the covariance across trials of the fixed points of a network whose input is frozen
 * per trial ({@link QuenchedCovariance}, {@link QuenchedCorrelationComparison}; docs/correlations-nonlinear.md,
 * "Annealed and quenched noise").
 */
final class QuenchedCorrelations {

    private QuenchedCorrelations() {
    }

    /**
     * {@code correlations theory --noise quenched:SIGMA --json}: the statistics under the chosen mapping.
     *
     * @param mapping         "cavity" (the static state's cavity; the default) or "effective-gain"
     * @param spectralRadius  R = g⟨φ′⟩ at the static variance
     * @param noiseIntensity  σ², the variance of the frozen input
     * @param staticVariance  Δ = σ² + g²⟨φ²⟩_Δ, the variance of x* across trials and units
     * @param trialVariance   q = Δ − c∞, the variance of x*_i across trials (Δ for odd φ without input)
     * @param frozenVariance  c∞, the variance of the units' trial means (0 for odd φ without input; non-odd φ or a
     *                        constant input: each unit has its own offset)
     * @param meanSlope       ⟨φ′⟩_Δ over the population
     * @param nonlinearPower  E_z[Var φ − γ(z)²q] (odd φ without input: ⟨φ²⟩ − ⟨φ′⟩²Δ), what the effective gain leaves out
     * @param stabilityGain   g²⟨φ′²⟩_Δ (&lt; 1: a stable fixed point for every trial)
     * @param meanAutoCovFiniteN and the other *FiniteN keys: the derived O(1/N) terms for linear units (i.i.d.
     *                        zero-mean couplings; C is then the annealed zero-frequency matrix); null otherwise
     */
    record Summary(String phi, double g, String noise, int n, String mapping, double spectralRadius, double noiseIntensity,
                   double meanAutoCov, double meanCrossCov, double varCrossCov, double participationRatio,
                   double participationRatioPerN, double eigenLower, double eigenUpper, double staticVariance,
                   double trialVariance, double frozenVariance, double meanSlope, double nonlinearPower, double stabilityGain, double meanAutoCovFiniteN,
                   double varCrossCovFiniteN, double participationRatioPerNFiniteN) {
    }

    /** The theory summary of {@code net} (quenched noise) under {@code mapping}. */
    static Summary summary(RateNetwork net, CovarianceTheory.Mapping mapping) {
        QuenchedCovariance.Result t = QuenchedCovariance.of(net);
        boolean effective = mapping == CovarianceTheory.Mapping.EFFECTIVE_GAIN;
        boolean linear = net.transfer() instanceof org.chaoslab.model.TransferFunctions.Linear;
        CovariancePrediction p = effective ? t.effectiveGain() : t.cavity();
        double nan = Double.NaN;
        CovariancePrediction f = linear
                ? LinearCovariance.zeroFrequencyFiniteN(p.spectralRadius(), p.noiseIntensity(), net.size(),
                        net.couplings().zeroDiagonal())
                : new CovariancePrediction("none", net.size(), nan, nan, nan, nan, nan, nan, nan, nan);
        return new Summary(net.transfer().name(), net.gain(), net.input().noise().label(), net.size(),
                linear ? "linear" : effective ? "effective-gain" : "cavity", p.spectralRadius(), p.noiseIntensity(),
                p.meanAutoCov(), p.meanCrossCov(), p.varCrossCov(), p.participationRatio(), p.participationRatioPerN(),
                p.eigenLower(), p.eigenUpper(), t.variance(), t.trialVariance(), t.frozenVariance(), t.meanSlope(), t.nonlinearPower(), t.stabilityGain(),
                f.meanAutoCov(), f.varCrossCov(), f.participationRatioPerN());
    }

    /** Prints the theory summary as text. */
    static void print(PrintWriter o, Summary s) {
        o.printf("quenched noise: covariance of the fixed points across trials of the frozen input%n");
        o.printf("mapping                %s (R = %.6g, input variance %.6g)%n", s.mapping(), s.spectralRadius(), s.noiseIntensity());
        o.printf("static variance Delta  %.8g   (<phi'> = %.6g, g^2<phi'^2> = %.6g, nonlinear power %.6g)%n",
                s.staticVariance(), s.meanSlope(), s.stabilityGain(), s.nonlinearPower());
        if (s.frozenVariance() > 0.0) {
            o.printf("static part            trial variance q = %.8g, frozen variance c_inf = %.8g (each unit at its own "
                    + "offset; R = g E[gamma(z)^2]^(1/2))%n", s.trialVariance(), s.frozenVariance());
        }
        CorrelationsTheoryCommand.statistics(o, s.meanAutoCov(), s.meanCrossCov(), s.varCrossCov(), s.participationRatio(),
                s.participationRatioPerN());
        if (Double.isFinite(s.eigenLower())) {
            o.printf("eigenvalue support     [%.6g, %.6g]%n", s.eigenLower(), s.eigenUpper());
        } else {
            o.printf("eigenvalue support     not derived with a static part (null in --json)%n");
        }
        if (Double.isFinite(s.meanAutoCovFiniteN())) {
            o.printf("at N = %d with the 1/N corrections: meanAutoCov %.8g, varCrossCov %.8g, PR/N %.6g%n", s.n(),
                    s.meanAutoCovFiniteN(), s.varCrossCovFiniteN(), s.participationRatioPerNFiniteN());
        }
    }

    /**
     * The simulation beside the theory ({@code correlations simulate} / {@code compare correlations} with quenched
     * noise): R realizations of T trials each.
     *
     * @param trials T (0: 4N), even
     */
    static int simulate(RateNetwork net, int trials, int realizations, long seed, int threads,
                        CovarianceTheory.Mapping mapping, OutputDirectory dir, picocli.CommandLine.Model.CommandSpec spec,
                        String label) throws Exception {
        int t = trials == 0 ? 4 * net.size() : trials;
        if (t < 4 || t % 2 != 0) {
            throw new IllegalArgumentException("--trials must be even and >= 4 (two halves of trials; got " + t + ")");
        }
        org.chaoslab.cli.common.Resources.require("--trials", t, "the fixed points of all trials (3 N T doubles)",
                3.0 * 8 * net.size() * (double) t);
        Summary theory = summary(net, mapping);
        var err = spec.commandLine().getErr();
        ProgressListener progress = Progress.on(err, label);
        QuenchedCorrelationComparison.Result r = QuenchedCorrelationComparison.run(net,
                new QuenchedCorrelationComparison.Settings(t, realizations, seed, threads), progress);
        if (progress instanceof Progress p) {
            p.clear();
        }
        boolean effective = mapping == CovarianceTheory.Mapping.EFFECTIVE_GAIN;
        CovariancePrediction p = effective ? r.effectiveGain() : r.cavity();
        Deviation a = Deviation.of(p.meanAutoCov(), r.meanAutoCov().simulation(), r.meanAutoCov().standardError());
        Deviation v = Deviation.of(p.varCrossCov(), r.varCrossCov().simulation(), r.varCrossCov().standardError());
        Deviation pr = Deviation.of(p.participationRatioPerN(), r.participationRatioPerN().simulation(),
                r.participationRatioPerN().standardError());
        // linear units: C is the annealed zero-frequency matrix, whose 1/N terms are derived; otherwise the linear
        // network's at the same R as an allowance (CorrelationVerdicts)
        boolean exactLinear = net.transfer() instanceof org.chaoslab.model.TransferFunctions.Linear
                && net.couplings().meanCoupling() == 0.0 && net.couplings().symmetry() == 0.0 && net.couplings().inDegree() == 0;
        List<Verdict> verdicts = org.chaoslab.compare.CorrelationVerdicts.zeroFrequency(p, exactLinear,
                net.couplings().zeroDiagonal(), net.size(), r.perRealization().size(), a, r.meanCrossCov(), v, pr);
        List<String> files = new ArrayList<>();
        Npy.write(dir.dir().resolve("eigenvalues.npy"), r.eigenvalues(), r.eigenvalues().length);
        files.add("eigenvalues.npy");
        dir.record(files);
        List<String> warnings = new ArrayList<>();
        for (var f : r.failures()) {
            warnings.add("left out (more than 1 % of its trials without a settled fixed point): " + f.line());
        }
        RunSummary.Builder s = RateSeeds.add(RunSummary.builder(spec, threads), seed, realizations);
        s.seed("trials", "frozen input of trial m: <seed + r>/noise/quenched/m/<unit>");
        s.result("network", NetworkParameters.of(net)).result("noise", net.input().noise().label())
                .result("trials", t).result("realizations", r.perRealization().size())
                .result("failedRealizations", r.failures().size()).result("mapping", theory.mapping())
                .result("theory", theory).result("meanAutoCov", a).result("meanCrossCov", r.meanCrossCov())
                .result("varCrossCov", v).result("participationRatioPerN", pr)
                .result("perRealization", r.perRealization())
                .result("agrees", verdicts.stream().allMatch(Verdict::agrees));
        verdicts.forEach(s::verdict);
        warnings.forEach(s::warning);
        s.writeTo(dir);
        var o = spec.commandLine().getOut();
        o.printf("theory: %s, quenched noise (R = %.6g, static variance %.6g, trial variance %.6g)%n", theory.mapping(),
                p.spectralRadius(), theory.staticVariance(), theory.trialVariance());
        o.printf("covariance of the fixed points across %d trials, %d realizations (theory vs simulation ± SE, z):%n", t,
                r.perRealization().size());
        line(o, "meanAutoCov", a);
        line(o, "meanCrossCov", r.meanCrossCov());
        line(o, "varCrossCov", v);
        line(o, "PR/N", pr);
        verdicts.forEach(x -> o.println(x.line()));
        warnings.forEach(w -> err.println("chaoslab: warning: " + w));
        o.println("wrote " + dir.target().resolve("summary.json"));
        return 0;
    }

    private static void line(PrintWriter o, String name, Deviation d) {
        o.printf("  %-12s %.6g vs %.6g ± %.2g  (z = %.2f)%n", name, d.theory(), d.simulation(), d.standardError(), d.zScore());
    }
}
