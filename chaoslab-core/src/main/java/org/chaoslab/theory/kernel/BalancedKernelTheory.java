package org.chaoslab.theory.kernel;

import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.model.BalancedNetwork;
import org.chaoslab.theory.balanced.BalancedStimulusKernel;
import org.chaoslab.theory.balanced.InputModel;

/**
 * The stimulus kernel of the balanced E/I binary network as a {@link StimulusKernel} of the whole network: the
 * N-weighted population values (N_E K_E + N_I K_I)/N of {@link BalancedStimulusKernel} (derivation in
 * docs/kernels.md, "Balanced E/I network with a stimulus"), which is what a kernel over all units of a simulation
 * estimates. Per population: m_k, K_k(0) = m_k (0/1 units), K_k(0⁺) = q_k and ν_k = m_k − q_k, the cross-trial
 * kernel C_k(o) self-consistent in C_E, C_I. The mean-field errors are O(1/√K) (the balanced theory is a large-K
 * theory), not O(1/N) as for the i.i.d.-coupling kernels. Immutable.
 */
public final class BalancedKernelTheory implements StimulusKernel {

    private final BalancedStimulusKernel populations;
    private final KernelStatistics statistics;

    /**
     * Solves the balanced mean field with the stimulus.
     *
     * @param net   the network
     * @param s     stimulus amplitude s ≥ 0 (variance s² per unit)
     * @param model the input model of the rates (DISCRETE: integer input counts, better at small K)
     * @throws org.chaoslab.theory.balanced.NoBalancedSolutionException when the mean field has no active solution
     */
    public BalancedKernelTheory(BalancedNetwork net, double s, InputModel model, GaussianExpectation engine) {
        this.populations = BalancedStimulusKernel.solve(net, s, model, engine);
        double m = populations.weighted(new double[] {populations.sameTrial(BalancedNetwork.E),
                populations.sameTrial(BalancedNetwork.I)});
        double nugget = populations.populationNugget();
        this.statistics = new KernelStatistics(m, m, m - nugget, nugget);
    }

    /** The per-population kernels (E and I). */
    public BalancedStimulusKernel populations() {
        return populations;
    }

    @Override
    public KernelStatistics statistics() {
        return statistics;
    }

    @Override
    public double kernel(double overlap) {
        return populations.populationKernel(overlap);
    }
}
