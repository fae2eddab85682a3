package org.chaoslab.sim.kernel;

import org.chaoslab.linalg.Blas;
import org.chaoslab.linalg.CouplingMatrix;
import org.chaoslab.linalg.Float32Matrix;
import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.model.ResponseProtocol;
import org.chaoslab.random.StreamSeeds;

/**
 * The synchronous binary map n_{t+1} = Θ(J n_t + x(θ) − b), Θ(0) = 0, over all columns at once (notes §5). The fields
 * come from one float32 sgemm per fixed row block, from column sums of J over the active units, or (float64
 * couplings) from the double gemm of {@link CouplingMatrix#multiply}.
 */
final class BinarySyncDynamics extends ColumnDynamics {

    private final CouplingMatrix couplings;
    private final BinaryFieldKernel kernel;
    private final float[] jTiles;        // J by row tiles (ColumnSumKernel.tiles), COLUMN_SUM only
    private final double[] bias;         // P × N: x_i(p) − b
    private final float[] state;         // N × C, 0/1
    private final float[] field;         // N × C (float32 kinds)
    private final int[] active;          // COLUMN_SUM: the active units of column c at [c·N, c·N + count[c])
    private final int[] count;
    private final double[] state64;      // float64 couplings: the state and fields in double
    private final double[] field64;

    BinarySyncDynamics(CouplingMatrix couplings, BinaryFieldKernel kernel, double[] inputs, double threshold,
                       int stimuli, ResponseProtocol protocol, StreamSeeds root, ParallelRows pool) {
        super(couplings.size(), stimuli, protocol.trials(), pool);
        boolean f32 = couplings instanceof Float32Matrix;
        this.kernel = f32 ? kernel : null;
        boolean sums = this.kernel == BinaryFieldKernel.COLUMN_SUM;
        this.couplings = sums ? null : couplings;     // the column sums keep only their tiled copy
        this.bias = new double[inputs.length];
        for (int k = 0; k < inputs.length; k++) {
            bias[k] = inputs[k] - threshold;
        }
        int len = columns * n;
        this.state = new float[len];
        this.field = f32 ? new float[len] : null;
        this.jTiles = sums ? ColumnSumKernel.tiles(((Float32Matrix) couplings).backing(),
                ((Float32Matrix) couplings).offset(), n) : null;
        this.active = sums ? new int[len] : null;
        this.count = sums ? new int[columns] : null;
        this.state64 = f32 ? null : new double[len];
        this.field64 = f32 ? null : new double[len];
        pool.run(columns, columnBlock(), (from, to) -> {
            for (int c = from; c < to; c++) {
                InitialStates.binary(InitialStates.initial(root, protocol, c / trials, c % trials),
                        protocol.initialActivity(), n, state, c * n);
                if (sums) {
                    listActive(c);
                }
            }
        });
    }

    @Override double tick() { return 1.0; }

    @Override
    String kernelName() {
        return kernel == null ? "dgemm" : kernel.label();
    }

    @Override
    void advance(double until) {
        fields();
        pool.run(columns, columnBlock(), (from, to) -> {
            for (int c = from; c < to; c++) {
                int off = c * n;
                int b = stimulusOf(c) * n;
                if (field != null) {
                    for (int i = 0; i < n; i++) {
                        state[off + i] = field[off + i] + bias[b + i] > 0 ? 1f : 0f;
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        state[off + i] = field64[off + i] + bias[b + i] > 0 ? 1f : 0f;
                    }
                }
                if (active != null) {
                    listActive(c);
                }
            }
        });
    }

    /** h = J n for every column. */
    private void fields() {
        if (kernel == BinaryFieldKernel.COLUMN_SUM) {
            int tile = ColumnSumKernel.tileRows();
            int block = tile * Math.max(1, ((n + tile - 1) / tile + 15) / 16);
            pool.run(n, block, (from, to) -> ColumnSumKernel.fields(jTiles, n, active, count, columns, field, from, to));
        } else if (kernel == BinaryFieldKernel.SGEMM) {
            float[] j = ((Float32Matrix) couplings).backing();
            int start = ((Float32Matrix) couplings).offset();
            var blas = Blas.blas();
            int cols = columns;
            // column-major view: j is Jᵀ (lda N); rows [a, b) of J = columns [a, b) of Jᵀ
            pool.run(n, CouplingMatrix.gemmBlockRows(n), (from, to) -> blas.sgemm("T", "N", to - from, cols, n,
                    1.0f, j, start + from * n, n, state, 0, n, 0.0f, field, from, n));
        } else {
            for (int k = 0; k < state.length; k++) {
                state64[k] = state[k];
            }
            couplings.multiply(state64, field64, columns, pool);
        }
    }

    /** h = J n of the current state, as doubles (for tests against a naive product). */
    double[] currentFields() {
        fields();
        double[] h = new double[state.length];
        for (int k = 0; k < h.length; k++) {
            h[k] = field != null ? field[k] : field64[k];
        }
        return h;
    }

    private void listActive(int c) {
        int off = c * n;
        int m = 0;
        for (int j = 0; j < n; j++) {
            if (state[off + j] != 0f) {
                active[off + m++] = j;
            }
        }
        count[c] = m;
    }

    @Override
    public void copyResponses(float[] out) {
        System.arraycopy(state, 0, out, 0, state.length);
    }
}
