package org.chaoslab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.chaoslab.compare.CorrelationComparison;
import org.chaoslab.io.JsonOutput;
import org.chaoslab.model.Noise;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.theory.covariance.CovariancePrediction;
import org.chaoslab.theory.covariance.LinearCovariance;
import org.chaoslab.theory.dmft.DmftOptions;
import org.chaoslab.theory.dmft.WhiteNoiseDmft;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chaoslab correlations theory}: closed-form covariance statistics. */
@Command(name = "theory", mixinStandardHelpOptions = true,
        description = {"Covariance statistics of dx/dt = -x + J phi(x) + xi with white noise (--noise white:SIGMA):",
                "mean autocovariance, mean and variance of cross-covariances, participation ratio (zero-frequency covariance,",
                "Dahmen et al. 2019, Hu & Sompolinsky 2022). With --phi linear, --g is the spectral radius R < 1;",
                "other phi use the effective gain R_eff = g<phi'> at the noisy DMFT variance (an approximation).",
                "For linear phi (eta = 0, j0 = 0) the *FiniteN keys add the derived O(1/N) corrections at --n",
                "(docs/finite-size-covariance.md)."})
final class CorrelationsTheoryCommand implements Callable<Integer> {

    @Mixin
    NetworkOptions network;

    @Option(names = "--json", description = "Print one JSON object to stdout.")
    boolean json;

    @Option(names = "--out", description = "Also write correlations_theory.json and a plot of PR/N vs g to this directory.")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RateNetwork net = network.network();
        CorrelationTheorySummary s = summary(net);
        var o = spec.commandLine().getOut();
        if (json) {
            o.println(JsonOutput.toJson(s));
        } else {
            o.printf("mapping                %s (R = %.6g, D = %.6g)%n", s.mapping(), s.spectralRadius(), s.noiseIntensity());
            o.printf("meanAutoCov            %.8g%n", s.meanAutoCov());
            o.printf("meanCrossCov           %.8g%n", s.meanCrossCov());
            o.printf("varCrossCov            %.8g%n", s.varCrossCov());
            o.printf("participationRatio     %.8g   (PR/N = %.6g)%n", s.participationRatio(), s.participationRatioPerN());
            o.printf("eigenvalue support     [%.6g, %.6g]%n", s.eigenLower(), s.eigenUpper());
            o.printf("equal-time meanAutoCov %.8g%n", s.equalTimeMeanAutoCov());
            if (Double.isFinite(s.meanAutoCovFiniteN())) {
                o.printf("at N = %d with the 1/N corrections: meanAutoCov %.8g, varCrossCov %.8g, PR/N %.6g%n", s.n(),
                        s.meanAutoCovFiniteN(), s.varCrossCovFiniteN(), s.participationRatioPerNFiniteN());
            }
        }
        if (out != null) {
            JsonOutput.write(out.resolve("correlations_theory.json"), s);
            CorrelationPlots.participationRatioVsGain(out, s.noiseIntensity(), null, null, Double.NaN);
        }
        return 0;
    }

    /** The theory summary of a network with white noise. */
    static CorrelationTheorySummary summary(RateNetwork net) {
        if (!(net.input().noise() instanceof Noise.White w) || !(w.sigma() > 0)) {
            throw new IllegalArgumentException("--noise white:SIGMA with SIGMA > 0 is required (got "
                    + net.input().noise().label() + ")");
        }
        double d = w.sigma() * w.sigma();
        double r = net.gain();
        String mapping = "linear";
        double c0 = Double.NaN;
        if (!(net.transfer() instanceof TransferFunctions.Linear)) {
            c0 = new WhiteNoiseDmft(DmftOptions.defaults().withTauMax(20).withDTau(0.05)).solve(net).c0();
            // effective gain of the linearized dynamics (mean slope at the stationary variance)
            r = CorrelationComparison.effectiveGain(net);
            mapping = "effective-gain";
        }
        if (!(r < 1.0)) {
            throw new IllegalArgumentException("--g: the (effective) spectral radius must be < 1 for finite covariances (got "
                    + r + ")");
        }
        CovariancePrediction z = LinearCovariance.zeroFrequency(r, d, net.size());
        CovariancePrediction e = LinearCovariance.equalTime(r, d, net.size());
        // the derived 1/N corrections hold for the linear network with i.i.d. zero-mean couplings (diagonal kept or zero)
        double nan = Double.NaN;
        CovariancePrediction f = new CovariancePrediction("none", net.size(), r, d, nan, nan, nan, nan, nan, nan);
        if (mapping.equals("linear") && net.couplings().symmetry() == 0.0 && net.couplings().meanCoupling() == 0.0) {
            f = LinearCovariance.zeroFrequencyFiniteN(r, d, net.size(), net.couplings().zeroDiagonal());
        }
        return new CorrelationTheorySummary(net.transfer().name(), net.gain(), net.input().noise().label(), net.size(), mapping,
                r, d, z.meanAutoCov(), z.meanCrossCov(), z.varCrossCov(), z.participationRatio(), z.participationRatioPerN(),
                z.eigenLower(), z.eigenUpper(), e.meanAutoCov(), c0, f.meanAutoCov(), f.meanCrossCov(), f.varCrossCov(),
                f.participationRatio(), f.participationRatioPerN());
    }
}
