package org.chaoslab.compare;

import java.util.Locale;

import org.chaoslab.analysis.Estimate;
import org.junit.jupiter.api.Assertions;

/**
 * The one assertion of a simulated estimate against its theory in the tests: it agrees when
 *
 * <pre>  |simulation − theory| ≤ z · uncertainty + allowance</pre>
 *
 * where the uncertainty is the standard error of the simulated mean (or, for an {@link Estimate.WithInterval}, its
 * confidence half-width), z the statistical multiple the test justifies (a Gaussian z or a Student quantile for its
 * number of realizations) and the allowance the systematic part it claims (e.g. an O(1/N) finite-size correction;
 * 0 where none). Every call prints one line with the numbers — what, simulation ± uncertainty, theory, the
 * difference and its z-score, the tolerance and its parts — and a failure carries the same line as its message.
 * The reasoning for z and the allowance stays in a comment beside the call.
 */
public final class Agreement {

    private Agreement() {
    }

    /** Asserts |d.difference| ≤ z·SE + allowance for a deviation (theory, simulation, SE). */
    public static void assertAgrees(String what, Deviation d, double z, double allowance) {
        assertAgrees(what, d.simulation(), d.standardError(), d.theory(), z, allowance);
    }

    /**
     * Asserts |simulation − theory| ≤ z·u + allowance, where u is the estimate's {@link Estimate#halfWidth()}: its
     * standard error for {@link Estimate.WithStandardError}, its confidence half-width for {@link Estimate.WithInterval}.
     */
    public static void assertAgrees(String what, Estimate simulation, double theory, double z, double allowance) {
        check(what, simulation.value(), simulation.halfWidth(), uncertaintyName(simulation), simulation.standardError(), theory,
                z, allowance, true);
    }

    /** Asserts |simulation − theory| ≤ z·standardError + allowance. */
    public static void assertAgrees(String what, double simulation, double standardError, double theory, double z,
                                    double allowance) {
        check(what, simulation, standardError, "SE", standardError, theory, z, allowance, true);
    }

    /**
     * Asserts the opposite: |simulation − theory| &gt; z·SE + allowance, for a test that shows a wrong theory is
     * rejected by the same tolerance.
     */
    public static void assertDeviates(String what, double simulation, double standardError, double theory, double z,
                                      double allowance) {
        check(what, simulation, standardError, "SE", standardError, theory, z, allowance, false);
    }

    private static void check(String what, double simulation, double uncertainty, String name, double standardError,
                              double theory, double z, double allowance, boolean expectAgreement) {
        double difference = Math.abs(simulation - theory);
        double tolerance = z * uncertainty + allowance;
        boolean agrees = Double.isFinite(difference) && difference <= tolerance;
        boolean deviates = Double.isFinite(difference) && Double.isFinite(tolerance) && difference > tolerance;
        String line = line(what, simulation, uncertainty, name, standardError, theory, z, allowance);
        System.out.println(line);
        if (expectAgreement ? !agrees : !deviates) {
            Assertions.fail((expectAgreement ? "expected agreement: " : "expected a deviation: ") + line);
        }
    }

    private static String line(String what, double simulation, double uncertainty, String name, double standardError,
                               double theory, double z, double allowance) {
        double difference = simulation - theory;
        double tolerance = z * uncertainty + allowance;
        boolean agrees = Double.isFinite(difference) && Math.abs(difference) <= tolerance;
        return String.format(Locale.ROOT, "%s %s: simulation %s +- %s (%s) vs theory %s: difference %s (z = %.2f); "
                        + "|difference| %s %s tolerance %s = %s x %s (%s) + allowance %s",
                what, agrees ? "agrees" : "DEVIATES", fmt(simulation), fmt(uncertainty), name, fmt(theory), fmt(difference),
                difference / standardError, fmt(Math.abs(difference)), agrees ? "<=" : ">", fmt(tolerance), fmt(z),
                fmt(uncertainty), name, fmt(allowance));
    }

    private static String uncertaintyName(Estimate e) {
        return e instanceof Estimate.WithInterval i
                ? String.format(Locale.ROOT, "%.4g%% half-width", 100 * i.level()) : "SE";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
