package org.chaoslab.sim.rate;

/**
 * The stages of a fixed-step scheme ({@link IntegratorKind}) for dx/dt = −x + F(x): the one description of the
 * integrator that the rate simulator's state ({@code Stepper}) and the Lyapunov analyzer's state, replica and tangent
 * vectors ({@code org.chaoslab.sim.lyapunov.TangentSystem}) are both advanced with. As in a Hipparchus integrator, the
 * problem and the scheme stay apart: the problem evaluates the drive F at the stage states the scheme names (one
 * matrix product per stage, its business), the scheme owns the leak −x and combines the evaluations element by element.
 *
 * <p>Every update here is element-wise, over a range [from, to) of flat arrays, so a caller may split an array over
 * threads (or column by column) in any way without changing a bit. The arithmetic of each element — which products,
 * which sums, in which order — is fixed here once for every caller.
 */
public sealed interface IntegratorStages permits IntegratorStages.OneStage, IntegratorStages.RungeKutta4 {

    /** The stages of {@code kind} at step δ = {@code dt}. */
    static IntegratorStages of(IntegratorKind kind, double dt) {
        return switch (kind) {
            case EULER -> new OneStage(1.0 - dt, dt);
            case EXPONENTIAL_EULER -> new OneStage(Math.exp(-dt), -Math.expm1(-dt));
            case RK4 -> new RungeKutta4(dt);
        };
    }

    /** Evaluations of F per step. */
    int stages();

    /**
     * One evaluation of F per step, at x itself: x ← keep·x + gain·F(x). Euler is keep = 1 − δ, gain = δ (with δ = dt
     * also the discrete-time map x ← (1−δ)x + δF(x)); exponential Euler is keep = e^{−δ}, gain = 1 − e^{−δ} (the leak
     * integrated exactly, F held constant over the step). A caller whose F is a product α·J·b may fold the update into
     * the product's α and β instead of calling {@link #update} (the tangent system does, with a dgemm).
     *
     * @param keep the factor of the old state (β)
     * @param gain the factor of the drive (α)
     */
    record OneStage(double keep, double gain) implements IntegratorStages {

        @Override
        public int stages() {
            return 1;
        }

        /** x ← keep·x + gain·F on [from, to), F = {@code f} evaluated at x. */
        public void update(double[] f, double[] x, int from, int to) {
            for (int p = from; p < to; p++) {
                x[p] = keep * x[p] + gain * f[p];
            }
        }
    }

    /**
     * Classical fourth-order Runge–Kutta (Kutta 1901; Butcher tableau c = (0, ½, ½, 1), b = (1, 2, 2, 1)/6). Stage s
     * evaluates F at the stage state z_s ({@link #stageState}: x for s = 1, the buffer {@code tmp} after it), turns it
     * into the slope k_s = −z_s + F(z_s) ({@link #leak}) and {@link #stage} adds k_s to the weighted sum {@code acc}
     * and forms the next stage state z_{s+1} = x + c_{s+1}δ·k_s; stage 4 completes x ← x + δ/6·(k_1 + 2k_2 + 2k_3 + k_4).
     * Applied to the variational equation dQ/dt = −Q + J diag φ′(z_s) Q with the same stages, this is exactly the
     * derivative of the RK4 step map (the tangent system's use).
     *
     * @param dt the step δ
     */
    record RungeKutta4(double dt) implements IntegratorStages {

        /** The four stages. */
        public static final int STAGES = 4;

        @Override
        public int stages() {
            return STAGES;
        }

        /** Where stage s (1-based) evaluates F: at x itself for s = 1, at the stage state in {@code tmp} after it. */
        public double[] stageState(int s, double[] x, double[] tmp) {
            return s == 1 ? x : tmp;
        }

        /** The slope k = F(z) − z of dx/dt = −x + F(x), written over F in {@code f} on [from, to). */
        public void leak(double[] f, double[] z, int from, int to) {
            for (int p = from; p < to; p++) {
                f[p] = f[p] - z[p];
            }
        }

        /**
         * The slope of one column of N units at {@code off} whose F = P + I arrives as the product P without the
         * constant input I: k = (P − z) + I, the input added after the leak, written over P in {@code f}.
         */
        public void leak(double[] f, double[] z, double[] input, int off, int n) {
            for (int i = 0; i < n; i++) {
                int p = off + i;
                f[p] = f[p] - z[p] + input[i];
            }
        }

        /**
         * Stage s (1..4) with the slope k_s in {@code k}, on [from, to): {@code acc} accumulates k_1 + 2k_2 + 2k_3,
         * {@code tmp} receives the next stage state; stage 4 advances x itself.
         */
        public void stage(int s, double[] k, double[] x, double[] acc, double[] tmp, int from, int to) {
            switch (s) {
                case 1 -> first(k, x, acc, tmp, from, to);
                case 2 -> middle(0.5 * dt, k, x, acc, tmp, from, to);
                case 3 -> middle(dt, k, x, acc, tmp, from, to);
                case 4 -> last(k, x, acc, from, to);
                default -> throw new IllegalArgumentException("RK4 has stages 1..4 (got " + s + ")");
            }
        }

        /** acc = k_1; z_2 = x + δ/2·k_1. */
        private void first(double[] k, double[] x, double[] acc, double[] tmp, int from, int to) {
            double c = 0.5 * dt;
            for (int p = from; p < to; p++) {
                acc[p] = k[p];
                tmp[p] = x[p] + c * k[p];
            }
        }

        /** acc += 2k_s; z_{s+1} = x + c·k_s (c = δ/2 after stage 2, δ after stage 3). */
        private static void middle(double c, double[] k, double[] x, double[] acc, double[] tmp, int from, int to) {
            for (int p = from; p < to; p++) {
                acc[p] += 2.0 * k[p];
                tmp[p] = x[p] + c * k[p];
            }
        }

        /** x ← x + δ/6·(acc + k_4). */
        private void last(double[] k, double[] x, double[] acc, int from, int to) {
            double w = dt / 6.0;
            for (int p = from; p < to; p++) {
                x[p] += w * (acc[p] + k[p]);
            }
        }
    }
}
