package org.chaoslab.cli.rate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

import org.chaoslab.random.StreamSeeds;
import org.chaoslab.sim.lyapunov.LyapunovAnalyzer;
import org.chaoslab.sim.lyapunov.LyapunovSettings;
import org.chaoslab.sim.lyapunov.TwoReplicaPoint;

/**
 * The scalar results of {@code lyapunov --method two-replica}, by the names of its summary.json "results": the
 * command and the points of a batched g-sweep ({@link LyapunovBatch}) both write theirs here.
 */
final class TwoReplicaResults {

    /** The value of {@code --method} that runs the two-replica estimate alone. */
    static final String METHOD = "two-replica";

    private TwoReplicaResults() {
    }

    /**
     * The results, in summary order: {@code message} (only when the point diverged; then none of the estimates),
     * {@code lambdaMaxTwoReplica} and {@code lambdaMaxTwoReplicaCi} (95% half-width, batch means) — the keys of the
     * QR method's summary for the same estimate —, {@code lambdaMaxDmft} (null when the DMFT has no bounded solution),
     * {@code renormalizations}, {@code accumulationTime}, {@code batches}, {@code wallSeconds}, {@code network} and
     * {@code run} (the parameters as run).
     *
     * @param dmft        the DMFT's λ_max (ignored for a diverged point)
     * @param wallSeconds the point's wall-clock time (a batch's share)
     */
    static Map<String, Object> of(TwoReplicaPoint p, OptionalDouble dmft, double wallSeconds, LyapunovSettings s,
                                  long networkSeed) {
        Map<String, Object> r = new LinkedHashMap<>();
        if (!p.completed()) {
            r.put("message", p.message());
        }
        p.estimate().ifPresent(e -> {
            r.put("lambdaMaxTwoReplica", e.lambda().value());
            r.put("lambdaMaxTwoReplicaCi", e.lambda().halfWidth());
            r.put("lambdaMaxDmft", dmft.isPresent() ? dmft.getAsDouble() : null);
            r.put("renormalizations", e.renormalizations());
            r.put("accumulationTime", s.accumulationTime());
            r.put("batches", Math.min((long) s.batches(), s.windows()));
        });
        r.put("wallSeconds", wallSeconds);
        r.put("network", NetworkParameters.of(p.network()));
        r.put("run", parameters(s, networkSeed, p.network().size()));
        return r;
    }

    static Parameters parameters(LyapunovSettings s, long networkSeed, int n) {
        StreamSeeds root = StreamSeeds.of(s.seed());
        return new Parameters(METHOD, s.dt(), s.accumulationTime(), s.warmup().state(), s.warmup().ons(), s.onsInterval(),
                s.integrator().label(), s.seed(), networkSeed, StreamSeeds.of(networkSeed).child(StreamSeeds.COUPLINGS).path()
                + "/<row>", root.child(StreamSeeds.INITIAL).child(0).path(), root.child(LyapunovAnalyzer.REPLICA).path(),
                s.renormSteps() * s.dt(), s.replicaSeparation() * Math.sqrt(n), s.batches(), s.threads());
    }

    /**
     * The run settings and seed streams as resolved (summary.json's results.run), those of the QR method's
     * {@code LyapunovParameters} that the two-replica estimate uses.
     *
     * @param method      two-replica
     * @param tOns        the window of the batches (the accumulation is W·tOns; no re-orthonormalization)
     * @param tRenorm     replica renormalization interval actually used
     * @param d0          replica separation
     */
    record Parameters(String method, double dt, double t, double warmupState, double warmupOns, double tOns,
                      String integrator, long seed, long networkSeed, String couplingStreams, String initialStream,
                      String replicaStream, double tRenorm, double d0, int batches, int threads) {
    }
}
