package org.chaoslab.theory.dmft;

import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.model.Couplings;
import org.chaoslab.model.RateNetwork;
import org.hipparchus.analysis.solvers.AllowedSolution;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;

/** What the white- and OU-noise solvers share: assembling the solution with λ_max, and the transition root finding. */
final class NoisySolutions {

    private NoisySolutions() {
    }

    /** The solution record from c(τ) on the grid, with C(τ), s = g²⟨φ′²⟩ and λ_max (ground state of H; NaN if not asked). */
    static NoisyDmftSolution finish(MeanField mf, GaussianExpectation engine, RateNetwork network, double sigma, double c0,
                                    double cInf, double mu, double kappa, double[] tau, double[] c,
                                    boolean withLyapunov) {
        double[] rate = new double[tau.length];
        for (int k = 0; k < tau.length; k++) {
            rate[k] = mf.rateCorrelation(mu, c0, Math.max(-c0, Math.min(c0, c[k])));
        }
        double s = mf.g2 * mf.meanSquareSlope(mu, c0);
        double lambda = !withLyapunov ? Double.NaN : mf.g == 0.0 ? -1.0
                : new DmftLyapunov(engine, 0.01).groundState(tau, c, c0, cInf, mu, mf.g, kappa, network.transfer()).lambdaMax();
        return new NoisyDmftSolution(mf.g, network.transfer().name(), network.input().noise().label(), sigma, c0, cInf, mu,
                mf.meanSquareRate(mu, c0), mf.rateCorrelation(mu, c0, cInf), kappa, s, lambda,
                Double.isNaN(lambda) ? "not computed" : lambda > 0 ? "chaotic" : "noise-driven", tau, c, rate);
    }

    /**
     * The transition: g_local is the root of {@code localExcess} (g²⟨φ′²⟩ − 1 at the noisy state), found from the
     * noiseless fixed-point instability 1/√⟨φ′²⟩ outward; g_c the root of {@code lambdaMax} on a network with gain g
     * (mean coupling, symmetry and input kept), searched from g_local upward (noise pushes it above the local line).
     */
    static Transition transition(RateNetwork network, DoubleUnaryOperator localExcess, ToDoubleFunction<RateNetwork> lambdaMax,
                               MeanField base) {
        double start = 1.0 / Math.sqrt(base.meanSquareSlope(base.inputMean, 0.0));
        double gLocal = root(localExcess, Double.isFinite(start) && start > 0 ? start : 1.0);
        Couplings c = network.couplings();
        double gCritical = root(g -> lambdaMax.applyAsDouble(network.withCouplings(new Couplings(g, c.meanCoupling(),
                c.symmetry(), c.zeroDiagonal(), c.precision()))), Double.isFinite(gLocal) ? gLocal : start);
        return new Transition(gCritical, gLocal);
    }

    /** A root of an increasing f by bracketing outward from {@code start} (factor 1.25) and Brent; NaN if none. */
    static double root(DoubleUnaryOperator f, double start) {
        double lo = start;
        double flo = f.applyAsDouble(lo);
        double hi = lo;
        double fhi = flo;
        for (int k = 0; k < 60 && Math.signum(fhi) == Math.signum(flo); k++) {
            if (flo > 0) {
                hi = lo;
                fhi = flo;
                lo = lo / 1.25;
                flo = f.applyAsDouble(lo);
            } else {
                lo = hi;
                flo = fhi;
                hi = hi * 1.25;
                fhi = f.applyAsDouble(hi);
            }
        }
        if (Math.signum(fhi) == Math.signum(flo)) {
            return Double.NaN;
        }
        return new BracketingNthOrderBrentSolver(1e-9, 1e-9, 1e-14, 5).solve(200, f::applyAsDouble,
                Math.min(lo, hi), Math.max(lo, hi), AllowedSolution.ANY_SIDE);
    }
}
