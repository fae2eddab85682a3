package org.chaoslab.theory.covariance;

import org.chaoslab.model.Noise;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.theory.dmft.DmftOptions;

/**
 * The covariance statistics of a noise-driven rate network (white or OU noise) under a chosen theory, the one entry
 * point of the CLI and the comparison: the closed forms for linear units with white noise ({@link LinearCovariance}),
 * otherwise the two-site cavity on the noisy DMFT ({@link CavityCovariance}) or, on request, the effective-gain mapping
 * (the linear network of radius g⟨φ′⟩ driven by the same noise). docs/correlations-nonlinear.md compares them.
 *
 * @param mapping        the theory used: "linear" (linear units: exact), "cavity" or "effective-gain"
 * @param spectralRadius R (linear units) or g⟨φ′⟩ at the noisy stationary variance
 * @param noiseIntensity D = σ² (the noise spectrum at zero frequency, white or OU)
 * @param zeroFrequency  statistics of the zero-frequency covariance
 * @param equalTime      statistics of the equal-time covariance
 * @param dmftVariance   c0, the DMFT variance of x (NaN for linear units)
 * @param residualPower  s = Ĉ^ε(0)/⟨φ′⟩², the residual power of the cavity surrogate at zero frequency (0 for linear
 *                       units and the effective gain; NaN with a static part), which shapes the eigenvalue density of the
 *                       zero-frequency covariance ({@link #zeroFrequencySpectrum})
 * @param overlap        N × the covariance over pairs of the equal-time and the zero-frequency c_ij (the cavity's
 *                       two-frequency kernel at ω₂ = 0; NaN where not derived: closed forms, the effective gain, a static
 *                       part), for the finite-T term of the equal-time estimator
 */
public record CovarianceTheory(String mapping, double spectralRadius, double noiseIntensity,
                               CovariancePrediction zeroFrequency, CovariancePrediction equalTime, double dmftVariance,
                               double residualPower, double overlap) {

    /** Without the overlap (NaN). */
    public CovarianceTheory(String mapping, double spectralRadius, double noiseIntensity, CovariancePrediction zeroFrequency,
                            CovariancePrediction equalTime, double dmftVariance, double residualPower) {
        this(mapping, spectralRadius, noiseIntensity, zeroFrequency, equalTime, dmftVariance, residualPower, Double.NaN);
    }

    /**
     * The eigenvalue distribution of the zero-frequency covariance under this theory (the linear closed form when the
     * residual power is 0), or null where it is not derived (a static part).
     */
    public ResidualCovarianceSpectrum zeroFrequencySpectrum() {
        return Double.isFinite(residualPower) ? new ResidualCovarianceSpectrum(spectralRadius, noiseIntensity, residualPower)
                : null;
    }

    /** Which theory to use for nonlinear units. */
    public enum Mapping {
        /** The cavity for nonlinear units or OU noise, the closed forms for linear units with white noise. */
        AUTO("auto"),
        /** The two-site cavity on the noisy DMFT spectra. */
        CAVITY("cavity"),
        /** The linear network of radius g⟨φ′⟩ driven by the noise alone (drops the nonlinear residual). */
        EFFECTIVE_GAIN("effective-gain");

        private final String label;

        Mapping(String label) {
            this.label = label;
        }

        /** The mapping named {@code label} (auto, cavity, effective-gain). */
        public static Mapping parse(String label) {
            for (Mapping m : values()) {
                if (m.label.equals(label)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("mapping must be one of auto, cavity, effective-gain (got '" + label + "')");
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** The lag grid of the noisy DMFT behind the cavity statistics (dτ = 0.01: relative errors ≤ 1e-5, see the docs). */
    static final DmftOptions GRID = DmftOptions.defaults().withDTau(0.01);

    /**
     * The statistics of {@code network} (white or OU noise, σ &gt; 0) under {@code mapping}.
     *
     * A mean coupling J0 adds the mean cross-covariance of its common mode ({@link MeanMode}; odd φ without input, or
     * linear units), the other statistics unchanged at leading order.
     *
     * @throws IllegalArgumentException for other noise, a spectral radius ≥ 1, or a state with a static part
     */
    public static CovarianceTheory of(RateNetwork network, Mapping mapping) {
        Noise noise = network.input().noise();
        boolean white = noise instanceof Noise.White;
        if (!(white || noise instanceof Noise.OrnsteinUhlenbeck) || !(noise.sigma() > 0)) {
            throw new IllegalArgumentException("noise must be white:SIGMA or ou:SIGMA:TAU with SIGMA > 0 (got "
                    + noise.label() + ")");
        }
        double d = noise.sigma() * noise.sigma();
        int n = network.size();
        boolean linear = network.transfer() instanceof TransferFunctions.Linear;
        if (linear && !(network.gain() < 1.0)) {
            throw new IllegalArgumentException("the spectral radius must be < 1 for finite covariances (got g = "
                    + network.gain() + ")");
        }
        double j0 = network.couplings().meanCoupling();
        if (linear && white) {
            double r = network.gain();
            CovariancePrediction z = LinearCovariance.zeroFrequency(r, d, n);
            CovariancePrediction e = LinearCovariance.equalTime(r, d, n);
            if (j0 != 0.0) {
                // the mean coupling's common mode (MeanMode): linear units, any input
                z = z.withMeanCrossCov(MeanMode.zeroFrequency(z.meanAutoCov(), 0.0, 1.0, j0) / n);
                e = e.withMeanCrossCov(MeanMode.linearEqualTime(r, d, j0) / n);
            }
            return new CovarianceTheory("linear", r, d, z, e, Double.NaN, 0.0);
        }
        CavityCovariance.Result c = CavityCovariance.of(network, GRID);
        double r = c.spectralRadius();
        if (linear || mapping != Mapping.EFFECTIVE_GAIN) {
            CovariancePrediction z = c.zeroFrequency();
            if (linear) {
                // the zero-frequency covariance of a linear network does not depend on the noise's correlation time:
                // the closed-form eigenvalue support applies
                z = withSupport(z, LinearCovariance.zeroFrequency(r, d, n));
            }
            double residual = linear ? 0.0 : Double.isFinite(c.psiPhi()) ? c.nonlinearPower() / (c.meanSlope() * c.meanSlope())
                    : Double.NaN;
            CovariancePrediction e = c.equalTime();
            if (j0 != 0.0) {
                MeanMode.Spectra m = c.meanMode();
                z = z.withMeanCrossCov(MeanMode.zeroFrequency(z.meanAutoCov(), m.spectrumResidual()[0], m.gamma(), j0) / n);
                e = e.withMeanCrossCov(MeanMode.equalTime(m, j0) / n);
            }
            return new CovarianceTheory(linear ? "linear" : "cavity", r, d, z, e,
                    linear ? Double.NaN : c.equalTime().meanAutoCov(), residual, c.overlap());
        }
        // the effective gain: g times the population mean slope ⟨φ′⟩, x ~ N(μ, c0) (with a static part this differs from
        // the cavity's g√E[γ(z)²])
        r = network.gain() * c.meanSlope();
        if (!(r < 1.0)) {
            throw new IllegalArgumentException("the mean-response radius g<phi'> must be < 1 for finite covariances (got "
                    + r + ")");
        }
        CovariancePrediction z = LinearCovariance.zeroFrequency(r, d, n);
        CavityCovariance.Result ou = white ? null
                : CavityCovariance.of(RateNetwork.scs(n, r, new TransferFunctions.Linear()).withInput(network.input()), GRID);
        CovariancePrediction e = white ? LinearCovariance.equalTime(r, d, n) : ou.equalTime();
        if (j0 != 0.0) {
            // the linear network of radius g<phi'> with the mean coupling j0<phi'> (no residual power)
            double j0Eff = j0 * c.meanSlope();
            z = z.withMeanCrossCov(MeanMode.zeroFrequency(z.meanAutoCov(), 0.0, 1.0, j0Eff) / n);
            e = e.withMeanCrossCov((white ? MeanMode.linearEqualTime(r, d, j0Eff) : MeanMode.equalTime(ou.meanMode(), j0Eff)) / n);
        }
        return new CovarianceTheory("effective-gain", r, d, z, e, c.equalTime().meanAutoCov(), 0.0);
    }

    private static CovariancePrediction withSupport(CovariancePrediction z, CovariancePrediction closed) {
        return new CovariancePrediction(z.kind(), z.n(), z.spectralRadius(), z.noiseIntensity(), z.meanAutoCov(),
                z.meanCrossCov(), z.varCrossCov(), z.participationRatioPerN(), closed.eigenLower(), closed.eigenUpper());
    }
}
