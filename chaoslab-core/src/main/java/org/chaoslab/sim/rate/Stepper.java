package org.chaoslab.sim.rate;

/**
 * One fixed step of the rate dynamics: the scheme's {@link IntegratorStages} applied to the problem
 * {@link RateDynamics} (F = Jφ(x) + I for all replicas at once), with its own scratch space (one per run).
 */
final class Stepper {

    private final IntegratorStages stages;
    /** F at the current stage state; for RK4 overwritten by the slope. */
    private final double[] drive;
    /** RK4: the weighted sum of slopes and the stage state (null for one-stage schemes). */
    private final double[] acc;
    private final double[] tmp;

    private Stepper(IntegratorStages stages, int length) {
        this.stages = stages;
        this.drive = new double[length];
        boolean rk4 = stages instanceof IntegratorStages.RungeKutta4;
        this.acc = rk4 ? new double[length] : null;
        this.tmp = rk4 ? new double[length] : null;
    }

    /** The stepper of {@code kind} at step {@code dt} for a state of {@code length} elements (N·M). */
    static Stepper of(IntegratorKind kind, double dt, int length) {
        return new Stepper(IntegratorStages.of(kind, dt), length);
    }

    /**
     * Advances the columns still advancing ({@link RateDynamics#columns()}, the first ones of x) by one step in place;
     * the rest of x is left as it is. Every scheme first evaluates F at x itself, and {@code atStart}
     * (when not null) runs right after that evaluation, while x still holds the state the step started from and
     * {@link RateDynamics#rates()} holds φ of it: the rate simulator records the previous step there, reading φ(x)
     * instead of evaluating it again.
     */
    void step(RateDynamics f, double[] x, Runnable atStart) {
        switch (stages) {
            case IntegratorStages.OneStage one -> oneStage(one, f, x, atStart);
            case IntegratorStages.RungeKutta4 rk -> rungeKutta(rk, f, x, atStart);
        }
    }

    private void oneStage(IntegratorStages.OneStage one, RateDynamics f, double[] x, Runnable atStart) {
        f.drive(x, drive);
        runAtStart(atStart);
        one.update(drive, x, 0, f.units() * f.columns());
    }

    private void rungeKutta(IntegratorStages.RungeKutta4 rk, RateDynamics f, double[] x, Runnable atStart) {
        int len = f.units() * f.columns();
        for (int s = 1; s <= IntegratorStages.RungeKutta4.STAGES; s++) {
            double[] z = rk.stageState(s, x, tmp);
            f.drive(z, drive);
            if (s == 1) {
                runAtStart(atStart);
            }
            rk.leak(drive, z, 0, len);
            rk.stage(s, drive, x, acc, tmp, 0, len);
        }
    }

    private static void runAtStart(Runnable atStart) {
        if (atStart != null) {
            atStart.run();
        }
    }
}
