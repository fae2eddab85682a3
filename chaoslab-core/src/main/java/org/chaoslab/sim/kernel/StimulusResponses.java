package org.chaoslab.sim.kernel;

import java.util.List;

import org.chaoslab.model.ResponseProtocol;
import org.chaoslab.model.StimulusNetwork;
import org.chaoslab.model.Stimuli;

/**
 * The recorded responses of one network realization to a stimulus set: one {@link ResponseSnapshot} per recording
 * time (STATIONARY with several samples: every sample, for kernels averaged over samples).
 *
 * @param network   the description simulated
 * @param stimuli   the stimuli
 * @param protocol  the recording protocol
 * @param seed      the master seed (couplings, stimuli, initial states, updates)
 * @param snapshots the responses in time order (fewer than the protocol's times after a divergence)
 * @param run       steps, divergence, wall time
 */
public record StimulusResponses(StimulusNetwork network, Stimuli stimuli, ResponseProtocol protocol, long seed,
                                List<ResponseSnapshot> snapshots, ResponseRun run) {

    public StimulusResponses {
        snapshots = List.copyOf(snapshots);
    }

    /** Snapshot k. */
    public ResponseSnapshot snapshot(int k) {
        return snapshots.get(k);
    }

    /** The recording times reached (units of τ). */
    public double[] times() {
        return snapshots.stream().mapToDouble(ResponseSnapshot::time).toArray();
    }

    /** The mean response at each recorded time. */
    public double[] meanResponses() {
        return snapshots.stream().mapToDouble(ResponseSnapshot::meanResponse).toArray();
    }
}
