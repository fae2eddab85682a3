package org.chaoslab.theory.populations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;

import org.chaoslab.model.Couplings;
import org.chaoslab.model.ExternalInput;
import org.chaoslab.model.PopulationNetwork;
import org.chaoslab.model.Precision;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.theory.dmft.DmftSolution;
import org.chaoslab.theory.dmft.DmftSolver;
import org.junit.jupiter.api.Test;

class PopulationDmftTest {

    private final PopulationDmft dmft = new PopulationDmft();

    private static PopulationNetwork one(double g, double j0, double input, TransferFunction phi) {
        return new PopulationNetwork(1000, new double[] {1}, new double[][] {{j0}}, new double[][] {{g}},
                new double[] {input}, List.of(phi));
    }

    private static DmftSolution scs(double g, double j0, double input, TransferFunction phi) {
        RateNetwork net = RateNetwork.scs(1000, g, phi)
                .withCouplings(new Couplings(g, j0, 0, false, Precision.FLOAT64))
                .withInput(new ExternalInput.Constant(input));
        return new DmftSolver().solve(net);
    }

    @Test
    void onePopulationIsTheScsChaoticSolution() {
        // the one-population equation is SCS's with a mean coupling and an input, which theory.dmft solves by its energy
        // integral (an independent method: Brent on the energy residual, then the quadrature tau(Delta) with
        // Dormand-Prince at 1e-13). The iteration's filter treats S as piecewise linear (error O(h^2)), extrapolated with
        // the solution at 2h (Richardson: O(h^4), the order is checked below): measured at most 6e-8 of Delta(0) along
        // tau at h = 0.05 for tanh g = 2, so 1e-6 of Delta(0) on every quantity
        record Case(double g, double j0, double input, TransferFunction phi) { }
        for (Case c : List.of(new Case(2.0, 0, 0, new TransferFunctions.Tanh()),
                new Case(1.5, -1.0, 0.3, new TransferFunctions.Tanh()),
                new Case(15.0, -2.0, 0.5, new TransferFunctions.Sigmoid()))) {
            DmftSolution exact = scs(c.g, c.j0, c.input, c.phi);
            assertThat(exact.isChaotic()).as("%s", c).isTrue();
            PopulationAutocorrelation sol = dmft.solve(one(c.g, c.j0, c.input, c.phi));
            double tol = 1e-6 * exact.delta0();
            assertThat(sol.isChaotic()).isTrue();
            assertThat(sol.delta0()[0]).as("Delta0 %s", c).isCloseTo(exact.delta0(), offset(tol));
            assertThat(sol.deltaInf()[0]).as("DeltaInf %s", c).isCloseTo(exact.deltaInf(), offset(tol));
            assertThat(sol.mean()[0]).as("mean %s", c).isCloseTo(exact.mean(), offset(tol));
            // the sigmoid case's temporal part is 5.5 % of its variance (99.01 - 93.55): it must be right on its own scale
            assertThat(sol.temporalVariance()[0]).as("temporal %s", c)
                    .isCloseTo(exact.delta0() - exact.deltaInf(), offset(1e-4 * (exact.delta0() - exact.deltaInf())));
            assertThat(sol.decayRate()).as("kappa %s", c).isCloseTo(exact.decayRate(), offset(1e-5));
            double[] tau = exact.tau();
            double[] delta = exact.delta();
            double[] rates = exact.rateCorrelation();
            for (int i = 0; i < tau.length; i += 7) {
                assertThat(sol.delta(0, tau[i])).as("Delta(%s) %s", tau[i], c).isCloseTo(delta[i], offset(tol));
                assertThat(sol.rateCorrelation(0, tau[i])).as("C(%s) %s", tau[i], c).isCloseTo(rates[i], offset(tol));
            }
        }
    }

    @Test
    void theLagStepErrorIsFourthOrder() {
        // halving h must divide the error of Delta(0) by ~16: piecewise-linear S in an exact exponential filter is O(h^2)
        // and the Richardson step removes that term (measured 8.2e-8 at h = 0.1, 5.1e-9 at h = 0.05)
        DmftSolution exact = scs(2.0, 0, 0, new TransferFunctions.Tanh());
        double coarse = new PopulationDmft(org.chaoslab.gauss.GaussianExpectation.standard(), 0.1)
                .solve(one(2.0, 0, 0, new TransferFunctions.Tanh())).delta0()[0] - exact.delta0();
        double fine = dmft.solve(one(2.0, 0, 0, new TransferFunctions.Tanh())).delta0()[0] - exact.delta0();
        assertThat(coarse / fine).isBetween(10.0, 25.0);
    }

    @Test
    void belowTheTransitionTheSolutionIsTheStaticFixedPoint() {
        PopulationNetwork net = ei(1.44);      // 0.8 gCritical of the E/I tanh network
        PopulationFixedPoint fp = new PopulationMeanField().solve(net);
        PopulationAutocorrelation sol = dmft.solve(net);
        assertThat(sol.isChaotic()).isFalse();
        for (int k = 0; k < 2; k++) {
            assertThat(sol.mean()[k]).isCloseTo(fp.mean()[k], offset(1e-9));
            assertThat(sol.delta0()[k]).isCloseTo(fp.variance()[k], offset(1e-9));
            assertThat(sol.temporalVariance()[k]).isCloseTo(0.0, offset(1e-9));
        }
    }

    @Test
    void splittingAPopulationInTwoIdenticalHalvesChangesNothingInTheChaoticPhase() {
        TransferFunction phi = new TransferFunctions.Tanh();
        PopulationAutocorrelation whole = dmft.solve(one(2.5, -1.0, 0.4, phi));
        PopulationAutocorrelation halves = dmft.solve(new PopulationNetwork(1000, new double[] {0.3, 0.7},
                new double[][] {{-1, -1}, {-1, -1}}, new double[][] {{2.5, 2.5}, {2.5, 2.5}}, new double[] {0.4, 0.4},
                List.of(phi, phi)));
        for (int k = 0; k < 2; k++) {
            assertThat(halves.mean()[k]).isCloseTo(whole.mean()[0], offset(1e-9));
            for (double tau : new double[] {0, 0.5, 2, 5, 20}) {
                assertThat(halves.delta(k, tau)).isCloseTo(whole.delta(0, tau), offset(1e-9));
            }
        }
    }

    /** The tanh E/I network of docs/populations.md with every g_kl scaled by c (gCritical = 1.79979). */
    static PopulationNetwork ei(double c) {
        TransferFunction tanh = new TransferFunctions.Tanh();
        return new PopulationNetwork(1000, new double[] {0.8, 0.2}, new double[][] {{1, -3}, {1, -2.5}},
                new double[][] {{0.7 * c, 1.4 * c}, {0.7 * c, 1.4 * c}}, new double[] {0.5, 0.2}, List.of(tanh, tanh));
    }
}
