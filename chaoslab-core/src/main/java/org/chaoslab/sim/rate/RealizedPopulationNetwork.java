package org.chaoslab.sim.rate;

import org.chaoslab.linalg.CouplingMatrix;
import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.model.Couplings;
import org.chaoslab.model.ExternalInput;
import org.chaoslab.model.PopulationNetwork;
import org.chaoslab.model.Precision;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.random.StreamSeeds;
import org.chaoslab.sim.PopulationCouplingSampler;
import org.chaoslab.sim.PopulationInDegrees;
import org.chaoslab.sim.SparsePopulationCouplingSampler;
import org.chaoslab.sim.UnitTransfers;

/**
 * One finite realization of a multi-population rate network (Kadmon &amp; Sompolinsky, PRX 5:041030, 2015):
 * dx_i/dt = −x_i + Σ_j J_ij φ_{k(j)}(x_j) + I_{k(i)}, with block-Gaussian couplings J_ij ~ N(J̄_kl/N, g_kl²/N) drawn by
 * {@link PopulationCouplingSampler} (row streams {@code seed/couplings/i}), units in population order. Its
 * {@link #realized()} part is what {@link RateSimulator} and {@link org.chaoslab.sim.lyapunov.LyapunovAnalyzer} run:
 * the couplings, the input I_k of every unit and φ_k of every unit ({@link UnitTransfers}).
 *
 * @param description the population network it realizes
 * @param realized    the couplings, inputs and transfer functions per unit; its {@code network()} is the one-φ
 *                    description the rate code reads N and the input from ({@link #carrier})
 */
public record RealizedPopulationNetwork(PopulationNetwork description, RealizedRateNetwork realized) {

    /** Draws the couplings of {@code net} from master seed {@code seed} with {@code threads} threads. */
    public static RealizedPopulationNetwork draw(PopulationNetwork net, long seed, int threads) {
        return draw(net, seed, threads, 0);
    }

    /**
     * Draws the couplings of {@code net}: dense ({@code inDegree} 0), or sparse with about {@code inDegree} presynaptic
     * units per unit, K_l = round(K·N_l/N) from population l ({@link SparsePopulationCouplingSampler}: the same block
     * statistics, float32 weights in compressed rows).
     */
    public static RealizedPopulationNetwork draw(PopulationNetwork net, long seed, int threads, int inDegree) {
        if (inDegree < 0) {
            throw new IllegalArgumentException("k-in must be >= 0 (0: dense; got " + inDegree + ")");
        }
        return draw(net, seed, threads, inDegree == 0 ? null : PopulationInDegrees.total(inDegree));
    }

    /**
     * Draws the couplings of {@code net}: dense ({@code inDegrees} null) or sparse with the in-degrees K_kl of
     * {@code inDegrees} ({@link SparsePopulationCouplingSampler}).
     */
    public static RealizedPopulationNetwork draw(PopulationNetwork net, long seed, int threads, PopulationInDegrees inDegrees) {
        CouplingMatrix j;
        try (ParallelRows pool = new ParallelRows(threads)) {
            j = inDegrees == null ? PopulationCouplingSampler.sample(net, StreamSeeds.of(seed), pool)
                    : SparsePopulationCouplingSampler.sample(net, inDegrees, StreamSeeds.of(seed), pool);
        }
        int n = net.size();
        int[] pop = PopulationCouplingSampler.populationOf(net);
        double[] inputs = net.inputs();
        double[] in = new double[n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            in[i] = inputs[pop[i]];
            any |= in[i] != 0.0;
        }
        RateNetwork carrier = carrier(net, any ? in : null);
        return new RealizedPopulationNetwork(net, new RealizedRateNetwork(carrier, j, any ? in : null, seed,
                UnitTransfers.of(net)));
    }

    /**
     * The one-φ {@link RateNetwork} that carries N and the per-unit input I_{k(i)} through the rate code. It cannot
     * describe the block couplings; its ensemble is the i.i.d. one with the same overall mean and variance of an entry,
     * J0 = Σ_kl α_k α_l J̄_kl and g² = Σ_kl α_k α_l g_kl², and its φ is population 1's. The run uses the realization's
     * own couplings and φ_k.
     */
    static RateNetwork carrier(PopulationNetwork net, double[] input) {
        double[] a = net.fractions();
        double[][] jbar = net.meanCouplings();
        double[][] g = net.gains();
        double j0 = 0;
        double g2 = 0;
        for (int k = 0; k < a.length; k++) {
            for (int l = 0; l < a.length; l++) {
                j0 += a[k] * a[l] * jbar[k][l];
                g2 += a[k] * a[l] * g[k][l] * g[k][l];
            }
        }
        return new RateNetwork(net.size(), new Couplings(Math.sqrt(g2), j0, 0.0, false, Precision.FLOAT64),
                net.transfers().get(0), input == null ? ExternalInput.NONE : new ExternalInput.PerUnit(input));
    }

    /** N. */
    public int size() {
        return description.size();
    }

    /** P. */
    public int populations() {
        return description.populations();
    }

    /** The population of every unit. */
    public int[] populationOf() {
        return PopulationCouplingSampler.populationOf(description);
    }

    /** The first unit of population k. */
    public int populationStart(int k) {
        int s = 0;
        for (int l = 0; l < k; l++) {
            s += description.populationSize(l);
        }
        return s;
    }

    /** One past the last unit of population k. */
    public int populationEnd(int k) {
        return populationStart(k) + description.populationSize(k);
    }
}
