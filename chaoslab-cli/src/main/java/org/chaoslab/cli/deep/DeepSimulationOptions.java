package org.chaoslab.cli.deep;

import org.chaoslab.model.DeepNetwork;
import org.chaoslab.model.DeepNetworkInputs;
import org.chaoslab.sim.deep.DeepSimulation;
import picocli.CommandLine.Mixin;

/**
 * Everything a simulating deepnet verb ({@code deepnet simulate}, {@code deepnet compare}) reads before it runs: the
 * network ({@link DeepNetworkOptions}), its probe inputs ({@link DeepInputOptions}) and the realizations, seed and
 * threads ({@link DeepRunOptions}), as one picocli mixin, with the checks both verbs make before any allocation in one
 * place ({@link #network()}). The three mixins keep their order, so the commands' options, help and summary.json
 * parameters stay as they were.
 */
public final class DeepSimulationOptions {

    @Mixin
    DeepNetworkOptions network;

    @Mixin
    DeepInputOptions inputs;

    @Mixin
    DeepRunOptions run;

    /**
     * The described network, after every network and input option is validated (errors name the option) and the
     * weight matrices and the activations of the probe inputs (2 per pair, one per circle point) are known to fit.
     */
    public DeepNetwork network() {
        DeepNetwork net = network.network();
        inputs.validate();
        network.checkSimulation(inputs.pairs * 2 + inputs.circlePoints);
        return net;
    }

    /**
     * The probe inputs, the circle at {@code --circle-q0} or else at {@code --q0} ({@code deepnet compare} moves a circle
     * whose length was not given to the fixed point itself, see {@link #circleLengthGiven()}).
     */
    public DeepNetworkInputs inputs() {
        return inputs.inputs(inputs.q0);
    }

    /** Whether the user fixed the circle's input length ({@code --circle-q0}). */
    public boolean circleLengthGiven() {
        return inputs.circleLengthGiven();
    }

    /** The run's settings, with {@code defaultRealizations} where {@code --realizations} is not given. */
    public DeepSimulation settings(int defaultRealizations) {
        return run.settings(defaultRealizations);
    }
}
