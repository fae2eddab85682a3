package org.chaoslab.theory.kernel;

/**
 * Whether the two-replica state at coinciding stimuli (o = 1, k = k0) is unstable, which is what makes the
 * nugget positive.
 *
 * @param name    what {@code value} is: "slope of the replica map at c = m" (binary: +∞ for every g &gt; 0),
 *                "g^2<phi'^2>" (synchronous rate map; chaotic iff &gt; 1), "Delta0 - Delta_inf" (continuous-time
 *                DMFT; chaotic iff &gt; 0)
 * @param value   the criterion's value
 * @param chaotic whether it is met
 */
public record ChaosCriterion(String name, double value, boolean chaotic) {
}
