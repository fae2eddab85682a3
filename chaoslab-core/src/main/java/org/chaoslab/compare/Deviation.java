package org.chaoslab.compare;

/**
 * One scalar of theory beside simulation.
 *
 * @param theory        the mean-field value (N → ∞)
 * @param simulation    the mean over network realizations
 * @param standardError standard error of that mean (scatter over realizations / √R)
 * @param difference    simulation − theory
 * @param zScore        difference / standardError
 * @param relative      difference / |theory|
 */
public record Deviation(double theory, double simulation, double standardError, double difference, double zScore,
                        double relative) {

    /** Builds the deviation of a simulated mean (with standard error) from a theoretical value. */
    public static Deviation of(double theory, double simulation, double standardError) {
        double d = simulation - theory;
        return new Deviation(theory, simulation, standardError, d, d / standardError, d / Math.abs(theory));
    }
}
