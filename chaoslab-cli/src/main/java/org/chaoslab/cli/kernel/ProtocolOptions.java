package org.chaoslab.cli.kernel;

import org.chaoslab.model.ResponseProtocol;
import picocli.CommandLine.Option;

/** How responses are recorded (a picocli mixin of the kernel commands). Times are updates per unit (units of tau). */
public final class ProtocolOptions {

    @Option(names = "--protocol", description = "stationary (independent initial states, update times and noise; responses "
            + "after --transient) or transient (one shared initial state, and per trial the same update times and noise for "
            + "every stimulus; responses at --times after stimulus onset). Default: ${DEFAULT-VALUE}.",
            defaultValue = "stationary")
    String protocol;

    @Option(names = "--trials", description = "Trials per stimulus T >= 1 (>= 2 for cross-trial kernels). Default: ${DEFAULT-VALUE}.",
            defaultValue = "2")
    int trials;

    @Option(names = "--transient", description = "Stationary: updates per unit before the first recording. Default: ${DEFAULT-VALUE}.",
            defaultValue = "50")
    double transientTime;

    @Option(names = "--samples", description = "Stationary: recordings per trial (kernels are averaged over them). "
            + "Default: ${DEFAULT-VALUE}.", defaultValue = "4")
    int samples;

    @Option(names = "--interval", description = "Stationary: updates per unit between recordings. Default: ${DEFAULT-VALUE}.",
            defaultValue = "5")
    double interval;

    @Option(names = "--times", split = ",", description = "Transient: recording times after onset, increasing. "
            + "Default: ${DEFAULT-VALUE}.", defaultValue = "1,2,3,4")
    double[] times;

    @Option(names = "--initial-activity", description = "Probability that a binary unit starts active, in [0, 1]. "
            + "Default: ${DEFAULT-VALUE}.", defaultValue = "0.5")
    double initialActivity;

    @Option(names = "--initial-std", description = "Standard deviation of rate units' initial state. Default: ${DEFAULT-VALUE}.",
            defaultValue = "1.0")
    double initialStd;

    /** The protocol described. */
    public ResponseProtocol protocol() {
        ResponseProtocol p = switch (protocol) {
            case "stationary" -> {
                if (samples < 1) {
                    throw new IllegalArgumentException("--samples must be >= 1 (got " + samples + ")");
                }
                if (!(transientTime >= 0) || !(interval > 0)) {
                    throw new IllegalArgumentException("--transient must be >= 0 and --interval > 0 (got " + transientTime + ", "
                            + interval + ")");
                }
                yield ResponseProtocol.stationary(trials, transientTime, samples, interval);
            }
            case "transient" -> ResponseProtocol.transientAt(trials, times);
            default -> throw new IllegalArgumentException("--protocol must be stationary or transient (got '" + protocol + "')");
        };
        if (!(initialActivity >= 0 && initialActivity <= 1)) {
            throw new IllegalArgumentException("--initial-activity must be in [0, 1] (got " + initialActivity + ")");
        }
        if (!(initialStd >= 0) || !Double.isFinite(initialStd)) {
            throw new IllegalArgumentException("--initial-std must be finite and >= 0 (got " + initialStd + ")");
        }
        return p.withInitial(initialActivity, initialStd);
    }
}
