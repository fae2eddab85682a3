package org.chaoslab.analysis;

import java.util.Locale;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * A measured value with its uncertainty, as one value: what results hold instead of two positional fields
 * ({@code x, xError} or {@code x, xCi}).
 *
 * <p>An uncertainty is stated in one of two forms, and an estimate keeps the form its measurement produced, so that
 * no number is recomputed from another (which would change its last bits and lose what it was):
 * <ul>
 *   <li>{@link WithStandardError}: the standard error SE of the value (a mean over independent realizations,
 *       s/√n; a fitted parameter; a batch-means error of a time average). The interval it states is value ± SE;
 *       its {@link #level()} is the nominal Gaussian coverage of ±1 SE, {@link #ONE_STANDARD_ERROR}. Tests and
 *       verdicts scale SE themselves (z or a Student quantile for the number of realizations).</li>
 *   <li>{@link WithInterval}: a two-sided confidence interval value ± halfWidth at a stated level, with the
 *       degrees of freedom of the Student t it came from (e.g. the Lyapunov spectrum's batch means over B batches:
 *       halfWidth = t_{0.975, B−1} · s/√B at level 0.95, B − 1 degrees of freedom). Such a half-width is not
 *       1.96 SE: the standard error it implies is halfWidth / t_{(1+level)/2, dof}.</li>
 * </ul>
 * Either form answers every accessor: {@link #value()}, {@link #standardError()}, {@link #halfWidth()} and
 * {@link #level()} (the interval it states), {@link #lower()} and {@link #upper()}.
 *
 * <p>In JSON (records are written by their components) a {@link WithStandardError} is
 * {@code {"value": …, "standardError": …}}, as the kernel analysis wrote its estimates before this type.
 */
public sealed interface Estimate permits Estimate.WithStandardError, Estimate.WithInterval {

    /** The nominal coverage of value ± 1 SE for a Gaussian error, P(|Z| ≤ 1) = erf(1/√2). */
    double ONE_STANDARD_ERROR = 0.6826894921370859;

    /** The estimate. */
    double value();

    /**
     * The standard error: as measured for {@link WithStandardError}; for {@link WithInterval} the one its half-width
     * implies, halfWidth / t_{(1+level)/2, dof} (NaN without degrees of freedom).
     */
    double standardError();

    /** The half-width of the interval this estimate states: SE for {@link WithStandardError}. */
    double halfWidth();

    /** The two-sided coverage of value ± {@link #halfWidth()}: {@link #ONE_STANDARD_ERROR} (nominal) for a standard error. */
    double level();

    /** value − halfWidth. */
    default double lower() {
        return value() - halfWidth();
    }

    /** value + halfWidth. */
    default double upper() {
        return value() + halfWidth();
    }

    /** A value with its standard error (≥ 0; NaN when it cannot be estimated). */
    static WithStandardError withStandardError(double value, double standardError) {
        return new WithStandardError(value, standardError);
    }

    /**
     * A value with a two-sided confidence interval value ± halfWidth at {@code level}, from a Student t with
     * {@code degreesOfFreedom} (infinite for a Gaussian quantile).
     */
    static WithInterval withInterval(double value, double halfWidth, double level, double degreesOfFreedom) {
        return new WithInterval(value, halfWidth, level, degreesOfFreedom);
    }

    /** The mean of {@code samples} and the standard error of the mean, s/√n (n ≥ 2; NaN error for n = 1). */
    static WithStandardError mean(double... samples) {
        int n = samples.length;
        if (n < 1) {
            throw new IllegalArgumentException("samples must have length >= 1 (got 0)");
        }
        double m = 0;
        for (double s : samples) {
            m += s;
        }
        m /= n;
        if (n == 1) {
            return new WithStandardError(m, Double.NaN);
        }
        double v = 0;
        for (double s : samples) {
            v += (s - m) * (s - m);
        }
        return new WithStandardError(m, Math.sqrt(v / (n - 1) / n));
    }

    /** Pairs values with their standard errors (arrays of equal length). */
    static WithStandardError[] withStandardErrors(double[] values, double[] standardErrors) {
        if (values.length != standardErrors.length) {
            throw new IllegalArgumentException("values and standard errors differ in length: " + values.length + " vs "
                    + standardErrors.length);
        }
        WithStandardError[] out = new WithStandardError[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = new WithStandardError(values[i], standardErrors[i]);
        }
        return out;
    }

    /** The values of {@code estimates}, in order. */
    static double[] values(Estimate[] estimates) {
        double[] out = new double[estimates.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = estimates[i].value();
        }
        return out;
    }

    /** The standard errors of {@code estimates}, in order. */
    static double[] standardErrors(Estimate[] estimates) {
        double[] out = new double[estimates.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = estimates[i].standardError();
        }
        return out;
    }

    /**
     * A value with its standard error.
     *
     * @param value         the estimate
     * @param standardError its standard error (≥ 0; NaN when it cannot be estimated)
     */
    record WithStandardError(double value, double standardError) implements Estimate {

        public WithStandardError {
            if (standardError < 0) {
                throw new IllegalArgumentException("standard error must be >= 0 (got " + standardError + ")");
            }
        }

        @Override
        public double halfWidth() {
            return standardError;
        }

        @Override
        public double level() {
            return ONE_STANDARD_ERROR;
        }

        @Override
        public String toString() {
            return value + " ± " + standardError;
        }
    }

    /**
     * A value with a two-sided confidence interval, kept as computed.
     *
     * @param value            the estimate
     * @param halfWidth        the interval's half-width (≥ 0; NaN when it cannot be estimated)
     * @param level            its coverage, in (0, 1), e.g. 0.95
     * @param degreesOfFreedom of the Student t whose quantile made the half-width (≥ 0; infinite for a Gaussian
     *                         quantile; 0 or NaN when unknown)
     */
    record WithInterval(double value, double halfWidth, double level, double degreesOfFreedom) implements Estimate {

        public WithInterval {
            if (halfWidth < 0) {
                throw new IllegalArgumentException("half-width must be >= 0 (got " + halfWidth + ")");
            }
            if (!(level > 0 && level < 1)) {
                throw new IllegalArgumentException("level must be in (0, 1) (got " + level + ")");
            }
            if (degreesOfFreedom < 0) {
                throw new IllegalArgumentException("degrees of freedom must be >= 0 (got " + degreesOfFreedom + ")");
            }
        }

        /** halfWidth / t_{(1+level)/2, dof} (a Gaussian quantile for infinite dof); NaN without degrees of freedom. */
        @Override
        public double standardError() {
            if (!(degreesOfFreedom > 0)) {
                return Double.NaN;
            }
            double p = 0.5 * (1 + level);
            double q = Double.isInfinite(degreesOfFreedom)
                    ? new NormalDistribution(0, 1).inverseCumulativeProbability(p)
                    : new TDistribution(degreesOfFreedom).inverseCumulativeProbability(p);
            return halfWidth / q;
        }

        @Override
        public String toString() {
            return value + " ± " + halfWidth + " (" + String.format(Locale.ROOT, "%.4g", 100 * level) + "%)";
        }
    }
}
