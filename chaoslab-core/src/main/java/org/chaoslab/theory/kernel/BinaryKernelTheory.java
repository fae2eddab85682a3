package org.chaoslab.theory.kernel;

import java.util.ArrayList;
import java.util.List;

import org.chaoslab.model.Validate;
import org.hipparchus.analysis.solvers.BrentSolver;

/**
 * Two-replica mean-field theory of the stimulus-response kernel of binary networks, n_i ∈ {0, 1},
 * n_i ← Θ(h_i), h_i = Σ_j J_ij n_j + x_i(θ) − b, J_ij ~ N(J0/N, g²/N) shared by the trials, for the synchronous
 * map n(t+1) = Θ(J n(t) + x(θ) − b) and for Glauber dynamics (Poisson updates at rate 1/τ; time in units of τ).
 * (Bauer, Keup, Kadmon &amp; Helias, arXiv:2606.04426 (2026), reconstructed in the science notes §5; the Glauber
 * statistics as in Keup, Kühn, Dahmen &amp; Helias, PRX 11:021064 (2021).)
 *
 * <h2>Field statistics</h2>
 * Splitting J = J0/N + δJ, the mean coupling contributes J0 m to every field (self-averaging), the random part
 * Σ_j δJ_ij n_j^a is Gaussian over the couplings with variance g²(1/N)Σ n² = g² m and, for two trials a, b with the
 * same couplings, covariance g²(1/N)Σ n^a n^b = g² c (uncentred: the δJ have zero mean, so no m² is subtracted and
 * J0 enters only the mean). The stimulus adds variance s² and covariance s²·o. Hence
 * <pre>
 *   μ = J0 m − b,   Q = g² m + s²,   ρ = (g² c + s² o)/Q,   A = μ/√Q,
 *   m = Φ(A)           (self-consistent; the lowest root in (0, 1], as GlauberMeanField),
 *   c ↦ F(c) = P(h^a &gt; 0, h^b &gt; 0) = Φ₂(A, A; ρ(c))           (science notes §5, confirmed)
 * </pre>
 * and 1 − ρ = [g²(m − c) + s²(1 − o)]/Q, so the deficit m − F(c) = 2T(A, √((1−ρ)/(1+ρ))) is computed without
 * cancellation ({@link BivariateNormal}).
 *
 * <h2>Stationary kernel: synchronous map = Glauber = quenched theory</h2>
 * The stationary cross-trial overlap of two independent trials is the stable fixed point c*(o) of F reached from
 * independent trials, c₀ = m² (F is increasing, so the iteration is monotone). This is the same number for Glauber
 * dynamics: in the stationary state unit i has a static field part z_i = Σ_j δJ_ij m_j (+ x_i), of variance
 * g² q + s² and, between the trials, covariance g² q_ab + s² o with q_ab = (1/N)Σ m_i(θ_a) m_i(θ_b) (time-averaged
 * rates), plus temporal parts that are independent between independent trials. So the time-averaged rate is
 * m_i = P(h_i &gt; 0 | z_i), and q_ab = E[m_i^a m_i^b] = P(h^a &gt; 0, h^b &gt; 0) for fields of variance Q and
 * covariance g² q_ab + s² o: exactly the fixed-point equation of F. The cross-trial overlap (1/N)Σ n^a n^b of
 * independent trials averages the independent temporal parts away and equals q_ab. At o = 1, s = 0 this is the
 * Glauber q of {@code GlauberStationaryState} (tested), and the nugget ν = m − c*(1) = D* / 2, D* = 2(m − q) the
 * stationary replica distance.
 *
 * <h2>Nugget</h2>
 * At o = 1, c = m is a fixed point (ρ = 1), but m − F(c) ≈ ϕ(A) g √((m − c)/(π Q)): the slope of F is infinite
 * there, so it repels for every g &gt; 0 and the trials settle at c*(1) &lt; m, ν ≈ ϕ(A)² g²/(πQ) for small ν.
 *
 * <h2>Transients from a shared state</h2>
 * Both trials start in the same random state of rate m₀ (c₀ = m₀). Synchronous: m_{t+1} = Φ(A_t), and with the
 * deficit d_t = m_t − c_t, d_{t+1} = 2T(A_t, a_t), 1 − ρ_t = [g² d_t + s²(1 − o)]/Q_t. Step 1 takes
 * √(1 − ρ₀) ∝ √(1 − cos Δ) ∝ |Δ|, each later step a square root of the previous deficit (g² d_t dominates
 * s²(1 − cos Δ) = O(Δ²)), so 1 − c_t/m_t ∝ |Δ|^{γ_t}, γ_t = 2^{1−t}. Glauber with shared update times:
 * τ ṁ = −m + Φ(A), τ ċ = −c + F(c), i.e. τ ḋ = −d + 2T(A, a) (with s = 0 and d = D/2 this is
 * {@code GlauberReplicaDistance}; same fixed points as the synchronous map, different transients). Its roughness:
 * ḋ ≈ κ√(g² d + s²Δ²/2) makes d(t) → (κ g t/2)²-like, independent of Δ, as Δ → 0 at any fixed t &gt; 0 (the
 * square-root law escapes in a time ∝ Δ), so the local exponent tends to 0 at small Δ for every t &gt; 0.
 *
 * <p>Immutable; every method is a pure function of the parameters.
 */
public final class BinaryKernelTheory implements StimulusKernel {

    private static final int SCAN = 2000;

    private final double g;
    private final double s;
    private final double threshold;
    private final double meanCoupling;
    /** σ² of Gaussian threshold noise (Glauber units n ← Θ(h + σζ); 0 for the synchronous map). */
    private final double noiseVariance;
    private final BinaryKernelSolution solution;

    /**
     * @param g            coupling gain g ≥ 0 (Var J_ij = g²/N)
     * @param s            stimulus amplitude s ≥ 0 (input variance s²)
     * @param threshold    b (finite)
     * @param meanCoupling J0 (finite; the mean coupling is J0/N)
     * @throws IllegalArgumentException for a bad parameter, or g = s = 0 (no Gaussian field)
     */
    public BinaryKernelTheory(double g, double s, double threshold, double meanCoupling) {
        this(g, s, threshold, meanCoupling, 0.0);
    }

    /**
     * Glauber units with Gaussian threshold noise, n_i ← Θ(h_i + σζ) (Keup et al. 2021): the noise adds σ² to the
     * variance of what is thresholded, Q → Q + σ², and is independent between independent trials, so at overlap o
     * 1 − ρ = [g²(m − c) + s²(1 − o) + σ²]/(Q + σ²): c = m is no longer a fixed point at o = 1 and the nugget
     * m − c*(1) holds the noise's share besides the chaotic one. In the transient protocol the trials share update
     * times and noise values ({@code sim.kernel}), so there the noise is common to both and only enlarges the
     * denominator.
     *
     * @param thresholdNoise σ ≥ 0 (0: the deterministic units of the synchronous map and of noiseless Glauber dynamics)
     */
    public BinaryKernelTheory(double g, double s, double threshold, double meanCoupling, double thresholdNoise) {
        this.g = Validate.finiteAtLeast("g", g, 0.0);
        this.s = Validate.finiteAtLeast("s (stimulus amplitude)", s, 0.0);
        this.threshold = Validate.finite("b (threshold)", threshold);
        this.meanCoupling = Validate.finite("j0 (mean coupling)", meanCoupling);
        this.noiseVariance = Validate.finiteAtLeast("sigma (threshold noise)", thresholdNoise, 0.0) * thresholdNoise;
        if (g == 0.0 && s == 0.0 && noiseVariance == 0.0) {
            throw new IllegalArgumentException("g, s or sigma must be > 0 (got g = 0, s = 0, sigma = 0: the fields are deterministic)");
        }
        this.solution = solve();
    }

    /** The network with J0 = 0. */
    public static BinaryKernelTheory of(double g, double s, double threshold) {
        return new BinaryKernelTheory(g, s, threshold, 0.0);
    }

    /** The stationary solution (shared by the synchronous map and Glauber dynamics). */
    public BinaryKernelSolution solution() {
        return solution;
    }

    @Override
    public KernelStatistics statistics() {
        return solution.kernel();
    }

    private BinaryKernelSolution solve() {
        double m = meanRate();
        double q = variance(m);
        double mu = mean(m);
        double c = stationary(m, 1.0);
        double nu = m - c;
        ChaosCriterion chaos = noiseVariance == 0.0
                ? new ChaosCriterion("slope of the replica map at c = m", g > 0 ? Double.POSITIVE_INFINITY : 0.0, g > 0)
                // with noise c = m is not a fixed point; the deterministic part's slope there is still infinite
                : new ChaosCriterion("slope of the noiseless replica map at c = m (threshold noise sigma = "
                        + Math.sqrt(noiseVariance) + " also decorrelates trials)", g > 0 ? Double.POSITIVE_INFINITY : 0.0, g > 0);
        return new BinaryKernelSolution(g, s, threshold, meanCoupling,
                new FieldStatistics(mu, q - noiseVariance, g * g * c + s * s),
                new KernelStatistics(m, m, c, nu), chaos,
                noiseVariance == 0.0 ? BivariateNormal.pdf(mu / Math.sqrt(q)) * g / Math.sqrt(Math.PI * q) : Double.NaN);
    }

    // ------------------------------------------------------------------ stationary

    @Override
    public double kernel(double overlap) {
        Checks.overlap(overlap);
        return stationary(solution.kernel().meanResponse(), overlap);
    }

    /** c*(o) from c₀ = m²; the upper end c = m is excluded (repelling fixed point at o = 1). */
    private double stationary(double m, double overlap) {
        double q = variance(m);
        double a = mean(m) / Math.sqrt(q);
        double g2 = g * g;
        double s2 = s * s;
        double oneMinusO = 1.0 - overlap;
        if (g == 0.0) {
            // one Heaviside layer of the stimulus (and independent noise): ρ = (s² o)/(s² + σ²)
            return noiseVariance == 0.0 ? BivariateNormal.orthant(a, overlap)
                    : BivariateNormal.cdf(a) - BivariateNormal.deficit(a, Math.min(2.0, (s2 * oneMinusO + noiseVariance) / q));
        }
        double hi = m * (1.0 - 1e-12);
        return FixedPoints.stable(c -> BivariateNormal.cdf(a)
                        - BivariateNormal.deficit(a, Math.min(2.0, Math.max(0.0, (g2 * (m - c) + s2 * oneMinusO + noiseVariance) / q))),
                m * m, 0.0, hi, false, "binary cross-trial overlap c*(o = " + overlap + ")");
    }

    /** The mean-field rate: lowest root of m = Φ((J0 m − b)/√(g² m + s² + σ²)) in (0, 1]. */
    private double meanRate() {
        List<Double> roots = new ArrayList<>();
        BrentSolver brent = new BrentSolver(1e-15, 1e-16);
        double previousM = 1e-12;
        double previousR = residual(previousM);
        for (int k = 1; k <= SCAN; k++) {
            double m = (double) k / SCAN;
            double r = residual(m);
            if (previousR == 0) {
                return previousM;
            }
            if (previousR * r < 0) {
                return brent.solve(200, this::residual, previousM, m);
            }
            if (r == 0) {
                return m;
            }
            previousM = m;
            previousR = r;
        }
        throw new IllegalArgumentException("no mean-field rate in (0, 1] for g = " + g + ", s = " + s + ", b = "
                + threshold + ", j0 = " + meanCoupling);
    }

    private double residual(double m) {
        return m - BivariateNormal.cdf(mean(m) / Math.sqrt(variance(m)));
    }

    private double mean(double m) {
        return meanCoupling * m - threshold;
    }

    /** The variance of what is thresholded: field g² m + s² and threshold noise σ². */
    private double variance(double m) {
        return g * g * m + s * s + noiseVariance;
    }

    // ------------------------------------------------------------------ transients

    /**
     * The synchronous transient from a shared state of rate m₀ with stimuli at distance Δ switched on at t = 0:
     * t = 0 … steps (see the class comment).
     *
     * @param delta Δ ∈ [0, π]
     * @param m0    the rate of the shared initial state, in [0, 1]
     * @param steps ≥ 1
     */
    public Transient synchronousTransient(double delta, double m0, int steps) {
        Checks.delta("delta", delta);
        return synchronous(delta, Checks.oneMinusCos(delta), m0, steps);
    }

    private Transient synchronous(double delta, double oneMinusO, double m0, int steps) {
        Checks.inRange("m0", m0, 0.0, 1.0, "[0, 1]");
        Validate.atLeast("steps", steps, 1);
        double[] t = new double[steps + 1];
        double[] m = new double[steps + 1];
        double[] c = new double[steps + 1];
        double[] d = new double[steps + 1];
        m[0] = m0;
        c[0] = m0;
        for (int i = 0; i < steps; i++) {
            double q = variance(m[i]);
            t[i + 1] = i + 1;
            if (q == 0.0) { // s = 0 and a silent state: Θ(−b) for both trials
                m[i + 1] = mean(m[i]) > 0 ? 1.0 : 0.0;
                d[i + 1] = 0.0;
            } else {
                double a = mean(m[i]) / Math.sqrt(q);
                m[i + 1] = BivariateNormal.cdf(a);
                d[i + 1] = BivariateNormal.deficit(a, oneMinusRho(d[i], oneMinusO, q));
            }
            c[i + 1] = m[i + 1] - d[i + 1];
        }
        return new Transient(delta, t, m, m, c, d);
    }

    /**
     * The Glauber transient with shared update times (and shared noise values), by classical Runge–Kutta (step dt, in units of τ) of
     * τ ṁ = −m + Φ(A), τ ḋ = −d + 2T(A, a) (see the class comment), from m(0) = m₀, c(0) = m₀.
     */
    public Transient glauberTransient(double delta, double m0, double duration, double dt) {
        Checks.delta("delta", delta);
        Checks.inRange("m0", m0, 0.0, 1.0, "[0, 1]");
        Validate.positive("dt", dt);
        Validate.positive("duration", duration);
        double oneMinusO = Checks.oneMinusCos(delta);
        int n = (int) Math.ceil(duration / dt - 1e-9);
        double[] t = new double[n + 1];
        double[] m = new double[n + 1];
        double[] c = new double[n + 1];
        double[] d = new double[n + 1];
        m[0] = m0;
        c[0] = m0;
        for (int i = 0; i < n; i++) {
            double[] y = {m[i], d[i]};
            double[] k1 = glauberRate(y[0], y[1], oneMinusO);
            double[] k2 = glauberRate(y[0] + 0.5 * dt * k1[0], y[1] + 0.5 * dt * k1[1], oneMinusO);
            double[] k3 = glauberRate(y[0] + 0.5 * dt * k2[0], y[1] + 0.5 * dt * k2[1], oneMinusO);
            double[] k4 = glauberRate(y[0] + dt * k3[0], y[1] + dt * k3[1], oneMinusO);
            m[i + 1] = y[0] + dt / 6 * (k1[0] + 2 * k2[0] + 2 * k3[0] + k4[0]);
            d[i + 1] = Math.max(0.0, y[1] + dt / 6 * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1]));
            c[i + 1] = m[i + 1] - d[i + 1];
            t[i + 1] = (i + 1) * dt;
        }
        return new Transient(delta, t, m, m, c, d);
    }

    /**
     * The right sides {τ ṁ, τ ḋ} of the Glauber two-replica ODE with shared update times at rate m, deficit
     * d = m − c and input overlap o (the overlap ODE is τ ċ = τ ṁ − τ ḋ = −c + F(c)).
     */
    public double[] glauberDerivative(double m, double c, double overlap) {
        Checks.overlap(overlap);
        return glauberRate(m, m - c, 1.0 - overlap);
    }

    private double[] glauberRate(double m, double d, double oneMinusO) {
        double mm = Math.max(0.0, Math.min(1.0, m));
        double dd = Math.max(0.0, Math.min(mm, d));
        double q = variance(mm);
        double a = mean(mm) / Math.sqrt(q);
        double target = BivariateNormal.cdf(a);
        double deficit = BivariateNormal.deficit(a, oneMinusRho(dd, oneMinusO, q));
        return new double[] {-m + target, -d + deficit};
    }

    private double oneMinusRho(double deficit, double oneMinusO, double q) {
        return Math.min(2.0, Math.max(0.0, (g * g * deficit + s * s * oneMinusO) / q));
    }

    /**
     * γ_t of the synchronous transient (t = 1 … steps) from a shared state of rate m₀, by a log-log fit over
     * {@code points} Δ in [deltaLo, deltaHi]; closed form 2^{1−t}.
     */
    public RoughnessExponents synchronousRoughness(double m0, int steps, double deltaLo, double deltaHi, int points) {
        double[] grid = RoughnessExponents.grid(deltaLo, deltaHi, points);
        Transient[] runs = new Transient[points];
        for (int j = 0; j < points; j++) {
            runs[j] = synchronousTransient(grid[j], m0, steps);
        }
        double[] time = new double[steps];
        double[] measured = new double[steps];
        double[] closed = new double[steps];
        for (int t = 1; t <= steps; t++) {
            double[] y = new double[points];
            for (int j = 0; j < points; j++) {
                y[j] = runs[j].relativeDeficit(t);
            }
            time[t - 1] = t;
            measured[t - 1] = RoughnessExponents.logSlope(grid, y);
            // without recurrence (g = 0) every step is the first: the cusp |Δ| of one Heaviside layer
            closed[t - 1] = g == 0.0 ? 1.0 : Math.scalb(1.0, 1 - t);
        }
        return new RoughnessExponents(deltaLo, deltaHi, points, time, measured, closed);
    }

    /**
     * The local exponent of the Glauber transient at the given times (units of τ, RK4 step dt), by the same fit;
     * no closed form (the Δ → 0 limit is 0 at every t &gt; 0, see the class comment).
     */
    public RoughnessExponents glauberRoughness(double m0, double[] times, double dt, double deltaLo, double deltaHi,
                                               int points) {
        double[] grid = RoughnessExponents.grid(deltaLo, deltaHi, points);
        double end = 0;
        for (double t : times) {
            end = Math.max(end, Validate.positive("time", t));
        }
        Transient[] runs = new Transient[points];
        for (int j = 0; j < points; j++) {
            runs[j] = glauberTransient(grid[j], m0, end, dt);
        }
        double[] measured = new double[times.length];
        double[] closed = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            int idx = (int) Math.round(times[i] / dt);
            double[] y = new double[points];
            for (int j = 0; j < points; j++) {
                y[j] = runs[j].relativeDeficit(idx);
            }
            measured[i] = RoughnessExponents.logSlope(grid, y);
            closed[i] = Double.NaN;
        }
        return new RoughnessExponents(deltaLo, deltaHi, points, times, measured, closed);
    }
}
