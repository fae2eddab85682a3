package org.chaoslab.sim.rate;

/** One fixed step of an integration scheme, with its own scratch space (one per run). */
sealed interface Stepper permits Stepper.Euler, Stepper.ExponentialEuler, Stepper.RungeKutta4 {

    /** Advances x (replica-major) by dt in place. */
    default void step(RateDynamics f, double[] x, double dt) {
        step(f, x, dt, null);
    }

    /**
     * Advances x by dt in place; every scheme first evaluates F at x itself, and {@code atStart} (when not null) runs
     * right after that evaluation, while x still holds the state the step started from and {@link RateDynamics#rates()}
     * holds φ of it: the rate simulator records the previous step there, reading φ(x) instead of evaluating it again.
     */
    void step(RateDynamics f, double[] x, double dt, Runnable atStart);

    static Stepper of(IntegratorKind kind, int length) {
        return switch (kind) {
            case EULER -> new Euler(new double[length]);
            case EXPONENTIAL_EULER -> new ExponentialEuler(new double[length]);
            case RK4 -> new RungeKutta4(new double[length], new double[length], new double[length]);
        };
    }

    /** x ← x + δ(−x + F(x)) = (1−δ)x + δF(x). */
    record Euler(double[] drive) implements Stepper {
        @Override
        public void step(RateDynamics f, double[] x, double dt, Runnable atStart) {
            f.drive(x, drive);
            if (atStart != null) {
                atStart.run();
            }
            double keep = 1.0 - dt;
            for (int k = 0; k < x.length; k++) {
                x[k] = keep * x[k] + dt * drive[k];
            }
        }
    }

    /** x ← e^{−δ}x + (1 − e^{−δ})F(x): the leak is integrated exactly, F held constant over the step. */
    record ExponentialEuler(double[] drive) implements Stepper {
        @Override
        public void step(RateDynamics f, double[] x, double dt, Runnable atStart) {
            f.drive(x, drive);
            if (atStart != null) {
                atStart.run();
            }
            double a = Math.exp(-dt);
            double b = -Math.expm1(-dt);
            for (int k = 0; k < x.length; k++) {
                x[k] = a * x[k] + b * drive[k];
            }
        }
    }

    /** Classical RK4 on dx/dt = −x + F(x). acc holds the weighted sum of slopes, tmp the stage state. */
    record RungeKutta4(double[] acc, double[] tmp, double[] drive) implements Stepper {
        @Override
        public void step(RateDynamics f, double[] x, double dt, Runnable atStart) {
            int len = x.length;
            // k1
            f.drive(x, drive);
            if (atStart != null) {
                atStart.run();
            }
            for (int k = 0; k < len; k++) {
                double s = drive[k] - x[k];
                acc[k] = s;
                tmp[k] = x[k] + 0.5 * dt * s;
            }
            // k2
            f.drive(tmp, drive);
            for (int k = 0; k < len; k++) {
                double s = drive[k] - tmp[k];
                acc[k] += 2.0 * s;
                tmp[k] = x[k] + 0.5 * dt * s;
            }
            // k3
            f.drive(tmp, drive);
            for (int k = 0; k < len; k++) {
                double s = drive[k] - tmp[k];
                acc[k] += 2.0 * s;
                tmp[k] = x[k] + dt * s;
            }
            // k4
            f.drive(tmp, drive);
            for (int k = 0; k < len; k++) {
                double s = drive[k] - tmp[k];
                x[k] += dt / 6.0 * (acc[k] + s);
            }
        }
    }
}
