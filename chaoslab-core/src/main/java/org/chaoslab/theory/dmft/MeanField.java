package org.chaoslab.theory.dmft;

import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.gauss.PiecewiseSmooth;
import org.chaoslab.gauss.TransferIntegrands;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunction;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.analysis.solvers.AllowedSolution;

/**
 * The mean-field description of a rate network dx/dt = −x + Jφ(x) + I, J_ij ~ N(J0/N, g²/N),
 * I_i with population mean I and variance σ_I²: the Gaussian averages that all DMFT equations are
 * made of. Immutable.
 */
final class MeanField {

    final double g;
    final double g2;
    final double j0;
    final double inputMean;
    final double inputVariance;
    final TransferFunction transfer;
    final PiecewiseSmooth phi;
    final PiecewiseSmooth dphi;
    final PiecewiseSmooth bigPhi;
    final PiecewiseSmooth phi2;
    final PiecewiseSmooth dphi2;
    final GaussianExpectation engine;

    MeanField(double g, double j0, double inputMean, double inputVariance, TransferFunction transfer,
              GaussianExpectation engine) {
        this.g = g;
        this.g2 = g * g;
        this.j0 = j0;
        this.inputMean = inputMean;
        this.inputVariance = inputVariance;
        this.transfer = transfer;
        this.engine = engine;
        this.phi = TransferIntegrands.phi(transfer);
        this.dphi = TransferIntegrands.derivative(transfer);
        this.bigPhi = TransferIntegrands.antiderivative(transfer);
        this.phi2 = TransferIntegrands.phiSquared(transfer);
        this.dphi2 = TransferIntegrands.derivativeSquared(transfer);
    }

    static MeanField of(RateNetwork network, GaussianExpectation engine) {
        return new MeanField(network.gain(), network.couplings().meanCoupling(), network.input().mean(),
                network.input().variance(), network.transfer(), engine);
    }

    /** The same problem at another coupling gain. */
    MeanField withGain(double gain) {
        return new MeanField(gain, j0, inputMean, inputVariance, transfer, engine);
    }

    /** Smallest variance used where a kink must be seen from both sides (limit v → 0⁺). */
    static double regularized(double variance, double mean) {
        return Math.max(variance, 1e-24 * (1.0 + mean * mean));
    }

    /** ⟨φ⟩ for x ~ N(μ, v). */
    double meanRate(double mu, double v) {
        return engine.expectation(phi, mu, v);
    }

    /** ⟨φ²⟩ for x ~ N(μ, v). */
    double meanSquareRate(double mu, double v) {
        return engine.expectation(phi2, mu, v);
    }

    /** ⟨φ′²⟩ for x ~ N(μ, v⁺), seen from both sides of a kink at v = 0. */
    double meanSquareSlope(double mu, double v) {
        return engine.expectation(dphi2, mu, regularized(v, mu));
    }

    /** F_φ(c; μ, q) = ⟨φ(x)φ(y)⟩. */
    double rateCorrelation(double mu, double q, double c) {
        return engine.correlation(phi, mu, q, c);
    }

    /** F_{φ′}(c; μ, q) = ⟨φ′(x)φ′(y)⟩ = ∂F_φ/∂c (Price's theorem). */
    double slopeCorrelation(double mu, double q, double c) {
        return engine.correlation(dphi, mu, q, c);
    }

    /**
     * The self-consistent population mean μ = I + J0⟨φ(x)⟩, x ~ N(μ, v) (the mean part J0/N of the
     * couplings feeds back the mean rate; SCS 1988 with a mean coupling, cf. Kadmon &amp; Sompolinsky
     * 2015). For J0 ≤ 0 and monotone φ the root is unique; for J0 &gt; 0 several may exist and the one
     * found by expanding a bracket around I + J0⟨φ⟩_I is returned.
     *
     * @throws NoSolutionException if no root exists (the mean activity diverges, e.g. J0⟨φ′⟩ ≥ 1
     *                             with unbounded φ)
     */
    double selfConsistentMean(double v) {
        if (j0 == 0.0) {
            return inputMean;
        }
        double mu0 = inputMean + j0 * meanRate(inputMean, v);
        double f0 = meanResidual(mu0, v);
        if (f0 == 0.0) {
            return mu0;
        }
        double step = 1e-3 * (1.0 + Math.abs(mu0) + Math.sqrt(v)) + Math.abs(f0);
        double lo = Double.NaN;
        double hi = Double.NaN;
        for (int k = 0; k < 200 && step < 1e15 * (1.0 + Math.abs(mu0)); k++, step *= 2.0) {
            double a = mu0 - step;
            double b = mu0 + step;
            if (Math.signum(meanResidual(b, v)) != Math.signum(f0)) {
                lo = mu0;
                hi = b;
                break;
            }
            if (Math.signum(meanResidual(a, v)) != Math.signum(f0)) {
                lo = a;
                hi = mu0;
                break;
            }
        }
        if (Double.isNaN(lo)) {
            throw new NoSolutionException("no self-consistent mean mu = I + J0<phi> (the mean activity diverges; J0 = "
                    + j0 + ")");
        }
        BracketingNthOrderBrentSolver solver = new BracketingNthOrderBrentSolver(1e-15, 1e-15 * (1.0 + Math.abs(mu0)), 0.0, 5);
        return solver.solve(500, x -> meanResidual(x, v), lo, hi, AllowedSolution.ANY_SIDE);
    }

    private double meanResidual(double mu, double v) {
        return mu - inputMean - j0 * meanRate(mu, v);
    }

    /**
     * The static (fixed-point) residual ρ(q) = g²⟨φ²⟩ + σ_I² − q with μ = μ(q) self-consistent
     * (SCS 1988, τ → ∞ limit of the DMFT with Δ(τ) ≡ q).
     */
    double staticResidual(double q) {
        double mu = selfConsistentMean(q);
        return g2 * meanSquareRate(mu, q) + inputVariance - q;
    }
}
