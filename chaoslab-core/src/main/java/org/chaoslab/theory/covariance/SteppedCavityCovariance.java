package org.chaoslab.theory.covariance;

import org.chaoslab.model.Noise;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.theory.dmft.DmftOptions;
import org.chaoslab.theory.dmft.NoisyDmftSolution;
import org.chaoslab.theory.dmft.OneStepScheme;
import org.chaoslab.theory.dmft.SteppedNoisyDmft;

/**
 * The cavity covariance statistics of the discrete-time process a one-stage scheme (Euler, exponential Euler) records for
 * the noise-driven rate network, N → ∞, any φ, white or OU noise: the two-site cavity of {@link CavityCovariance} on the
 * scheme's own DMFT ({@link SteppedNoisyDmft}), with the unit's transfer function S = γ/(e^{iωδ} − κ) of the map
 * x_{n+1} = κx_n + γu_n in place of 1/(1 + iω).
 *
 * <p>Why this is the same derivation: every step of it (the split φ(x) = ⟨φ′⟩x + ε with ε uncorrelated with x at all
 * lags, the mean response, the surrogate x̂ = S(Jφ̂ + noise/γ) and the four-resolvent averages, which depend on S only
 * through u = R²S₁S₂*) is algebra at each frequency, valid for any causal linear filter S; only the single-unit spectra
 * (from the scheme's DMFT) and S change. Sampled at the steps, the spectra are periodic in ω with period 2π/δ and the
 * sums run over the whole band. At ω = 0, S = 1, so the zero-frequency formulas are unchanged (with the scheme's spectra).
 * For linear units this reproduces the closed form of the scheme ({@link SteppedLinearCovariance}, an independent
 * contour integral): SteppedCavityCovarianceTest. The difference from the ODE's cavity is the scheme's O(δ) bias of the
 * equal-time statistics, which the comparison's verdicts add for nonlinear units (compare.CorrelationVerdicts).
 */
public final class SteppedCavityCovariance {

    private SteppedCavityCovariance() {
    }

    /**
     * Solves the scheme's DMFT of {@code network} on the lags up to {@code options.tauMax()}, extended to 25/κ where the
     * tail e^{−κτ} needs it, and evaluates the cavity statistics at the network's N. The mean mode of a mean coupling is
     * not formed (null); the other statistics are those of J0 = 0 at leading order, as for the ODE.
     *
     * @throws IllegalArgumentException as {@link CavityCovariance#of(RateNetwork, DmftOptions)}
     * @throws org.chaoslab.theory.dmft.NoSolutionException if the scheme's DMFT iteration does not converge
     */
    public static CavityCovariance.Result of(RateNetwork network, OneStepScheme scheme, DmftOptions options) {
        Noise noise = CavityCovariance.checkModel(network);
        SteppedNoisyDmft solver = new SteppedNoisyDmft(scheme, options);
        NoisyDmftSolution s = solver.stationary(network);
        double needed = CavityCovariance.longerWindow(s, options, scheme.dt());
        if (!Double.isNaN(needed)) {
            solver = new SteppedNoisyDmft(scheme, options.withTauMax(needed));
            s = solver.stationary(network);
        }
        return CavityCovariance.of(s, network.transfer(), solver.engine(), network.size(), noise.sigma() * noise.sigma(),
                LeakFilter.stepped(scheme));
    }
}
