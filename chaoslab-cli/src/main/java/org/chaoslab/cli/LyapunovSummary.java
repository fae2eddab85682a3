package org.chaoslab.cli;

import java.util.List;

import org.chaoslab.io.RunMetadata;

/**
 * summary.json of {@code chaoslab lyapunov}: results first, then everything needed to reproduce them.
 * Half-widths ({@code ...Ci}) are 95% confidence intervals from batch means (Student t) over one
 * trajectory of one realization (no disorder scatter).
 *
 * @param status                 "completed" or "diverged"
 * @param message                null, or what went wrong
 * @param lambdaMax              λ_1 by the QR method
 * @param lambdaMaxTwoReplica    λ_1 by two nearby trajectories along the same trajectory
 * @param lambdaMaxDmft          the N → ∞ mean-field value when known (null until the theory is connected)
 * @param kaplanYorke            D_KY; a lower bound when {@code kaplanYorkeResolved} is false (k too small)
 * @param entropyRate            h_KS = Σ positive λ_i (Pesin); a lower bound when {@code entropyResolved} is false
 * @param meanJacobianTrace      ⟨tr Df⟩ = ⟨Σ_i (−1 + J_ii φ′(x_i))⟩ of the flow; equals sumOfExponents for k = N (RK4, small dt)
 * @param sumOfExponents         Σ_{i≤k} λ_i
 * @param choleskySecondPasses   re-orthonormalizations where Cholesky QR needed its second pass
 * @param householderFallbacks   re-orthonormalizations done by Householder QR (Q too ill-conditioned for Cholesky QR)
 */
public record LyapunovSummary(String command, String status, String message,
                              Double lambdaMax, Double lambdaMaxCi, Double lambdaMaxTwoReplica, Double lambdaMaxTwoReplicaCi,
                              Double lambdaMaxDmft,
                              Double kaplanYorke, Double kaplanYorkeCi, Double kaplanYorkePerN, Boolean kaplanYorkeResolved,
                              Double entropyRate, Double entropyRateCi, Double entropyRatePerN, Boolean entropyResolved,
                              Double meanJacobianTrace, Double meanJacobianTraceCi, Double sumOfExponents, Double sumOfExponentsCi,
                              Integer k, Double accumulationTime, Integer batches, Double wallSeconds, Double msPerTangentStep,
                              Double msPerOrthonormalization, Long steps, Long choleskySecondPasses,
                              Long householderFallbacks, NetworkParameters network, LyapunovParameters run,
                              RunMetadata metadata, List<String> files) {

    /**
     * The run settings and seed streams.
     *
     * @param warmupState  transient of the state alone
     * @param warmupOns    warm-up of the orthonormal system (no accumulation)
     * @param tOns         re-orthonormalization interval actually used
     * @param tRenorm      replica renormalization interval actually used
     * @param d0           replica separation
     * @param tangentPrecision float64, or float32 for mixed-precision tangent products
     */
    public record LyapunovParameters(double dt, double t, double warmupState, double warmupOns, double tOns, int k,
                                     String integrator, long seed, long networkSeed, String couplingStreams,
                                     String initialStream, String onsStream, String replicaStream, double tRenorm, double d0,
                                     int batches, int threads, String tangentPrecision) {
    }
}
