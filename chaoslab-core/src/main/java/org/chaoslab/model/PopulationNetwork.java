package org.chaoslab.model;

import java.util.Arrays;
import java.util.List;

/**
 * A rate network of P populations (Kadmon &amp; Sompolinsky, PRX 5:041030, 2015; the lecture notes' §3): population l
 * holds a fraction α_l of the N units; a unit i of population k receives from a unit j of population l the coupling
 * J_ij ~ N(J̄_kl/N, g_kl²/N), independently for every pair; unit i of population k has the constant input I_k and the
 * transfer function φ_k, and obeys dx_i/dt = −x_i + Σ_j J_ij φ(x_j) + I_k. Rows of the matrices are the receiving
 * population k, columns the sending population l. Immutable (arrays are copied in and out).
 *
 * @param size          N (the mean-field theory uses only the fractions)
 * @param fractions     α_l &gt; 0, summing to 1
 * @param meanCouplings J̄_kl (finite), P × P
 * @param gains         g_kl ≥ 0 (finite), P × P
 * @param inputs        I_k (finite)
 * @param transfers     φ_k, one per population
 * @param inDegrees     null for all-to-all couplings; else the fixed in-degrees K_kl of a sparse network (a unit of
 *                      population k receives from exactly K_kl distinct units of population l, 1 ≤ K_kl ≤ N_l, N_k − 1 for
 *                      l = k), with weights of the same block statistics (mean J̄_kl N_l/(N K_kl), variance
 *                      g_kl² N_l/(N K_kl)): the mean-field theory then adds the dilution of the mean part
 *                      ({@code theory.populations.PopulationMeanField#dilutionVariance})
 */
public record PopulationNetwork(int size, double[] fractions, double[][] meanCouplings, double[][] gains, double[] inputs,
                                List<TransferFunction> transfers, int[][] inDegrees) {

    /** All-to-all couplings. */
    public PopulationNetwork(int size, double[] fractions, double[][] meanCouplings, double[][] gains, double[] inputs,
                             List<TransferFunction> transfers) {
        this(size, fractions, meanCouplings, gains, inputs, transfers, null);
    }

    /** Checks the description; messages name the parameter and its allowed range. */
    public PopulationNetwork {
        int p = fractions.length;
        Validate.atLeast("populations", p, 1);
        Validate.atLeast("n", size, p);
        double sum = 0;
        fractions = fractions.clone();
        for (int l = 0; l < p; l++) {
            Validate.positive("fractions[" + l + "]", fractions[l]);
            sum += fractions[l];
        }
        if (Math.abs(sum - 1.0) > 1e-9) {
            throw new IllegalArgumentException("fractions must sum to 1 (got " + sum + ")");
        }
        meanCouplings = square("j-mean", meanCouplings, p, false);
        gains = square("g-matrix", gains, p, true);
        if (inputs.length != p) {
            throw new IllegalArgumentException("input must have one value per population (" + p + "; got " + inputs.length + ")");
        }
        inputs = inputs.clone();
        for (int k = 0; k < p; k++) {
            Validate.finite("input[" + k + "]", inputs[k]);
        }
        if (transfers.size() != p) {
            throw new IllegalArgumentException("phi must name one transfer function per population (" + p + "; got "
                    + transfers.size() + ")");
        }
        transfers = List.copyOf(transfers);
        if (inDegrees != null) {
            inDegrees = inDegrees(inDegrees, size, fractions);
        }
    }

    private static int[][] inDegrees(int[][] k, int size, double[] fractions) {
        int p = fractions.length;
        if (k.length != p) {
            throw new IllegalArgumentException("in-degrees must be " + p + " x " + p + " (one row per receiving population; got "
                    + k.length + " rows)");
        }
        int[][] copy = new int[p][];
        for (int a = 0; a < p; a++) {
            if (k[a].length != p) {
                throw new IllegalArgumentException("in-degrees must be " + p + " x " + p + " (row " + (a + 1) + " has "
                        + k[a].length + " values)");
            }
            copy[a] = k[a].clone();
            for (int l = 0; l < p; l++) {
                int available = populationSize(l, size, fractions) - (a == l ? 1 : 0);
                if (k[a][l] < 1 || k[a][l] > available) {
                    throw new IllegalArgumentException("in-degrees[" + (a + 1) + "," + (l + 1) + "] must be in [1, "
                            + available + "] (distinct units of population " + (l + 1) + "; got " + k[a][l] + ")");
                }
            }
        }
        return copy;
    }

    private static double[][] square(String name, double[][] m, int p, boolean nonNegative) {
        if (m.length != p) {
            throw new IllegalArgumentException(name + " must be " + p + " x " + p + " (one row per population; got " + m.length + " rows)");
        }
        double[][] copy = new double[p][];
        for (int k = 0; k < p; k++) {
            if (m[k].length != p) {
                throw new IllegalArgumentException(name + " must be " + p + " x " + p + " (row " + (k + 1) + " has " + m[k].length + " values)");
            }
            copy[k] = m[k].clone();
            for (int l = 0; l < p; l++) {
                if (nonNegative) {
                    Validate.finiteAtLeast(name + "[" + (k + 1) + "," + (l + 1) + "]", m[k][l], 0.0);
                } else {
                    Validate.finite(name + "[" + (k + 1) + "," + (l + 1) + "]", m[k][l]);
                }
            }
        }
        return copy;
    }

    /** The number of populations P. */
    public int populations() {
        return fractions.length;
    }

    /** The size of population k: its fraction of N, the remainder to the last population. */
    public int populationSize(int k) {
        return populationSize(k, size, fractions);
    }

    private static int populationSize(int k, int size, double[] fractions) {
        int assigned = 0;
        for (int l = 0; l < fractions.length - 1; l++) {
            int s = (int) Math.round(fractions[l] * size);
            if (l == k) {
                return s;
            }
            assigned += s;
        }
        return size - assigned;
    }

    /** The same network with every g_kl multiplied by {@code scale}. */
    public PopulationNetwork withGainScale(double scale) {
        double[][] g = new double[populations()][];
        for (int k = 0; k < g.length; k++) {
            g[k] = gains[k].clone();
            for (int l = 0; l < g.length; l++) {
                g[k][l] *= scale;
            }
        }
        return new PopulationNetwork(size, fractions, meanCouplings, g, inputs, transfers, inDegrees);
    }

    /** The same network with fixed in-degrees K_kl (sparse), or all-to-all for null. */
    public PopulationNetwork withInDegrees(int[][] kkl) {
        return new PopulationNetwork(size, fractions, meanCouplings, gains, inputs, transfers, kkl);
    }

    /** Whether the couplings are sparse (fixed in-degrees). */
    public boolean isSparse() {
        return inDegrees != null;
    }

    /** K_kl (a copy), or null for all-to-all couplings. */
    @Override
    public int[][] inDegrees() {
        return inDegrees == null ? null : Arrays.stream(inDegrees).map(int[]::clone).toArray(int[][]::new);
    }

    @Override
    public double[] fractions() {
        return fractions.clone();
    }

    @Override
    public double[] inputs() {
        return inputs.clone();
    }

    @Override
    public double[][] meanCouplings() {
        return Arrays.stream(meanCouplings).map(double[]::clone).toArray(double[][]::new);
    }

    @Override
    public double[][] gains() {
        return Arrays.stream(gains).map(double[]::clone).toArray(double[][]::new);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PopulationNetwork n && size == n.size && Arrays.equals(fractions, n.fractions)
                && Arrays.deepEquals(meanCouplings, n.meanCouplings) && Arrays.deepEquals(gains, n.gains)
                && Arrays.equals(inputs, n.inputs) && transfers.equals(n.transfers)
                && Arrays.deepEquals(inDegrees, n.inDegrees);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(new Object[] {size, fractions, meanCouplings, gains, inputs, transfers, inDegrees});
    }

    @Override
    public String toString() {
        return "PopulationNetwork[N=" + size + ", fractions=" + Arrays.toString(fractions) + ", jMean="
                + Arrays.deepToString(meanCouplings) + ", g=" + Arrays.deepToString(gains) + ", input="
                + Arrays.toString(inputs) + ", phi=" + transfers
                + (inDegrees == null ? "" : ", inDegrees=" + Arrays.deepToString(inDegrees)) + "]";
    }
}
