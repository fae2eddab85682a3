package org.chaoslab.sim.kernel;

import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.model.BalancedNetwork;
import org.chaoslab.model.ResponseProtocol;
import org.chaoslab.random.StreamSeeds;
import org.chaoslab.sim.binary.BalancedColumn;
import org.chaoslab.sim.binary.BalancedGraph;

/**
 * The balanced E/I network driven by stimuli, every column event-driven on its own ({@link BalancedColumn}: the
 * dynamics of {@code sim.binary.BalancedSimulator} with the stimulus x_i(θ) added to every unit's input), on one
 * connectivity graph shared by all columns. Column (p, t) draws its initial state from {@link InitialStates} and
 * its update times and units from stream {@code updates/p/t}; columns run in parallel and never share a stream,
 * so results are independent of the thread count. Time in units of τ_E.
 */
final class BalancedDynamics extends ColumnDynamics {

    private final BalancedColumn[] column;

    BalancedDynamics(BalancedNetwork net, BalancedGraph graph, double[] inputs, int stimuli, ResponseProtocol protocol,
                     StreamSeeds root, ParallelRows pool) {
        super(net.size(), stimuli, protocol.trials(), pool);
        double[][] x = new double[stimuli][n];
        for (int p = 0; p < stimuli; p++) {
            System.arraycopy(inputs, p * n, x[p], 0, n);
        }
        this.column = new BalancedColumn[columns];
        pool.run(columns, 1, (from, to) -> {
            float[] s0 = new float[n];
            byte[] initial = new byte[n];
            for (int c = from; c < to; c++) {
                int p = c / trials;
                int t = c % trials;
                InitialStates.binary(InitialStates.initial(root, protocol, p, t), protocol.initialActivity(), n, s0, 0);
                for (int i = 0; i < n; i++) {
                    initial[i] = s0[i] != 0f ? (byte) 1 : (byte) 0;
                }
                column[c] = new BalancedColumn(net, graph, x[p], initial,
                        InitialStates.dynamics(root, protocol, GlauberDynamics.UPDATES, p, t).provider());
            }
        });
    }

    @Override double tick() { return 1.0; }
    @Override boolean stepped() { return false; }
    @Override String kernelName() { return "event-driven counts"; }

    @Override
    void advance(double until) {
        pool.run(columns, 1, (from, to) -> {
            for (int c = from; c < to; c++) {
                column[c].advanceTo(until);
            }
        });
    }

    /** Total unit updates so far. */
    long updates() {
        long s = 0;
        for (BalancedColumn c : column) {
            s += c.updates();
        }
        return s;
    }

    @Override
    public void copyResponses(float[] out) {
        for (int c = 0; c < columns; c++) {
            column[c].copyStates(out, c * n);
        }
    }
}
