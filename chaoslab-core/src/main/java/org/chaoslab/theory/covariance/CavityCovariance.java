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
 *   <li>PR/N = ā²/(ā² + N·Var c_ij) in both; the mean cross-covariance vanishes (sign symmetry of J);
 *   <li>the eigenvalue support of the zero-frequency covariance: that of D·AAᵀ + s(A − 1)(A − 1)ᵀ, s = Ĉ^ε(0)/⟨φ′⟩²
 *       ({@link ResidualCovarianceSpectrum}; not derived with a static part: NaN there).
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
 * A static part (non-odd φ, or a constant input: each unit at its own offset z ~ N(μ, c∞)) is handled by averaging
 * over the offsets: R² = g²E[γ(z)²] and E_z[C^φ_z(ω₁)C^φ_z(ω₂)] in the |U|² term ({@link CavitySums#heterogeneous});
 * the φ statistics (ψ^φ) are then not computed (NaN). A mean coupling adds its common mode ({@link MeanMode}; with a
 * static part through the units' average rate spectrum and mean gain). Symmetric couplings are refused.
 */
public final class CavityCovariance {

    /** The profile at τ_max must have decayed to this fraction of its value at 0. */
    private static final double TAIL_TOLERANCE = 1e-10;

    /**
     * The cavity statistics of one noise-driven network.
     *
     * @param zeroFrequency  statistics of the zero-frequency covariance of x
     * @param equalTime      statistics of the equal-time covariance of x
     * @param meanSlope      ⟨φ′⟩ over the population (x ~ N(μ, c0))
     * @param nonlinearPower Ĉ^ε(0) = Ĉ^φ(0) − ⟨φ′⟩²Ĉ^x(0) ≥ 0, the zero-frequency power of φ(x) that is not linear in x
     *                       (0 for linear φ; what the effective-gain mapping leaves out)
     * @param psiPhi         ψ^φ = N × mean squared equal-time cross-covariance of φ(x) (NaN with a static part)
     * @param participationRatioPhiPerN equal-time PR/N of the covariance of φ(x) (NaN with a static part)
     * @param overlap        N × the covariance over pairs of the equal-time and the zero-frequency c_ij of x, so that
     *                       N⁻¹tr(C_ET C_ZF) = ā_ET ā_ZF + overlap (with a static part, of the fluctuations about each
     *                       unit's offset: every unit has the same ā_ET and ā_ZF): the finite-T term of the
     *                       equal-time estimator needs it ({@code compare.CorrelationVerdicts})
     * @param meanMode       the spectra a mean coupling's common mode is formed from ({@link MeanMode}; null with a
     *                       static part, where it is not derived)
     */
    public record Result(CovariancePrediction zeroFrequency, CovariancePrediction equalTime, double meanSlope,
                         double nonlinearPower, double psiPhi, double participationRatioPhiPerN, double overlap,
                         MeanMode.Spectra meanMode) {

        /** R = g⟨φ′⟩ (with a static part g√E[γ(z)²]), the radius of the mean-response matrix. */
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
     * @throws IllegalArgumentException without white or OU noise, for symmetric couplings, or for R = g⟨φ′⟩ ≥ 1
     */
    public static Result of(RateNetwork network, DmftOptions options) {
        Noise noise = checkModel(network);
        NoisyDmftSolver solver = solver(noise, options);
        NoisyDmftSolution s = solver.stationary(network);
        double needed = longerWindow(s, options, options.dTau());
        if (!Double.isNaN(needed)) {
            solver = solver(noise, options.withTauMax(needed));
            s = solver.stationary(network);
        }
        return of(s, network.transfer(), solver.engine(), network.size(), noise.sigma() * noise.sigma());
    }

    /**
     * τ_max = 25/κ when the tail e^{−κτ} of {@code s} needs a longer window than {@code options} gave, else NaN.
     *
     * @param step the lag step of the solver (for the bound of 5·10⁶ lags)
     */
    static double longerWindow(NoisyDmftSolution s, DmftOptions options, double step) {
        double needed = 25.0 / s.decayRate();
        if (!(needed > options.tauMax())) {
            return Double.NaN;
        }
        if (!(needed / step <= 5e6)) {
            throw new IllegalArgumentException("the correlation time 1/kappa = " + 1.0 / s.decayRate()
                    + " is too long for the cavity statistics (needs tau-max " + needed + ")");
        }
        return needed;
    }

    /**
     * The model the cavity statistics are derived for: white or OU noise with σ &gt; 0, independent couplings.
     *
     * @return the noise
     */
    static Noise checkModel(RateNetwork network) {
        Noise noise = network.input().noise();
        if (!(noise instanceof Noise.White || noise instanceof Noise.OrnsteinUhlenbeck) || !(noise.sigma() > 0)) {
            throw new IllegalArgumentException("noise must be white:SIGMA or ou:SIGMA:TAU with SIGMA > 0 (got "
                    + noise.label() + ")");
        }
        if (network.couplings().symmetry() != 0.0) {
            throw new IllegalArgumentException("the cavity covariance statistics assume independent couplings (got symmetry "
                    + "eta = " + network.couplings().symmetry() + ")");
        }
        return noise;
    }

    /**
     * The mean-response radius R = g⟨φ′⟩ (x ~ N(μ, c0) of the stationary noisy DMFT) alone, without the covariance
     * sums: where R → 1 the sums need long lag windows, and a caller deciding whether a point is in the large-N regime
     * (1/(N(1 − R²)²) small) needs only R.
     */
    public static double meanResponseRadius(RateNetwork network, DmftOptions options) {
        NoisyDmftSolver solver = solver(network.input().noise(), options);
        NoisyDmftSolution s = solver.stationary(network);
        return network.gain() * solver.engine().expectation(TransferIntegrands.derivative(network.transfer()), s.mean(),
                s.c0());
    }

    /**
     * The statistics of the solution {@code s} at size {@code n}.
     *
     * @param noiseIntensity D(0), the noise spectrum at zero frequency (σ² for white and OU noise)
     */
    public static Result of(NoisyDmftSolution s, TransferFunction phi, GaussianExpectation engine, int n,
                            double noiseIntensity) {
        return of(s, phi, engine, n, noiseIntensity, LeakFilter.CONTINUOUS);
    }

    /**
     * The same for a solution whose units filter their input with {@code leak}: the ODE's, or a one-stage scheme's for
     * the solution of its discrete-time DMFT ({@link SteppedCavityCovariance}; then the lags of {@code s} are the steps,
     * the sums run over the whole band, and the mean mode is not formed: null).
     */
    static Result of(NoisyDmftSolution s, TransferFunction phi, GaussianExpectation engine, int n, double noiseIntensity,
                     LeakFilter leak) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1 (got " + n + ")");
        }
        if (Math.abs(s.deltaInf()) > 1e-12 * s.c0() || Math.abs(s.mean()) > 1e-12 * Math.sqrt(s.c0())) {
            return heterogeneous(s, phi, engine, n, noiseIntensity, leak);
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
        int p = ChaoticDimension.period(k, dTau, r2);
        double[] specX = ChaoticDimension.spectrum(dx, dTau, p);
        double[] specP = ChaoticDimension.spectrum(cp, dTau, p);
        double h = 1.0 / (p * dTau);
        int last = leak.wholeBand() ? wholeBand(specX, specP) : ChaoticDimension.cutoff(specX, specP);
        CavitySums sums = CavitySums.of(specX, specP, h, last, g2, slope, leak);
        double r = Math.sqrt(r2);

        // zero frequency: ω₁ = ω₂ = 0, u = R²
        double ax = specX[0];
        double ay = specP[0] / (slope * slope);
        double q = 1.0 - r2;
        double zeroVar = r2 * r2 / (q * q) * ay * ay + 2.0 * r2 / q * ax * ax;
        double nonlinear = Math.max(0.0, specP[0] - slope * slope * ax);
        // the eigenvalue support of the surrogate's C(0) = D AAᵀ + s(A − 1)(A − 1)ᵀ, s = Ĉ^ε(0)/⟨φ′⟩²
        ResidualCovarianceSpectrum spectrum = new ResidualCovarianceSpectrum(r, noiseIntensity, nonlinear / (slope * slope));
        CovariancePrediction zero = new CovariancePrediction("zero-frequency", n, r, noiseIntensity, ax, 0.0, zeroVar / n,
                ax * ax / (ax * ax + zeroVar), spectrum.lower(), spectrum.upper());

        double c0x = sums.varianceX();
        double c0p = sums.variancePhi();
        CovariancePrediction equal = new CovariancePrediction("equal-time", n, r, noiseIntensity, c0x, 0.0,
                sums.psiX() / n, c0x * c0x / (c0x * c0x + sums.psiX()), Double.NaN, Double.NaN);
        MeanMode.Spectra meanMode = null;
        if (!leak.wholeBand()) {
            double[] residual = new double[last + 1];
            for (int j = 0; j <= last; j++) {
                residual[j] = Math.max(0.0, specP[j] - slope * slope * specX[j]);
            }
            meanMode = new MeanMode.Spectra(specX, residual, h, last, slope);
        }
        return new Result(zero, equal, slope, nonlinear, sums.psiPhi(), c0p * c0p / (c0p * c0p + sums.psiPhi()),
                sums.overlapX(), meanMode);
    }

    /** Offsets z of the static part: Gauss–Hermite nodes of N(μ, c∞). */
    private static final int OFFSET_NODES = 24;

    /**
     * A state with a static part (non-odd φ, or a constant input): x_k = z_k + δx_k with z_k ~ N(μ, c∞) frozen and δx_k
     * the same stationary process for every unit (autocovariance c(τ) − c∞). Each unit has its own gain γ(z) =
     * E φ′(z + δx) and rate spectrum C^φ_z(ω); {@link CavitySums#heterogeneous} averages them (derivation: docs).
     */
    private static Result heterogeneous(NoisyDmftSolution s, TransferFunction phi, GaussianExpectation engine, int n,
                                        double noiseIntensity, LeakFilter leak) {
        double cInf = Math.max(0.0, s.deltaInf());
        double mu = s.mean();
        double q = s.c0() - cInf;
        double[] c = s.delta();
        int k = c.length;
        for (int j = 0; j < k; j++) {
            c[j] = Math.max(-q, Math.min(q, c[j] - cInf));
        }
        if (k < 3 || !(q > 0) || Math.abs(c[k - 1]) > TAIL_TOLERANCE * c[0]) {
            throw new IllegalArgumentException("tau-max too short for the cavity statistics: the fluctuation profile at "
                    + "tau-max is " + c[k - 1] / c[0] + " of its value at 0 (needs < " + TAIL_TOLERANCE + ")");
        }
        double[] z;
        double[] w;
        if (cInf > 1e-12 * s.c0()) {
            var rule = new org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory().hermite(OFFSET_NODES);
            z = new double[OFFSET_NODES];
            w = new double[OFFSET_NODES];
            for (int j = 0; j < OFFSET_NODES; j++) {
                z[j] = mu + Math.sqrt(2.0 * cInf) * rule.getPoint(j);
                w[j] = rule.getWeight(j) / Math.sqrt(Math.PI);
            }
        } else {
            z = new double[] {mu};
            w = new double[] {1.0};
        }
        double g2 = s.g() * s.g();
        double meanSlope = 0.0;
        double meanSquareSlope = 0.0;
        double[][] profiles = new double[z.length][k];
        double[] gammas = new double[z.length];
        var derivative = TransferIntegrands.derivative(phi);
        var rate = TransferIntegrands.phi(phi);
        for (int j = 0; j < z.length; j++) {
            double gamma = engine.expectation(derivative, z[j], q);
            gammas[j] = gamma;
            meanSlope += w[j] * gamma;
            meanSquareSlope += w[j] * gamma * gamma;
            double[] a = mehlerCoefficients(phi, z[j], q);
            if (a != null) {
                for (int t = 0; t < k; t++) {
                    double rho = c[t] / q;
                    double sum = 0.0;
                    for (int m = a.length - 1; m >= 1; m--) {
                        sum = (sum + a[m]) * rho;
                    }
                    profiles[j][t] = sum;
                }
            } else {
                double mean = engine.expectation(rate, z[j], q);
                for (int t = 0; t < k; t++) {
                    profiles[j][t] = engine.correlation(rate, z[j], q, c[t]) - mean * mean;
                }
            }
        }
        double r2 = g2 * meanSquareSlope;
        if (!(r2 < 1.0)) {
            throw new IllegalArgumentException("the mean-response radius g<phi'^2>^(1/2) over the units must be < 1 for "
                    + "finite covariances (got " + Math.sqrt(r2) + ")");
        }
        double dTau = s.tau()[1] - s.tau()[0];
        int p = ChaoticDimension.period(k, dTau, r2);
        double[] specX = ChaoticDimension.spectrum(c, dTau, p);
        double[][] specP = new double[z.length][];
        double nonlinear = 0.0;
        double zeroPhi2 = 0.0;
        for (int j = 0; j < z.length; j++) {
            specP[j] = ChaoticDimension.spectrum(profiles[j], dTau, p);
            double gamma = gammas[j];
            nonlinear += w[j] * (specP[j][0] - gamma * gamma * specX[0]);
            zeroPhi2 += w[j] * specP[j][0] * specP[j][0];
        }
        double h = 1.0 / (p * dTau);
        int last = leak.wholeBand() ? wholeBand(specX, specP) : ChaoticDimension.cutoff(specX, specX);
        double[] sums = CavitySums.heterogeneous(specX, specP, w, h, last, g2, meanSquareSlope, leak);
        MeanMode.Spectra meanMode = null;
        if (!leak.wholeBand()) {
            // the common mode sees the units' average rate spectrum and mean gain: residual E_k[C^φ_k] − E[γ]²C^x
            double[] residual = new double[last + 1];
            for (int t = 0; t <= last; t++) {
                double meanRateSpectrum = 0.0;
                for (int j = 0; j < z.length; j++) {
                    meanRateSpectrum += w[j] * specP[j][t];
                }
                residual[t] = Math.max(0.0, meanRateSpectrum - meanSlope * meanSlope * specX[t]);
            }
            meanMode = new MeanMode.Spectra(specX, residual, h, last, meanSlope);
        }
        double r = Math.sqrt(r2);
        double ax = specX[0];
        double qq = 1.0 - r2;
        double zeroVar = g2 * g2 / (qq * qq) * zeroPhi2 + 2.0 * r2 / qq * ax * ax;
        CovariancePrediction zero = new CovariancePrediction("zero-frequency", n, r, noiseIntensity, ax, 0.0, zeroVar / n,
                ax * ax / (ax * ax + zeroVar), Double.NaN, Double.NaN);
        double c0x = sums[1];
        CovariancePrediction equal = new CovariancePrediction("equal-time", n, r, noiseIntensity, c0x, 0.0, sums[0] / n,
                c0x * c0x / (c0x * c0x + sums[0]), Double.NaN, Double.NaN);
        return new Result(zero, equal, meanSlope, Math.max(0.0, nonlinear), Double.NaN, Double.NaN, sums[2], meanMode);
    }

    /**
     * The whole band of a sampled process as the last index of the symmetric frequency grid: its Nyquist term ±P/2 is
     * one frequency counted twice, so it is halved in place.
     */
    private static int wholeBand(double[] specX, double[]... specP) {
        int last = specX.length - 1;
        specX[last] *= 0.5;
        for (double[] q : specP) {
            q[last] *= 0.5;
        }
        return last;
    }

    /** Hermite order of the Mehler series and Gauss–Hermite nodes of its coefficients. */
    private static final int MEHLER_ORDER = 80;
    private static final int MEHLER_NODES = 128;
    private static final double[][] STANDARD_NORMAL_RULE = standardNormalRule(MEHLER_NODES);

    /**
     * a_m = b_m²/m!, b_m = E[φ(z + √q ξ) He_m(ξ)], ξ ~ N(0, 1), m = 0 … MEHLER_ORDER: by Mehler's formula the rate
     * autocovariance of a unit at offset z is Σ_{m ≥ 1} a_m ρ^m, ρ = (c(τ) − c∞)/q. Returns null when the series has
     * not converged at ρ = 1 to 1e-10 of the variance (kinked φ): then the profile is integrated directly.
     */
    private static double[] mehlerCoefficients(TransferFunction phi, double z, double q) {
        double[] xi = STANDARD_NORMAL_RULE[0];
        double[] w = STANDARD_NORMAL_RULE[1];
        double sq = Math.sqrt(q);
        double[] b = new double[MEHLER_ORDER + 1];
        double second = 0.0;
        for (int i = 0; i < xi.length; i++) {
            double f = phi.phi(z + sq * xi[i]);
            double hPrev = 1.0;
            double h = xi[i];
            b[0] += w[i] * f;
            b[1] += w[i] * f * h;
            for (int m = 1; m < MEHLER_ORDER; m++) {
                double next = xi[i] * h - m * hPrev;
                hPrev = h;
                h = next;
                b[m + 1] += w[i] * f * h;
            }
            second += w[i] * f * f;
        }
        double variance = second - b[0] * b[0];
        double[] a = new double[MEHLER_ORDER + 1];
        double factorial = 1.0;
        double sum = 0.0;
        for (int m = 1; m <= MEHLER_ORDER; m++) {
            factorial *= m;
            a[m] = b[m] * b[m] / factorial;
            sum += a[m];
        }
        return Math.abs(variance - sum) <= 1e-10 * Math.max(variance, 1e-300) ? a : null;
    }

    /** {nodes, weights} of the n-point Gauss–Hermite rule for the standard normal density. */
    private static double[][] standardNormalRule(int n) {
        var rule = new org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory().hermite(n);
        double[][] out = new double[2][n];
        for (int j = 0; j < n; j++) {
            out[0][j] = Math.sqrt(2.0) * rule.getPoint(j);
            out[1][j] = rule.getWeight(j) / Math.sqrt(Math.PI);
        }
        return out;
    }

    private static NoisyDmftSolver solver(Noise noise, DmftOptions options) {
        return NoisyDmftSolver.forNoise(noise, options);
    }
}
