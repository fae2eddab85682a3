package org.chaoslab.compare;

import org.chaoslab.analysis.RunningStatistics;
import org.chaoslab.model.DeepNetwork;
import org.chaoslab.model.DeepNetworkInputs;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.deep.DeepRecording;
import org.chaoslab.sim.deep.DeepSimulation;
import org.chaoslab.sim.deep.DeepSimulator;
import org.chaoslab.sim.deep.LayerSeries;
import org.chaoslab.theory.deep.CircleTrajectory;
import org.chaoslab.theory.deep.DeepMeanField;
import org.chaoslab.theory.deep.LayerTrajectory;
import org.chaoslab.theory.deep.SignalPropagation;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * Random deep networks, theory beside simulation: R finite-width realizations against the
 * mean-field maps, layer by layer for q^l, c^l and the Jacobian, and for the propagated circle its
 * length, curvature and length growth per layer (√χ1 at the fixed point, Poole et al. 2016, Eq. 7).
 * Error bars are standard errors over realizations, which hold all finite-width fluctuations.
 */
public final class DeepComparison {

    /** Largest turning angle per polygon vertex (radians) for a layer to count as resolved: length error ~α²/24 ≤ 4·10⁻⁴. */
    public static final double MAX_TURNING = 0.1;

    private DeepComparison() {
    }

    /**
     * The inputs with the circle placed so that its first layer sits at the fixed point, q^1 = q*:
     * q0c = (q* − σ_b²)/σ_w² (Poole et al. 2016 start the circle at q*). Unchanged without a circle,
     * without a fixed point, or when q* ≤ σ_b².
     */
    public static DeepNetworkInputs circleAtFixedPoint(DeepNetwork network, DeepNetworkInputs inputs, DeepMeanField theory) {
        if (!inputs.hasCircle()) {
            return inputs;
        }
        SignalPropagation s = theory.solve(network, inputs.inputLength());
        double q0c = (s.qStar() - network.biasVariance()) / network.weightVariance();
        return s.qStarExists() && q0c > 0 && Double.isFinite(q0c) ? inputs.withCircle(inputs.circlePoints(), q0c) : inputs;
    }

    /**
     * How many standard errors a mean over R realizations may lie from the theory before it is significant:
     * the Student-t quantile with R − 1 degrees of freedom (the standard error is itself estimated from R
     * values), Bonferroni-corrected for m comparisons so that all of them together raise a false alarm with
     * probability ≤ α: t with P(|T_{R−1}| &gt; t) = α/m.
     *
     * @param realizations R ≥ 2
     * @param comparisons  m ≥ 1
     * @param alpha        family-wise false-alarm probability in (0, 1)
     */
    public static double significanceThreshold(int realizations, int comparisons, double alpha) {
        if (realizations < 2 || comparisons < 1 || !(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("need realizations >= 2, comparisons >= 1, 0 < alpha < 1");
        }
        return new TDistribution(realizations - 1).inverseCumulativeProbability(1.0 - alpha / (2.0 * comparisons));
    }

    /** Simulates, solves and lays both side by side. */
    public static DeepComparisonResult run(DeepNetwork network, DeepNetworkInputs inputs, DeepSimulation settings,
                                           DeepMeanField theory, ProgressListener progress) {
        DeepRecording rec = DeepSimulator.run(network, inputs, settings, progress);
        return compare(network, inputs, rec, theory);
    }

    /** Lays an existing recording beside the theory of the same network and inputs. */
    public static DeepComparisonResult compare(DeepNetwork network, DeepNetworkInputs inputs, DeepRecording rec,
                                               DeepMeanField theory) {
        SignalPropagation summary = theory.solve(network, inputs.inputLength());
        LayerTrajectory layers = theory.layers(network, inputs);
        CircleTrajectory circle = theory.circle(network, inputs.circleLength());
        DeepLayerDeviations q = DeepLayerDeviations.of(layers.q(), rec.q());
        DeepLayerDeviations c = DeepLayerDeviations.of(layers.c(), rec.c());
        DeepLayerDeviations jac = DeepLayerDeviations.of(layers.jacobian(), rec.jacobian());
        DeepLayerDeviations len = DeepLayerDeviations.of(circle.lengthEuclidean(), rec.circleLength());
        DeepLayerDeviations curv = DeepLayerDeviations.of(circle.curvature(), rec.curvature());
        int resolved = inputs.hasCircle() ? resolvedLayers(rec.maxTurning(), rec.circleLength()) : 0;
        if (resolved < 3 || network.hasDropout()) {
            return DeepComparisonResult.withoutLengthGrowth(inputs, summary, layers, circle, rec, q, c, jac, len, curv, resolved);
        }
        return new DeepComparisonResult(inputs, summary, layers, circle, rec, q, c, jac, len, curv, resolved,
                growth(circle.lengthEuclidean(), rec.circleLength(), resolved));
    }

    /** The number of leading layers in which every realization's polygon turns by at most {@link #MAX_TURNING}. */
    static int resolvedLayers(LayerSeries maxTurning, LayerSeries length) {
        int l = 0;
        while (l < maxTurning.depth()) {
            for (int r = 0; r < maxTurning.realizations(); r++) {
                double a = maxTurning.get(r, l + 1);
                if (!(a <= MAX_TURNING) || !Double.isFinite(length.get(r, l + 1))) {
                    return l;
                }
            }
            l++;
        }
        return l;
    }

    /** exp(slope of ln L vs l) over layers 1 … last, theory and per realization. */
    static Deviation growth(double[] theory, LayerSeries sim, int last) {
        double[] y = new double[last];
        for (int l = 0; l < last; l++) {
            y[l] = Math.log(theory[l]);
        }
        double th = Math.exp(slope(y));
        RunningStatistics s = new RunningStatistics();
        for (int r = 0; r < sim.realizations(); r++) {
            for (int l = 0; l < last; l++) {
                y[l] = Math.log(sim.get(r, l + 1));
            }
            s.add(Math.exp(slope(y)));
        }
        return Deviation.of(th, s.mean(), s.standardError());
    }

    /** Least-squares slope of y against its index. */
    private static double slope(double[] y) {
        int n = y.length;
        double xm = (n - 1) / 2.0;
        double ym = 0;
        for (double v : y) {
            ym += v / n;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (i - xm) * (y[i] - ym);
            sxx += (i - xm) * (i - xm);
        }
        return sxy / sxx;
    }
}
