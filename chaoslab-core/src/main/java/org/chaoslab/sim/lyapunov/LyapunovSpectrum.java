package org.chaoslab.sim.lyapunov;

import org.chaoslab.analysis.Estimate;
import org.chaoslab.model.RateNetwork;

/**
 * The measured Lyapunov spectrum of one network realization along one trajectory, with everything it
 * came from. Exponents are per unit time (τ = 1) for every scheme: for {@link
 * org.chaoslab.sim.rate.IntegratorKind#EULER} they are those of the map x ← (1−δ)x + δ(Jφ(x) + I)
 * divided by δ; for RK4 and exponential Euler those of the discrete flow map, which approach the
 * flow's as δ → 0.
 *
 * <p>Every confidence interval here is a 95% batch-means half-width over {@code batches} batches (Student t with
 * batches − 1 degrees of freedom): the derived measures are {@link Estimate.WithInterval}s, kept exactly as computed.
 *
 * <p>Arrays are copied in and out (the record is immutable); equality is by reference for them.
 *
 * @param network             the network description
 * @param settings            how it was measured
 * @param seeds               seeds and stream paths
 * @param exponents           λ_1 … λ_k in the order the QR method produces them (descending up to noise)
 * @param confidence          95% confidence half-widths of the exponents (batch means over {@code batches}, Student t)
 * @param batches             the number of batches used for all confidence intervals
 * @param accumulationTime    the accumulation time T (whole ONS intervals)
 * @param convergenceTimes    times (since the start of the accumulation) of the convergence record, ≤ ~500 points
 * @param convergence         running estimates, row-major (convergenceTimes.length × k): entry (p, i) is
 *                            Σ log R_ii up to time t_p divided by t_p
 * @param kaplanYorke         D_KY (from the descending-sorted exponents), with its 95% half-width (spread of D_KY
 *                            evaluated per batch)
 * @param kaplanYorkeResolved false when k &lt; N and the partial sums never turn negative: then D_KY ≥ k only
 * @param entropyRate         h_KS = Σ_{λ_i&gt;0} λ_i (Pesin), with its 95% half-width (batch means)
 * @param entropyResolved     false when k &lt; N and all k exponents are positive: then h_KS is only a lower bound
 * @param exponentSum         Σ_i λ_i over the k exponents (for k = N: the mean phase-space contraction rate), with its
 *                            95% half-width (batch means)
 * @param meanJacobianTrace   time average of tr Df(x) = Σ_i (−1 + J_ii φ′(x_i)) of the <em>flow</em>, sampled at the
 *                            start of every accumulated step. For the flow (RK4, small δ) it equals the sum of all N
 *                            exponents (Liouville). For the maps (Euler, exponential Euler) the exact counterpart would be
 *                            ⟨log|det M|⟩/δ, which costs an LU per step and is already given by {@code exponentSum} when
 *                            k = N; we report the flow trace, which the map's sum approaches to O(δ); with its 95%
 *                            half-width (batch means)
 * @param twoReplica          the largest exponent by the two-trajectory method along the same trajectory
 * @param cost                timings
 */
public record LyapunovSpectrum(RateNetwork network, LyapunovSettings settings, Seeds seeds, double[] exponents,
                               double[] confidence, int batches, double accumulationTime, double[] convergenceTimes,
                               double[] convergence, Estimate kaplanYorke, boolean kaplanYorkeResolved, Estimate entropyRate,
                               boolean entropyResolved, Estimate exponentSum, Estimate meanJacobianTrace,
                               TwoReplicaEstimate twoReplica, Cost cost) {

    /**
     * Seeds and the stream paths they produced.
     *
     * @param networkSeed   master seed of the couplings (stream {@code networkSeed/couplings/<row>})
     * @param seed          master seed of the initial condition, the orthonormal system and the replica
     * @param couplings     stream path of the couplings
     * @param initial       stream path of the initial condition
     * @param ons           stream path of the initial orthonormal system
     * @param replica       stream path of the replica's initial direction
     */
    public record Seeds(long networkSeed, long seed, String couplings, String initial, String ons, String replica) {
    }

    /**
     * The largest exponent from a replica x′ at distance d0 renormalized every t_renorm:
     * λ = Σ log(d/d0) / T (Benettin, Galgani &amp; Strelcyn, PRA 14:2338 (1976)).
     *
     * @param lambda            the estimate, with its 95% half-width (batch means over the same batches as the spectrum)
     * @param d0                the separation
     * @param renormInterval    t_renorm actually used
     * @param renormalizations  number of renormalizations accumulated
     */
    public record TwoReplicaEstimate(Estimate lambda, double d0, double renormInterval, long renormalizations) {
    }

    /**
     * What the measurement cost.
     *
     * @param wallSeconds             total wall time (transient included)
     * @param steps                   all steps (transient, warm-up, accumulation)
     * @param tangentSteps            steps with the tangent system (warm-up and accumulation)
     * @param orthonormalizations     QR re-orthonormalizations (warm-up included)
     * @param msPerTangentStep        mean wall time of a tangent step, ms (QR excluded)
     * @param msPerOrthonormalization mean wall time of a QR (factor, form Q, signs), ms
     * @param threads                 threads used
     * @param backend                 BLAS/LAPACK backend
     * @param choleskySecondPasses    re-orthonormalizations where Cholesky QR needed its second pass
     * @param householderFallbacks    re-orthonormalizations done by Householder QR because Q was too
     *                                ill-conditioned for Cholesky QR (the initial random system included)
     */
    public record Cost(double wallSeconds, long steps, long tangentSteps, long orthonormalizations, double msPerTangentStep,
                       double msPerOrthonormalization, int threads, String backend, long choleskySecondPasses,
                       long householderFallbacks) {
    }

    /** The level of every confidence interval of a spectrum. */
    public static final double CONFIDENCE_LEVEL = 0.95;

    public LyapunovSpectrum {
        exponents = exponents.clone();
        confidence = confidence.clone();
        convergenceTimes = convergenceTimes.clone();
        convergence = convergence.clone();
        if (confidence.length != exponents.length || convergence.length != convergenceTimes.length * exponents.length) {
            throw new IllegalArgumentException("inconsistent spectrum arrays");
        }
    }

    @Override public double[] exponents() { return exponents.clone(); }
    @Override public double[] confidence() { return confidence.clone(); }
    @Override public double[] convergenceTimes() { return convergenceTimes.clone(); }
    @Override public double[] convergence() { return convergence.clone(); }

    /** Number of exponents k. */
    public int k() {
        return exponents.length;
    }

    /** N. */
    public int n() {
        return network.size();
    }

    /** True when k = N. */
    public boolean isComplete() {
        return exponents.length == network.size();
    }

    /** λ_1. */
    public double lambdaMax() {
        return exponents[0];
    }

    /** 95% half-width of λ_1. */
    public double lambdaMaxCi() {
        return confidence[0];
    }

    /** λ_i with its 95% half-width ({@code exponents()[i]}, {@code confidence()[i]}). */
    public Estimate exponent(int i) {
        return Estimate.withInterval(exponents[i], confidence[i], CONFIDENCE_LEVEL, batches - 1);
    }

    /** D_KY/N. */
    public double kaplanYorkePerN() {
        return kaplanYorke.value() / network.size();
    }

    /** h_KS/N. */
    public double entropyRatePerN() {
        return entropyRate.value() / network.size();
    }

    /** The running estimate of exponent i at every convergence point. */
    public double[] convergenceOf(int i) {
        int k = exponents.length;
        double[] out = new double[convergenceTimes.length];
        for (int p = 0; p < out.length; p++) {
            out[p] = convergence[p * k + i];
        }
        return out;
    }
}
