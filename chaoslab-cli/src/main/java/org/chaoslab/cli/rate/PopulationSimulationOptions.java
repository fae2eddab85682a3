package org.chaoslab.cli.rate;

import org.chaoslab.model.PopulationNetwork;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.sim.PopulationInDegrees;
import org.chaoslab.sim.SparseCouplingSampler;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.RateSimulation;
import org.chaoslab.sim.record.RecordingPlan;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The simulated multi-population network and its run, a picocli mixin shared by {@code simulate populations} and
 * {@code compare populations}: the network ({@link PopulationNetworkOptions}), its size {@code --n}, the run
 * ({@link RunOptions}) and the sparse in-degree ({@link PopulationSparseOptions}), in this order (the order of the
 * commands' options and of their summary.json parameters), with the resource check both make before anything is
 * allocated ({@link #checkResources}).
 */
public final class PopulationSimulationOptions {

    @Mixin
    PopulationNetworkOptions network;

    @Option(names = "--n", description = "Number of units N (>= number of populations). Default: ${DEFAULT-VALUE}.",
            defaultValue = "1000")
    int n;

    @Mixin
    RunOptions run;

    @Mixin
    PopulationSparseOptions sparse;

    /** The network of {@code --n} units; errors are one line naming the option (or the file and its line). */
    public PopulationNetwork network() {
        return network.network(n);
    }

    /** The run's settings, with the command's defaults for the step and the integrator where not given. */
    public RateSimulation settings(double defaultDt, IntegratorKind defaultIntegrator) {
        return run.settings(defaultDt, defaultIntegrator);
    }

    /** Null for dense couplings, else the in-degrees of {@code --k-in} or {@code --k-matrix}, checked against the sizes. */
    public PopulationInDegrees inDegrees(PopulationNetwork net) {
        return sparse.inDegrees(net);
    }

    /**
     * Refuses, before anything is allocated, a run that cannot fit: dense couplings as {@link RunOptions#checkResources}
     * judges an SCS network of the same N and the first population's transfer function (the couplings, replica state
     * and {@code plan}'s buffers do not depend on the block structure), sparse ones ({@code inDegrees} not null) by the
     * memory of their synapse lists (the largest total in-degree per unit).
     */
    public void checkResources(PopulationNetwork net, PopulationInDegrees inDegrees, RateSimulation settings,
                               RecordingPlan plan) {
        if (inDegrees == null) {
            RunOptions.checkResources(RateNetwork.scs(n, 1.0, net.transfers().getFirst()), settings, plan);
        } else {
            SparseCouplingSampler.requireMemory(n, PopulationInDegrees.width(inDegrees.resolve(net)), settings.replicas());
        }
    }

    /**
     * The summary's record of the in-degrees.
     *
     * @param kIn     the total K of {@code --k-in} (null otherwise)
     * @param kMatrix K_kl as resolved for the network (null for dense couplings)
     */
    public record InDegrees(Integer kIn, int[][] kMatrix) {

        static InDegrees of(PopulationNetwork net, PopulationInDegrees inDegrees) {
            return inDegrees == null ? new InDegrees(null, null)
                    : new InDegrees(inDegrees.matrix() == null ? inDegrees.k() : null, inDegrees.resolve(net));
        }
    }

    /** The in-degrees as summary.json records them (null where not given; K_kl as resolved). */
    public InDegrees inDegreeResults(PopulationNetwork net, PopulationInDegrees inDegrees) {
        return InDegrees.of(net, inDegrees);
    }

    /** The network as summary.json records it: parameters, where the description came from, the gain scale. */
    public PopulationParameters parameters(PopulationNetwork net) {
        return PopulationParameters.of(net, network.source(), network.gainScale);
    }
}
