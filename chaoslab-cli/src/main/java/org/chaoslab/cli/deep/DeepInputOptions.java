package org.chaoslab.cli.deep;

import org.chaoslab.model.DeepNetworkInputs;
import picocli.CommandLine.Option;

/** The probe inputs of a deep network: pairs and a circle. */
public final class DeepInputOptions {

    @Option(names = "--q0", description = "Squared length per component |x|^2/N of the input pairs (> 0). Default: ${DEFAULT-VALUE}.",
            defaultValue = "1.0")
    double q0;

    @Option(names = "--c0", description = "Correlation of the two inputs of a pair, in [-1, 1]. Default: ${DEFAULT-VALUE}.",
            defaultValue = "0.5")
    double c0;

    @Option(names = "--pairs", description = "Number of input pairs (>= 1). Default: ${DEFAULT-VALUE}.", defaultValue = "16")
    int pairs;

    @Option(names = "--circle-points", description = "Points K on the great circle of inputs (0 = none, else >= 16). Default: ${DEFAULT-VALUE}.",
            defaultValue = "1000")
    int circlePoints;

    @Option(names = "--circle-q0", description = "Squared length per component of the circle's inputs (> 0). "
            + "Default: compare puts the circle's first layer at the fixed point, q^1 = q*; simulate uses --q0.")
    Double circleQ0;

    /** The inputs; the circle at --circle-q0, or at {@code defaultCircleQ0} when that is not given. */
    public DeepNetworkInputs inputs(double defaultCircleQ0) {
        return new DeepNetworkInputs(q0, c0, pairs, circlePoints, circleQ0 == null ? defaultCircleQ0 : circleQ0);
    }

    /** Validates every input option (also for commands that use only some of them), naming the option. */
    public void validate() {
        inputs(q0);
    }

    /** Whether the user fixed the circle's input length. */
    boolean circleLengthGiven() {
        return circleQ0 != null;
    }
}
