package org.chaoslab.sim.lyapunov;

import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.linalg.RowTask;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.sim.UnitTransfers;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.IntegratorStages;
import org.chaoslab.sim.rate.NoiseSource;

/**
 * The state of dx/dt = −x + Jφ(x) + I together with a nearby replica x′ and k tangent vectors Q, advanced by the
 * stages of one integration scheme ({@link IntegratorStages}, the very description the rate simulator's stepper uses)
 * with the tangent vectors propagated by the exact Jacobian of that scheme's step map (so the tangent dynamics are
 * consistent with the discrete trajectory):
 * <ul>
 *   <li>Euler (also the map x ← (1−δ)x + δ(Jφ(x) + I)): Q ← [(1−δ)I + δ J diag φ′(x)] Q;</li>
 *   <li>exponential Euler: Q ← [e^{−δ}I + (1−e^{−δ}) J diag φ′(x)] Q;</li>
 *   <li>RK4: the variational equation dQ/dt = (−1 + J diag φ′(x)) Q integrated with the same four
 *       stages, Q stages evaluated at the stage states — which is exactly the derivative of the RK4
 *       step map.</li>
 * </ul>
 * Hipparchus style, the parts stay apart: the problem is the drive F at a stage state, one product
 * J·[φ(x), φ(x′), φ′∘Q] ({@link TangentProduct}) whose operand this class forms; the integrator is the scheme's
 * {@link IntegratorStages} (for a one-stage scheme folded into the product's α and β); the step handlers are the
 * Jacobian trace at the start of a step and the noise kick after it here, the replica renormalization and the
 * re-orthonormalization in {@link SpectrumRun}.
 *
 * <p>Storage: one column-major N×(2+k) block per buffer, column 0 = x, column 1 = x′, columns 2.. = Q
 * (the simulator's replica-major layout); no allocation per step. The element-wise passes over Q run
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
    /** x | x′ | Q, column-major with leading dimension N. */
    final double[] s;
    /** φ per unit: one for all, or φ_k on the units of population k. */
    private final UnitTransfers transfers;
    /** The constant input I (null when none) and what the RK4 state slopes add after the leak: I, or zeros. */
    private final double[] input;
    private final double[] stateInput;
    private final IntegratorStages stages;
    private final ParallelRows pool;
    private final TangentProduct product;
    /** φ′ at the current stage state of x. */
    private final double[] d;
    /** RK4 (null otherwise): the product at the stage state, then the slope; the weighted slope sum; the stage state. */
    private final double[] y;
    private final double[] acc;
    private final double[] tmp;
    private final int colsPerBlock;
    /** φ′(x)∘Q of the tangent columns at the start of a step. */
    private final RowTask startOperands;
    /** The RK4 stage {@link #stage} of the tangent columns (null for one-stage schemes). */
    private final RowTask tangentStages;
    private int stage;

    private final CholeskyQr cholesky;
    private final HouseholderQr householder;
    private boolean householderOnly;
    private long householderFallbacks;

    private final JacobianTrace trace;
    private NoiseSource noise;
    private double[] kick;

    TangentSystem(double[] j, int n, int k, TransferFunction phi, double[] input, IntegratorKind kind, double dt,
                  ParallelRows pool) {
        this(DenseCouplings.float64(j), n, k, UnitTransfers.uniform(phi, n), input, kind, dt, pool);
    }

    /**
     * @param j         the couplings in float64, and in float32 for mixed-precision tangent products
     * @param transfers φ of every unit (one per population for a multi-population network): the Jacobian is
     *                  −1 + J diag φ′_{k(i)}(x_i)
     */
    TangentSystem(DenseCouplings j, int n, int k, UnitTransfers transfers, double[] input, IntegratorKind kind,
                  double dt, ParallelRows pool) {
        if (transfers.units() != n) {
            throw new IllegalArgumentException("one transfer function per unit (" + n + "; got " + transfers.units() + ")");
        }
        j.requireSize(n);
        this.n = n;
        this.k = k;
        this.cols = 2 + k;
        this.s = new double[HouseholderQr.paddedLength(n, k, 2 * n)]; // N·(2+k) + padding for netlib's LAPACK checks
        this.transfers = transfers;
        this.input = input;
        this.stateInput = input != null ? input : new double[n];
        this.stages = IntegratorStages.of(kind, dt);
        this.pool = pool;
        this.colsPerBlock = Math.max(1, 32768 / n);
        this.product = new TangentProduct(j, n, k, colsPerBlock, pool);
        this.d = new double[n];
        boolean rk4 = stages instanceof IntegratorStages.RungeKutta4;
        this.y = rk4 ? new double[n * cols] : null;
        this.acc = rk4 ? new double[n * cols] : null;
        this.tmp = rk4 ? new double[n * cols] : null;
        this.startOperands = (from, to) -> {
            for (int c = from; c < to; c++) {
                product.tangentOperand(c, d, s);
            }
        };
        this.tangentStages = stages instanceof IntegratorStages.RungeKutta4 rk ? (from, to) -> {
            for (int c = from; c < to; c++) {
                tangentStage(rk, c);
            }
        } : null;
        this.cholesky = new CholeskyQr(n, k);
        this.householder = new HouseholderQr(n, k);
        this.trace = new JacobianTrace(j, n);
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
        trace.on = on;
    }

    /** Σ over traced steps of tr Df(x) = Σ_i (−1 + J_ii φ′(x_i)), and their count. */
    double traceSum() {
        return trace.sum;
    }

    long traceCount() {
        return trace.count;
    }

    /** Forgets the accumulated trace. */
    void resetTrace() {
        trace.sum = 0.0;
        trace.count = 0;
    }

    /**
     * One step. {@code full}: x, x′ and Q; otherwise x alone (the transient; x′ and Q untouched).
     */
    void step(boolean full) {
        int act = full ? cols : 1;
        switch (stages) {
            case IntegratorStages.OneStage one -> oneStage(one, act);
            case IntegratorStages.RungeKutta4 rk -> rungeKutta(rk, act);
        }
        kickNoise(full);
    }

    /**
     * x ← keep·x + gain·(Jφ(x) + I), Q ← keep·Q + gain·J diag φ′(x) Q on the first {@code act} columns: one
     * product, the scheme's update folded into its α = gain and β = keep, then the input.
     */
    private void oneStage(IntegratorStages.OneStage one, int act) {
        startStep(act);
        product.multiply(act, one.gain(), one.keep(), s);
        if (input != null) {
            for (int c = 0; c < Math.min(act, 2); c++) {
                int off = c * n;
                for (int i = 0; i < n; i++) {
                    s[off + i] += one.gain() * input[i];
                }
            }
        }
    }

    /**
     * The four RK4 stages on the first {@code act} columns: each one product at the stage state, the state columns'
     * stage, φ and φ′ at the next stage state, and the tangent columns' stage with the next operand.
     */
    private void rungeKutta(IntegratorStages.RungeKutta4 rk, int act) {
        startStep(act);
        for (int st = 1; st <= IntegratorStages.RungeKutta4.STAGES; st++) {
            product.multiply(act, 1.0, 0.0, y);
            for (int c = 0; c < Math.min(act, 2); c++) {
                stateStage(rk, st, c);
            }
            if (st < IntegratorStages.RungeKutta4.STAGES) {
                stateOperand(tmp, act);
            }
            if (act > 2) {
                stage = st;
                pool.run(act - 2, colsPerBlock, tangentStages);
            }
        }
    }

    /** RK4 stage st of state column c (x or x′): slope k = (Jφ(z) − z) + I at the stage state z. */
    private void stateStage(IntegratorStages.RungeKutta4 rk, int st, int c) {
        int off = c * n;
        rk.leak(y, rk.stageState(st, s, tmp), stateInput, off, n);
        rk.stage(st, y, s, acc, tmp, off, off + n);
    }

    /**
     * RK4 stage {@link #stage} of tangent column c (0-based): slope k = J(φ′(z)∘Q_z) − Q_z (no input), then the next
     * stage's operand φ′(z′)∘Q_z′ (d is already φ′ at the next stage state).
     */
    private void tangentStage(IntegratorStages.RungeKutta4 rk, int c) {
        int off = (2 + c) * n;
        rk.leak(y, rk.stageState(stage, s, tmp), off, off + n);
        rk.stage(stage, y, s, acc, tmp, off, off + n);
        if (stage < IntegratorStages.RungeKutta4.STAGES) {
            product.tangentOperand(c, d, tmp);
        }
    }

    /** The operand at the state the step starts from, φ(x), φ(x′), φ′(x) and φ′(x)∘Q, and the trace there. */
    private void startStep(int act) {
        stateOperand(s, act);
        if (act > 1) {
            trace.atStart(d);
        }
        if (act > 2) {
            pool.run(act - 2, colsPerBlock, startOperands);
        }
    }

    /** Operand columns φ(x) and φ(x′) and d = φ′(x) from the state columns of {@code from} (x alone when act = 1). */
    private void stateOperand(double[] from, int act) {
        double[] b = product.operand();
        for (int block = 0; block < transfers.blockCount(); block++) {   // one block unless φ differs by population
            TransferFunction phi = transfers.blockTransfer(block);
            int start = transfers.blockStart(block);
            int end = transfers.blockEnd(block);
            if (act == 1) {
                for (int i = start; i < end; i++) {
                    b[i] = phi.phi(from[i]);
                }
                continue;
            }
            for (int i = start; i < end; i++) {
                double v = from[i];
                b[i] = phi.phi(v);
                d[i] = phi.derivative(v);
                b[n + i] = phi.phi(from[n + i]);
            }
        }
    }

    /** The step handler after every step: the same noise increment added to x and, in a full step, to x′. */
    private void kickNoise(boolean full) {
        if (noise == null) {
            return;
        }
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

    /**
     * The step handler at the start of every full step while on: tr Df(x) = Σ_i (−1 + J_ii φ′(x_i)) of the flow,
     * summed over the steps (the Liouville check of the exponents' sum).
     */
    private static final class JacobianTrace {
        private final double[] diag;
        boolean on;
        double sum;
        long count;

        JacobianTrace(DenseCouplings j, int n) {
            diag = new double[n];
            for (int i = 0; i < n; i++) {
                diag[i] = j.get(n, i, i);
            }
        }

        void atStart(double[] d) {
            if (!on) {
                return;
            }
            double t = 0.0;
            for (int i = 0; i < diag.length; i++) {
                t += diag[i] * d[i];
            }
            sum += t - diag.length;
            count++;
        }
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

    /** x′ ← x + d0·u ({@link ReplicaSeparation}, x′ the second column). */
    void placeReplica(double[] u, double d0) {
        ReplicaSeparation.place(s, 0, n, n, u, d0);
    }

    /** Rescales x′ − x to length d0 and returns log(d/d0) (Benettin et al. 1976 two-trajectory method). */
    double renormalizeReplica(double d0) {
        return ReplicaSeparation.renormalize(s, 0, n, n, d0);
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
