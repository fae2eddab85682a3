package org.chaoslab.theory.dmft;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DmftLyapunovTest {

    private final DmftSolver solver = new DmftSolver();

    private DmftLyapunov.Result lambda(double g, String phi, double step) {
        return lambda(solver, g, phi, step);
    }

    private static DmftLyapunov.Result lambda(DmftSolver solver, double g, String phi, double step) {
        RateNetwork net = RateNetwork.scs(1, g, TransferFunctions.parse(phi));
        return new DmftLyapunov(solver.engine(), step).largest(solver.solve(net), net.transfer());
    }

    @ParameterizedTest
    @CsvSource({"1.5, 0.0467462", "2.0, 0.1124580", "3.0, 0.2354606"})
    void publishedValuesForTanh(double g, double published) {
        // published: Clark, rnn-lyapunov data (continuous time, tau = 1). Finite differences with h = 0.01 have an
        // O(h^2) error in E0; the zero mode E1 = 0 measures it (|E1| ~ 1e-5), so 1e-4 absolute on lambda is ample.
        DmftLyapunov.Result r = lambda(g, "tanh", 0.01);
        assertThat(r.zeroModeEnergy()).isCloseTo(0.0, Offset.offset(1e-4));
        assertThat(r.lambdaMax()).isCloseTo(published, Offset.offset(1e-4));
    }

    @Test
    void weakChaosLimitIsEpsilonSquaredOverTwo() {
        // SCS 1988: lambda_max ~ eps^2/2 for eps = g - 1 -> 0 (leading order; corrections O(eps^3));
        // the ratio to eps^2/2 must approach 1 linearly in eps
        // the correlation time grows like sqrt(3)/eps: solve Delta(tau) out to 40/eps
        DmftSolver longGrid = new DmftSolver(DmftOptions.defaults().withTauMax(2000).withDTau(0.05));
        double r1 = lambda(longGrid, 1.04, "tanh", 0.05).lambdaMax() / (0.04 * 0.04 / 2);
        double r2 = lambda(longGrid, 1.02, "tanh", 0.05).lambdaMax() / (0.02 * 0.02 / 2);
        System.out.println("weak chaos: lambda/(eps^2/2) = " + r1 + " (eps 0.04), " + r2 + " (eps 0.02)");
        assertThat(Math.abs(r2 - 1)).isLessThan(Math.abs(r1 - 1));
        assertThat(Math.abs(r2 - 1)).isLessThan(0.15);
    }

    @Test
    void fixedPointExponentFromTheCircularLaw() {
        // g = 0.6, tanh: x* = 0, Jacobian -1 + J with radius g: lambda = -0.4
        assertThat(lambda(0.6, "tanh", 0.02).lambdaMax()).isCloseTo(-0.4, Offset.offset(1e-12));
    }

    @Test
    void nonOddTransferFunction() {
        DmftLyapunov.Result r = lambda(3.0, "custom:tanh:1:0.5", 0.01);
        assertThat(r.method()).isEqualTo("schroedinger-ground-state");
        assertThat(r.zeroModeEnergy()).isCloseTo(0.0, Offset.offset(1e-4));
        assertThat(r.lambdaMax()).isPositive();
    }
}
