package org.chaoslab.theory.kernel;

import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.gauss.TransferIntegrands;
import org.chaoslab.model.Couplings;
import org.chaoslab.model.ExternalInput;
import org.chaoslab.model.Noise;
import org.chaoslab.model.Precision;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.model.Validate;
import org.chaoslab.theory.dmft.DmftOptions;
import org.chaoslab.theory.dmft.DmftSolution;
import org.chaoslab.theory.dmft.DmftSolver;
import org.chaoslab.theory.dmft.Phase;

/**
 * Two-replica theory of the stimulus-response kernel of the continuous-time rate network
 * dx/dt = −x + J φ(x) + x(θ) + I, J_ij ~ N(J0/N, g²/N) shared by the trials (Bauer, Keup, Kadmon &amp; Helias
 * 2026, science notes §5; the single-trial statistics are the DMFT of Sompolinsky, Crisanti &amp; Sommers 1988
 * with a quenched input of variance s², {@link DmftSolver}).
 *
 * <h2>Derivation</h2>
 * For one stimulus the DMFT gives a Gaussian field of mean μ = J0⟨φ⟩ + I, total variance Δ0 and static plateau
 * Δ∞ = g² C(∞) + s² (the quenched part; Δ0 − Δ∞ is the chaotic temporal part). Write the field of unit i in trial
 * a as x_i^a(t) = μ + z_i^a + ξ_i^a(t): z_i^a static with variance Δ∞, ξ^a temporal with variance Δ0 − Δ∞ and
 * independent between independent trials (the chaotic fluctuations decorrelate). The static parts of two trials
 * at input overlap o have covariance C_ab = g² K_ab + s² o, K_ab = (1/N)Σ ⟨φ_i^a⟩_t ⟨φ_i^b⟩_t, the quenched overlap
 * of time-averaged responses, which is also the stationary cross-trial kernel. With Φ̄(y) = E_η φ(y + √(Δ0−Δ∞) η):
 * <pre>
 *   C_ab = g² E[Φ̄(z_a)Φ̄(z_b)] + s² o,   (z_a, z_b) ~ N(μ, [[Δ∞, C_ab], [C_ab, Δ∞]]),
 *   K(o) = E[Φ̄(z_a)Φ̄(z_b)] = E[φ(x_a)φ(x_b)],   (x_a, x_b) ~ N(μ, [[Δ0, C_ab], [C_ab, Δ0]])
 * </pre>
 * (adding the independent η's turns the first form into the second, which is one call of the engine). At o = 1
 * the DMFT plateau equation Δ∞ = g²F_φ(Δ∞; μ, Δ0) + s² says C_ab = Δ∞ is a fixed point: K(0⁺) = C(∞), and
 * K(0) = ⟨φ²⟩ over Δ0, so ν = C(0) − C(∞) &gt; 0 iff the DMFT is chaotic (Δ0 &gt; Δ∞). The fixed point is solved by
 * iterating from independent trials (K₀ = ⟨φ⟩²); at o = 1 its slope is g²F_{φ′}(Δ∞) = 1 − κ² &lt; 1 (κ the DMFT
 * decay rate), so it attracts (tested: it reproduces Δ∞).
 *
 * <p>Not provided: transients from a shared state (they need the two-time, two-replica DMFT).
 */
public final class RateFlowKernelTheory implements StimulusKernel {

    private final DmftSolution dmft;
    private final RateKernelMap map;
    private final RateKernelSolution solution;

    /**
     * @param g            coupling gain ≥ 0
     * @param s            stimulus amplitude ≥ 0
     * @param input        constant input I
     * @param meanCoupling J0
     * @param transfer     φ
     * @param options      the DMFT options (its quadrature rule is also used for the kernel)
     * @throws IllegalArgumentException for bad parameters or when the DMFT has no bounded solution
     */
    public RateFlowKernelTheory(double g, double s, double input, double meanCoupling, TransferFunction transfer,
                                DmftOptions options) {
        Validate.finiteAtLeast("g", g, 0.0);
        Validate.finiteAtLeast("s (stimulus amplitude)", s, 0.0);
        Validate.finite("input", input);
        Validate.finite("j0 (mean coupling)", meanCoupling);
        if (transfer == null || options == null) {
            throw new IllegalArgumentException("phi and the DMFT options must be given");
        }
        RateNetwork network = new RateNetwork(1, new Couplings(g, meanCoupling, 0.0, false, Precision.FLOAT64),
                transfer, new ExternalInput.Constant(input).withNoise(new Noise.Quenched(s)));
        DmftSolver solver = new DmftSolver(options);
        this.dmft = solver.solve(network);
        if (dmft.phase() == Phase.UNSTABLE) {
            throw new IllegalArgumentException("the continuous-time network has no bounded stationary state: " + dmft.note());
        }
        GaussianExpectation engine = solver.engine();
        double d0 = dmft.delta0();
        double dInf = dmft.deltaInf();
        boolean chaotic = dmft.phase() == Phase.CHAOTIC && d0 > dInf;
        // the map is evaluated up to the total variance Δ0; for C_ab ≤ Δ∞ it is the Φ̄ form above
        this.map = new RateKernelMap(engine, TransferIntegrands.phi(transfer), g, s, dmft.mean(), d0, d0);
        double kPlus = map.stationary(1.0, !chaotic, "continuous-time cross-trial kernel K(0+)");
        double k0 = dmft.c0();
        this.solution = new RateKernelSolution("continuous-time", g, s, input, meanCoupling, transfer.name(),
                new FieldStatistics(dmft.mean(), d0, g * g * kPlus + s * s),
                new KernelStatistics(map.meanRate(), k0, kPlus, Math.max(0.0, k0 - kPlus)),
                new ChaosCriterion("Delta0 - Delta_inf", d0 - dInf, chaotic));
    }

    /** J0 = 0, I = 0, default DMFT options. */
    public static RateFlowKernelTheory of(double g, double s, TransferFunction transfer) {
        return new RateFlowKernelTheory(g, s, 0.0, 0.0, transfer, DmftOptions.defaults());
    }

    /** The single-trial DMFT solution the kernel is built on (Δ0, Δ∞, C(0), C(∞), …). */
    public DmftSolution dmft() {
        return dmft;
    }

    /** The stationary solution. */
    public RateKernelSolution solution() {
        return solution;
    }

    @Override
    public KernelStatistics statistics() {
        return solution.kernel();
    }

    @Override
    public double kernel(double overlap) {
        Checks.overlap(overlap);
        return map.stationary(overlap, !solution.chaos().chaotic(),
                "continuous-time cross-trial kernel K(o = " + overlap + ")");
    }

    /** The static cross-trial field covariance C_ab = g² K(o) + s² o (= Δ∞ at o = 1). */
    public double staticCovariance(double overlap) {
        double k = kernel(overlap);
        return solution.g() * solution.g() * k + solution.s() * solution.s() * overlap;
    }
}
