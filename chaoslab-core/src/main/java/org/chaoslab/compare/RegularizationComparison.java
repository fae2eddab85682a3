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
 * cvPCA with power-law fits), and learning curves of a linear readout with the kernel-regression theory at the
 * measured nugget as ridge. Each network is one realization per seed; the models share the seed, hence J and the
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
     */
    public record Settings(ResponseProtocol protocol, long seed, int[] fitRanks, int shuffles, int[] sizes, String target, int draws,
                           int threads) {

        public Settings {
            if (protocol.mode() != ResponseProtocol.Mode.STATIONARY || protocol.trials() < 2) {
                throw new IllegalArgumentException("the side-by-side comparison needs the stationary protocol with >= 2 trials");
            }
            fitRanks = fitRanks.clone();
            sizes = sizes.clone();
        }

        /** The same runs from another seed. */
        public Settings withSeed(long s) {
            return new Settings(protocol, s, fitRanks, shuffles, sizes, target, draws, threads);
        }
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
     * @param wallSeconds  simulation wall time
     */
    public record Code(StimulusNetwork network, CircleKernel kernel, double nugget, double meanResponse, PcaSpectrum plain,
                       PowerLawFit plainFit, PcaSpectrum crossValidated, PowerLawFit crossValidatedFit,
                       LearningCurveComparison.Result learningCurve, double wallSeconds) {
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
        return new Code(net, circle, circle.sameTrial()[0] - circle.crossTrial()[0], mean, plain,
                PowerLawFit.fit(plain, s.fitRanks()[0], s.fitRanks()[1]), cv, PowerLawFit.fit(cv, s.fitRanks()[0], s.fitRanks()[1]), lc,
                run.run().wallSeconds());
    }
}
