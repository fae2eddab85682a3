package org.chaoslab.sim.kernel;

import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.chaoslab.linalg.CouplingMatrix;
import org.chaoslab.linalg.Float32Matrix;
import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.model.ResponseProtocol;
import org.chaoslab.model.StimulusNetwork;
import org.chaoslab.random.StreamSeeds;

/**
 * The matched rate network (Keup, Kühn, Dahmen &amp; Helias, PRX 11:021064 (2021)) driven by stimuli, with the
 * conventions of {@link org.chaoslab.sim.binary.MatchedRateSimulator}: the exponential Euler–Maruyama step
 * y ← e^{−δ} y + (1 − e^{−δ}) F(J y + x(θ) − b) + √(a (1 − e^{−2δ})) ζ, δ = dt/τ, F(h) = ½ erfc(−h/(√2σ))
 * (Θ(h) for σ = 0); exact for the noise (stationary output variance a). One gemm per step for all columns; the
 * noise of column (p, t) comes from stream {@code noise/p/t} (TRANSIENT: {@code noise/shared/t}, the same for every
 * stimulus, see {@link InitialStates}), so trials differ in their noise in both protocols.
 */
final class MatchedRateDynamics extends ColumnDynamics {

    private final CouplingMatrix couplings;
    private final double[] drive;     // P × N: x_i(p) − b
    private final double[] y;
    private final double[] field;
    private final ZigguratSampler.NormalizedGaussian[] noise;
    private final double decay;
    private final double kick;
    private final double sigma;
    private final double step;

    MatchedRateDynamics(CouplingMatrix couplings, StimulusNetwork net, double[] inputs, int stimuli, ResponseProtocol protocol,
                        StreamSeeds root, ParallelRows pool) {
        super(couplings.size(), stimuli, protocol.trials(), pool);
        this.couplings = couplings;
        this.drive = new double[inputs.length];
        for (int k = 0; k < inputs.length; k++) {
            drive[k] = inputs[k] - net.threshold();
        }
        this.step = net.dt() / net.tau();
        this.decay = Math.exp(-step);
        this.kick = Math.sqrt(net.outputNoiseVariance() * (1 - decay * decay));
        this.sigma = net.thresholdNoise();
        int len = columns * n;
        this.y = new double[len];
        this.field = new double[len];
        this.noise = new ZigguratSampler.NormalizedGaussian[columns];
        float[] init = new float[len];
        pool.run(columns, columnBlock(), (from, to) -> {
            for (int c = from; c < to; c++) {
                int p = c / trials;
                int t = c % trials;
                InitialStates.binary(InitialStates.initial(root, protocol, p, t), protocol.initialActivity(), n, init, c * n);
                noise[c] = InitialStates.dynamics(root, protocol, StreamSeeds.NOISE, p, t).gaussian();
                for (int i = c * n, end = i + n; i < end; i++) {
                    y[i] = init[i];
                }
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
        couplings.multiply(y, field, columns, pool);
        double a = decay;
        double b = 1 - decay;
        pool.run(columns, columnBlock(), (from, to) -> {
            for (int c = from; c < to; c++) {
                int off = c * n;
                int d = stimulusOf(c) * n;
                ZigguratSampler.NormalizedGaussian z = noise[c];
                for (int i = 0; i < n; i++) {
                    double h = field[off + i] + drive[d + i];
                    double zeta = kick > 0 ? z.sample() : 0.0;
                    y[off + i] = a * y[off + i] + b * gain(h) + kick * zeta;
                }
            }
        });
    }

    /** F(h) = H(−h/σ) = ½ erfc(−h/(√2σ)), Θ(h) for σ = 0. */
    private double gain(double h) {
        return sigma > 0 ? 0.5 * Erfc.value(-h / (sigma * Math.sqrt(2.0))) : (h > 0 ? 1.0 : 0.0);
    }

    @Override
    boolean finite() {
        return allFinite(y);
    }

    @Override
    public void copyResponses(float[] out) {
        pool.run(columns, columnBlock(), (from, to) -> {
            for (int k = from * n, end = to * n; k < end; k++) {
                out[k] = (float) y[k];
            }
        });
    }
}
