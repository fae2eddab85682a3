package org.chaoslab.model;

/**
 * The rate network matched to a Glauber binary network (Keup, Kühn, Dahmen &amp; Helias, PRX 11:021064 (2021)):
 * τ dy_i = (−y_i + F(h_i)) dt + √(2τ a) dW_i, h_i = Σ_j J_ij y_j + x − θ, with the binary network's couplings,
 * input, threshold and τ, its gain F(h) = H(−h/σ) (Θ(h) for σ = 0), and independent white noise on each rate whose
 * stationary variance a (the output noise) supplies the part of the binary unit's variance m(1 − m) that the
 * smooth rate lacks (see {@code theory.glauber.GlauberAutocorrelation}).
 *
 * @param binary              the Glauber network matched
 * @param outputNoiseVariance a ≥ 0
 */
public record MatchedRateNetwork(GlauberNetwork binary, double outputNoiseVariance) {

    public MatchedRateNetwork {
        if (binary == null) {
            throw new IllegalArgumentException("binary network must be given");
        }
        Validate.finiteAtLeast("output noise variance", outputNoiseVariance, 0.0);
    }
}
