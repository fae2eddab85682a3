package org.chaoslab.theory.covariance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hipparchus.complex.Complex;

/**
 * Expected normalized traces τ(X) = E N⁻¹ tr X of products ("words") of resolvents of a real Gaussian matrix W,
 * W_ij ~ N(0, s/N) i.i.d. (diagonal drawn like the rest, or W_ii = 0), to first order in 1/N:
 * τ(X) = τ₀(X) + τ₁(X)/N + O(1/N²). A factor is G_z = (z − W)⁻¹ or H_z = (z − Wᵀ)⁻¹ = G_zᵀ, with |z|² &gt; s so that
 * every resolvent is outside the circular law (the arguments of the covariance integrals: z = 1 + iω for the
 * continuous network, the discrete-time contour for a stepping scheme).
 *
 * <p>Method (docs/finite-size-covariance.md, "Words of resolvents"): for a word G_z B, z τ(G_z B) = τ(B) + τ(W G_z B),
 * and Stein's lemma E[W_ij F] = (s/N) E[∂F/∂W_ij] with ∂G/∂W_ij = G e_i e_jᵀ G, ∂H/∂W_ij = H e_j e_iᵀ H gives, for
 * each factor F of G_z B with P the word up to and including F and Q the word from F on,
 * <ul>
 *   <li>F an H: the planar splitting s·τ(P)·τ(Q) (the covariance of two normalized traces is O(1/N²));</li>
 *   <li>F a G: the twisted (one cross-cap) term (s/N)·τ₀(Pᵀ Q), present for real W only (Pᵀ reverses P and turns each
 *       G_z into H_z and back);</li>
 *   <li>with W_ii = 0 the terms i = j are absent: −(s/N)·τ₀(P)·τ₀(Q) for every factor.</li>
 * </ul>
 * The splitting at the last factor returns the word itself, which is solved for. Words without any G are transposed,
 * words are rotated to start at a G (the trace is cyclic). The planar part alone reproduces the circular-law values
 * (τ₀(G_z) = 1/z, τ₀(G_z H_w) = 1/(zw − s)); the first-order part reproduces the hand-derived zero-frequency
 * coefficients of {@link LinearCovariance#zeroFrequencyFiniteSize} at z = w = 1 (ResolventTracesTest).
 *
 * <p>Not thread-safe (it memoizes words); {@link #clear()} drops the memo when the arguments change.
 */
public final class ResolventTraces {

    /**
     * One factor of a word.
     *
     * @param transposed false for G_z = (z − W)⁻¹, true for H_z = (z − Wᵀ)⁻¹
     * @param z          the argument
     */
    public record Factor(boolean transposed, Complex z) {

        /** G_z = (z − W)⁻¹. */
        public static Factor g(Complex z) {
            return new Factor(false, z);
        }

        /** H_z = (z − Wᵀ)⁻¹. */
        public static Factor h(Complex z) {
            return new Factor(true, z);
        }

        Factor transpose() {
            return new Factor(!transposed, z);
        }
    }

    /**
     * τ = planar + firstOrder/N + O(1/N²).
     *
     * @param planar     the N → ∞ value
     * @param firstOrder the coefficient of 1/N
     */
    public record Expansion(Complex planar, Complex firstOrder) {

        static final Expansion ONE = new Expansion(Complex.ONE, Complex.ZERO);

        Expansion times(Expansion o) {
            return new Expansion(planar.multiply(o.planar), planar.multiply(o.firstOrder).add(firstOrder.multiply(o.planar)));
        }
    }

    private final double s;
    private final boolean zeroDiagonal;
    private final Map<List<Factor>, Complex> planarMemo = new HashMap<>();
    private final Map<List<Factor>, Expansion> memo = new HashMap<>();

    /**
     * @param s            the variance scale: Var W_ij = s/N (s = R², R the radius of the circular law)
     * @param zeroDiagonal whether W_ii = 0
     */
    public ResolventTraces(double s, boolean zeroDiagonal) {
        if (!(s >= 0.0 && s < 1e6)) {
            throw new IllegalArgumentException("s = R^2 must be finite and >= 0 (got " + s + ")");
        }
        this.s = s;
        this.zeroDiagonal = zeroDiagonal;
    }

    /** τ(word) to first order in 1/N. */
    public Expansion trace(Factor... word) {
        return expansion(List.of(word));
    }

    /** τ₀(word) alone (the N → ∞ value; cheaper than {@link #trace} when the 1/N part is not needed). */
    public Complex planarTrace(Factor... word) {
        return planar(List.of(word));
    }

    /** Forgets the memoized words (call when the arguments change, to bound the memory). */
    public void clear() {
        planarMemo.clear();
        memo.clear();
    }

    private static List<Factor> transpose(List<Factor> word) {
        List<Factor> t = new ArrayList<>(word.size());
        for (int k = word.size() - 1; k >= 0; k--) {
            t.add(word.get(k).transpose());
        }
        return t;
    }

    /** The word rotated to start at a G (transposed first when it has none). */
    private static List<Factor> canonical(List<Factor> word) {
        List<Factor> w = word;
        int first = firstG(w);
        if (first < 0) {
            w = transpose(w);
            first = firstG(w);
        }
        if (first == 0) {
            return w;
        }
        List<Factor> r = new ArrayList<>(w.size());
        r.addAll(w.subList(first, w.size()));
        r.addAll(w.subList(0, first));
        return r;
    }

    private static int firstG(List<Factor> w) {
        for (int k = 0; k < w.size(); k++) {
            if (!w.get(k).transposed()) {
                return k;
            }
        }
        return -1;
    }

    private static List<Factor> concat(List<Factor> a, List<Factor> b) {
        List<Factor> r = new ArrayList<>(a.size() + b.size());
        r.addAll(a);
        r.addAll(b);
        return r;
    }

    /** τ₀(word): the planar recursion alone. */
    private Complex planar(List<Factor> word) {
        if (word.isEmpty()) {
            return Complex.ONE;
        }
        List<Factor> w = canonical(word);
        Complex known = planarMemo.get(w);
        if (known != null) {
            return known;
        }
        int n = w.size();
        Complex rhs = planar(w.subList(1, n));
        Complex self = Complex.ZERO;
        for (int k = 1; k < n; k++) {
            if (!w.get(k).transposed()) {
                continue;
            }
            if (k == n - 1) {
                self = planar(w.subList(k, n)).multiply(s);
            } else {
                rhs = rhs.add(planar(w.subList(0, k + 1)).multiply(planar(w.subList(k, n))).multiply(s));
            }
        }
        Complex v = rhs.divide(w.get(0).z().subtract(self));
        planarMemo.put(w, v);
        return v;
    }

    private Expansion expansion(List<Factor> word) {
        if (word.isEmpty()) {
            return Expansion.ONE;
        }
        List<Factor> w = canonical(word);
        Expansion known = memo.get(w);
        if (known != null) {
            return known;
        }
        int n = w.size();
        Expansion b = expansion(w.subList(1, n));
        Complex rhs0 = b.planar();
        Complex rhs1 = b.firstOrder();
        Expansion self = new Expansion(Complex.ZERO, Complex.ZERO);
        for (int k = 0; k < n; k++) {
            List<Factor> p = w.subList(0, k + 1);
            List<Factor> q = w.subList(k, n);
            if (w.get(k).transposed()) {
                if (k == n - 1) {
                    Expansion h = expansion(q);
                    self = new Expansion(h.planar().multiply(s), h.firstOrder().multiply(s));
                } else {
                    Expansion pq = expansion(p).times(expansion(q));
                    rhs0 = rhs0.add(pq.planar().multiply(s));
                    rhs1 = rhs1.add(pq.firstOrder().multiply(s));
                }
            } else {
                rhs1 = rhs1.add(planar(concat(transpose(p), q)).multiply(s));     // twisted
            }
            if (zeroDiagonal) {
                rhs1 = rhs1.subtract(planar(p).multiply(planar(q)).multiply(s));
            }
        }
        // z T = rhs + self·T, self = s τ(H_last) when the word ends with an H
        Complex d0 = w.get(0).z().subtract(self.planar());
        Complex v0 = rhs0.divide(d0);
        Complex v1 = rhs1.add(v0.multiply(self.firstOrder())).divide(d0);
        Expansion v = new Expansion(v0, v1);
        memo.put(w, v);
        return v;
    }
}
