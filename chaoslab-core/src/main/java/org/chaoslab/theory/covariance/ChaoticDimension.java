package org.chaoslab.theory.covariance;

import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.gauss.TransferIntegrands;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.theory.dmft.DmftSolution;
import org.chaoslab.theory.dmft.DmftOptions;
import org.chaoslab.theory.dmft.DmftSolver;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The dimension of the noiseless chaotic activity of dx/dt = −x + Jφ(x), J_ij ~ N(0, g²/N), N → ∞: the
 * participation ratios PR^x/N and PR^φ/N of the equal-time covariances of x and of φ(x), from the two-site
 * cavity theory of Clark, Abbott &amp; Litwin-Kumar, "Dimension of activity in random neural networks",
 * PRL 131:118401 (2023), arXiv:2207.12373 (formulas as summarized in docs of the project, science notes rate-networks.md §3):
 * <pre>
 *   PR^a/N = C^a(0)² / (C^a(0)² + ψ^a),   a ∈ {x, φ},   C^a(0) the equal-time (τ = 0) autocovariance,
 *   ψ^φ = ∬dω₁dω₂/(2π)² (M − 1) C^φ(ω₁)C^φ(ω₂),          M = 1/|1 − g² S^φ(ω₁)S^φ(ω₂)*|²,
 *   ψ^x = ∬dω₁dω₂/(2π)² [|U|² C^φ(ω₁)C^φ(ω₂) + 2 Re U · C^{xφ}(ω₁)C^{xφ}(ω₂)],   U = g²S^x₁S^x₂* / (1 − g²S^φ₁S^φ₂*),
 *   S^x = 1/(1 + iω),  S^φ = ⟨φ′⟩S^x,  C^{xφ} = ⟨φ′⟩C^x (Price's theorem).
 * </pre>
 * ψ^a = N·(mean square cross-covariance), so that (tr C)²/(N tr C²) = C(0)²/(C(0)² + ψ). The spectra C^x(ω),
 * C^φ(ω) are the Fourier transforms of the DMFT profiles Δ(τ) and C(τ) ({@link DmftSolution}); ⟨φ′⟩ is the
 * Gaussian average at variance Δ0 (the one engine). (Conjugating S₂ or not gives the same integrals, the spectra
 * being even; the conjugated form is the large-N four-resolvent kernel checked in {@link EqualTimeCovariance}, and
 * with φ = identity ψ^x = ψ^φ reduces to it.)
 *
 * <h2>Numerics and accuracy</h2>
 * The profiles on the lag grid τ_k = k dτ, k &lt; K, are extended evenly, zero-padded to a period P and transformed
 * by one real FFT (JTransforms): Ĉ_n = dτ Σ_m C̃_m e^{−2πimn/P}, ω_n = 2πn/(P dτ); the frequency integrals are the
 * matching sums h Σ_n, h = 1/(P dτ) (with the kernel 1 they return C(τ = 0): discrete Parseval). Three limits:
 * <ul>
 * <li>lag step: the chaotic profiles are smooth even functions of τ, so the transform converges exponentially in
 * dτ (measured at g = 3: dτ = 0.04 and 0.01 agree to 10⁻¹⁰);</li>
 * <li>τ truncation: the profile must have decayed (e^{−κτ}) below 10⁻¹⁰ of its value at τ_max (an error otherwise;
 * {@link #of(RateNetwork, DmftOptions)} extends τ_max to 25/κ);</li>
 * <li>frequency grid: M and U have poles at distance 1 − g²⟨φ′⟩² (= κ² for odd φ, 0.082 at g = 3) from the real
 * axis, so the trapezoid sums converge like e^{−(1 − g²⟨φ′⟩²) P dτ}; P is zero-padded to
 * P dτ ≥ 30/(1 − g²⟨φ′⟩²). Without the padding (P dτ = 2τ_max = 120 at g = 3) the error was 4·10⁻⁷ relative.</li>
 * </ul>
 * Frequencies where both spectra are below 10⁻¹³ of their maximum (the accuracy of the DMFT profiles) are dropped.
 * At g = 3 (tanh) PR^x/N = 0.0313719751 and PR^φ/N = 0.0446509424, unchanged to 10⁻¹⁰ between τ_max = 60 … 300 and
 * dτ = 0.01 … 0.04; the published 0.0313720 and 0.0446510 are matched to 2.5·10⁻⁸ and 5.8·10⁻⁸ (8·10⁻⁷ and 1.3·10⁻⁶
 * relative, i.e. to the rounding of the last published digit for PR^x and one unit of it for PR^φ). The cost is the
 * double sum, O(m²) with m frequencies growing as g → 1: measured (before halving by symmetry) about 1 s for
 * g ≥ 1.5, 4 s at g = 1.2, 25 s at g = 1.05.
 *
 * <p>Only solutions without a static (quenched) part are accepted (Δ∞ = 0: odd φ without mean coupling or input);
 * for the others the covariance of the temporal fluctuations would need the quenched means as well.
 */
public final class ChaoticDimension {

    /** Spectra below this fraction of their maximum are dropped from the double sum. */
    private static final double SPECTRUM_CUTOFF = 1e-13;
    /** The profile at τ_max must have decayed to this fraction of its value at 0. */
    private static final double TAIL_TOLERANCE = 1e-10;
    /** Zero-padding: the frequency sums' error is ≈ e^{−PAD_EXPONENT}. */
    private static final double PAD_EXPONENT = 30.0;

    /**
     * The cavity dimension of one chaotic DMFT solution.
     *
     * @param g                         coupling gain
     * @param phi                       transfer function name
     * @param participationRatioPerN    PR^x/N
     * @param participationRatioPhiPerN PR^φ/N
     * @param varianceX                 C^x(0) = Δ0
     * @param variancePhi               C^φ(0) = ⟨φ²⟩ − ⟨φ⟩² (at Δ∞ = 0: C(0) − C(∞))
     * @param psiX                      ψ^x = N × mean squared cross-covariance of x
     * @param psiPhi                    ψ^φ
     * @param meanSlope                 ⟨φ′⟩ at variance Δ0
     * @param frequencies               number of frequencies ω_n ≥ 0 in the double sum
     */
    public record Result(double g, String phi, double participationRatioPerN, double participationRatioPhiPerN,
                         double varianceX, double variancePhi, double psiX, double psiPhi, double meanSlope,
                         int frequencies) {

        /** PR^x = N · PR^x/N. */
        public double participationRatio(int n) {
            return n * participationRatioPerN;
        }

        /** PR^φ = N · PR^φ/N. */
        public double participationRatioPhi(int n) {
            return n * participationRatioPhiPerN;
        }
    }

    private ChaoticDimension() {
    }

    /**
     * Solves the DMFT of {@code network} (no noise) on the lag grid of {@code options}, extended to
     * τ_max = 25/κ where the tail e^{−κτ} needs it (κ the DMFT decay rate), and evaluates the cavity dimension.
     */
    public static Result of(RateNetwork network, DmftOptions options) {
        DmftSolver solver = new DmftSolver(options);
        DmftSolution s = solver.solve(network);
        double needed = 25.0 / s.decayRate();
        if (s.isChaotic() && needed > options.tauMax()) {
            if (needed / options.dTau() > 2e6) {
                throw new IllegalArgumentException("g too close to the transition for the cavity dimension (decay rate "
                        + s.decayRate() + " needs tau-max " + needed + ")");
            }
            solver = new DmftSolver(options.withTauMax(needed));
            s = solver.solve(network);
        }
        return of(s, network.transfer(), solver.engine());
    }

    /**
     * The cavity dimension of a chaotic solution {@code s} of a network with transfer function {@code phi}.
     *
     * @throws IllegalArgumentException if {@code s} is not chaotic, has a static part (Δ∞ ≠ 0), or its lag grid is too short
     */
    public static Result of(DmftSolution s, TransferFunction phi, GaussianExpectation engine) {
        if (!s.isChaotic()) {
            throw new IllegalArgumentException("the cavity dimension needs the chaotic phase (got " + s.phase().label()
                    + " at g = " + s.g() + "; without noise the activity of a fixed point is static)");
        }
        if (Math.abs(s.deltaInf()) > 1e-12 * s.delta0() || s.mean() != 0.0) {
            throw new IllegalArgumentException("the cavity dimension is implemented for solutions without a static part "
                    + "(odd phi, no mean coupling or input); got deltaInf = " + s.deltaInf() + ", mean = " + s.mean());
        }
        double[] dx = s.delta();
        double[] cp = s.rateCorrelation();
        double cInf = s.cInf();
        for (int k = 0; k < cp.length; k++) {
            cp[k] -= cInf;
        }
        int k = dx.length;
        if (k < 3 || Math.abs(dx[k - 1]) > TAIL_TOLERANCE * dx[0] || Math.abs(cp[k - 1]) > TAIL_TOLERANCE * cp[0]) {
            throw new IllegalArgumentException("tau-max too short for the cavity dimension: the profile at tau-max is "
                    + dx[k - 1] / dx[0] + " of its value at 0 (needs < " + TAIL_TOLERANCE + ")");
        }
        double dTau = s.tau()[1] - s.tau()[0];
        double slope = engine.expectation(TransferIntegrands.derivative(phi), 0.0, s.delta0());
        double g2 = s.g() * s.g();
        double gain2 = g2 * slope * slope;
        // the kernels have poles at distance 1 − g²⟨φ′⟩² (= κ² for odd φ) from the real ω axis: the frequency sums
        // converge like e^{−(1 − g²⟨φ′⟩²)·P dτ}, so the period is zero-padded to P dτ ≥ 30/(1 − g²⟨φ′⟩²)
        int p = period(k, dTau, gain2);
        double[] specX = spectrum(dx, dTau, p);
        double[] specP = spectrum(cp, dTau, p);
        double h = 1.0 / (p * dTau);
        int last = cutoff(specX, specP);
        CavitySums sums = CavitySums.of(specX, specP, h, last, g2, slope);
        double psiX = sums.psiX();
        double psiPhi = sums.psiPhi();
        double c0x = sums.varianceX();
        double c0p = sums.variancePhi();
        return new Result(s.g(), s.phi(), c0x * c0x / (c0x * c0x + psiX), c0p * c0p / (c0p * c0p + psiPhi), c0x, c0p,
                psiX, psiPhi, slope, last + 1);
    }

    /**
     * The even FFT period P for a profile of K lags: at least 2(K − 1), and zero-padded to P dτ ≥ 30/(1 − R²) so that
     * the frequency sums' error from the cavity kernels' poles at distance 1 − R² from the real axis is e^{−30}.
     */
    static int period(int k, double dTau, double r2) {
        int padded = (int) Math.min(1 << 26, Math.ceil(PAD_EXPONENT / ((1.0 - r2) * dTau)));
        return Math.max(2 * (k - 1), padded + (padded & 1));
    }

    /** Ĉ_n, n = 0 … P/2, of the even extension of f, zero-padded to the even period P ≥ 2(K − 1), scaled by dτ. */
    static double[] spectrum(double[] f, double dTau, int p) {
        int k = f.length;
        double[] a = new double[p];
        for (int j = 0; j < k; j++) {
            a[j] = f[j];
        }
        for (int j = 1; j < k - 1; j++) {
            a[p - j] = f[j];
        }
        new DoubleFFT_1D(p).realForward(a);
        double[] out = new double[p / 2 + 1];
        out[0] = a[0] * dTau;
        out[p / 2] = a[1] * dTau;
        for (int n = 1; n < p / 2; n++) {
            out[n] = a[2 * n] * dTau;
        }
        return out;
    }

    /** The last index n where either spectrum still exceeds the cutoff fraction of its maximum. */
    static int cutoff(double[] x, double[] y) {
        double mx = 0.0;
        double my = 0.0;
        for (int n = 0; n < x.length; n++) {
            mx = Math.max(mx, Math.abs(x[n]));
            my = Math.max(my, Math.abs(y[n]));
        }
        int last = 0;
        for (int n = 0; n < x.length; n++) {
            if (Math.abs(x[n]) > SPECTRUM_CUTOFF * mx || Math.abs(y[n]) > SPECTRUM_CUTOFF * my) {
                last = n;
            }
        }
        return Math.min(last, x.length - 2);   // the Nyquist term is left out of the symmetric grid
    }
}
