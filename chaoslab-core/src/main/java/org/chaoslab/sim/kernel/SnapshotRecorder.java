package org.chaoslab.sim.kernel;

import java.util.ArrayList;
import java.util.List;

/** Keeps the full float32 response array at every recording time. */
public final class SnapshotRecorder implements ResponseRecorder {

    private final List<ResponseSnapshot> snapshots = new ArrayList<>();

    @Override
    public void record(int index, double time, ResponseSource source) {
        int n = source.units();
        float[] out = new float[source.columns() * n];
        source.copyResponses(out);
        double s = 0;
        for (float v : out) {
            s += v;
        }
        snapshots.add(new ResponseSnapshot(time, source.stimuli(), source.trials(), n, out, s / out.length));
    }

    /** The snapshots recorded so far, in time order. */
    public List<ResponseSnapshot> snapshots() {
        return List.copyOf(snapshots);
    }
}
