package org.chaoslab.compare;

import java.util.Locale;

/**
 * Whether one compared quantity agrees with its theory, with the tolerance used and why: the verdict every comparison
 * prints and records, so that a reader need not judge a z-score alone.
 *
 * <p>The rule: agrees when |simulation − theory| ≤ tolerance, where tolerance = {@value #Z_MAX} standard errors of
 * the simulated mean (the statistical part) plus a stated systematic allowance (e.g. an O(1/N) finite-size
 * correction the theory leaves out; zero where none is claimed). A quantity without a finite standard error (one
 * realization) cannot be judged and is reported as deviating with that basis.
 *
 * @param quantity      what is compared, e.g. "<x^2>"
 * @param theory        the theoretical value
 * @param simulation    the simulated mean
 * @param standardError its standard error
 * @param tolerance     the largest |simulation − theory| counted as agreement
 * @param agrees        the verdict
 * @param basis         how the tolerance was chosen (one phrase)
 */
public record Verdict(String quantity, double theory, double simulation, double standardError, double tolerance,
                      boolean agrees, String basis) {

    /** Standard errors allowed for statistical agreement (two-sided p ≈ 0.003 for a Gaussian error). */
    public static final double Z_MAX = 3.0;

    /** The verdict of a deviation with a statistical tolerance only ({@value #Z_MAX} standard errors). */
    public static Verdict of(String quantity, Deviation d) {
        return of(quantity, d, 0.0, "");
    }

    /**
     * The verdict of a deviation.
     *
     * @param systematic an absolute allowance added to {@value #Z_MAX} standard errors (≥ 0)
     * @param why        what the allowance is for (empty when it is zero)
     */
    public static Verdict of(String quantity, Deviation d, double systematic, String why) {
        double se = d.standardError();
        double tol = Z_MAX * se + Math.abs(systematic);
        boolean ok = Double.isFinite(d.difference()) && Double.isFinite(se) && Math.abs(d.difference()) <= tol;
        String basis;
        if (!Double.isFinite(se)) {
            basis = "no finite standard error (needs >= 2 realizations or a longer run): cannot be judged";
        } else {
            basis = String.format(Locale.ROOT, "%.0f SE", Z_MAX)
                    + (systematic != 0.0 ? " + " + fmt(Math.abs(systematic)) + " for " + why : why.isEmpty() ? "" : ", " + why);
        }
        return new Verdict(quantity, d.theory(), d.simulation(), se, tol, ok, basis);
    }

    /**
     * The verdict of a deviation against a tolerance computed by the caller (e.g. a Student quantile over several
     * realizations with a Bonferroni correction, plus a finite-size allowance), stated in {@code basis}.
     */
    public static Verdict within(String quantity, Deviation d, double tolerance, String basis) {
        boolean ok = Double.isFinite(d.difference()) && Math.abs(d.difference()) <= tolerance;
        return new Verdict(quantity, d.theory(), d.simulation(), d.standardError(), tolerance, ok, basis);
    }

    /** The verdict of an autocorrelation shape: relative L2 distance against {@value #Z_MAX} times its noise level. */
    public static Verdict ofShape(String quantity, ShapeDeviation s) {
        return of(quantity, Deviation.of(0.0, s.relativeL2(), s.noiseL2()), 0.0,
                "SE = noise level of the relative L2 distance on [0, " + fmt(s.maxLag()) + "]");
    }

    /** "agrees" or "deviates". */
    public String label() {
        return agrees ? "agrees" : "deviates";
    }

    /** One line for the terminal. */
    public String line() {
        return String.format(Locale.ROOT, "verdict: %s %s (theory %s, simulation %s +- %s; |difference| %s %s tolerance %s = %s)",
                quantity, label(), fmt(theory), fmt(simulation), fmt(standardError), fmt(Math.abs(simulation - theory)),
                agrees ? "<=" : ">", fmt(tolerance), basis);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
