package org.chaoslab.model;

/**
 * The ensemble of dense Gaussian couplings: J_ij ~ N(J0/N, g²/N), with correlation
 * η = corr(J_ij, J_ji) between mirrored entries (η = 0 i.i.d., η = 1 symmetric, η = −1 antisymmetric
 * off-diagonal part), optionally with J_ii = 0.
 *
 * @param g            coupling gain (standard deviation × √N), finite and ≥ 0
 * @param meanCoupling J0, the mean coupling × N, finite
 * @param symmetry     η ∈ [−1, 1]
 * @param zeroDiagonal whether J_ii = 0
 * @param precision    storage precision of the matrix in the simulator
 */
public record Couplings(double g, double meanCoupling, double symmetry, boolean zeroDiagonal, Precision precision) {

    public Couplings {
        Validate.finiteAtLeast("g", g, 0.0);
        Validate.finite("j0", meanCoupling);
        if (!(symmetry >= -1.0 && symmetry <= 1.0)) {
            throw new IllegalArgumentException("eta (coupling symmetry) must be in [-1, 1] (got " + symmetry + ")");
        }
        if (precision == null) {
            throw new IllegalArgumentException("precision must be FLOAT64 or FLOAT32");
        }
    }

    /** I.i.d. zero-mean couplings of gain g, float64, diagonal kept: the SCS ensemble. */
    public static Couplings gaussian(double g) {
        return new Couplings(g, 0.0, 0.0, false, Precision.FLOAT64);
    }

    /** The same ensemble at gain g. */
    public Couplings withGain(double gain) {
        return new Couplings(gain, meanCoupling, symmetry, zeroDiagonal, precision);
    }

    public Couplings withMean(double j0) {
        return new Couplings(g, j0, symmetry, zeroDiagonal, precision);
    }

    public Couplings withSymmetry(double eta) {
        return new Couplings(g, meanCoupling, eta, zeroDiagonal, precision);
    }

    public Couplings withZeroDiagonal(boolean zero) {
        return new Couplings(g, meanCoupling, symmetry, zero, precision);
    }

    public Couplings withPrecision(Precision p) {
        return new Couplings(g, meanCoupling, symmetry, zeroDiagonal, p);
    }
}
