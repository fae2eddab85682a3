package org.chaoslab.theory.deep;

import java.util.Arrays;

import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.gauss.TransferIntegrands;
import org.chaoslab.model.DeepNetwork;
import org.chaoslab.model.DeepNetworkInputs;

/**
 * Mean-field theory (N → ∞) of a random deep network: the fixed-point summary (q*, c*, χ1, χ_c, ξ_q,
 * ξ_c, phase), the layer-by-layer maps for the probe inputs, and the propagation of a great circle.
 * Immutable and thread-safe; all Gaussian averages go through one {@link GaussianExpectation}.
 *
 * <pre>{@code
 * SignalPropagation s = new DeepMeanField().solve(DeepNetwork.of(1000, 40, new TransferFunctions.Tanh(), 2.0, 0.05));
 * s.phase();   // CHAOTIC: chi1 = 1.048 > 1
 * }</pre>
 */
public final class DeepMeanField {

    /** q0 used by {@link #solve(DeepNetwork)}: inputs with |x|²/N = 1. */
    public static final double DEFAULT_INPUT_LENGTH = 1.0;

    private final GaussianExpectation engine;

    /** Theory with the default engine ({@link GaussianExpectation#standard()}). */
    public DeepMeanField() {
        this(GaussianExpectation.standard());
    }

    /** Theory evaluated with {@code engine}. */
    public DeepMeanField(GaussianExpectation engine) {
        if (engine == null) {
            throw new IllegalArgumentException("Gaussian-expectation engine must be given");
        }
        this.engine = engine;
    }

    /** The engine in use. */
    public GaussianExpectation engine() {
        return engine;
    }

    /** The length map of a network. */
    public LengthMap lengthMap(DeepNetwork network) {
        return new LengthMap(network, engine);
    }

    /** The correlation map of a network. */
    public CorrelationMap correlationMap(DeepNetwork network) {
        return new CorrelationMap(network, engine);
    }

    /** The summary for inputs of squared length q0 = 1 per component. */
    public SignalPropagation solve(DeepNetwork network) {
        return solve(network, DEFAULT_INPUT_LENGTH);
    }

    /**
     * The fixed points, susceptibilities, depth scales and phase; the convergence depth counts layers
     * from q^1 = σ_w² q0 + σ_b².
     */
    public SignalPropagation solve(DeepNetwork network, double q0) {
        LengthMap lm = lengthMap(network);
        LengthFixedPoint fp = lm.fixedPointWithDepth(lm.first(q0));
        String name = network.transfer().name();
        double sw2 = network.weightVariance();
        double sb2 = network.biasVariance();
        double keep = network.keepProbability();
        if (!fp.exists()) {
            return new SignalPropagation(name, sw2, sb2, keep, false, Double.POSITIVE_INFINITY, -1, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, DeepPhase.UNBOUNDED,
                    "the length map has no fixed point: q^l grows without bound (ReLU needs sigma_w^2 < 2 rho, linear sigma_w^2 < rho)");
        }
        double qStar = fp.qStar();
        double chi1 = lm.chi1(qStar);
        CorrelationFixedPoint cfp = correlationMap(network).fixedPoint(qStar, chi1, Double.NaN);
        double chi2 = lm.chi2(qStar);
        boolean manifold = !network.hasDropout();
        // κ̃*² = 3χ2/(χ1(χ1−1)), the fixed point of κ̃² ← 3χ2/χ1² + κ̃²/χ1 (Poole et al. 2016, Eq. 9)
        double kappaStar = manifold && chi1 > 1.0 ? Math.sqrt(3.0 * chi2 / (chi1 * (chi1 - 1.0))) : Double.NaN;
        String note = null;
        if (network.hasDropout()) {
            note = "dropout (keep " + keep + "): c = 1 is no longer a fixed point, so c* < 1 and xi_c stays finite "
                    + "(no critical point); the phase label follows chi1";
        } else if (qStar == 0.0) {
            note = "q* = 0 (odd phi, sigma_b = 0, ordered): signals shrink to zero; c* = 1 by continuity";
        }
        return new SignalPropagation(name, sw2, sb2, keep, true, qStar, fp.convergenceDepth(), cfp.cStar(), chi1,
                cfp.chiC(), SignalPropagation.depthScale(fp.slope()), SignalPropagation.depthScale(cfp.chiC()), chi2,
                kappaStar, DeepPhase.ofChi1(chi1), note);
    }

    /** The maps iterated layer by layer for the probe pairs (depth L of the network). */
    public LayerTrajectory layers(DeepNetwork network, DeepNetworkInputs inputs) {
        LengthMap lm = lengthMap(network);
        CorrelationMap cm = correlationMap(network);
        int depth = network.depth();
        double[] q = new double[depth];
        double[] c = new double[depth];
        double[] jac = new double[depth];
        q[0] = lm.first(inputs.inputLength());
        c[0] = cm.first(inputs.inputLength(), inputs.inputCorrelation());
        jac[0] = network.weightVariance();
        for (int l = 1; l < depth; l++) {
            double qp = q[l - 1];
            if (!Double.isFinite(qp) || qp > Double.MAX_VALUE / 1e3) {
                Arrays.fill(q, l, depth, Double.NaN);
                Arrays.fill(c, l, depth, Double.NaN);
                Arrays.fill(jac, l, depth, Double.NaN);
                break;
            }
            q[l] = lm.next(qp);
            c[l] = cm.nextCovariance(qp, c[l - 1]) / q[l];
            jac[l] = lm.chi1(qp) / network.keepProbability();
        }
        return new LayerTrajectory(q, c, jac);
    }

    /**
     * The image of the great circle x(θ) = √(N q0c)(u0 cos θ + u1 sin θ). At layer 1 it is a circle of
     * radius √(N σ_w² q0c) around the bias vector: ν_1 = σ_w² q0c, K_1 = 1/(σ_w² q0c),
     * q^1 = σ_w² q0c + σ_b²; then ν_l = χ1 ν_{l−1} and K_l = 3σ_w²⟨φ″²⟩/χ1² + K_{l−1}/χ1 with χ1, ⟨φ″²⟩
     * at q^{l−1} (Poole et al. 2016, Eq. 9: at q = q* this is κ̃_l² = 3χ2/χ1² + κ̃²_{l−1}/χ1). Not
     * available with dropout (each point would get its own mask: the image is not a smooth curve).
     */
    public CircleTrajectory circle(DeepNetwork network, double q0c) {
        int depth = network.depth();
        double[] q = new double[depth];
        double[] le = new double[depth];
        double[] lg = new double[depth];
        double[] kappa = new double[depth];
        if (network.hasDropout()) {
            for (double[] a : new double[][] {q, le, lg, kappa}) {
                Arrays.fill(a, Double.NaN);
            }
            return new CircleTrajectory(q, le, lg, kappa, "no manifold prediction with dropout");
        }
        LengthMap lm = lengthMap(network);
        double n = network.width();
        double sw2 = network.weightVariance();
        double nu = sw2 * q0c;
        double k = 1.0 / (sw2 * q0c);
        q[0] = lm.first(q0c);
        for (int l = 0; l < depth; l++) {
            if (l > 0) {
                double qp = q[l - 1];
                if (!Double.isFinite(qp) || qp > Double.MAX_VALUE / 1e3) {
                    q[l] = Double.NaN;
                    nu = Double.NaN;
                    k = Double.NaN;
                } else {
                    double chi = lm.chi1(qp);
                    // Poole et al. 2016, Eq. 9 per unit: ν ← χ1 ν, Nκ² ← 3σ_w²⟨φ″²⟩/χ1² + Nκ²/χ1
                    nu *= chi;
                    k = 3.0 * lm.curvatureSource(qp) / (chi * chi) + k / chi;
                    q[l] = lm.next(qp);
                }
            }
            le[l] = 2.0 * Math.PI * Math.sqrt(n * nu);
            lg[l] = 2.0 * Math.PI * Math.sqrt(k * nu);
            kappa[l] = Math.sqrt(k * q[l]);
        }
        String note = TransferIntegrands.kinks(network.transfer()).length > 0
                ? "phi has kinks: phi'' contains a delta function, so the curvature is infinite beyond layer 1" : null;
        return new CircleTrajectory(q, le, lg, kappa, note);
    }
}
