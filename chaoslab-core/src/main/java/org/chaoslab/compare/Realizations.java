package org.chaoslab.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.chaoslab.sim.Divergence;
import org.chaoslab.sim.ProgressListener;

/**
 * The loop over network realizations that every comparison runs between its theory and its {@code compare}.
 *
 * <p>Realization r = 0 … R − 1 is simulated from master seed {@code seed + r} (couplings, initial state and noise
 * streams all derive from it, so any one realization can be rerun alone with that seed). Each realization's own
 * progress (its steps) is scaled into the loop's: step d of T in realization r is reported as r·T + d of R·T, and the
 * end of realization r as r + 1 of R (the same fraction, also for simulations that report no progress of their own).
 *
 * <p>One divergence policy: a realization whose simulation diverges (its state became NaN, infinite or larger than
 * {@link Divergence#STATE_LIMIT}) is recorded as a {@link Failure} — its index, seed, the step at which it stopped and
 * the reason — and the loop goes on with the next one. The comparison receives the recordings of the realizations
 * that completed and the failures ({@link Recordings}); how few completed recordings it can compare is its own
 * decision, stated where it is made.
 */
public final class Realizations {

    private Realizations() {
    }

    /**
     * The simulate step of a comparison for one realization.
     *
     * @param <R> what the comparison keeps of a realization (its recording)
     */
    @FunctionalInterface
    public interface Simulation<R> {

        /**
         * Simulates one realization.
         *
         * @param index    r, 0 … R − 1
         * @param seed     its master seed, {@code seed + r}
         * @param progress receives this realization's progress in its own steps (scaled into the loop's)
         * @return its recording, or the divergence that stopped it
         */
        Outcome<R> simulate(int index, long seed, ProgressListener progress);
    }

    /**
     * What simulating one realization gave: its recording, or, when the run diverged, the divergence (exactly one
     * of the two is non-null).
     *
     * @param recording  what the comparison keeps of the realization; null when it diverged
     * @param divergence where the run stopped; null when it completed
     * @param <R>        the recording's type
     */
    public record Outcome<R>(R recording, Divergence divergence) {

        public Outcome {
            if ((recording == null) == (divergence == null)) {
                throw new IllegalArgumentException("an outcome is a recording or a divergence, not both nor neither");
            }
        }

        /** A realization that completed. */
        public static <R> Outcome<R> recorded(R recording) {
            return new Outcome<>(Objects.requireNonNull(recording, "recording"), null);
        }

        /** A realization that diverged. */
        public static <R> Outcome<R> diverged(Divergence divergence) {
            return new Outcome<>(null, Objects.requireNonNull(divergence, "divergence"));
        }

        /** The divergence if there was one, else the recording (only then taken from {@code recording}). */
        public static <R> Outcome<R> of(Optional<Divergence> divergence, Supplier<R> recording) {
            return divergence.isPresent() ? diverged(divergence.get()) : recorded(recording.get());
        }

        /** Whether the run diverged. */
        public boolean diverged() {
            return divergence != null;
        }

        /** The recording; an {@link IllegalStateException} with the divergence's message when the run diverged. */
        public R orElseThrow() {
            if (diverged()) {
                throw new IllegalStateException(divergence.message());
            }
            return recording;
        }
    }

    /**
     * A realization left out of the comparison because its simulation diverged.
     *
     * @param index  r
     * @param seed   its master seed ({@code seed + r})
     * @param step   the step (transient included) after which its state was not finite ({@link Divergence#step})
     * @param reason one line for users ({@link Divergence#message})
     */
    public record Failure(int index, long seed, long step, String reason) {

        static Failure of(int index, long seed, Divergence divergence) {
            return new Failure(index, seed, divergence.step(), divergence.message());
        }

        /** "realization r (seed s): reason". */
        public String line() {
            return "realization " + index + " (seed " + seed + "): " + reason;
        }
    }

    /**
     * The realizations of one loop.
     *
     * @param recordings the recordings of the realizations that completed, in the order of r
     * @param failures   the realizations that diverged, in the order of r
     * @param <R>        the recording's type
     */
    public record Recordings<R>(List<R> recordings, List<Failure> failures) {

        public Recordings {
            recordings = List.copyOf(recordings);
            failures = List.copyOf(failures);
        }

        /** Recordings of realizations that all completed (for comparing recordings made elsewhere). */
        public static <R> Recordings<R> of(List<R> recordings) {
            return new Recordings<>(recordings, List.of());
        }

        /** How many realizations completed. */
        public int completed() {
            return recordings.size();
        }

        /** How many diverged. */
        public int failed() {
            return failures.size();
        }

        /** How many were simulated, R. */
        public int total() {
            return recordings.size() + failures.size();
        }
    }

    /**
     * Simulates realizations 0 … R − 1 in order, realization r from master seed {@code seed + r}, under the
     * divergence policy of the class comment.
     *
     * @param realizations R ≥ 1
     * @param seed         master seed of realization 0
     * @param progress     receives the loop's progress
     * @param simulation   the comparison's simulate step
     */
    public static <R> Recordings<R> run(int realizations, long seed, ProgressListener progress, Simulation<R> simulation) {
        if (realizations < 1) {
            throw new IllegalArgumentException("realizations must be >= 1 (got " + realizations + ")");
        }
        List<R> recordings = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (int r = 0; r < realizations; r++) {
            int done = r;
            long seedR = seed + r;
            Outcome<R> outcome = simulation.simulate(r, seedR,
                    (d, total) -> progress.progress((long) done * total + d, (long) realizations * total));
            if (outcome.diverged()) {
                failures.add(Failure.of(r, seedR, outcome.divergence()));
            } else {
                recordings.add(outcome.recording());
            }
            progress.progress(r + 1, realizations);
        }
        return new Recordings<>(recordings, failures);
    }
}
