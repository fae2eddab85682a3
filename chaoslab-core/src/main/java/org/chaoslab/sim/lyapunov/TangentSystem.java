package org.chaoslab.sim.lyapunov;

import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.linalg.RowTask;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.NoiseSource;

/**
 * The state of dx/dt = −x + Jφ(x) + I together with a nearby replica x′ and k tangent vectors Q,
 * advanced by one integration scheme with the tangent vectors propagated by the exact Jacobian of
 * that scheme's step map (so the tangent dynamics are consistent with the discrete trajectory):
 * <ul>
 *   <li>Euler (also the map x ← (1−δ)x + δ(Jφ(x) + I)): Q ← [(1−δ)I + δ J diag φ′(x)] Q;</li>
 *   <li>exponential Euler: Q ← [e^{−δ}I + (1−e^{−δ}) J diag φ′(x)] Q;</li>
 *   <li>RK4: the variational equation dQ/dt = (−1 + J diag φ′(x)) Q integrated with the same four
 *       stages, Q stages evaluated at the stage states — which is exactly the derivative of the RK4
 *       step map.</li>
 * </ul>
 *
 * <p>Storage: one column-major N×(2+k) block per buffer, column 0 = x, column 1 = x′, columns 2.. = Q
 * (the simulator's replica-major layout). Each step or stage is one product J·[φ(x), φ(x′), φ′(x)∘Q]
 * (one tiled dgemm, {@link TiledProduct}); no allocation per step. The element-wise passes over Q run
 * in parallel over fixed column blocks (element-wise, so the split does not affect results).
 *
 * <p>Mixed precision (when a float32 copy of J is given): the tangent part of the product, J·(φ′∘Q),
 * is computed by sgemm on float32 operands — the element-wise pass that forms φ′∘Q writes it rounded to
 * float32, and the result is accumulated into the float64 Q on the way out — while x, x′, every element-wise update and
 * the QR stay float64. Rounding errors of relative size ~1e-7·√N per product enter each tangent
 * column like a tiny perturbation of its direction, which the re-orthonormalization does not amplify.
 *
 * <p>Used from one thread; the pool provides the workers.
 */
final class TangentSystem {

    final int n;
    final int k;
    final int cols;
    private final double[] j;
    private final double[] diag;
    private final TransferFunction phi;
    private final double[] input;
    private final IntegratorKind kind;
    private final double dt;
    private final ParallelRows pool;

    /** x | x′ | Q, column-major with leading dimension N. */
    final double[] s;
    private final double[] b;
    private final double[] y;
    private final double[] tmp;
    private final double[] acc;
    private final double[] d;

    private final TiledProduct full;
    private final TiledProduct stateOnly;
    // mixed precision (null in float64 mode): x and x′ by dgemm, the tangent columns by sgemm
    private final TiledProduct statePair;
    private final TiledProduct tangent32;
    private final float[] bf;
    private final float[] yf;
    private final RowTask fromFloat;
    private double outAlpha;
    private double outBeta;
    private double[] out;
    private final CholeskyQr cholesky;
    private final HouseholderQr householder;
    private boolean householderOnly;
    private long householderFallbacks;
    private final int colsPerBlock;
    private final RowTask tangentPass;

    // pass in progress
    private int stage;
    private double[] src;

    private NoiseSource noise;
    private double[] kick;

    private boolean tracing;
    private double traceSum;
    private long traceCount;

    TangentSystem(double[] j, int n, int k, TransferFunction phi, double[] input, IntegratorKind kind, double dt,
                  ParallelRows pool) {
        this(j, null, n, k, phi, input, kind, dt, pool);
    }

    /**
     * @param j32 the couplings in float32 for mixed-precision tangent products, or null for float64
     */
    TangentSystem(double[] j, float[] j32, int n, int k, TransferFunction phi, double[] input, IntegratorKind kind,
                  double dt, ParallelRows pool) {
        if (j.length != (long) n * n) {
            throw new IllegalArgumentException("coupling matrix must have n*n entries");
        }
        this.n = n;
        this.k = k;
        this.cols = 2 + k;
        this.j = j;
        this.diag = new double[n];
        for (int i = 0; i < n; i++) {
            diag[i] = j[i * n + i];
        }
        this.phi = phi;
        this.input = input;
        this.kind = kind;
        this.dt = dt;
        this.pool = pool;
        int len = n * cols;
        this.s = new double[HouseholderQr.paddedLength(n, k, 2 * n)]; // N·(2+k) + padding for netlib's LAPACK checks
        this.b = new double[len];
        boolean rk4 = kind == IntegratorKind.RK4;
        this.y = rk4 ? new double[len] : null;
        this.tmp = rk4 ? new double[len] : null;
        this.acc = rk4 ? new double[len] : null;
        this.d = new double[n];
        this.full = j32 == null ? new TiledProduct(j, n, cols) : null;
        this.stateOnly = new TiledProduct(j, n, 1);
        if (j32 != null && j32.length != (long) n * n) {
            throw new IllegalArgumentException("float32 coupling matrix must have n*n entries");
        }
        this.statePair = j32 == null ? null : new TiledProduct(j, n, 2);
        this.tangent32 = j32 == null ? null : new TiledProduct(j32, n, k);
        this.bf = j32 == null ? null : new float[n * k];
        this.yf = j32 == null ? null : new float[n * k];
        this.fromFloat = (from, to) -> {
            double al = outAlpha;
            double be = outBeta;
            double[] o = out;
            for (int c = from; c < to; c++) {
                int dst = (2 + c) * n;
                int src = c * n;
                if (be == 0.0) {
                    for (int i = 0; i < n; i++) {
                        o[dst + i] = al * yf[src + i];
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        o[dst + i] = al * yf[src + i] + be * o[dst + i];
                    }
                }
            }
        };
        this.cholesky = new CholeskyQr(n, k);
        this.householder = new HouseholderQr(n, k);
        this.colsPerBlock = Math.max(1, 32768 / n);
        this.tangentPass = (from, to) -> {
            for (int c = from; c < to; c++) {
                tangentColumn(2 + c);
            }
        };
    }

    /**
     * Drives x and x′ with the same additive noise increments after every step (null: none). The
     * tangent dynamics are unchanged (additive noise does not enter the Jacobian); the exponents are
     * then those of the random dynamical system for one noise realization, as in the DMFT with noise.
     */
    void noise(NoiseSource source) {
        noise = source;
        kick = source == null ? null : new double[n];
    }

    /** Starts or stops accumulating the Jacobian trace at the start of every full step. */
    void tracing(boolean on) {
        tracing = on;
    }

    /** Σ over traced steps of tr Df(x) = Σ_i (−1 + J_ii φ′(x_i)), and their count. */
    double traceSum() {
        return traceSum;
    }

    long traceCount() {
        return traceCount;
    }

    /** Forgets the accumulated trace. */
    void resetTrace() {
        traceSum = 0.0;
        traceCount = 0;
    }

    /**
     * One step. {@code full}: x, x′ and Q; otherwise x alone (the transient; x′ and Q untouched).
     */
    void step(boolean full) {
        int act = full ? cols : 1;
        advance(full, act);
        if (noise != null) {
            java.util.Arrays.fill(kick, 0.0);
            noise.kick(kick);
            for (int i = 0; i < n; i++) {
                s[i] += kick[i];
            }
            if (full) {
                for (int i = 0; i < n; i++) {
                    s[n + i] += kick[i];
                }
            }
        }
    }

    private void advance(boolean full, int act) {
        if (kind == IntegratorKind.RK4) {
            rk4(act);
        } else {
            boolean euler = kind == IntegratorKind.EULER;
            double alpha = euler ? dt : -Math.expm1(-dt);
            double beta = euler ? 1.0 - dt : Math.exp(-dt);
            fillState(s, act);
            if (full && tracing) {
                trace();
            }
            fillTangent(s, act);
            // x ← βx + α(Jφ(x) + I); Q ← βQ + α J diag φ′(x) Q: one product
            multiply(act, alpha, beta, s);
            if (input != null) {
                for (int c = 0; c < Math.min(act, 2); c++) {
                    int off = c * n;
                    for (int i = 0; i < n; i++) {
                        s[off + i] += alpha * input[i];
                    }
                }
            }
        }
    }

    /** out ← α J b + β out on the first {@code act} columns (1: x alone; all: x, x′ and Q). */
    private void multiply(int act, double alpha, double beta, double[] target) {
        if (act == 1) {
            stateOnly.multiply(alpha, b, beta, target, pool);
        } else if (tangent32 == null) {
            full.multiply(alpha, b, beta, target, pool);
        } else {
            statePair.multiply(alpha, b, beta, target, pool);
            outAlpha = alpha;
            outBeta = beta;
            out = target;
            try {
                // bf (the float32 operand) was written by the element-wise pass that formed φ′∘Q
                tangent32.multiply(1f, bf, 0f, yf, pool);
                pool.run(k, colsPerBlock, fromFloat);
            } finally {
                out = null;
            }
        }
    }

    private void rk4(int act) {
        fillState(s, act);
        if (act > 1 && tracing) {
            trace();
        }
        fillTangent(s, act);
        for (int st = 1; st <= 4; st++) {
            multiply(act, 1.0, 0.0, y);
            stage = st;
            for (int c = 0; c < Math.min(act, 2); c++) {
                stateColumn(c);
            }
            if (st < 4) {
                fillState(tmp, act);
            }
            if (act > 2) {
                pool.run(act - 2, colsPerBlock, tangentPass);
            }
        }
    }

    /** RK4 stage update of a state column (x or x′): slope K = Jφ + I − x_stage. */
    private void stateColumn(int c) {
        int off = c * n;
        double h = dt;
        switch (stage) {
            case 1 -> {
                for (int i = 0; i < n; i++) {
                    int p = off + i;
                    double kk = y[p] - s[p] + in(i);
                    acc[p] = kk;
                    tmp[p] = s[p] + 0.5 * h * kk;
                }
            }
            case 2, 3 -> {
                double w = stage == 2 ? 0.5 * h : h;
                for (int i = 0; i < n; i++) {
                    int p = off + i;
                    double kk = y[p] - tmp[p] + in(i);
                    acc[p] += 2.0 * kk;
                    tmp[p] = s[p] + w * kk;
                }
            }
            default -> {
                double w = h / 6.0;
                for (int i = 0; i < n; i++) {
                    int p = off + i;
                    double kk = y[p] - tmp[p] + in(i);
                    s[p] += w * (acc[p] + kk);
                }
            }
        }
    }

    /** The same for a tangent column (no input), plus the next stage's product operand φ′(x_stage)∘Q_stage. */
    private void tangentColumn(int c) {
        int off = c * n;
        double h = dt;
        switch (stage) {
            case 1 -> {
                for (int i = 0; i < n; i++) {
                    int p = off + i;
                    double kk = y[p] - s[p];
                    acc[p] = kk;
                    double v = s[p] + 0.5 * h * kk;
                    tmp[p] = v;
                    operand(c, i, p, d[i] * v);
                }
            }
            case 2, 3 -> {
                double w = stage == 2 ? 0.5 * h : h;
                for (int i = 0; i < n; i++) {
                    int p = off + i;
                    double kk = y[p] - tmp[p];
                    acc[p] += 2.0 * kk;
                    double v = s[p] + w * kk;
                    tmp[p] = v;
                    operand(c, i, p, d[i] * v);
                }
            }
            case 4 -> {
                double w = h / 6.0;
                for (int i = 0; i < n; i++) {
                    int p = off + i;
                    double kk = y[p] - tmp[p];
                    s[p] += w * (acc[p] + kk);
                }
            }
            default -> {
                // stage 0: the Euler-type operand φ′(x)∘Q
                if (bf == null) {
                    for (int i = 0; i < n; i++) {
                        b[off + i] = d[i] * src[off + i];
                    }
                } else {
                    int dst = off - 2 * n;
                    for (int i = 0; i < n; i++) {
                        bf[dst + i] = (float) (d[i] * src[off + i]);
                    }
                }
            }
        }
    }

    /** The product operand of tangent column c, row i (p = c·N + i): float64 b, or float32 bf in mixed mode. */
    private void operand(int c, int i, int p, double v) {
        if (bf == null) {
            b[p] = v;
        } else {
            bf[p - 2 * n] = (float) v;
        }
    }

    private double in(int i) {
        return input == null ? 0.0 : input[i];
    }

    /** b[:,0] = φ(x), b[:,1] = φ(x′), d = φ′(x) from the state columns of {@code from}. */
    private void fillState(double[] from, int act) {
        if (act == 1) {
            for (int i = 0; i < n; i++) {
                b[i] = phi.phi(from[i]);
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            double v = from[i];
            b[i] = phi.phi(v);
            d[i] = phi.derivative(v);
            b[n + i] = phi.phi(from[n + i]);
        }
    }

    /** b[:, 2..act) = φ′(x)∘Q of {@code from} (d must be current). */
    private void fillTangent(double[] from, int act) {
        if (act > 2) {
            stage = 0;
            src = from;
            try {
                pool.run(act - 2, colsPerBlock, tangentPass);
            } finally {
                src = null;
            }
        }
    }

    private void trace() {
        double t = 0.0;
        for (int i = 0; i < n; i++) {
            t += diag[i] * d[i];
        }
        traceSum += t - n;
        traceCount++;
    }

    /**
     * Re-orthonormalizes Q in place; log R_ii into {@code logR}; false if R lost rank or overflowed.
     * Cholesky QR (with its second pass when needed) is tried first; when Q is too ill-conditioned for
     * it, Householder QR does the work (both give the unique QR factorization with R_ii &gt; 0).
     */
    boolean orthonormalize(double[] logR) {
        if (!householderOnly && cholesky.orthonormalize(s, 2 * n, logR, pool)) {
            return true;
        }
        if (!householderOnly) {
            householderFallbacks++;
        }
        return householder.orthonormalize(s, 2 * n, logR, pool);
    }

    /** Uses Householder QR for every re-orthonormalization (the reference method; for comparisons). */
    void householderOnly(boolean on) {
        householderOnly = on;
    }

    /** Re-orthonormalizations that needed Cholesky QR's second pass. */
    long choleskySecondPasses() {
        return cholesky.secondPasses();
    }

    /** Re-orthonormalizations done by Householder QR because Cholesky QR could not be trusted. */
    long householderFallbacks() {
        return householderFallbacks;
    }

    /** x′ ← x + d0·u. */
    void placeReplica(double[] u, double d0) {
        for (int i = 0; i < n; i++) {
            s[n + i] = s[i] + d0 * u[i];
        }
    }

    /** |x′ − x|. */
    double replicaDistance() {
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            double diff = s[n + i] - s[i];
            sum += diff * diff;
        }
        return Math.sqrt(sum);
    }

    /** Rescales x′ − x to length d0 and returns log(d/d0) (Benettin et al. 1976 two-trajectory method). */
    double renormalizeReplica(double d0) {
        double dist = replicaDistance();
        double f = d0 / dist;
        for (int i = 0; i < n; i++) {
            s[n + i] = s[i] + f * (s[n + i] - s[i]);
        }
        return Math.log(dist / d0);
    }

    /** True when x and x′ are finite. */
    boolean stateFinite() {
        double z = 0.0;
        for (int i = 0; i < 2 * n; i++) {
            z += s[i] * 0.0;
        }
        return z == 0.0;
    }
}
