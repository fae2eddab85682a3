package org.chaoslab.theory.dmft;

import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.gauss.PiecewiseSmooth;
import org.chaoslab.gauss.TransferIntegrands;
import org.chaoslab.gauss.TrapezoidRule;
import org.chaoslab.model.Couplings;
import org.chaoslab.model.ExternalInput;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.model.TransferFunctions;
import org.jtransforms.fft.DoubleFFT_1D;

/** Networks and independent checks of DMFT solutions shared by the tests. */
final class DmftTestSupport {

    /** An engine with a different (fixed, fine) rule than the solver's, for residual checks. */
    static final GaussianExpectation CHECK = new GaussianExpectation(TrapezoidRule.fixed(4001, 12.0));

    private DmftTestSupport() {
    }

    static RateNetwork network(String phi, double g, double j0, double input) {
        return new RateNetwork(1000, Couplings.gaussian(g).withMean(j0), TransferFunctions.parse(phi),
                new ExternalInput.Constant(input));
    }

    /** The residuals (plateau, energy, mean) of a solution, evaluated with {@link #CHECK}. */
    static double[] residuals(RateNetwork net, DmftSolution s) {
        TransferFunction tf = net.transfer();
        PiecewiseSmooth phi = TransferIntegrands.phi(tf);
        PiecewiseSmooth bigPhi = TransferIntegrands.antiderivative(tf);
        double g2 = net.gain() * net.gain();
        double s2 = net.input().variance();
        double d0 = s.delta0();
        double dInf = s.deltaInf();
        double mu = s.mean();
        // Δ∞ = g² F_φ(Δ∞; μ, Δ0) + σ_I²
        double plateau = dInf - g2 * CHECK.correlation(phi, mu, d0, dInf) - s2;
        // V(Δ) = −Δ²/2 + g² F_Φ(Δ) + σ_I² Δ;  V(Δ0) = V(Δ∞)
        double v0 = -0.5 * d0 * d0 + g2 * CHECK.correlation(bigPhi, mu, d0, d0) + s2 * d0;
        double vInf = -0.5 * dInf * dInf + g2 * CHECK.correlation(bigPhi, mu, d0, dInf) + s2 * dInf;
        // μ = I + J0 ⟨φ⟩
        double meanEq = mu - net.input().mean() - net.couplings().meanCoupling() * CHECK.expectation(phi, mu, d0);
        return new double[] {plateau, v0 - vInf, meanEq};
    }

    /**
     * max over the grid of |Δ″_FD − (Δ − g²C − σ_I²)| and the tolerance it should meet:
     * dτ²/12·max|Δ⁗| (truncation of the central difference, Δ⁗ estimated by the fourth difference on
     * the grid, whose own noise ~16ε/dτ⁴ is far below Δ⁗ here) + 4ε/dτ² with ε = 10⁻¹² Δ0 (rounding
     * and integration error of the values), with a factor 1.5 for the variation of Δ⁗ along the grid.
     */
    static double[] secondDerivativeResidual(RateNetwork net, DmftSolution s) {
        double[] d = s.delta();
        double[] c = s.rateCorrelation();
        double h = s.tau()[1] - s.tau()[0];
        double g2 = net.gain() * net.gain();
        double s2 = net.input().variance();
        int n = d.length;
        double worst = 0.0;
        for (int k = 0; k < n - 1; k++) {
            double left = k == 0 ? d[1] : d[k - 1]; // Δ is even: Δ(−dτ) = Δ(dτ)
            double fd = (left - 2 * d[k] + d[k + 1]) / (h * h);
            worst = Math.max(worst, Math.abs(fd - (d[k] - g2 * c[k] - s2)));
        }
        double m4 = 0.0;
        for (int k = 2; k < n - 2; k++) {
            double d4 = (d[k - 2] - 4 * d[k - 1] + 6 * d[k] - 4 * d[k + 1] + d[k + 2]) / Math.pow(h, 4);
            m4 = Math.max(m4, Math.abs(d4));
        }
        double tol = 1.5 * h * h / 12 * m4 + 4 * 1e-12 * s.delta0() / (h * h);
        return new double[] {worst, tol};
    }

    /**
     * The Fourier-space fixed point: inverse FFT of g²Ĉ(ω)/(1 + ω²) of the even extension of C − C∞,
     * compared with Δ − Δ∞ (independent of the energy argument). Returns max |difference|.
     */
    static double fourierResidual(RateNetwork net, DmftSolution s) {
        double[] d = s.delta();
        double[] c = s.rateCorrelation();
        double h = s.tau()[1] - s.tau()[0];
        double g2 = net.gain() * net.gain();
        int m = d.length;
        int n = 2 * (m - 1);
        double[] a = new double[n];
        for (int j = 0; j < m; j++) {
            a[j] = g2 * (c[j] - s.cInf());
        }
        for (int j = 1; j < m - 1; j++) {
            a[n - j] = a[j];
        }
        DoubleFFT_1D fft = new DoubleFFT_1D(n);
        fft.realForward(a);
        // packing: a[0] = Re X_0, a[1] = Re X_{n/2}, a[2k], a[2k+1] = Re, Im X_k
        a[0] *= 1.0;
        double nyquist = Math.PI / h;
        a[1] /= 1 + nyquist * nyquist;
        for (int k = 1; k < n / 2; k++) {
            double w = 2 * Math.PI * k / (n * h);
            double f = 1.0 / (1 + w * w);
            a[2 * k] *= f;
            a[2 * k + 1] *= f;
        }
        fft.realInverse(a, true);
        double worst = 0.0;
        for (int j = 0; j < m; j++) {
            worst = Math.max(worst, Math.abs(a[j] - (d[j] - s.deltaInf())));
        }
        return worst;
    }

    /** Linear interpolation of y(x) on a uniform grid. */
    static double interpolate(double[] x, double[] y, double at) {
        double h = x[1] - x[0];
        int k = (int) Math.floor(at / h);
        if (k >= x.length - 1) {
            return y[y.length - 1];
        }
        double w = (at - x[k]) / h;
        return (1 - w) * y[k] + w * y[k + 1];
    }
}
