package org.chaoslab.sim.lyapunov;

import static org.assertj.core.api.Assertions.assertThat;

import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.RealizedRateNetwork;
import org.junit.jupiter.api.Test;

/**
 * For φ(x) = x the tangent dynamics do not depend on the state: the Jacobian is the constant matrix
 * A = −1 + J (flow) or M = (1−δ)I + δJ (Euler map), and the Lyapunov exponents are the logarithms of
 * the moduli of the eigenvalues of the step map, per unit time (each complex pair counted twice).
 * The state itself decays to 0 for g &lt; 1, which does not matter.
 *
 * <p>Accuracy: after the warm-up the QR exponents of a constant linear map converge like c/T with
 * c = O(log κ), κ the condition number of the eigenvector basis (the orthonormal frame and the
 * eigenvectors differ by a bounded change of basis, whose log-volume distortion does not grow with T).
 */
class LinearSpectrumTest {

    private static final int N = 40;

    private static RealizedRateNetwork linear(double g, long seed) {
        return RealizedRateNetwork.draw(RateNetwork.scs(N, g, new TransferFunctions.Linear()), seed, 1);
    }

    private static double maxError(double[] a, double[] b) {
        double e = 0;
        for (int i = 0; i < a.length; i++) {
            e = Math.max(e, Math.abs(a[i] - b[i]));
        }
        return e;
    }

    @Test
    void flowSpectrumIsTheRealPartsOfTheEigenvaluesOfMinusOnePlusJ() {
        RealizedRateNetwork r = linear(0.6, 21);
        double dt = 0.05;
        double t = 2000;
        LyapunovSettings s = new LyapunovSettings(dt, IntegratorKind.RK4, N, 1.0, new LyapunovSettings.Warmup(0, 50), t, 3, 2);
        LyapunovSpectrum spec = LyapunovAnalyzer.spectrum(r, s, ProgressListener.NONE);
        double[][] ev = Eigen.eigenvalues(LyapunovAnalyzer.float64(r.couplings()), N);
        double[] flow = new double[N];
        double[] rk4Map = new double[N];
        for (int i = 0; i < N; i++) {
            double re = -1 + ev[0][i];
            double im = ev[1][i];
            flow[i] = re;
            // RK4 step map of a linear system: p(δμ) = 1 + z + z²/2 + z³/6 + z⁴/24, exponent log|p|/δ
            double zr = dt * re;
            double zi = dt * im;
            double pr = 1;
            double pi = 0;
            double tr = 1;
            double ti = 0;
            for (int m = 1; m <= 4; m++) {
                double nr = (tr * zr - ti * zi) / m;
                double ni = (tr * zi + ti * zr) / m;
                tr = nr;
                ti = ni;
                pr += tr;
                pi += ti;
            }
            rk4Map[i] = Math.log(Math.hypot(pr, pi)) / dt;
        }
        double errMap = maxError(spec.exponents(), Eigen.descending(rk4Map));
        double errFlow = maxError(spec.exponents(), Eigen.descending(flow));
        System.out.printf("linear flow (RK4 dt=%.2f, T=%.0f): max |λ − log|p(δμ)|/δ| = %.2e, max |λ − Re μ| = %.2e%n",
                dt, t, errMap, errFlow);
        // c/T with c = O(log κ) ≈ a few: 5/T = 2.5e-3
        assertThat(errMap).isLessThan(5.0 / t);
        // the RK4 map differs from the flow by |δμ|⁵/120/δ ≤ (0.05·1.7)⁵/6 ≈ 7e-7 per exponent: same bound
        assertThat(errFlow).isLessThan(5.0 / t);
    }

    @Test
    void eulerMapSpectrumIsTheLogModuliOfItsEigenvaluesPerStep() {
        RealizedRateNetwork r = linear(0.8, 22);
        for (IntegratorKind kind : new IntegratorKind[] {IntegratorKind.EULER, IntegratorKind.EXPONENTIAL_EULER}) {
            double dt = 0.5; // a coarse map, far from the flow: ln|1 − δ + δν|/δ ≠ Re(ν) − 1
            double t = 4000;
            LyapunovSettings s = new LyapunovSettings(dt, kind, N, 1.0, new LyapunovSettings.Warmup(0, 50), t, 4, 2);
            LyapunovSpectrum spec = LyapunovAnalyzer.spectrum(r, s, ProgressListener.NONE);
            double[][] ev = Eigen.eigenvalues(LyapunovAnalyzer.float64(r.couplings()), N);
            double a = kind == IntegratorKind.EULER ? 1 - dt : Math.exp(-dt);
            double b = kind == IntegratorKind.EULER ? dt : -Math.expm1(-dt);
            double[] map = new double[N];
            double[] flow = new double[N];
            for (int i = 0; i < N; i++) {
                map[i] = Math.log(Math.hypot(a + b * ev[0][i], b * ev[1][i])) / dt;
                flow[i] = ev[0][i] - 1;
            }
            double err = maxError(spec.exponents(), Eigen.descending(map));
            double offFlow = maxError(Eigen.descending(map), Eigen.descending(flow));
            System.out.printf("linear %s map (dt=%.1f, T=%.0f): max |λ − ln|eig M|/δ| = %.2e (map vs flow differ by %.2e)%n",
                    kind, dt, t, err, offFlow);
            assertThat(err).isLessThan(5.0 / t);
            // and the check is not trivially the flow's: the map's exponents differ from Re μ by ≫ the tolerance
            assertThat(offFlow).isGreaterThan(20 * 5.0 / t);
        }
    }
}
