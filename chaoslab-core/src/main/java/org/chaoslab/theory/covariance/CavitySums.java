package org.chaoslab.theory.covariance;

/**
 * The frequency double sums of the two-site cavity (Clark, Abbott &amp; Litwin-Kumar, PRL 131:118401 (2023)), shared by
 * the noiseless chaotic state ({@link ChaoticDimension}) and the noise-driven one ({@link CavityCovariance}):
 * <pre>
 *   ψ^φ = ∬dω₁dω₂/(2π)² (M − 1) C^φ(ω₁)C^φ(ω₂),   M = 1/|1 − g²⟨φ′⟩² S₁S₂*|²,
 *   ψ^x = ∬dω₁dω₂/(2π)² [|U|² C^φ(ω₁)C^φ(ω₂) + 2 Re U · ⟨φ′⟩²C^x(ω₁)C^x(ω₂)],   U = g²S₁S₂* / (1 − g²⟨φ′⟩²S₁S₂*),
 * </pre>
 * S = 1/(1 + iω) (or the one-step map's γ/(e^{iωδ} − κ), {@link LeakFilter}), on the symmetric grid ω_n = 2πn h,
 * |n| ≤ {@code last}, with the trapezoid weights h·Ĉ_n. The kernels are invariant under (ω₁, ω₂) → (−ω₁, −ω₂) (S(−ω) =
 * S(ω)*) and the spectra even, so rows ω₁ &gt; 0 count twice and ω₁ &lt; 0 are skipped.
 *
 * @param psiX       ψ^x = N × mean squared equal-time cross-covariance of x
 * @param psiPhi     ψ^φ, the same for φ(x)
 * @param varianceX  h Σ Ĉ^x_n, the discrete Parseval sum (= C^x(τ = 0) of the sampled profile)
 * @param variancePhi h Σ Ĉ^φ_n
 * @param overlapX   N × the covariance over pairs of the equal-time and the zero-frequency c_ij of x: the ψ^x kernel
 *                   along ω₂ = 0 with the zero-frequency spectra there (what the finite-T term of the equal-time
 *                   estimator needs)
 */
record CavitySums(double psiX, double psiPhi, double varianceX, double variancePhi, double overlapX) {

    /**
     * @param specX Ĉ^x_n, n = 0 … at least {@code last}
     * @param specP Ĉ^φ_n (centred)
     * @param h     the frequency step in cycles, 1/(P dτ)
     * @param last  the largest |n| summed
     * @param g2    g²
     * @param slope ⟨φ′⟩, the mean gain
     */
    static CavitySums of(double[] specX, double[] specP, double h, int last, double g2, double slope) {
        return of(specX, specP, h, last, g2, slope, LeakFilter.CONTINUOUS);
    }

    /** The same with the unit's transfer function {@code leak}. */
    static CavitySums of(double[] specX, double[] specP, double h, int last, double g2, double slope, LeakFilter leak) {
        double dOmega = 2.0 * Math.PI * h;
        double gain2 = g2 * slope * slope;
        int m = 2 * last + 1;
        double[] omega = new double[m];
        double[] wx = new double[m];
        double[] wp = new double[m];
        for (int j = 0; j < m; j++) {
            int n = j - last;
            omega[j] = n * dOmega;
            wx[j] = h * specX[Math.abs(n)];
            wp[j] = h * specP[Math.abs(n)];
        }
        double psiPhi = 0.0;
        double psiX = 0.0;
        double sumX = 0.0;
        double sumP = 0.0;
        for (int a = 0; a < m; a++) {
            sumX += wx[a];
            sumP += wp[a];
        }
        Row row = new Row(omega, leak);
        double overlap = 0.0;
        for (int a = last; a < m; a++) {
            row.fill(a, g2, gain2);
            double rowPhi = 0.0;
            double rowPhiX = 0.0;
            double rowXX = 0.0;
            for (int b = 0; b < m; b++) {
                rowPhi += (row.inv[b] - 1.0) * wp[b];
                rowPhiX += row.u2[b] * wp[b];
                rowXX += row.uRe[b] * wx[b];
            }
            double weight = a == last ? 1.0 : 2.0;
            psiPhi += weight * wp[a] * rowPhi;
            psiX += weight * (wp[a] * rowPhiX + 2.0 * slope * slope * wx[a] * rowXX);
            // ω₂ = 0 (b = last) with the zero-frequency spectra Ĉ(0) in place of h·Ĉ
            overlap += weight * (wp[a] * row.u2[last] * specP[0] + 2.0 * slope * slope * wx[a] * row.uRe[last] * specX[0]);
        }
        return new CavitySums(psiX, psiPhi, sumX, sumP, overlap);
    }

    /**
     * ψ^x for a state with a static (quenched) part: unit k sits at its own offset z_k, with its own mean gain γ_k and
     * rate spectrum C^φ_k(ω), while the fluctuation spectrum C^x is the same for all units. The resolvent paths weigh
     * their intermediate units by g²γ_k² on average, so R² = g²E[γ²] in U = g²S₁S₂* / (1 − R²S₁S₂*), and the two terms
     * average over the unit they start from (docs/correlations-nonlinear.md, "Non-odd φ"):
     * <pre>  ψ^x = ∬ [|U|² E_k[C^φ_k(ω₁)C^φ_k(ω₂)] + 2 Re U · E[γ²] C^x(ω₁)C^x(ω₂)]</pre>
     * With one offset of weight 1 this is the homogeneous sum of {@link #of} (up to rounding).
     *
     * @param specX     Ĉ^x_n of the fluctuations
     * @param specPhi   Ĉ^φ_n of the units at each offset node
     * @param weights   the offsets' quadrature weights (sum 1)
     * @param meanSquareSlope E[γ²] over the offsets
     * @return {ψ^x, h Σ Ĉ^x_n, the overlap (as {@link #overlapX}: the kernel along ω₂ = 0 with the zero-frequency
     *         spectra, E_k[Ĉ^φ_k(ω₁)Ĉ^φ_k(0)] in the |U|² term)}
     */
    static double[] heterogeneous(double[] specX, double[][] specPhi, double[] weights, double h, int last, double g2,
                                  double meanSquareSlope, LeakFilter leak) {
        double dOmega = 2.0 * Math.PI * h;
        double r2 = g2 * meanSquareSlope;
        int m = 2 * last + 1;
        int nz = weights.length;
        double[] omega = new double[m];
        double[] wx = new double[m];
        double[][] wp = new double[nz][m];
        for (int j = 0; j < m; j++) {
            int n = j - last;
            omega[j] = n * dOmega;
            wx[j] = h * specX[Math.abs(n)];
            for (int z = 0; z < nz; z++) {
                wp[z][j] = h * specPhi[z][Math.abs(n)];
            }
        }
        double sumX = 0.0;
        for (int a = 0; a < m; a++) {
            sumX += wx[a];
        }
        double psiX = 0.0;
        double overlap = 0.0;
        Row row = new Row(omega, leak);
        for (int a = last; a < m; a++) {
            row.fill(a, g2, r2);
            double rowXX = 0.0;
            for (int b = 0; b < m; b++) {
                rowXX += row.uRe[b] * wx[b];
            }
            double rowPhi = 0.0;
            double atZero = 0.0;
            for (int z = 0; z < nz; z++) {
                double[] p = wp[z];
                double inner = 0.0;
                for (int b = 0; b < m; b++) {
                    inner += row.u2[b] * p[b];
                }
                rowPhi += weights[z] * p[a] * inner;
                atZero += weights[z] * p[a] * specPhi[z][0];
            }
            double weight = a == last ? 1.0 : 2.0;
            psiX += weight * (rowPhi + 2.0 * meanSquareSlope * wx[a] * rowXX);
            // ω₂ = 0 (b = last) with the zero-frequency spectra Ĉ(0) in place of h·Ĉ
            overlap += weight * (row.u2[last] * atZero + 2.0 * meanSquareSlope * wx[a] * row.uRe[last] * specX[0]);
        }
        return new double[] {psiX, sumX, overlap};
    }

    /** The cavity kernels along one row ω₁ of the frequency grid, for every ω₂. */
    private static final class Row {
        /** Re S and Im S on the grid. */
        private final double[] sr;
        private final double[] si;
        /** 1/|q|², q = 1 − R²S₁S₂* (so M − 1 = inv − 1). */
        final double[] inv;
        /** Re U, U = g²S₁S₂* / q. */
        final double[] uRe;
        /** |U|². */
        final double[] u2;

        Row(double[] omega, LeakFilter leak) {
            int m = omega.length;
            sr = new double[m];
            si = new double[m];
            double[] s = new double[2];
            for (int b = 0; b < m; b++) {
                leak.at(omega[b], s);
                sr[b] = s[0];
                si[b] = s[1];
            }
            inv = new double[m];
            uRe = new double[m];
            u2 = new double[m];
        }

        /** The kernels of row ω₁ = ω_a. */
        void fill(int a, double g2, double r2) {
            double ar = sr[a];
            double ai = si[a];
            for (int b = 0; b < sr.length; b++) {
                // S₁S₂*
                double sRe = ar * sr[b] + ai * si[b];
                double sIm = ai * sr[b] - ar * si[b];
                // q = 1 − R² S₁S₂*
                double qRe = 1.0 - r2 * sRe;
                double qIm = -r2 * sIm;
                double in = 1.0 / (qRe * qRe + qIm * qIm);
                inv[b] = in;
                // U = g² S₁S₂*/q: Re U = g² Re[S q̄]/|q|², |U|² = g⁴|S|²/|q|²
                uRe[b] = g2 * (sRe * qRe + sIm * qIm) * in;
                u2[b] = g2 * g2 * (sRe * sRe + sIm * sIm) * in;
            }
        }
    }
}
