package org.chaoslab.sim.lyapunov;

import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.linalg.RowTask;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.sim.rate.IntegratorKind;

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
    private final HouseholderQr qr;
    private final int colsPerBlock;
    private final RowTask tangentPass;

    // pass in progress
    private int stage;
    private double[] src;

    private boolean tracing;
    private double traceSum;
    private long traceCount;

    TangentSystem(double[] j, int n, int k, TransferFunction phi, double[] input, IntegratorKind kind, double dt,
                  ParallelRows pool) {
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
        this.full = new TiledProduct(j, n, cols);
        this.stateOnly = new TiledProduct(j, n, 1);
        this.qr = new HouseholderQr(n, k);
        this.colsPerBlock = Math.max(1, 32768 / n);
        this.tangentPass = (from, to) -> {
            for (int c = from; c < to; c++) {
                tangentColumn(2 + c);
            }
        };
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
        TiledProduct product = full ? this.full : stateOnly;
        if (kind == IntegratorKind.RK4) {
            rk4(act, product);
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
            product.multiply(alpha, b, beta, s, pool);
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

    private void rk4(int act, TiledProduct product) {
        fillState(s, act);
        if (act > 1 && tracing) {
            trace();
        }
        fillTangent(s, act);
        for (int st = 1; st <= 4; st++) {
            product.multiply(1.0, b, 0.0, y, pool);
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
                    b[p] = d[i] * v;
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
                    b[p] = d[i] * v;
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
                for (int i = 0; i < n; i++) {
                    b[off + i] = d[i] * src[off + i];
                }
            }
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

    /** Re-orthonormalizes Q in place; log R_ii into {@code logR}; false if R lost rank or overflowed. */
    boolean orthonormalize(double[] logR) {
        return qr.orthonormalize(s, 2 * n, logR, pool);
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
