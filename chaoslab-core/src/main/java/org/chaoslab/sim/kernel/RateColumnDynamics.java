package org.chaoslab.sim.kernel;

import org.chaoslab.linalg.CouplingMatrix;
import org.chaoslab.linalg.Float32Matrix;
import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.model.ResponseProtocol;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.random.StreamSeeds;

/**
 * Rate units driven by stimuli, all columns at once with one matrix–matrix product per step
 * ({@link CouplingMatrix#multiply}: one gemm per fixed row block):
 * the synchronous map x ← Jφ(x) + x(θ) + I (RATE_SYNC), or the exponential Euler step of
 * τ dx/dt = −x + Jφ(x) + x(θ) + I, x ← e^{−δ}x + (1 − e^{−δ})(Jφ(x) + x(θ) + I), δ = dt/τ (RATE; exact for the leak,
 * as in {@code sim.rate}). The response is φ(x).
 */
final class RateColumnDynamics extends ColumnDynamics {

    private final CouplingMatrix couplings;
    private final TransferFunction phi;
    private final double[] drive;    // P × N: x_i(p) + I
    private final double[] x;
    private final double[] rates;
    private final double[] product;
    private final double decay;      // e^{−δ}; NaN for the synchronous map
    private final double step;

    /**
     * @param dtOverTau δ = dt/τ of the flow, or NaN for the synchronous map
     */
    RateColumnDynamics(CouplingMatrix couplings, TransferFunction phi, double[] inputs, double input, double dtOverTau,
                       int stimuli, ResponseProtocol protocol, StreamSeeds root, ParallelRows pool) {
        super(couplings.size(), stimuli, protocol.trials(), pool);
        this.couplings = couplings;
        this.phi = phi;
        this.drive = new double[inputs.length];
        for (int k = 0; k < inputs.length; k++) {
            drive[k] = inputs[k] + input;
        }
        this.decay = Double.isNaN(dtOverTau) ? Double.NaN : Math.exp(-dtOverTau);
        this.step = Double.isNaN(dtOverTau) ? 1.0 : dtOverTau;
        int len = columns * n;
        this.x = new double[len];
        this.rates = new double[len];
        this.product = new double[len];
        pool.run(columns, columnBlock(), (from, to) -> {
            for (int c = from; c < to; c++) {
                InitialStates.gaussian(InitialStates.initial(root, protocol, c / trials, c % trials),
                        protocol.initialStd(), n, x, c * n);
            }
        });
    }

    @Override double tick() { return step; }

    @Override
    String kernelName() {
        return couplings instanceof Float32Matrix ? "sgemm" : "dgemm";
    }

    @Override
    void advance(double until) {
        pool.run(columns, columnBlock(), (from, to) -> applyPhi(x, rates, from * n, to * n));
        couplings.multiply(rates, product, columns, pool);
        boolean sync = Double.isNaN(decay);
        double a = decay;
        double b = 1.0 - decay;
        pool.run(columns, columnBlock(), (from, to) -> {
            for (int c = from; c < to; c++) {
                int off = c * n;
                int d = stimulusOf(c) * n;
                if (sync) {
                    // x_{t+1} = J φ(x_t) + x(θ) + I
                    for (int i = 0; i < n; i++) {
                        x[off + i] = product[off + i] + drive[d + i];
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        x[off + i] = a * x[off + i] + b * (product[off + i] + drive[d + i]);
                    }
                }
            }
        });
    }

    /** The state x itself (not a copy; for tests). */
    double[] state() {
        return x;
    }

    @Override
    boolean finite() {
        return allFinite(x);
    }

    /** φ element-wise with scalar {@link Math} functions (reproducible whether or not the loop is JIT-compiled). */
    private void applyPhi(double[] in, double[] out, int from, int to) {
        for (int k = from; k < to; k++) {
            out[k] = phi.phi(in[k]);
        }
    }

    @Override
    public void copyResponses(float[] out) {
        pool.run(columns, columnBlock(), (from, to) -> {
            for (int k = from * n, end = to * n; k < end; k++) {
                out[k] = (float) phi.phi(x[k]);
            }
        });
    }
}
