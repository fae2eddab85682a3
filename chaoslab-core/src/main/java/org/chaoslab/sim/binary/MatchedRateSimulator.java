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
     * Two replicas of the matched rate network with the same couplings and the same noise draws: replica a runs for
     * {@code transientTime}, replica b is a copy with y_j of one unit (stream {@code perturbation}) changed by
     * {@code perturbation}, then both run for {@code duration}; returns d(t) = (1/N) Σ_i (y_i^a − y_i^b)² sampled
     * every {@code sampleInterval} from t = 0, the counterpart of the binary network's one-flip replica distance.
     */
    public static double[] replicaDistance(MatchedRateNetwork model, double duration, double transientTime, double dt,
                                           double sampleInterval, double perturbation, long seed) {
        GlauberNetwork net = model.binary();
        int n = net.n();
        int stride = strideOf(dt, sampleInterval);
        StreamSeeds root = StreamSeeds.of(seed);
        double[] colMajor = GlauberSimulator.couplings(net, root);
        double[] a = initial(root, n);
        ZigguratSampler.NormalizedGaussian noise = root.child(StreamSeeds.NOISE).gaussian();
        double decay = Math.exp(-dt / net.tau());
        double kick = Math.sqrt(model.outputNoiseVariance() * (1 - decay * decay));
        double bias = net.input() - net.threshold();
        double[] h = new double[n];
        long transientSteps = Math.round(transientTime / dt);
        for (long step = 0; step < transientSteps; step++) {
            step(colMajor, a, h, bias, net.noise(), decay, kick, noise, null);
        }
        double[] b = a.clone();
        b[Math.min(n - 1, (int) (root.child("perturbation").provider().nextDouble() * n))] += perturbation;
        int samples = (int) Math.floor(duration / sampleInterval + 1e-9) + 1;
        double[] d = new double[samples];
        double[] draws = new double[n];
        d[0] = distance(a, b);
        for (int k = 1; k < samples; k++) {
            for (int s = 0; s < stride; s++) {
                step(colMajor, a, h, bias, net.noise(), decay, kick, noise, draws);
                replay(colMajor, b, h, bias, net.noise(), decay, kick, draws);
            }
            d[k] = distance(a, b);
        }
        return d;
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double x = a[i] - b[i];
            s += x * x;
        }
        return s / a.length;
    }

    private static int strideOf(double dt, double sampleInterval) {
        int stride = (int) Math.round(sampleInterval / dt);
        if (stride < 1 || Math.abs(stride * dt - sampleInterval) > 1e-9 * sampleInterval) {
            throw new IllegalArgumentException("dt must divide sampleInterval = " + sampleInterval + " (got " + dt + ")");
        }
        return stride;
    }

    private static double[] initial(StreamSeeds root, int n) {
        double[] y = new double[n];
        UniformRandomProvider init = root.child(StreamSeeds.INITIAL).child("replica").child(0).provider();
        for (int j = 0; j < n; j++) {
            y[j] = init.nextDouble() < 0.5 ? 1.0 : 0.0;
        }
        return y;
    }

    /** One exponential Euler step; the unit noise draws are taken from {@code noise} and stored in {@code draws} if given. */
    private static void step(double[] colMajor, double[] y, double[] h, double bias, double sigma, double decay, double kick,
                             ZigguratSampler.NormalizedGaussian noise, double[] draws) {
        field(colMajor, y, h, bias);
        for (int i = 0; i < y.length; i++) {
            double z = noise.sample();
            if (draws != null) {
                draws[i] = z;
            }
            y[i] = decay * y[i] + (1 - decay) * gain(h[i], sigma) + kick * z;
        }
    }

    /** One step with given noise draws. */
    private static void replay(double[] colMajor, double[] y, double[] h, double bias, double sigma, double decay, double kick,
                               double[] draws) {
        field(colMajor, y, h, bias);
        for (int i = 0; i < y.length; i++) {
            y[i] = decay * y[i] + (1 - decay) * gain(h[i], sigma) + kick * draws[i];
        }
    }

    private static void field(double[] colMajor, double[] y, double[] h, double bias) {
        int n = y.length;
        java.util.Arrays.fill(h, bias);
        for (int j = 0; j < n; j++) {
            double yj = y[j];
            int base = j * n;
            for (int i = 0; i < n; i++) {
                h[i] += colMajor[base + i] * yj;
            }
        }
    }

    /** F(h) = H(−h/σ) = ½ erfc(−h/(√2σ)), Θ(h) for σ = 0. */
    private static double gain(double h, double sigma) {
        return sigma > 0 ? 0.5 * Erfc.value(-h / (sigma * Math.sqrt(2.0))) : (h > 0 ? 1.0 : 0.0);
    }

    /**
     * Runs {@code transientTime + duration} with step {@code dt} (a divisor of {@code sampleInterval}), sampling y
     * every {@code sampleInterval} after the transient.
     */
    public static Recording run(MatchedRateNetwork model, double duration, double transientTime, double dt, double sampleInterval,
                                int acfLags, long seed) {
        GlauberNetwork net = model.binary();
        int n = net.n();
        int stride = strideOf(dt, sampleInterval);
        StreamSeeds root = StreamSeeds.of(seed);
        double[] colMajor = GlauberSimulator.couplings(net, root);
        double[] y = initial(root, n);
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
            step(colMajor, y, h, bias, sigma, decay, kick, noise, null);
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
