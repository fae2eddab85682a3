package org.chaoslab.sim;

import java.util.Arrays;
import java.util.Locale;
import java.util.StringJoiner;

import org.chaoslab.model.PopulationNetwork;

/**
 * The in-degrees of a sparse multi-population network (Kadmon &amp; Sompolinsky 2015's fixed in-degree blocks): every unit
 * of population k receives from exactly K_kl distinct units of population l. Either a total K shared out in proportion
 * to the population sizes (K_kl = max(1, round(K·N_l/N)) for every k: {@link #total}), or a K_kl given per block
 * ({@link #blocks}; rows = receiving population k, columns = sending population l). Resolved against a network by
 * {@link #resolve}, which checks that every block can be drawn.
 *
 * @param k      the total in-degree (the proportional form; checked against a network by {@link #resolve}), or 0 when
 *               {@code matrix} is given
 * @param matrix K_kl per block, or null for the proportional form
 */
public record PopulationInDegrees(int k, int[][] matrix) {

    public PopulationInDegrees {
        if (matrix != null) {
            int p = matrix.length;
            int[][] copy = new int[p][];
            for (int a = 0; a < p; a++) {
                if (matrix[a].length != p) {
                    throw new IllegalArgumentException("--k-matrix must be square, one row per receiving population (row "
                            + (a + 1) + " has " + matrix[a].length + " entries for " + p + " populations)");
                }
                for (int l = 0; l < p; l++) {
                    if (matrix[a][l] < 1) {
                        throw new IllegalArgumentException("--k-matrix entries must be >= 1 (got " + matrix[a][l] + " in row "
                                + (a + 1) + ", column " + (l + 1) + ")");
                    }
                }
                copy[a] = matrix[a].clone();
            }
            matrix = copy;
            k = 0;
        }
    }

    /** K units in all, shared out in proportion to the population sizes. */
    public static PopulationInDegrees total(int k) {
        return new PopulationInDegrees(k, null);
    }

    /** K_kl per block (rows receiving k, columns sending l). */
    public static PopulationInDegrees blocks(int[][] kkl) {
        if (kkl == null) {
            throw new IllegalArgumentException("--k-matrix must be given");
        }
        return new PopulationInDegrees(0, kkl);
    }

    /**
     * K_kl for {@code net}, checked: as many populations as the network, and K_kl ≤ N_l (N_k − 1 from the unit's own
     * population: no self-coupling).
     *
     * @throws IllegalArgumentException naming the block that cannot be drawn (one line)
     */
    public int[][] resolve(PopulationNetwork net) {
        int p = net.populations();
        int[][] kkl = new int[p][p];
        if (matrix == null) {
            if (k < 1) {
                throw new IllegalArgumentException("--k-in must be in [1, " + SparsePopulationCouplingSampler.maxInDegree(net)
                        + "] for these population sizes (K_l = round(K N_l/N) distinct units of population l other than the "
                        + "unit itself; got " + k + ")");
            }
            int[] kl = SparsePopulationCouplingSampler.inDegrees(net, k);
            for (int a = 0; a < p; a++) {
                kkl[a] = kl.clone();
            }
        } else {
            if (matrix.length != p) {
                throw new IllegalArgumentException("--k-matrix has " + matrix.length + " rows for " + p + " populations");
            }
            for (int a = 0; a < p; a++) {
                kkl[a] = matrix[a].clone();
            }
        }
        for (int a = 0; a < p; a++) {
            for (int l = 0; l < p; l++) {
                int available = net.populationSize(l) - (a == l ? 1 : 0);
                if (kkl[a][l] > available) {
                    throw new IllegalArgumentException(matrix == null
                            ? "--k-in must be in [1, " + SparsePopulationCouplingSampler.maxInDegree(net) + "] for these "
                            + "population sizes (K_l = round(K N_l/N) distinct units of population l other than the unit "
                            + "itself; got " + k + ", which asks population " + (l + 1) + " (" + net.populationSize(l)
                            + " units) for " + kkl[a][l] + ")"
                            : "--k-matrix entry (" + (a + 1) + ", " + (l + 1) + ") = " + kkl[a][l] + " exceeds the "
                            + available + " distinct units population " + (l + 1) + " can give"
                            + (a == l ? " (other than the unit itself)" : ""));
                }
            }
        }
        return kkl;
    }

    /** The stored entries per row: the largest total Σ_l K_kl over the receiving populations k. */
    public static int width(int[][] kkl) {
        return Arrays.stream(kkl).mapToInt(r -> Arrays.stream(r).sum()).max().orElse(0);
    }

    /** "K" for the proportional form, "K11,K12;K21,K22" for blocks (the {@code --k-matrix} syntax). */
    public String label() {
        if (matrix == null) {
            return Integer.toString(k);
        }
        StringJoiner rows = new StringJoiner(";");
        for (int[] r : matrix) {
            StringJoiner row = new StringJoiner(",");
            for (int v : r) {
                row.add(String.format(Locale.ROOT, "%d", v));
            }
            rows.add(row.toString());
        }
        return rows.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PopulationInDegrees other && k == other.k && Arrays.deepEquals(matrix, other.matrix);
    }

    @Override
    public int hashCode() {
        return 31 * k + Arrays.deepHashCode(matrix);
    }

    @Override
    public String toString() {
        return "PopulationInDegrees[" + label() + "]";
    }
}
