package org.chaoslab.theory.balanced;

import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.InverseErfc;

/** H(x) = ∫_x^∞ Dz and its inverse, via commons-numbers-gamma. */
final class Gaussians {

    private static final double SQRT2 = Math.sqrt(2.0);
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);

    private Gaussians() {
    }

    /** H(x) = ½ erfc(x/√2) (van Vreeswijk &amp; Sompolinsky 1998, notation of eq. 3.5). */
    static double h(double x) {
        return 0.5 * Erfc.value(x / SQRT2);
    }

    /** Φ(x) = 1 − H(x) = H(−x). */
    static double phi(double x) {
        return h(-x);
    }

    /** H⁻¹(m) = √2 erfc⁻¹(2m), m ∈ (0, 1). */
    static double hInverse(double m) {
        return SQRT2 * InverseErfc.value(2.0 * m);
    }

    /** Standard normal density. */
    static double density(double x) {
        return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }
}
