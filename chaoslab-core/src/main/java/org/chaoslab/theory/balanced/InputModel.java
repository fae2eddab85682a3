package org.chaoslab.theory.balanced;

/** How the mean-field theory treats the recurrent input of a unit. */
public enum InputModel {
    /**
     * Gaussian input of mean u_k and variance α_k: m_k = H(−u_k/√α_k) (van Vreeswijk &amp; Sompolinsky 1998,
     * eq. 3.10), the large-K form; its error in the rates is O(1/√K) relative through the skewness of the
     * few active inputs (about K·m of them).
     */
    GAUSSIAN,
    /**
     * Integer numbers of active inputs: Poisson(K m_l) for Bernoulli connectivity, Binomial(K, m_l) for
     * fixed in-degree, m_k = Σ p_E(n_E) p_I(n_I) Θ(u(n_E, n_I)) (the notes' eqs. 17–18, van Vreeswijk &amp;
     * Sompolinsky 1998, eq. 3.2); the quenched heterogeneity (q, β, rate distribution) keeps the Gaussian
     * form with the mean input shifted to reproduce these rates.
     */
    DISCRETE;

    /** Parses "gaussian" or "discrete". */
    public static InputModel parse(String s) {
        return switch (s == null ? "" : s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "gaussian" -> GAUSSIAN;
            case "discrete", "poisson", "counts" -> DISCRETE;
            default -> throw new IllegalArgumentException("input model must be one of gaussian, discrete (got " + s + ")");
        };
    }

    /** The CLI spelling. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
