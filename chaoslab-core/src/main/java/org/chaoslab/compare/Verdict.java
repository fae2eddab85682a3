package org.chaoslab.compare;

/**
 * Theory beside simulation for one quantity, with the decision and its grounds: agrees when
 * |simulation − theory| ≤ tolerance.
 *
 * @param quantity      what is compared, e.g. "K(0+)"
 * @param theory        the mean-field value
 * @param simulation    the simulated mean over realizations
 * @param standardError its standard error
 * @param tolerance     the allowed |simulation − theory|
 * @param agrees        whether the difference is within the tolerance
 * @param basis         how the tolerance was set (e.g. "4 SE (t, 5 dof, 99.5%) + 2 m/N finite size")
 */
public record Verdict(String quantity, double theory, double simulation, double standardError, double tolerance, boolean agrees,
                      String basis) {

    /** The verdict on a deviation with the given tolerance. */
    public static Verdict of(String quantity, Deviation d, double tolerance, String basis) {
        return new Verdict(quantity, d.theory(), d.simulation(), d.standardError(), tolerance,
                Math.abs(d.difference()) <= tolerance, basis);
    }

    /** "agrees" or "deviates". */
    public String label() {
        return agrees ? "agrees" : "deviates";
    }

    /** One line for a terminal. */
    public String line() {
        return String.format("%-22s theory %.6g  simulation %.6g +- %.2g  |diff| %.2g %s tolerance %.2g (%s): %s", quantity, theory,
                simulation, standardError, Math.abs(simulation - theory), agrees ? "<=" : ">", tolerance, basis, label());
    }
}
