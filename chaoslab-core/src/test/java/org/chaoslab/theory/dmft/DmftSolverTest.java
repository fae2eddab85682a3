package org.chaoslab.theory.dmft;

import static org.chaoslab.theory.dmft.DmftTestSupport.network;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.chaoslab.gauss.TransferIntegrands;
import org.chaoslab.model.Couplings;
import org.chaoslab.model.ExternalInput;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import org.junit.jupiter.api.Test;

/** Cross-checks of the autonomous DMFT. Each tolerance states its reason. */
class DmftSolverTest {

    private static final DmftSolver SOLVER = new DmftSolver();

    // ------------------------------------------------------------------ published values

    @Test
    void tanhDelta0MatchesPublishedValues() {
        // Clark, "Lyapunov spectrum of random neural networks" (davidclark1/rnn-lyapunov, data/)
        double[] gs = {1.5, 2.0, 3.0};
        double[] clark = {0.7476863, 1.9248048, 5.4463209};
        // the same equation, Δ0²/2 = g² Var log cosh x, solved with mpmath (30 digits, adaptive quad)
        double[] mpmath = {0.747686380553398067, 1.92480541373705819, 5.44632608304246422};
        for (int i = 0; i < gs.length; i++) {
            DmftSolution s = SOLVER.solve(network("tanh", gs[i], 0, 0));
            assertEquals(Phase.CHAOTIC, s.phase());
            // the published values carry ~7 digits and differ from the 30-digit solution by up to 9.5e-7
            assertEquals(clark[i], s.delta0(), 1e-6 * clark[i], "Clark, g=" + gs[i]);
            // our quadrature is accurate to ~1e-14; 1e-12 leaves room for the root-finder tolerance
            assertEquals(mpmath[i], s.delta0(), 1e-12 * mpmath[i], "mpmath, g=" + gs[i]);
            assertEquals(0.0, s.deltaInf(), 0.0, "odd phi without input: no plateau");
            assertEquals(0.0, s.mean(), 0.0);
        }
    }

    // ------------------------------------------------------------------ weak chaos

    /**
     * Near g = 1 (ε = g − 1): with φ = tanh, Φ = log cosh x = x²/2 − x⁴/12 + x⁶/45 − …, so
     * Var Φ = q²/2 − q³ + (8/3) q⁴ + O(q⁵) (Isserlis). SCS's energy condition q²/2 = g² Var Φ becomes
     * 1/g² = 1 − 2q + (16/3) q², i.e. Δ0 = ε + (7/6) ε² + O(ε³). For the shape, expand F_φ(c; q) to
     * cubic order in c: F = ⟨φ′⟩² c + ⟨φ‴⟩² c³/6 with ⟨φ′⟩ = 1 − q + …, ⟨φ‴⟩ = −2 + …, so
     * Δ″ = κ²Δ − (2/3)Δ³ with κ² = 1 − g²⟨φ′⟩² ≈ Δ0²/3. Its homoclinic solution is
     * Δ(τ) = Δ0 sech(κτ), κ = Δ0/√3 ≈ ε/√3 (the science notes' κ ≈ (g−1)/√3; a sech² profile would
     * decay at 2κ), hence τ½ = √3 arccosh(2)/ε at leading order.
     */
    @Test
    void weakChaosLimitIsApproachedLinearlyInEpsilon() {
        double[] eps = {0.04, 0.02, 0.01};
        double limitTauHalf = Math.sqrt(3.0) * acosh(2.0);
        double[] devDelta = new double[3];
        double[] devTau = new double[3];
        for (int i = 0; i < 3; i++) {
            DmftSolution s = SOLVER.solve(network("tanh", 1 + eps[i], 0, 0));
            assertEquals(Phase.CHAOTIC, s.phase());
            devDelta[i] = s.delta0() / eps[i] - 1;
            devTau[i] = eps[i] * s.tauHalf() / limitTauHalf - 1;
            // κ ≈ ε/√3 at leading order: relative deviation O(ε) (measured 0.018 at ε = 0.01)
            assertEquals(eps[i] / Math.sqrt(3), s.decayRate(), 3 * eps[i] * eps[i] / Math.sqrt(3), "kappa, eps=" + eps[i]);
        }
        for (int i = 0; i < 2; i++) {
            // deviations ∝ ε: halving ε halves them; the ratio is 2 up to O(ε) corrections (measured 1.96…1.99)
            assertEquals(2.0, devDelta[i] / devDelta[i + 1], 0.1, "Delta0/eps deviation ratio at eps=" + eps[i]);
            assertEquals(2.0, devTau[i] / devTau[i + 1], 0.1, "eps*tauHalf deviation ratio at eps=" + eps[i]);
        }
        // the O(ε) coefficient of Δ0/ε − 1 is 7/6 (derived above); at ε = 0.01 the next order shifts it by ~1%
        assertEquals(7.0 / 6.0, devDelta[2] / eps[2], 0.02);
    }

    // ------------------------------------------------------------------ phases

    @Test
    void belowTheTransitionTheFixedPointIsZero() {
        DmftSolution s = SOLVER.solve(network("tanh", 0.8, 0, 0));
        assertEquals(Phase.FIXED_POINT, s.phase());
        assertEquals("fixed-point", s.phase().label());
        assertEquals(0.0, s.delta0(), 0.0);
        assertEquals(0.0, s.deltaInf(), 0.0);
        assertEquals(0.64, s.stabilityGain(), 1e-14, "s = g² φ′(0)²");
        assertTrue(Double.isNaN(s.tauHalf()));
        for (double v : s.delta()) {
            assertEquals(0.0, v, 0.0);
        }
    }

    @Test
    void erfSolvesAndSatisfiesTheScsCondition() {
        RateNetwork net = network("erf", 2.0, 0, 0);
        DmftSolution s = SOLVER.solve(net);
        assertEquals(Phase.CHAOTIC, s.phase());
        // Δ0²/2 = g² Var Φ (SCS 1988 for odd φ), evaluated with an independent rule
        double varPhi = DmftTestSupport.CHECK.expectation(
                x -> Math.pow(TransferFunctions.parse("erf").antiderivative(x), 2), 0, s.delta0())
                - Math.pow(DmftTestSupport.CHECK.expectation(TransferFunctions.parse("erf")::antiderivative, 0, s.delta0()), 2);
        // energies are O(Δ0²) ≈ 4; both sides accurate to ~1e-14 relative
        assertEquals(0.5 * s.delta0() * s.delta0(), 4.0 * varPhi, 1e-12);
        assertEquals(1.0, s.gCritical(), 1e-10, "erf(√π x/2) has unit slope at 0");
    }

    @Test
    void nonOddTransferFunctionsHaveAPlateauAndSatisfyBothEquations() {
        // ReLU needs an input and inhibitory mean coupling: without input the problem is scale-free and the
        // network diverges beyond g = √2 (see reluWithoutInputDivergesBeyondSqrt2)
        RateNetwork[] nets = {network("relu", 1.5, -1.0, 1.0), network("sigmoid", 20.0, 0, 0),
                network("sigmoid", 15.0, 0, 0), network("threshold-linear:-0.5", 1.5, -1.0, 0.0)};
        for (RateNetwork net : nets) {
            DmftSolution s = SOLVER.solve(net);
            String id = s.phi() + " g=" + s.g();
            assertEquals(Phase.CHAOTIC, s.phase(), id);
            assertTrue(s.deltaInf() > 1e-3 && s.deltaInf() < s.delta0(), id + ": 0 < Δ∞ < Δ0");
            double[] r = DmftTestSupport.residuals(net, s);
            // the solver stops at ~1e-15 relative; the check engine is a different rule accurate to ~1e-13:
            // 1e-10 relative to Δ0 (plateau, mean) and Δ0² (energy) is the "~1e-8" of the brief with margin
            assertEquals(0.0, r[0], 1e-10 * s.delta0(), id + ": plateau residual");
            assertEquals(0.0, r[1], 1e-10 * s.delta0() * s.delta0(), id + ": energy residual");
            assertEquals(0.0, r[2], 1e-10 * (1 + Math.abs(s.mean())), id + ": mean residual");
            // C(T) − C∞ ≈ (C0 − C∞)·A e^{−κT} with A = O(1) (2 for a sech profile): allow A ≤ 4
            double[] c = s.rateCorrelation();
            double tail = 4 * (s.c0() - s.cInf()) * Math.exp(-s.decayRate() * s.tau()[c.length - 1]);
            assertEquals(s.cInf(), c[c.length - 1], tail + 1e-12 * s.c0(), id + ": C → C∞");
        }
    }

    @Test
    void sigmoidAtGain3IsAFixedPointWithQuenchedVariance() {
        // g²⟨φ′²⟩ ≤ g²/16 < 1 for the logistic sigmoid at g = 3 (φ′ ≤ 1/4): no chaos; the fixed point still has
        // q = g²⟨φ²⟩ > 0 because ⟨φ⟩ = 1/2
        RateNetwork net = network("sigmoid", 3.0, 0, 0);
        DmftSolution s = SOLVER.solve(net);
        assertEquals(Phase.FIXED_POINT, s.phase());
        assertTrue(s.stabilityGain() < 9.0 / 16.0);
        double q = s.delta0();
        assertEquals(q, s.deltaInf(), 0.0);
        double phi2 = DmftTestSupport.CHECK.expectation(x -> Math.pow(TransferFunctions.parse("sigmoid").phi(x), 2), 0, q);
        assertEquals(q, 9.0 * phi2, 1e-12 * q, "q = g²⟨φ²⟩");
        assertEquals(9.0 * phi2, 9.0 * s.c0(), 1e-12 * q);
    }

    @Test
    void linearNetworkHasAClosedFormBelowOneAndDivergesAbove() {
        // x = μ + fluctuations: μ = I/(1 − J0), q = (g²μ² + σ_I²)/(1 − g²)
        double[] in = {0.5, -0.5, 0.5, -0.5};
        RateNetwork net = new RateNetwork(4, Couplings.gaussian(0.6).withMean(0.2), TransferFunctions.parse("linear"),
                new ExternalInput.PerUnit(new double[] {0.3 + in[0], 0.3 + in[1], 0.3 + in[2], 0.3 + in[3]}));
        DmftSolution s = SOLVER.solve(net);
        assertEquals(Phase.FIXED_POINT, s.phase());
        double mu = 0.3 / 0.8;
        double q = (0.36 * mu * mu + 0.25) / (1 - 0.36);
        assertEquals(mu, s.mean(), 1e-13);
        assertEquals(q, s.delta0(), 1e-12 * q);
        assertEquals(1.0, s.gCritical(), 1e-10);

        DmftSolution u = SOLVER.solve(network("linear", 1.5, 0, 0));
        assertEquals(Phase.UNSTABLE, u.phase());
        assertEquals("unstable", u.phase().label());
        assertTrue(u.note().contains("diverge"), u.note());
        assertTrue(Double.isNaN(u.delta0()));
        assertEquals(0, u.tau().length);
    }

    @Test
    void reluWithoutInputDivergesBeyondSqrt2() {
        // ReLU with I = 0 is homogeneous of degree 1: the fixed point is x = 0 with s = g²/2 (limit q → 0⁺), and
        // the energy condition is either identically true or false; beyond √2 the activity runs away
        DmftSolution s = SOLVER.solve(network("relu", 1.5, 0, 0));
        assertEquals(Phase.UNSTABLE, s.phase());
        assertEquals(1.125, s.stabilityGain(), 1e-12);
        assertEquals(Math.sqrt(2), s.gCritical(), 1e-10);
        assertEquals(Phase.FIXED_POINT, SOLVER.solve(network("relu", 1.3, 0, 0)).phase());
    }

    @Test
    void robustAcrossTransferFunctionsGainsAndInputs() {
        // near the transition (g = 1.01 g_c, slow decay κ ~ 0.05) and deep in chaos (g = 20, Δ0 ~ 290), odd and
        // non-odd φ with gain/offset, mean coupling and input: every solve is chaotic, satisfies the plateau and
        // energy equations (1e-10, see above) and Δ″ = Δ − g²C − σ² on the grid (tolerance derived from dτ)
        Object[][] cases = {
            {"tanh", 20.0, 0.0, 0.0}, {"erf", 20.0, -0.5, -0.3}, {"sigmoid", 1.01, 0.0, 0.0},
            {"relu", 1.01, -1.0, 1.0}, {"threshold-linear:0.5", 1.01, -1.0, 1.0}, {"custom:tanh:1:0.5", 1.01, 0.0, 0.0},
            {"custom:erf:0.5:-0.3", 5.0, 0.0, 0.5}, {"custom:sigmoid:4:1", 3.0, -1.0, 1.0}};
        for (Object[] c : cases) {
            String phi = (String) c[0];
            double j0 = (Double) c[2];
            double in = (Double) c[3];
            double g = (Double) c[1];
            if (g < 1.5) {
                g *= SOLVER.criticalGain(network(phi, 1.0, j0, in)); // relative to g_c
            }
            RateNetwork net = network(phi, g, j0, in);
            DmftSolution s = SOLVER.solve(net);
            String id = phi + " g=" + g;
            assertEquals(Phase.CHAOTIC, s.phase(), id + " " + s.note());
            double[] r = DmftTestSupport.residuals(net, s);
            assertEquals(0.0, r[0], 1e-10 * s.delta0(), id + ": plateau residual");
            assertEquals(0.0, r[1], 1e-10 * s.delta0() * s.delta0(), id + ": energy residual");
            double[] fd = DmftTestSupport.secondDerivativeResidual(net, s);
            assertTrue(fd[0] <= fd[1], id + ": |Δ″ − (Δ − g²C − σ²)| = " + fd[0] + " > " + fd[1]);
        }
    }

    // ------------------------------------------------------------------ critical gain

    @Test
    void criticalGains() {
        // odd φ without input: g_c = 1/φ′(0)
        assertEquals(1.0, SOLVER.criticalGain(network("tanh", 2.0, 0, 0)), 1e-10);
        assertEquals(1.0, SOLVER.criticalGain(network("erf", 0.5, 0, 0)), 1e-10);
        assertEquals(0.5, SOLVER.criticalGain(network("custom:tanh:2:0", 2.0, 0, 0)), 1e-10);
        // ReLU with any input: on the fixed-point branch g²⟨relu²⟩ = q and g²P(x > 0) = 1 meet at μ = 0, g = √2
        assertEquals(Math.sqrt(2), SOLVER.criticalGain(network("relu", 1.5, -1.0, 1.0)), 1e-9);
        // the solution reports the same g_c, and the phase changes there (sigmoid: g_c ≈ 10.15, no closed form)
        double gc = SOLVER.criticalGain(network("sigmoid", 20.0, 0, 0));
        assertEquals(gc, SOLVER.solve(network("sigmoid", 20.0, 0, 0)).gCritical(), 1e-12 * gc);
        assertEquals(Phase.FIXED_POINT, SOLVER.solve(network("sigmoid", gc * 0.999, 0, 0)).phase());
        assertEquals(Phase.CHAOTIC, SOLVER.solve(network("sigmoid", gc * 1.001, 0, 0)).phase());
        assertEquals(1.0, SOLVER.solve(network("sigmoid", gc, 0, 0)).stabilityGain(), 1e-9);
    }

    // ------------------------------------------------------------------ the profile Δ(τ)

    @Test
    void profileSatisfiesTheDmftEquationOnTheGrid() {
        RateNetwork[] nets = {network("tanh", 2.0, 0, 0), network("sigmoid", 20.0, 0, 0),
                network("relu", 1.5, -1.0, 1.0), withInputVariance(network("tanh", 2.0, 0, 0), 0.5)};
        for (RateNetwork net : nets) {
            DmftSolution s = SOLVER.solve(net);
            double[] fd = DmftTestSupport.secondDerivativeResidual(net, s);
            assertTrue(fd[0] <= fd[1], s.phi() + " g=" + s.g() + ": |Δ″ − (Δ − g²C − σ²)| = " + fd[0] + " > " + fd[1]);
            assertEquals(s.delta0(), s.delta()[0], 0.0);
            assertEquals(s.c0(), s.rateCorrelation()[0], 1e-12 * s.c0(), "C(0) = ⟨φ²⟩");
            // Δ(τ½) − Δ∞ = (Δ0 − Δ∞)/2: the quadrature τ½ against the ODE grid (linear interpolation error
            // ≤ dτ²/8·|Δ″| ≈ 1e-5 (Δ0 − Δ∞))
            double half = DmftTestSupport.interpolate(s.tau(), s.delta(), s.tauHalf());
            assertEquals(0.5 * (s.delta0() + s.deltaInf()), half, 2e-5 * (s.delta0() - s.deltaInf()), s.phi());
        }
    }

    @Test
    void inputVarianceAddsToThePlateau() {
        RateNetwork net = withInputVariance(network("tanh", 2.0, 0, 0), 0.5);
        DmftSolution s = SOLVER.solve(net);
        assertEquals(Phase.CHAOTIC, s.phase());
        assertEquals(0.25, net.input().variance(), 1e-15);
        assertTrue(s.deltaInf() > 0.25, "Δ∞ = g²C∞ + σ_I² ≥ σ_I²");
        double[] r = DmftTestSupport.residuals(net, s);
        assertEquals(0.0, r[0], 1e-10 * s.delta0());
        assertEquals(0.0, r[1], 1e-10 * s.delta0() * s.delta0());
    }

    @Test
    void tailDecaysAtKappa() {
        // local rate −d ln(Δ − Δ∞)/dτ where δ = (Δ − Δ∞)/(Δ0 − Δ∞) ∈ [1e-6, 1e-4]. The nonlinear correction is
        // relative O(δ) for non-odd φ (quadratic term of the force; measured 4e-5 at δ = 1e-4 for ReLU) and O(δ²)
        // for odd φ; rounding of the stored Δ − Δ∞ (≈ 1e-16 Δ∞/(δ(Δ0 − Δ∞))) over the 0.1 lag of the difference
        // adds ≤ 1e-5 here: tolerance 1e-3 κ
        DmftOptions longGrid = DmftOptions.defaults().withTauMax(300.0);
        DmftSolver solver = new DmftSolver(longGrid);
        RateNetwork[] nets = {network("tanh", 2.0, 0, 0), network("sigmoid", 20.0, 0, 0), network("relu", 1.5, -1.0, 1.0)};
        for (RateNetwork net : nets) {
            DmftSolution s = solver.solve(net);
            double[] d = s.delta();
            double[] t = s.tau();
            double span = s.delta0() - s.deltaInf();
            int checked = 0;
            for (int k = 1; k + 10 < d.length; k += 10) {
                double a = (d[k] - s.deltaInf()) / span;
                if (a > 1e-4 || a < 1e-6) {
                    continue;
                }
                double rate = -Math.log((d[k + 10] - s.deltaInf()) / (d[k] - s.deltaInf())) / (t[k + 10] - t[k]);
                assertEquals(s.decayRate(), rate, 1e-3 * s.decayRate(), s.phi() + " at tau=" + t[k]);
                checked++;
            }
            assertTrue(checked > 10, s.phi() + ": window reached");
        }
    }

    @Test
    void fourierFixedPointReproducesTheProfile() {
        // Δ̂(ω) = g²Ĉ(ω)/(1 + ω²) with C from the solution: independent of the energy argument. Errors: the
        // periodic wrap at τ = T (e^{−κT} ≤ 1e-13 here), aliasing (Δ is analytic: negligible), and the ODE
        // tolerance (~1e-13 Δ0): tolerance 1e-9 (Δ0 − Δ∞)
        RateNetwork[] nets = {network("tanh", 2.0, 0, 0), network("sigmoid", 20.0, 0, 0), network("relu", 1.5, -1.0, 1.0)};
        double[] tMax = {150.0, 80.0, 300.0};
        for (int i = 0; i < nets.length; i++) {
            DmftSolver solver = new DmftSolver(DmftOptions.defaults().withTauMax(tMax[i]).withDTau(0.02));
            DmftSolution s = solver.solve(nets[i]);
            double err = DmftTestSupport.fourierResidual(nets[i], s);
            assertTrue(err < 1e-9 * (s.delta0() - s.deltaInf()), s.phi() + ": Fourier residual " + err);
        }
    }

    // ------------------------------------------------------------------ record

    @Test
    void solutionCarriesParametersAndCopiesArrays() {
        RateNetwork net = network("tanh", 2.0, 0.0, 0.0);
        DmftSolution s = SOLVER.solve(net);
        assertEquals(2.0, s.g());
        assertEquals("tanh", s.phi());
        assertEquals(TransferFunctions.parse(s.phi()), net.transfer());
        assertEquals(DmftOptions.defaults().points(), s.tau().length);
        assertEquals(60.0, s.tau()[s.tau().length - 1], 1e-12);
        double[] d = s.delta();
        d[0] = -1;
        assertEquals(s.delta0(), s.delta()[0], 0.0, "accessor returns a copy");
        assertNotSame(s.tau(), s.tau());
        assertArrayEquals(s.rateCorrelation(), SOLVER.solve(net).rateCorrelation(), 0.0, "deterministic");
        assertEquals(s, SOLVER.solve(net));
        assertEquals(s.delta0(), s.meanSquare(), 0.0);
        assertEquals(TransferIntegrands.kinks(net.transfer()).length, 0);
    }

    private static RateNetwork withInputVariance(RateNetwork net, double amplitude) {
        double[] v = new double[net.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i % 2 == 0 ? amplitude : -amplitude) + net.input().mean();
        }
        return net.withInput(new ExternalInput.PerUnit(v));
    }

    private static double acosh(double x) {
        return Math.log(x + Math.sqrt(x * x - 1));
    }
}
