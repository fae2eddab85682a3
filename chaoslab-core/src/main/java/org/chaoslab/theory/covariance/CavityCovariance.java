package org.chaoslab.theory.covariance;

import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.gauss.TransferIntegrands;
import org.chaoslab.model.Noise;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.theory.dmft.DmftOptions;
import org.chaoslab.theory.dmft.NoisyDmftSolution;
import org.chaoslab.theory.dmft.NoisyDmftSolver;

/**
 * Covariance statistics of the noise-driven rate network dx_i/dt = −x_i + Σ_j J_ij φ(x_j) + ξ_i, J_ij ~ N(0, g²/N),
 * white or Ornstein–Uhlenbeck noise, any φ, N → ∞, from the two-site cavity evaluated on the noisy DMFT spectra
 * (derivation and checks: docs/correlations-nonlinear.md).
 *
 * <p>In short: a unit's output splits as φ(x_i) = ⟨φ′⟩x_i + ε_i with ε_i uncorrelated with x at every lag (Bussgang /
 * Price: x is Gaussian in the DMFT). The cross-covariances are O(N^{−1/2}) and, to leading order, only the time-averaged
 * response of a unit enters them, the mean gain ⟨φ′⟩ (the gain fluctuations φ′(x_i(t)) − ⟨φ′⟩ average out against the
 * independent activity of the other unit); ε_i acts as an intrinsic source independent across units. The network is
 * then the linear one with coupling matrix ⟨φ′⟩J (radius R = g⟨φ′⟩) driven by ξ_i and by ε_i through J, and the
 * four-resolvent averages give, with S = 1/(1 + iω), u = R²S₁S₂*, C^y = C^φ/⟨φ′⟩²,
 * <pre>
 *   N·E|c^x_ij(ω₁)c^x_ij(ω₂)*| = |u|²/|1 − u|² · C^y(ω₁)C^y(ω₂) + 2 Re[u/(1 − u)] · C^x(ω₁)C^x(ω₂),
 * </pre>
 * which is the Clark–Abbott–Litwin-Kumar kernel ({@link CavitySums}) with the spectra of the noise-driven state:
 * <ul>
 *   <li>zero frequency (long windows): ā = Ĉ^x(0), N·Var c_ij = R⁴/(1 − R²)² (Ĉ^φ(0)/⟨φ′⟩²)² + 2R²/(1 − R²) Ĉ^x(0)²;
 *   <li>equal time: ā = c(0), N·Var c_ij = ψ^x (the double frequency integral);
 *   <li>PR/N = ā²/(ā² + N·Var c_ij) in both; the mean cross-covariance vanishes (sign symmetry of J).
 * </ul>
 * For linear φ (ε = 0) these are the closed forms of {@link LinearCovariance}; without noise, the chaotic state's
 * {@link ChaoticDimension}. The effective-gain mapping (the linear network of radius g⟨φ′⟩ driven by ξ alone) drops
 * ε: it replaces C^x(ω) = [D(ω) + g²C^φ(ω)]/(1 + ω²) by D(ω)/(1 + ω² − R²), exact only when φ is linear over the
 * range the activity explores. Which gain enters where: R = g⟨φ′⟩ (mean response) sets the poles of the covariance
 * kernels and the divergence at R → 1; g√⟨φ′²⟩ (the instantaneous Jacobian's radius) sets local stability and
 * λ_max, not these statistics.
 *
 * <p>Numerics as in {@link ChaoticDimension} (FFT of the even profiles, zero-padded so that the sums' error from the
 * poles at distance 1 − R² is e^{−30}). White noise kinks c(τ) at 0 (c′(0⁺) = −σ²/2), so the spectra decay as 1/ω² and
 * the discrete sums converge as dτ²: measured against the linear closed forms in docs/correlations-nonlinear.md.
 * Only solutions without a static part (odd φ, no mean coupling or input) are accepted.
 */
public final class CavityCovariance {

    /** The profile at τ_max must have decayed to this fraction of its value at 0. */
    private static final double TAIL_TOLERANCE = 1e-10;
    /** Zero-padding: the frequency sums' error from the kernels' poles is ≈ e^{−PAD_EXPONENT}. */
    private static final double PAD_EXPONENT = 30.0;

    /**
     * The cavity statistics of one noise-driven network.
     *
     * @param zeroFrequency  statistics of the zero-frequency covariance of x
     * @param equalTime      statistics of the equal-time covariance of x
     * @param meanSlope      ⟨φ′⟩ at the stationary variance c0
     * @param nonlinearPower Ĉ^ε(0) = Ĉ^φ(0) − ⟨φ′⟩²Ĉ^x(0) ≥ 0, the zero-frequency power of φ(x) that is not linear in x
     *                       (0 for linear φ; what the effective-gain mapping leaves out)
     * @param psiPhi         ψ^φ = N × mean squared equal-time cross-covariance of φ(x)
     * @param participationRatioPhiPerN equal-time PR/N of the covariance of φ(x)
     */
    public record Result(CovariancePrediction zeroFrequency, CovariancePrediction equalTime, double meanSlope,
                         double nonlinearPower, double psiPhi, double participationRatioPhiPerN) {

        /** R = g⟨φ′⟩, the radius of the mean-response matrix. */
        public double spectralRadius() {
            return zeroFrequency.spectralRadius();
        }
    }

    private CavityCovariance() {
    }

    /**
     * Solves the noisy DMFT of {@code network} (white or OU noise) on the lag grid of {@code options}, extended to
     * τ_max = 25/κ where the tail e^{−κτ} needs it, and evaluates the statistics at the network's N.
     *
     * @throws IllegalArgumentException without white or OU noise, for a static part, or for R = g⟨φ′⟩ ≥ 1
     */
    public static Result of(RateNetwork network, DmftOptions options) {
        Noise noise = network.input().noise();
        if (!(noise instanceof Noise.White || noise instanceof Noise.OrnsteinUhlenbeck) || !(noise.sigma() > 0)) {
            throw new IllegalArgumentException("noise must be white:SIGMA or ou:SIGMA:TAU with SIGMA > 0 (got "
                    + noise.label() + ")");
        }
        NoisyDmftSolver solver = solver(noise, options);
        NoisyDmftSolution s = solver.solve(network);
        double needed = 25.0 / s.decayRate();
        if (needed > options.tauMax()) {
            if (!(needed / options.dTau() <= 5e6)) {
                throw new IllegalArgumentException("the correlation time 1/kappa = " + 1.0 / s.decayRate()
                        + " is too long for the cavity statistics (needs tau-max " + needed + ")");
            }
            solver = solver(noise, options.withTauMax(needed));
            s = solver.solve(network);
        }
        return of(s, network.transfer(), solver.engine(), network.size(), noise.sigma() * noise.sigma());
    }

    /**
     * The statistics of the solution {@code s} at size {@code n}.
     *
     * @param noiseIntensity D(0), the noise spectrum at zero frequency (σ² for white and OU noise)
     */
    public static Result of(NoisyDmftSolution s, TransferFunction phi, GaussianExpectation engine, int n,
                            double noiseIntensity) {
        if (Math.abs(s.deltaInf()) > 1e-12 * s.c0() || s.mean() != 0.0) {
            throw new IllegalArgumentException("the cavity covariance statistics are implemented for states without a "
                    + "static part (odd phi, no mean coupling or input); got deltaInf = " + s.deltaInf() + ", mean = "
                    + s.mean());
        }
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1 (got " + n + ")");
        }
        double[] dx = s.delta();
        double[] cp = s.rateCorrelation();
        double cInf = s.rateInf();
        for (int k = 0; k < cp.length; k++) {
            cp[k] -= cInf;
        }
        int k = dx.length;
        if (k < 3 || Math.abs(dx[k - 1]) > TAIL_TOLERANCE * dx[0] || Math.abs(cp[k - 1]) > TAIL_TOLERANCE * cp[0]) {
            throw new IllegalArgumentException("tau-max too short for the cavity statistics: the profile at tau-max is "
                    + dx[k - 1] / dx[0] + " of its value at 0 (needs < " + TAIL_TOLERANCE + ")");
        }
        double slope = engine.expectation(TransferIntegrands.derivative(phi), 0.0, s.c0());
        double g2 = s.g() * s.g();
        double r2 = g2 * slope * slope;
        if (!(r2 < 1.0)) {
            throw new IllegalArgumentException("the mean-response radius g<phi'> must be < 1 for finite covariances (got "
                    + Math.sqrt(r2) + ")");
        }
        double dTau = s.tau()[1] - s.tau()[0];
        int p = 2 * (k - 1);
        int padded = (int) Math.min(1 << 26, Math.ceil(PAD_EXPONENT / ((1.0 - r2) * dTau)));
        p = Math.max(p, padded + (padded & 1));
        double[] specX = ChaoticDimension.spectrum(dx, dTau, p);
        double[] specP = ChaoticDimension.spectrum(cp, dTau, p);
        double h = 1.0 / (p * dTau);
        CavitySums sums = CavitySums.of(specX, specP, h, ChaoticDimension.cutoff(specX, specP), g2, slope);
        double r = Math.sqrt(r2);

        // zero frequency: ω₁ = ω₂ = 0, u = R²
        double ax = specX[0];
        double ay = specP[0] / (slope * slope);
        double q = 1.0 - r2;
        double zeroVar = r2 * r2 / (q * q) * ay * ay + 2.0 * r2 / q * ax * ax;
        CovariancePrediction zero = new CovariancePrediction("zero-frequency", n, r, noiseIntensity, ax, 0.0, zeroVar / n,
                ax * ax / (ax * ax + zeroVar), Double.NaN, Double.NaN);

        double c0x = sums.varianceX();
        double c0p = sums.variancePhi();
        CovariancePrediction equal = new CovariancePrediction("equal-time", n, r, noiseIntensity, c0x, 0.0,
                sums.psiX() / n, c0x * c0x / (c0x * c0x + sums.psiX()), Double.NaN, Double.NaN);
        double nonlinear = Math.max(0.0, specP[0] - slope * slope * ax);
        return new Result(zero, equal, slope, nonlinear, sums.psiPhi(), c0p * c0p / (c0p * c0p + sums.psiPhi()));
    }

    private static NoisyDmftSolver solver(Noise noise, DmftOptions options) {
        return NoisyDmftSolver.forNoise(noise, options);
    }
}
