package org.chaoslab.theory.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.model.GlauberNetwork;
import org.chaoslab.theory.glauber.GlauberReplicaDistance;
import org.chaoslab.theory.glauber.GlauberStationaryState;
import org.junit.jupiter.api.Test;

class BinaryKernelTheoryTest {

    @Test
    void singleHeavisideLayerGivesTheArcCosineZeroKernel() {
        // g = 0, b = 0: K(Δ) = Φ₂(0, 0; cos Δ) = ¼ + arcsin(cos Δ)/(2π) = ½ − |Δ|/(2π); closed form, rounding only
        BinaryKernelTheory layer = BinaryKernelTheory.of(0.0, 1.3, 0.0);
        assertThat(layer.statistics().meanResponse()).isEqualTo(0.5);
        assertThat(layer.statistics().nugget()).isEqualTo(0.0);
        KernelCurve curve = layer.curve(33);
        double[] d = curve.delta();
        double[] k = curve.kernel();
        for (int j = 0; j < d.length; j++) {
            assertThat(k[j]).isCloseTo(0.5 - d[j] / (2 * Math.PI), within(1e-15));
        }
    }

    @Test
    void zeroThresholdFixedPointSatisfiesTheArcsineEquation() {
        // b = 0, J0 = 0: m = ½ and c* = ¼ + arcsin(ρ)/(2π), ρ = (g²c* + s²o)/(g²/2 + s²) (science notes §5); the solver
        // stops within 1e-14 of the root and the map's slope there is < 1, so 1e-13 absolute
        BinaryKernelTheory net = BinaryKernelTheory.of(1.2, 0.7, 0.0);
        double q = 1.2 * 1.2 * 0.5 + 0.49;
        for (double o : new double[] {-0.8, 0.0, 0.5, 0.9, 1.0}) {
            double c = net.kernel(o);
            double rho = (1.44 * c + 0.49 * o) / q;
            assertThat(c).isCloseTo(0.25 + Math.asin(rho) / (2 * Math.PI), within(1e-13));
        }
        // s = 0: the overlap is scale free, c* solves c = ¼ + arcsin(2c)/(2π) for every g, ν = ½ − c*
        double nu1 = BinaryKernelTheory.of(0.5, 0.0, 0.0).statistics().nugget();
        double nu2 = BinaryKernelTheory.of(3.0, 0.0, 0.0).statistics().nugget();
        assertThat(nu1).isCloseTo(nu2, within(1e-12));
        double c = 0.5 - nu1;
        assertThat(c).isCloseTo(0.25 + Math.asin(2 * c) / (2 * Math.PI), within(1e-13));
        System.out.printf("binary b = 0, s = 0: c*(0+) = %.15f, nugget = %.15f%n", c, nu1);
    }

    @Test
    void nuggetIsPositiveAtWeakCouplingAndFollowsTheSquareRootLaw() {
        // the replica map has infinite slope at c = m, so c = m repels for every g > 0; at small g,
        // ν ≈ κ² with κ = ϕ(A) g/√(πQ) (the √ law m − F ≈ κ√(m − c) at its fixed point), up to relative O(κ)
        for (double g : new double[] {0.05, 0.1, 0.3}) {
            BinaryKernelTheory net = BinaryKernelTheory.of(g, 1.0, 0.3);
            BinaryKernelSolution sol = net.solution();
            double kappa = sol.sqrtCoefficient();
            assertThat(sol.kernel().nugget()).as("nugget at g = %s", g).isGreaterThan(0.0);
            assertThat(sol.kernel().nugget()).isCloseTo(kappa * kappa, within(2.0 * kappa * kappa * kappa));
            assertThat(sol.chaos().chaotic()).isTrue();
            System.out.printf("binary g = %.2f s = 1 b = 0.3: m = %.6f nu = %.6e kappa^2 = %.6e%n", g,
                    sol.kernel().meanResponse(), sol.kernel().nugget(), kappa * kappa);
        }
    }

    @Test
    void crossTrialFixedPointAgreesWithABruteForceQuadrantIntegral() {
        // independent of Owen's T: P(h_a > 0, h_b > 0) by a midpoint sum of the bivariate normal density in rotated
        // coordinates (step 2e-3 over ±9 sd: error ~1e-6 from the quadrant edges); at the fixed point it equals c*
        BinaryKernelTheory net = new BinaryKernelTheory(1.5, 0.8, 0.4, -0.5);
        BinaryKernelSolution sol = net.solution();
        double m = sol.kernel().meanResponse();
        double mu = sol.field().mean();
        double q = sol.field().variance();
        for (double o : new double[] {0.3, 1.0}) {
            double c = net.kernel(o);
            double rho = (1.5 * 1.5 * c + 0.64 * o) / q;
            double a = mu / Math.sqrt(q);
            double h = 2e-3;
            double sum = 0;
            for (double x = -9 + h / 2; x < 9; x += h) {
                for (double y = -9 + h / 2; y < 9; y += h) {
                    double z1 = x;
                    double z2 = rho * x + Math.sqrt(1 - rho * rho) * y;
                    if (z1 > -a && z2 > -a) {
                        sum += Math.exp(-0.5 * (x * x + y * y));
                    }
                }
            }
            double both = sum * h * h / (2 * Math.PI);
            assertThat(c).isCloseTo(both, within(2e-5));
            assertThat(c).isBetween(m * m, m);
        }
    }

    @Test
    void glauberStationaryOverlapIsTheQuenchedQOfGlauberMeanField() {
        // s = 0: the two-replica fixed point at o = 1 is q = [m_i²] of GlauberStationaryState (same m, same
        // equation, solved independently there via the engine's orthant integral: agreement to 1e-10)
        GaussianExpectation engine = GaussianExpectation.standard();
        double[][] cases = {{-2.0, 1.0, 0.5, 0.0}, {0.0, 1.5, 0.0, 0.3}, {1.0, 0.8, 0.2, 0.6}};
        for (double[] p : cases) {
            GlauberNetwork net = new GlauberNetwork(1000, p[0], p[1], p[2], p[3], 0.0, 1.0);
            GlauberStationaryState state = GlauberStationaryState.solve(net, engine);
            BinaryKernelTheory theory = new BinaryKernelTheory(p[1], 0.0, p[3] - p[2], p[0]);
            KernelStatistics k = theory.statistics();
            assertThat(k.meanResponse()).isCloseTo(state.m(), within(1e-12));
            assertThat(k.zeroPlus()).isCloseTo(state.q(), within(1e-10));
            assertThat(2 * k.nugget()).isCloseTo(state.decorrelatedDistance(), within(2e-10));
            // the overlap ODE with shared update times is the replica-distance ODE: τ ḋ_D = 2 τ ḋ with D = 2d
            GlauberReplicaDistance rd = new GlauberReplicaDistance(state, true, engine);
            for (double fraction : new double[] {1e-4, 0.1, 0.5}) {
                double d = fraction * k.meanResponse(); // d = m − c ∈ [0, m]
                double[] rate = theory.glauberDerivative(k.meanResponse(), k.meanResponse() - d, 1.0);
                assertThat(rate[0]).isCloseTo(0.0, within(1e-12));
                assertThat(2 * rate[1]).isCloseTo(rd.derivative(2 * d), within(1e-10));
            }
            System.out.printf("Glauber J0 = %.1f g = %.1f: m = %.10f q = %.10f kernel c*(0+) = %.10f%n",
                    p[0], p[1], state.m(), state.q(), k.zeroPlus());
        }
    }

    @Test
    void thresholdNoiseMatchesTheGlauberMeanFieldWithNoise() {
        // s = 0, sigma > 0: m and q = [m_i^2] of GlauberStationaryState (its own orthant integrals with the noise
        // variance added) against the kernel theory with Q -> Q + sigma^2 (1e-10); the nugget stays positive and
        // exceeds the noiseless one (noise decorrelates trials too)
        GaussianExpectation engine = GaussianExpectation.standard();
        double[][] cases = {{0.0, 1.0, 0.0, 0.3, 0.5}, {-1.0, 1.5, 0.2, 0.6, 1.0}, {0.0, 0.5, 0.0, 0.0, 0.3}};
        for (double[] p : cases) {
            GlauberNetwork net = new GlauberNetwork(1000, p[0], p[1], p[2], p[3], p[4], 1.0);
            GlauberStationaryState state = GlauberStationaryState.solve(net, engine);
            BinaryKernelTheory theory = new BinaryKernelTheory(p[1], 0.0, p[3] - p[2], p[0], p[4]);
            KernelStatistics k = theory.statistics();
            assertThat(k.meanResponse()).isCloseTo(state.m(), within(1e-10));
            assertThat(k.zeroPlus()).isCloseTo(state.q(), within(1e-10));
            assertThat(k.nugget()).isGreaterThan(new BinaryKernelTheory(p[1], 0.0, p[3] - p[2], p[0]).statistics().nugget());
            System.out.printf("Glauber sigma = %.1f g = %.1f: m = %.10f q = %.10f kernel c*(0+) = %.10f%n",
                    p[4], p[1], state.m(), state.q(), k.zeroPlus());
        }
        // g = 0: one noisy Heaviside layer of the stimulus, rho = s^2 o/(s^2 + sigma^2): K(o = 0) = m^2 exactly
        BinaryKernelTheory layer = new BinaryKernelTheory(0.0, 1.0, 0.3, 0.0, 0.7);
        double m = layer.statistics().meanResponse();
        assertThat(layer.kernel(0.0)).isCloseTo(m * m, within(1e-14));
    }

    @Test
    void synchronousTransientRoughnessHalvesEachStep() {
        // γ_t = 2^{1−t}; corrections: t = 1 O(Δ²), t = 2 O(Δ), t = 3 O(√Δ) ≈ 1e-3 over Δ ∈ [1e-8, 1e-6]
        // (each step's √ law has a relative correction O(1 − ρ)); tolerance 5e-3 on γ_3, 1e-4 on γ_1, γ_2
        BinaryKernelTheory net = BinaryKernelTheory.of(1.0, 1.0, 0.2);
        RoughnessExponents r = net.synchronousRoughness(0.4, 3, 1e-8, 1e-6, 7);
        double[] g = r.measured();
        System.out.printf("sync binary roughness gamma_t (t = 1, 2, 3) = %.6f %.6f %.6f%n", g[0], g[1], g[2]);
        assertThat(g[0]).isCloseTo(1.0, within(1e-4));
        assertThat(g[1]).isCloseTo(0.5, within(1e-4));
        assertThat(g[2]).isCloseTo(0.25, within(5e-3));
        assertThat(r.closedForm()).containsExactly(1.0, 0.5, 0.25);
        // the transient relaxes to the stationary overlap c*(o) at large t (slope of F at c* is < 1)
        Transient tr = net.synchronousTransient(0.4, 0.4, 200);
        assertThat(tr.overlap()[200]).isCloseTo(net.kernelOnCircle(0.4), within(1e-10));
    }

    @Test
    void glauberTransientRelaxesToTheSameStationaryOverlap() {
        // same fixed points as the synchronous map (RK4 at dt = 0.01 is accurate to ~1e-9 here; after t = 40 the
        // relaxation e^{−(1 − F′)t} is below 1e-8)
        BinaryKernelTheory net = BinaryKernelTheory.of(1.0, 1.0, 0.2);
        Transient tr = net.glauberTransient(0.4, 0.4, 40, 0.01);
        int last = tr.time().length - 1;
        assertThat(tr.overlap()[last]).isCloseTo(net.kernelOnCircle(0.4), within(1e-7));
        assertThat(tr.mean()[last]).isCloseTo(net.statistics().meanResponse(), within(1e-7));
        // the local exponent at small Δ is well below the synchronous γ_1 = 1 once the √ law has acted
        RoughnessExponents r = net.glauberRoughness(0.4, new double[] {0.1, 1.0}, 0.01, 1e-6, 1e-4, 5);
        System.out.printf("Glauber roughness at t = 0.1, 1: %.4f %.4f%n", r.measured()[0], r.measured()[1]);
        assertThat(r.measured()[1]).isLessThan(r.measured()[0]);
    }

    @Test
    void badParametersAreNamed() {
        assertThatThrownBy(() -> BinaryKernelTheory.of(-1, 1, 0)).hasMessageContaining("g");
        assertThatThrownBy(() -> BinaryKernelTheory.of(1, -1, 0)).hasMessageContaining("s (stimulus amplitude)");
        assertThatThrownBy(() -> BinaryKernelTheory.of(0, 0, 0)).hasMessageContaining("g, s or sigma");
        BinaryKernelTheory net = BinaryKernelTheory.of(1, 1, 0);
        assertThatThrownBy(() -> net.kernelOnCircle(4.0)).hasMessageContaining("delta must be in [0, pi]");
        assertThatThrownBy(() -> net.kernel(1.1)).hasMessageContaining("overlap must be in [-1, 1]");
        assertThatThrownBy(() -> net.synchronousTransient(0.1, 1.5, 3)).hasMessageContaining("m0");
    }
}
