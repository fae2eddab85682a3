package org.chaoslab.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.chaoslab.model.PopulationNetwork;
import org.chaoslab.model.TransferFunction;

/**
 * The transfer function of every unit of a realized network, as contiguous blocks of units sharing one φ: a single
 * block for the one-population (SCS) network, one block per population for a {@link PopulationNetwork} (units in
 * population order, as {@link PopulationCouplingSampler#populationOf} numbers them; Kadmon &amp; Sompolinsky, PRX
 * 5:041030, 2015: unit i of population k has φ_k). Adjacent blocks with equal φ are merged, so a population network
 * whose populations share φ is {@link #isUniform() uniform} and runs the simulators' one-φ code path.
 *
 * <p>States handed to the element-wise methods are replica-major (column-major N × M: element k is unit k mod N).
 * Immutable.
 */
public final class UnitTransfers {

    private final int units;
    /** Block b covers units [starts[b], starts[b + 1]); starts[0] = 0, starts[blocks] = units. */
    private final int[] starts;
    private final TransferFunction[] transfers;

    private UnitTransfers(int units, int[] starts, TransferFunction[] transfers) {
        this.units = units;
        this.starts = starts;
        this.transfers = transfers;
    }

    /** Every one of {@code units} units with φ. */
    public static UnitTransfers uniform(TransferFunction phi, int units) {
        if (phi == null) {
            throw new IllegalArgumentException("phi must be given");
        }
        if (units < 1) {
            throw new IllegalArgumentException("units must be >= 1 (got " + units + ")");
        }
        return new UnitTransfers(units, new int[] {0, units}, new TransferFunction[] {phi});
    }

    /**
     * Consecutive blocks of {@code sizes[b]} units with φ_b (empty blocks are skipped, equal neighbours merged).
     */
    public static UnitTransfers blocks(int[] sizes, List<TransferFunction> phis) {
        if (sizes.length != phis.size() || sizes.length == 0) {
            throw new IllegalArgumentException("one transfer function per block (" + sizes.length + " blocks, " + phis.size()
                    + " transfer functions)");
        }
        List<Integer> s = new ArrayList<>();
        List<TransferFunction> f = new ArrayList<>();
        int at = 0;
        for (int b = 0; b < sizes.length; b++) {
            if (sizes[b] < 0 || phis.get(b) == null) {
                throw new IllegalArgumentException("block " + b + ": size must be >= 0 and phi given (got " + sizes[b] + ")");
            }
            if (sizes[b] == 0) {
                continue;
            }
            if (f.isEmpty() || !f.getLast().equals(phis.get(b))) {
                s.add(at);
                f.add(phis.get(b));
            }
            at += sizes[b];
        }
        if (at < 1) {
            throw new IllegalArgumentException("units must be >= 1 (got " + at + ")");
        }
        int[] starts = new int[s.size() + 1];
        for (int b = 0; b < s.size(); b++) {
            starts[b] = s.get(b);
        }
        starts[s.size()] = at;
        return new UnitTransfers(at, starts, f.toArray(TransferFunction[]::new));
    }

    /** φ_k for the units of population k of {@code net} ({@link PopulationNetwork#populationSize}). */
    public static UnitTransfers of(PopulationNetwork net) {
        int[] sizes = new int[net.populations()];
        for (int k = 0; k < sizes.length; k++) {
            sizes[k] = net.populationSize(k);
        }
        return blocks(sizes, net.transfers());
    }

    /** N. */
    public int units() {
        return units;
    }

    /** True when every unit has the same φ. */
    public boolean isUniform() {
        return transfers.length == 1;
    }

    /** The φ of every unit of a uniform network. */
    public TransferFunction common() {
        if (!isUniform()) {
            throw new IllegalStateException("the units have " + transfers.length + " different transfer functions");
        }
        return transfers[0];
    }

    /** The number of blocks (distinct neighbouring φ). */
    public int blockCount() {
        return transfers.length;
    }

    /** The first unit of block b. */
    public int blockStart(int b) {
        return starts[b];
    }

    /** One past the last unit of block b. */
    public int blockEnd(int b) {
        return starts[b + 1];
    }

    /** The φ of block b. */
    public TransferFunction blockTransfer(int b) {
        return transfers[b];
    }

    /** The φ of unit i (0 ≤ i &lt; N). */
    public TransferFunction of(int unit) {
        return transfers[block(unit)];
    }

    /** The block holding unit i. */
    public int block(int unit) {
        if (transfers.length == 1) {
            return 0;
        }
        int b = Arrays.binarySearch(starts, unit);
        return b >= 0 ? b : -b - 2;
    }

    /**
     * {@code out[k] = φ_{unit(k)}(in[k])} for every element k of the replica-major states {@code in} (unit k mod N)
     * by the functions' scalar code; the simulators' step uses their vector kernels, with the same values.
     */
    public void applyScalar(double[] in, double[] out, int length) {
        if (transfers.length == 1) {
            TransferFunction phi = transfers[0];
            for (int k = 0; k < length; k++) {
                out[k] = phi.phi(in[k]);
            }
            return;
        }
        forSegments(0, length, (phi, from, to) -> {
            for (int k = from; k < to; k++) {
                out[k] = phi.phi(in[k]);
            }
        });
    }

    /** A run of elements [from, to) of one block: all with the φ given. */
    @FunctionalInterface
    public interface Segment {
        void accept(TransferFunction phi, int from, int to);
    }

    /**
     * Splits the elements [from, to) of a replica-major state into runs of one block each, in order, and hands each to
     * {@code segment} with its φ.
     */
    public void forSegments(int from, int to, Segment segment) {
        int p = from;
        while (p < to) {
            int unit = p % units;
            int b = block(unit);
            int end = Math.min(to, p - unit + starts[b + 1]);
            segment.accept(transfers[b], p, end);
            p = end;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnitTransfers u && units == u.units && Arrays.equals(starts, u.starts)
                && Arrays.equals(transfers, u.transfers);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(starts) + Arrays.hashCode(transfers);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("UnitTransfers[");
        for (int k = 0; k < transfers.length; k++) {
            b.append(k == 0 ? "" : ", ").append(starts[k]).append("..").append(starts[k + 1] - 1).append(": ")
                    .append(transfers[k].name());
        }
        return b.append(']').toString();
    }
}
