package org.chaoslab.sim.kernel;

import org.chaoslab.model.Precision;
import org.chaoslab.model.ResponseProtocol;
import org.chaoslab.model.StimulusNetwork;
import org.chaoslab.model.Stimuli;

/**
 * The heap a batched response run needs, estimated before anything is allocated, so that a run too large fails at
 * once with the estimate rather than after minutes with an OutOfMemoryError.
 *
 * @param couplings  J and any transposed copy
 * @param state      the N × (P·T) state, fields and scratch arrays
 * @param inputs     the P × N input vectors and the feature weights
 * @param recordings the float32 snapshots kept (0 when streaming to custom recorders)
 */
public record ResponseMemory(long couplings, long state, long inputs, long recordings) {

    /** The total in bytes. */
    public long total() {
        return couplings + state + inputs + recordings;
    }

    /** The estimate for a run; {@code keepSnapshots} counts one float32 P·T·N array per recording time. */
    public static ResponseMemory estimate(StimulusNetwork net, Stimuli stimuli, ResponseProtocol protocol,
                                          boolean keepSnapshots) {
        return estimate(net, stimuli, protocol, keepSnapshots, BinaryFieldKernel.preferred());
    }

    static ResponseMemory estimate(StimulusNetwork net, Stimuli stimuli, ResponseProtocol protocol, boolean keepSnapshots,
                                   BinaryFieldKernel kernel) {
        long n = net.n();
        long cells = (long) stimuli.count() * protocol.trials() * n;
        boolean f32 = net.precision() == Precision.FLOAT32;
        long j = n * n * (f32 ? 4 : 8);
        long perCell;
        switch (net.kind()) {
            case BINARY_SYNC -> {
                if (!f32) {
                    perCell = 4 + 8 + 8;                       // 0/1 state, double state and fields
                } else if (kernel == BinaryFieldKernel.COLUMN_SUM) {
                    perCell = 4 + 4 + 4;                       // state, fields, active lists
                } else {
                    perCell = 4 + 4;
                }
                if (f32 && kernel == BinaryFieldKernel.COLUMN_SUM) {
                    j += n * n * 4;                            // the tiled copy of the column sums (while both exist)
                }
            }
            case GLAUBER -> {
                perCell = 1 + 8;                               // byte state, double fields
                j += n * n * 8;                                // column-major double copy
            }
            case RATE_SYNC, RATE -> perCell = 3 * 8 + (f32 ? 8 : 0);     // x, φ(x), Jφ(x) (+ float copies)
            case MATCHED_RATE -> perCell = 2 * 8 + 4 + (f32 ? 8 : 0);  // y, fields, initial 0/1
            case BALANCED -> {
                perCell = 1 + 4 + 4;                           // byte state, E and I input counts
                j = (long) Math.ceil(n * 2.0 * net.balanced().k() * 1.1) * 4 + 8L * (n + 1) + 8L * n;  // target lists
            }
            default -> throw new IllegalStateException();
        }
        long inputs = 8L * stimuli.count() * n * 2 + 8L * Math.max(0, stimuli.features()) * n;
        long rec = keepSnapshots ? 4L * cells * protocol.recordings() : 0;
        return new ResponseMemory(j, perCell * cells, inputs, rec);
    }

    /** Throws with the estimate when it exceeds the heap still available to this JVM. */
    void check() {
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (total() > available) {
            throw new IllegalArgumentException(String.format(
                    "responses need about %d MiB (couplings %d, state %d, inputs %d, recordings %d MiB) but only %d MiB of "
                            + "heap are available; reduce n, stimuli, trials or recording times, or raise -Xmx",
                    mib(total()), mib(couplings), mib(state), mib(inputs), mib(recordings), mib(available)));
        }
    }

    private static long mib(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}
