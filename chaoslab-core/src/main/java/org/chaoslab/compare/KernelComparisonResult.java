package org.chaoslab.compare;

import java.util.List;

import org.chaoslab.analysis.Estimate;
import org.chaoslab.model.Stimuli;
import org.chaoslab.model.StimulusNetwork;
import org.chaoslab.theory.kernel.KernelStatistics;

/**
 * Stimulus kernels, theory beside simulation ({@link KernelComparison}). Stationary protocol: {@code kernelTheory},
 * {@code kernelSimulation}, {@code sameTrial}, {@code meanResponse} and {@code nugget} are set and {@code transients}
 * is null ({@link #stationaryProtocol}); transient protocol: the other way round ({@link #transientProtocol}).
 *
 * @param network          the description simulated
 * @param stimuli          the circle of stimuli
 * @param settings         the runs
 * @param theory           m, K(0), K(0⁺), ν of the two-replica theory
 * @param distances        Δ_k = 2πk/P, k = 0 … P/2
 * @param kernelTheory     K(Δ_k) of the theory (k = 0: K(0⁺))
 * @param kernelSimulation the simulated cross-trial kernel at each Δ_k, mean ± SE over realizations
 * @param sameTrial        the simulated same-trial K(0)
 * @param meanResponse     the simulated mean response m
 * @param nugget           the simulated nugget K(0) − K_cross(0)
 * @param transients       per recorded time of the transient protocol: kernels and roughness
 * @param verdicts         one per compared quantity
 * @param realizations     realizations compared
 * @param diverged         realizations left out because they diverged
 * @param wallSeconds      wall time of simulations and theory
 */
public record KernelComparisonResult(StimulusNetwork network, Stimuli.Circle stimuli, KernelComparison.Settings settings,
                                     KernelStatistics theory, double[] distances, double[] kernelTheory, Estimate[] kernelSimulation,
                                     Estimate sameTrial, Estimate meanResponse, Estimate nugget, List<TimePoint> transients,
                                     List<Verdict> verdicts, int realizations, int diverged, double wallSeconds) {

    /**
     * The transient protocol at one recorded time.
     *
     * @param time            t, updates per unit after stimulus onset
     * @param kernelTheory    the theory's same-trial overlap K_t(Δ_k)
     * @param kernelSimulation the simulated K_t(Δ_k), mean ± SE over realizations
     * @param roughness       the simulated local exponent γ_t (fit over the stated lags), mean ± SE
     * @param roughnessTheory γ_t of the theory curve, fitted over the same Δ range
     * @param roughnessClosedForm 2^{1−t} for the synchronous binary map (NaN otherwise)
     */
    public record TimePoint(double time, double[] kernelTheory, Estimate[] kernelSimulation, Estimate roughness, double roughnessTheory,
                            double roughnessClosedForm) {
    }

    /** The result of the stationary protocol (no transients). */
    public static KernelComparisonResult stationaryProtocol(StimulusNetwork network, Stimuli.Circle stimuli,
                                                            KernelComparison.Settings settings, KernelStatistics theory,
                                                            double[] distances, double[] kernelTheory, Estimate[] kernelSimulation,
                                                            Estimate sameTrial, Estimate meanResponse, Estimate nugget,
                                                            List<Verdict> verdicts, int realizations, int diverged,
                                                            double wallSeconds) {
        return new KernelComparisonResult(network, stimuli, settings, theory, distances, kernelTheory, kernelSimulation, sameTrial,
                meanResponse, nugget, null, verdicts, realizations, diverged, wallSeconds);
    }

    /** The result of the transient protocol (no stationary kernels). */
    public static KernelComparisonResult transientProtocol(StimulusNetwork network, Stimuli.Circle stimuli,
                                                           KernelComparison.Settings settings, KernelStatistics theory,
                                                           double[] distances, List<TimePoint> transients, List<Verdict> verdicts,
                                                           int realizations, int diverged, double wallSeconds) {
        return new KernelComparisonResult(network, stimuli, settings, theory, distances, null, null, null, null, null, transients,
                verdicts, realizations, diverged, wallSeconds);
    }

    /** Whether every verdict agrees. */
    public boolean agrees() {
        return verdicts.stream().allMatch(Verdict::agrees);
    }

    /** Simulated means at each Δ_k (stationary). */
    public double[] simulatedKernel() {
        return java.util.Arrays.stream(kernelSimulation).mapToDouble(Estimate::value).toArray();
    }

    /** Standard errors at each Δ_k (stationary). */
    public double[] simulatedKernelError() {
        return java.util.Arrays.stream(kernelSimulation).mapToDouble(Estimate::standardError).toArray();
    }
}
