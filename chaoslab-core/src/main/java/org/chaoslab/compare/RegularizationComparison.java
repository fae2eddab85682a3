package org.chaoslab.compare;

import java.util.ArrayList;
import java.util.List;

import org.chaoslab.analysis.kernel.CircleKernel;
import org.chaoslab.analysis.kernel.PcaSpectra;
import org.chaoslab.analysis.kernel.PcaSpectrum;
import org.chaoslab.analysis.kernel.PowerLawFit;
import org.chaoslab.analysis.kernel.ResponseKernels;
import org.chaoslab.analysis.kernel.Responses;
import org.chaoslab.analysis.kernel.TrialKernels;
import org.chaoslab.model.ResponseProtocol;
import org.chaoslab.model.Stimuli;
import org.chaoslab.model.StimulusNetwork;
import org.chaoslab.random.StreamSeeds;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.kernel.KernelSimulator;
import org.chaoslab.sim.kernel.ResponseSnapshot;
import org.chaoslab.sim.kernel.StimulusResponses;

/**
 * Discrete signaling vs its rate twin (Bauer, Keup, Kadmon &amp; Helias 2026; Keup et al., PRX 11:021064 (2021)): the same
 * couplings and stimuli drive a chaotic binary network and a non-chaotic network with the same first- and second-order
 * statistics (the matched rate network with output noise), and both codes are put side by side — kernel against
 * stimulus distance (nugget: trial-to-trial variability at the same stimulus), spectra of the responses (plain PCA and
 * cvPCA with power-law fits), learning curves of a linear readout with the kernel-regression theory at the
 * measured nugget as ridge, and the roughness of transients from one shared state (local exponent of
 * 1 − K_t(Δ)/K_t(0), trials sharing update times and noise): chaos roughens the binary code with t, the rate twin
 * keeps the roughness of its input map. Each network is one realization per seed; the models share the seed, hence J and the
 * input vectors.
 */
public final class RegularizationComparison {

    private RegularizationComparison() {
    }

    /**
     * The settings of a side-by-side run.
     *
     * @param protocol  stationary protocol (≥ 2 trials)
     * @param seed      master seed (shared by the two networks)
     * @param fitRanks  ranks [from, to] of the spectral power-law fits
     * @param shuffles  cvPCA shuffles
     * @param sizes     training-set sizes of the learning curves
     * @param target    target function spec ("cos:1+sin:3")
     * @param draws     training sets per size
     * @param threads   threads
     * @param roughnessTimes times (units of τ) of the transient roughness (empty: none)
     * @param roughnessLags  lags [from, to] (Δ_k = 2πk/P) of its fits
     */
    public record Settings(ResponseProtocol protocol, long seed, int[] fitRanks, int shuffles, int[] sizes, String target, int draws,
                           int threads, double[] roughnessTimes, int[] roughnessLags) {

        public Settings {
            if (protocol.mode() != ResponseProtocol.Mode.STATIONARY || protocol.trials() < 2) {
                throw new IllegalArgumentException("the side-by-side comparison needs the stationary protocol with >= 2 trials");
            }
            fitRanks = fitRanks.clone();
            sizes = sizes.clone();
            roughnessTimes = roughnessTimes.clone();
            roughnessLags = roughnessLags.clone();
            if (roughnessTimes.length > 0 && (roughnessLags.length != 2 || roughnessLags[0] < 1 || roughnessLags[1] <= roughnessLags[0])) {
                throw new IllegalArgumentException("roughness lags must be 1 <= from < to");
            }
        }

        /** Without the transient roughness. */
        public Settings(ResponseProtocol protocol, long seed, int[] fitRanks, int shuffles, int[] sizes, String target, int draws,
                        int threads) {
            this(protocol, seed, fitRanks, shuffles, sizes, target, draws, threads, new double[0], new int[] {1, 2});
        }

        /** The same runs from another seed. */
        public Settings withSeed(long s) {
            return new Settings(protocol, s, fitRanks, shuffles, sizes, target, draws, threads, roughnessTimes, roughnessLags);
        }

        @Override
        public double[] roughnessTimes() {
            return roughnessTimes.clone();
        }

        @Override
        public int[] roughnessLags() {
            return roughnessLags.clone();
        }
    }

    /**
     * The roughness of one network's code at one time of a transient from a shared state.
     *
     * @param time            t (units of τ)
     * @param distances       Δ_k = 2πk/P, k = 0 … P/2
     * @param relativeDeficit 1 − K_t(Δ_k)/K_t(0) (same trial: stimuli differ, update times and noise shared)
     * @param exponent        the least-squares slope of log deficit against log Δ over the settings' lags
     */
    public record Roughness(double time, double[] distances, double[] relativeDeficit, double exponent) {
    }

    /**
     * One network's code.
     *
     * @param network      the description
     * @param kernel       circle kernel (same and cross trial by distance)
     * @param nugget       K(0) − K_cross(0)
     * @param meanResponse the mean response
     * @param plain        plain PCA spectrum of the trial-averaged responses
     * @param plainFit     its power law
     * @param crossValidated cvPCA spectrum of trials 0 and 1
     * @param crossValidatedFit its power law
     * @param learningCurve the readout's learning curve with the theory
     * @param roughness    the transient roughness at each of the settings' times (empty when none asked)
     * @param wallSeconds  simulation wall time
     */
    public record Code(StimulusNetwork network, CircleKernel kernel, double nugget, double meanResponse, PcaSpectrum plain,
                       PowerLawFit plainFit, PcaSpectrum crossValidated, PowerLawFit crossValidatedFit,
                       LearningCurveComparison.Result learningCurve, List<Roughness> roughness, double wallSeconds) {
    }

    /** Runs every network on the same circle of stimuli and seed. */
    public static List<Code> run(List<StimulusNetwork> networks, Stimuli.Circle stimuli, Settings s, ProgressListener progress) {
        List<Code> out = new ArrayList<>();
        for (int k = 0; k < networks.size(); k++) {
            int done = k;
            ProgressListener scaled = (d, total) -> progress.progress((long) done * total + d, (long) networks.size() * total);
            out.add(code(networks.get(k), stimuli, s, scaled));
        }
        return out;
    }

    /**
     * One network's code: the kernel curve averaged over the recordings; spectra and the readout from the last
     * recording alone (one experiment: two repeats of every stimulus).
     */
    public static Code code(StimulusNetwork net, Stimuli.Circle stimuli, Settings s, ProgressListener progress) {
        StimulusResponses run = KernelSimulator.run(net, stimuli, s.protocol(), s.seed(), s.threads(), progress);
        if (run.run().divergence().isPresent()) {
            throw new IllegalStateException(net.kind().label() + " diverged: " + run.run().divergence().get());
        }
        int p = stimuli.count();
        int t = s.protocol().trials();
        int n = net.n();
        TrialKernels averaged = ResponseKernels.mean(run.snapshots().stream()
                .map(snap -> ResponseKernels.of(Responses.of(p, t, n, snap.data()))).toList());
        CircleKernel circle = ResponseKernels.onCircle(averaged);
        ResponseSnapshot last = run.snapshots().getLast();
        Responses r = Responses.of(p, t, n, last.data());
        PcaSpectrum plain = PcaSpectra.plain(r);
        StreamSeeds seeds = StreamSeeds.of(s.seed());
        PcaSpectrum cv = PcaSpectra.crossValidated(r, 0, 1, s.shuffles(), seeds.child("cvpca"));
        LearningCurveComparison.Result lc = LearningCurveComparison.run(ResponseKernels.of(r), LearningCurveComparison.target(s.target(), p),
                s.sizes(), 0.0, s.draws(), seeds.child("readout"));
        double mean = java.util.Arrays.stream(run.meanResponses()).average().orElse(Double.NaN);
        List<Roughness> roughness = roughness(net, stimuli, s);
        return new Code(net, circle, circle.sameTrial()[0] - circle.crossTrial()[0], mean, plain,
                PowerLawFit.fit(plain, s.fitRanks()[0], s.fitRanks()[1]), cv, PowerLawFit.fit(cv, s.fitRanks()[0], s.fitRanks()[1]), lc,
                roughness, run.run().wallSeconds());
    }

    /** The transient from one shared state (one trial, shared update times and noise) at the settings' times. */
    static List<Roughness> roughness(StimulusNetwork net, Stimuli.Circle stimuli, Settings s) {
        double[] times = s.roughnessTimes();
        if (times.length == 0) {
            return List.of();
        }
        if (s.roughnessLags()[1] > stimuli.count() / 2) {
            throw new IllegalArgumentException("roughness lags must be <= P/2 = " + stimuli.count() / 2 + " (got " + s.roughnessLags()[1] + ")");
        }
        StimulusResponses run = KernelSimulator.run(net, stimuli, ResponseProtocol.transientAt(1, times), s.seed(), s.threads(),
                ProgressListener.NONE);
        if (run.run().divergence().isPresent()) {
            throw new IllegalStateException(net.kind().label() + " diverged in the transient: " + run.run().divergence().get());
        }
        List<Roughness> out = new ArrayList<>();
        int p = stimuli.count();
        for (ResponseSnapshot snap : run.snapshots()) {
            CircleKernel c = ResponseKernels.onCircle(ResponseKernels.of(Responses.of(p, 1, net.n(), snap.data())));
            double[] deficit = new double[c.size()];
            for (int k = 0; k < deficit.length; k++) {
                deficit[k] = 1.0 - c.sameTrial()[k] / c.sameTrial()[0];
            }
            out.add(new Roughness(snap.time(), c.distances(), deficit, KernelComparison.slope(c, s.roughnessLags())));
        }
        return out;
    }
}
