package org.chaoslab.theory.kernel;

/**
 * The stationary stimulus-response kernel of a random network driven by a static stimulus
 * x_i(θ) = s(ξ_i cos θ + η_i sin θ) (ξ, η ~ N(0, 1) per unit; input covariance s² cos(θ − θ′), or s²·o for a
 * general input overlap o ∈ [−1, 1]) with couplings J_ij ~ N(J0/N, g²/N) shared by all trials: the cross-trial
 * kernel K(o) = (1/N)Σ_i r_i^a r_i^b of two independent trials (N → ∞), its same-trial value and the nugget
 * (Bauer, Keup, Kadmon &amp; Helias, arXiv:2606.04426 (2026), reconstruction in the science notes §5; derivations in
 * docs/kernels.md).
 */
public sealed interface StimulusKernel permits BinaryKernelTheory, RateMapKernelTheory, RateFlowKernelTheory,
        BalancedKernelTheory {

    /** m, K(0), K(0⁺) and the nugget ν. */
    KernelStatistics statistics();

    /**
     * The stationary cross-trial kernel at input overlap o: the stable fixed point of the two-replica map reached
     * from independent trials. At o = 1 this is K(0⁺) (not the same-trial K(0)).
     *
     * @param overlap o ∈ [−1, 1]
     */
    double kernel(double overlap);

    /** K(Δ) on the circle, o = cos Δ, Δ ∈ [0, π] (Δ = 0 gives K(0⁺)). */
    default double kernelOnCircle(double delta) {
        Checks.delta("delta", delta);
        return delta == 0.0 ? statistics().zeroPlus() : kernel(Math.cos(delta));
    }

    /** K(Δ_j) at Δ_j = jπ/(n − 1), j = 0 … n − 1, n ≥ 2. */
    default KernelCurve curve(int points) {
        if (points < 2) {
            throw new IllegalArgumentException("points must be >= 2 (got " + points + ")");
        }
        double[] d = new double[points];
        double[] k = new double[points];
        for (int j = 0; j < points; j++) {
            d[j] = j == points - 1 ? Math.PI : Math.PI * j / (points - 1);
            k[j] = kernelOnCircle(d[j]);
        }
        KernelStatistics s = statistics();
        return new KernelCurve(d, k, s.sameTrial(), s.nugget());
    }

    /**
     * The circle spectrum of the stationary cross-trial kernel at P stimuli, with a power-law fit over ranks
     * [fitFrom, fitTo] (see {@link CircleSpectrum} for the conventions). Costs P/2 + 1 kernel evaluations.
     */
    default CircleSpectrum spectrum(int points, int fitFrom, int fitTo) {
        if (points < 4 || points % 2 != 0) {
            throw new IllegalArgumentException("points must be even and >= 4 (got " + points + ")");
        }
        // K is sampled at the P/2 + 1 distinct circular distances only
        double[] cache = new double[points / 2 + 1];
        for (int q = 0; q <= points / 2; q++) {
            cache[q] = kernelOnCircle(q == points / 2 ? Math.PI : 2.0 * Math.PI * q / points);
        }
        return CircleSpectrum.of(delta -> cache[(int) Math.round(delta * points / (2.0 * Math.PI))], points,
                statistics().nugget(), fitFrom, fitTo);
    }
}
