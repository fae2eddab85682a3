package org.chaoslab.theory.covariance;

import org.chaoslab.theory.dmft.OneStepScheme;

/**
 * The single unit's transfer function S(ω) in the cavity's frequency sums (x̂ = S·(recurrent input + noise)), and how
 * much of the frequency grid the sums cover: the ODE's 1/(1 + iω), whose spectra decay and are cut where negligible,
 * or a one-stage scheme's γ/(e^{iωδ} − κ), whose spectra are periodic and summed over the whole band up to the Nyquist
 * frequency π/δ.
 */
interface LeakFilter {

    /** The ODE dx/dt = −x + u: S = 1/(1 + iω). */
    LeakFilter CONTINUOUS = new LeakFilter() {
        @Override
        public void at(double omega, double[] reIm) {
            double den = 1.0 + omega * omega;
            reIm[0] = 1.0 / den;
            reIm[1] = -omega / den;
        }

        @Override
        public boolean wholeBand() {
            return false;
        }
    };

    /** The map x_{n+1} = κx_n + γu_n of {@code scheme}: S = γ/(e^{iωδ} − κ), S(0) = 1. */
    static LeakFilter stepped(OneStepScheme scheme) {
        return new LeakFilter() {
            @Override
            public void at(double omega, double[] reIm) {
                double[] s = scheme.leak(omega);
                reIm[0] = s[0];
                reIm[1] = s[1];
            }

            @Override
            public boolean wholeBand() {
                return true;
            }
        };
    }

    /** Writes {Re S(ω), Im S(ω)} into {@code reIm}. */
    void at(double omega, double[] reIm);

    /** Whether the sums run over the whole band |ω| ≤ π/δ of a sampled process (periodic spectra). */
    boolean wholeBand();
}
