package org.chaoslab.sim.binary;

import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.chaoslab.analysis.UnitAutocorrelation;
import org.chaoslab.model.GlauberNetwork;
import org.chaoslab.model.MatchedRateNetwork;
import org.chaoslab.random.StreamSeeds;

/**
 * Simulates the {@link MatchedRateNetwork} by the exponential Euler–Maruyama step
 * y ← e^{−Δt/τ} y + (1 − e^{−Δt/τ}) F(h) + √(a (1 − e^{−2Δt/τ})) ζ, exact for the noise (the stationary output
 * variance is a for any Δt) and O(Δt) in the recurrent drive. The couplings are those of {@link GlauberSimulator}
 * for the same master seed (stream {@code couplings/i}), so binary and rate network share J; the initial rates are
 * the binary network's initial states (stream {@code initial/replica/0}); the noise comes from stream {@code noise}.
 * (The rate simulator of {@code sim.rate} adds noise to the input of x = J φ + …; here the noise is on the
 * output that the other units receive, which that form cannot express without correlating it across units.)
 */
public final class MatchedRateSimulator {

    /**
     * What a run recorded.
     *
     * @param time            sample times after the transient
     * @param rate            population mean of y at the sample times
     * @param autocorrelation unit-averaged uncentred autocorrelation of y at lags k·sampleInterval, k = 0..L
     * @param meanRate        mean of y over units and samples
     * @param steps           integration steps
     * @param wallSeconds     wall-clock time
     */
    public record Recording(double[] time, double[] rate, double[] autocorrelation, double meanRate, long steps, double wallSeconds) {
    }

    private MatchedRateSimulator() {
    }

    /**
     * Runs {@code transientTime + duration} with step {@code dt} (a divisor of {@code sampleInterval}), sampling y
     * every {@code sampleInterval} after the transient.
     */
    public static Recording run(MatchedRateNetwork model, double duration, double transientTime, double dt, double sampleInterval,
                                int acfLags, long seed) {
        GlauberNetwork net = model.binary();
        int n = net.n();
        int stride = (int) Math.round(sampleInterval / dt);
        if (stride < 1 || Math.abs(stride * dt - sampleInterval) > 1e-9 * sampleInterval) {
            throw new IllegalArgumentException("--rate-dt must divide the sample interval (got " + dt + ", " + sampleInterval + ")");
        }
        StreamSeeds root = StreamSeeds.of(seed);
        double[] colMajor = GlauberSimulator.couplings(net, root);
        double[] y = new double[n];
        UniformRandomProvider init = root.child(StreamSeeds.INITIAL).child("replica").child(0).provider();
        for (int j = 0; j < n; j++) {
            y[j] = init.nextDouble() < 0.5 ? 1.0 : 0.0;
        }
        ZigguratSampler.NormalizedGaussian noise = root.child(StreamSeeds.NOISE).gaussian();
        double decay = Math.exp(-dt / net.tau());
        double kick = Math.sqrt(model.outputNoiseVariance() * (1 - decay * decay));
        double bias = net.input() - net.threshold();
        double sigma = net.noise();
        long transientSteps = Math.round(transientTime / dt);
        int samples = Math.max(1, (int) Math.floor(duration / sampleInterval + 1e-9));
        double[] time = new double[samples];
        double[] rate = new double[samples];
        UnitAutocorrelation acf = new UnitAutocorrelation(n, Math.max(0, acfLags));
        double[] h = new double[n];
        long start = System.nanoTime();
        long steps = transientSteps + (long) samples * stride;
        int next = 0;
        for (long step = 0; step < steps; step++) {
            java.util.Arrays.fill(h, bias);
            for (int j = 0; j < n; j++) {
                double yj = y[j];
                int base = j * n;
                for (int i = 0; i < n; i++) {
                    h[i] += colMajor[base + i] * yj;
                }
            }
            for (int i = 0; i < n; i++) {
                double f = sigma > 0 ? 0.5 * Erfc.value(-h[i] / (sigma * Math.sqrt(2.0))) : (h[i] > 0 ? 1.0 : 0.0);
                y[i] = decay * y[i] + (1 - decay) * f + kick * noise.sample();
            }
            long after = step + 1 - transientSteps;
            if (after > 0 && after % stride == 0) {
                double s = 0;
                for (double v : y) {
                    s += v;
                }
                time[next] = (next + 1) * sampleInterval;
                rate[next++] = s / n;
                acf.add(y);
            }
        }
        return new Recording(time, rate, acfLags > 0 ? acf.correlation() : new double[0], acf.mean(), steps,
                (System.nanoTime() - start) * 1e-9);
    }
}
