package org.chaoslab.sim.rate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.chaoslab.linalg.CouplingMatrix;
import org.chaoslab.model.PopulationNetwork;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.ProgressListener;
import org.junit.jupiter.api.Test;

/** The rate simulator on multi-population networks: each unit with its population's φ_k and input I_k. */
class PopulationRateSimulationTest {

    @Test
    void oneEulerStepUsesEachPopulationsTransferFunctionAndInput() {
        // three populations with three different phi and inputs; the step computed here by hand, unit by unit
        List<TransferFunction> phis = List.of(new TransferFunctions.Tanh(), new TransferFunctions.Relu(),
                TransferFunctions.parse("sigmoid"));
        PopulationNetwork net = new PopulationNetwork(9, new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3},
                new double[][] {{1, -2, 0.5}, {2, -1, 0}, {0, 1, -1}}, new double[][] {{1, 2, 0.5}, {0.5, 1, 1}, {1, 1, 1}},
                new double[] {0.3, -0.2, 1.0}, phis);
        RealizedPopulationNetwork r = RealizedPopulationNetwork.draw(net, 5, 1);
        RateSimulation s = new RateSimulation(0.1, 0.1, 0, IntegratorKind.EULER, 2, 11, 1.5, 1);
        double[] x0 = RateLoop.initialState(9, new int[] {0, 1}, s);
        double[] x1 = RateSimulator.run(r.realized(), s, List.of(), ProgressListener.NONE).finalState();
        int[] pop = r.populationOf();
        CouplingMatrix j = r.realized().couplings();
        for (int m = 0; m < 2; m++) {
            for (int i = 0; i < 9; i++) {
                double drive = net.inputs()[pop[i]];
                for (int c = 0; c < 9; c++) {
                    drive += j.get(i, c) * phis.get(pop[c]).phi(x0[m * 9 + c]);
                }
                double expected = (1 - 0.1) * x0[m * 9 + i] + 0.1 * drive;
                // the same arithmetic up to the order of the sum in the product: a few ulp of |x| ~ 1
                assertThat(x1[m * 9 + i]).isCloseTo(expected, within(1e-13));
            }
        }
    }

    @Test
    void onePopulationIsTheScsNetworkBitForBit() {
        // P = 1 with J-mean 0 and no input is the SCS ensemble; the block sampler draws the same row streams, so the
        // population path must reproduce the one-phi simulation exactly (the same couplings, the same step)
        int n = 300;
        PopulationNetwork one = new PopulationNetwork(n, new double[] {1}, new double[][] {{0}}, new double[][] {{1.8}},
                new double[] {0}, List.of(new TransferFunctions.Tanh()));
        RateSimulation s = new RateSimulation(0.05, 5, 1, IntegratorKind.RK4, 2, 21, 1.0, 2);
        double[] pop = RateSimulator.run(RealizedPopulationNetwork.draw(one, 21, 2).realized(), s, List.of(),
                ProgressListener.NONE).finalState();
        double[] scs = RateSimulator.run(RateNetwork.scs(n, 1.8, new TransferFunctions.Tanh()), s, List.of(),
                ProgressListener.NONE).finalState();
        assertThat(pop).isEqualTo(scs);
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        PopulationNetwork net = new PopulationNetwork(401, new double[] {0.8, 0.2}, new double[][] {{1, -3}, {1, -2.5}},
                new double[][] {{1.4, 2.8}, {1.4, 2.8}}, new double[] {0.5, 0.2},
                List.of(new TransferFunctions.Tanh(), new TransferFunctions.Relu()));
        RateSimulation s = new RateSimulation(0.05, 4, 0, IntegratorKind.EULER, 3, 2, 1.0, 1);
        double[] one = RateSimulator.run(RealizedPopulationNetwork.draw(net, 2, 1).realized(), s, List.of(),
                ProgressListener.NONE).finalState();
        double[] two = RateSimulator.run(RealizedPopulationNetwork.draw(net, 2, 2).realized(), s.withThreads(2), List.of(),
                ProgressListener.NONE).finalState();
        assertThat(two).isEqualTo(one);
    }
}
