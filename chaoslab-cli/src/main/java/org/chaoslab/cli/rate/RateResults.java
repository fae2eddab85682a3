package org.chaoslab.cli.rate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.chaoslab.model.RateNetwork;
import org.chaoslab.sim.Divergence;
import org.chaoslab.sim.rate.RateSimulation;
import org.chaoslab.sim.record.RateRecording;

/**
 * The scalar results of one rate-network run, by the names of summary.json's "results" ({@code simulate rate} and the
 * points of a batched gain sweep, {@link SimulateRateBatch}, both write theirs here, from the same recorders).
 */
final class RateResults {

    private RateResults() {
    }

    /**
     * The results, in summary order: {@code divergence} (the one-line message, only when the run diverged),
     * {@code meanSquare} ⟨x²⟩ and {@code meanSquareTimeError} (its standard error over time, batch means),
     * {@code mean} ⟨x⟩, {@code meanRate} ⟨φ⟩, {@code meanSquareRate} ⟨φ²⟩ (the DMFT's C(0)), {@code recordedSteps},
     * {@code wallSeconds} and {@code msPerStep} (per step, transient included), {@code network} and {@code run} (the
     * parameters as run).
     *
     * @param rec           what the standard recorders recorded
     * @param recordedSteps steps recorded (fewer than planned after a divergence)
     * @param divergence    where the run diverged, if it did
     * @param wallSeconds   wall-clock time of the integration
     */
    static Map<String, Object> of(RateRecording rec, long recordedSteps, Optional<Divergence> divergence, double wallSeconds,
                                  RateNetwork net, RateSimulation settings) {
        Map<String, Object> r = new LinkedHashMap<>();
        divergence.ifPresent(d -> r.put("divergence", d.message()));
        long steps = settings.transientSteps() + settings.recordedSteps();
        r.put("meanSquare", rec.meanSquare().value());
        r.put("meanSquareTimeError", rec.meanSquare().standardError());
        r.put("mean", rec.mean());
        r.put("meanRate", rec.meanRate());
        r.put("meanSquareRate", rec.meanSquareRate());
        r.put("recordedSteps", recordedSteps);
        r.put("wallSeconds", wallSeconds);
        r.put("msPerStep", 1e3 * wallSeconds / steps);
        r.put("network", NetworkParameters.of(net));
        r.put("run", RunParameters.of(settings));
        return r;
    }
}
