package org.chaoslab.cli.report;

import java.util.List;

/**
 * What the report runs: per model family, the comparisons and figures of its references, at quick sizes (a few
 * minutes for the whole report on 2 cores) or paper-scale sizes ({@code --full}). Every run is a chaoslab command
 * with its defaults and an explicit seed, so that any figure of the report can be redone by hand from its caption.
 */
public final class ReportCatalogue {

    private ReportCatalogue() {
    }

    /** The section names, in report order. */
    public static final List<String> SECTIONS = sections(false).stream().map(ReportSection::id).toList();

    /** The sections at quick or full sizes. */
    public static List<ReportSection> sections(boolean full) {
        return List.of(rate(full), correlations(full), populations(full), balanced(full), glauber(full), deep(full),
                kernel(full));
    }

    private static String q(boolean full, String quick, String paper) {
        return full ? paper : quick;
    }

    static ReportSection rate(boolean full) {
        String n = q(full, "1000", "4000");
        String r = q(full, "3", "6");
        return new ReportSection("rate", "Random rate network: the transition to chaos",
                "Sompolinsky, Crisanti & Sommers, PRL 61:259 (1988), and the lecture notes' §2 (Figures 1 and 3): "
                        + "dx/dt = −x + Jφ(x) with J_ij ~ N(0, g²/N). For g < 1 activity decays to the silent fixed point; "
                        + "for g > 1 it is chaotic, with the autocorrelation Δ(τ) of the dynamic mean-field theory (DMFT); "
                        + "the largest Lyapunov exponent is positive above g = 1. The comparisons with verdicts are made at "
                        + "g ≥ 2: closer to the transition the finite-N deviation of ⟨x²⟩ exceeds the statistical tolerance "
                        + "at N = 1000 (g = 1.5: simulation 2.4 % below the DMFT, 8 SE), as the ⟨x²⟩-against-g figure shows.",
                List.of(
                        ReportRun.of("traces-chaotic", "Traces and rates of a few units in the chaotic phase (g = 2; notes Figure 1)",
                                "simulate", "rate", "--n", n, "--g", "2", "--t", "100", "--transient", "50", "--seed", "1"),
                        ReportRun.of("traces-silent", "Activity below the transition (g = 0.8) decays to the fixed point (notes Figure 3)",
                                "simulate", "rate", "--n", n, "--g", "0.8", "--t", "60", "--transient", "0", "--acf-max-lag", "20", "--seed", "1"),
                        ReportRun.of("dmft-g2", "Autocorrelation Δ(τ): DMFT against simulation at g = 2",
                                "compare", "scs", "--n", n, "--g", "2", "--realizations", r, "--seed", "2"),
                        ReportRun.of("dmft-g2.5", "Autocorrelation Δ(τ): DMFT against simulation at g = 2.5",
                                "compare", "scs", "--n", n, "--g", "2.5", "--realizations", r, "--seed", "4"),
                        ReportRun.of("dmft-g3", "Autocorrelation Δ(τ): DMFT against simulation at g = 3",
                                "compare", "scs", "--n", n, "--g", "3", "--realizations", r, "--seed", "3"),
                        ReportRun.sweep("x2-vs-g", "⟨x²⟩ against g: ensemble mean ± SE over realizations, DMFT Δ0 as the line",
                                "command: simulate rate\n"
                                        + "fixed: {n: " + q(full, "500", "2000") + ", phi: tanh, dt: 0.1, t: " + q(full, "100", "400")
                                        + ", transient: 50, acf-max-lag: 10}\n"
                                        + "sweep: {g: {linspace: [0.5, 3.0, 11]}}\n"
                                        + "realizations: " + r + "\nseed: 1\n",
                                List.of(List.of("sweep", "plot", "{out}", "--x", "g", "--y", "meanSquare", "--theory"))),
                        ReportRun.of("lyapunov-vs-g", "Largest Lyapunov exponent against g: simulation beside the DMFT",
                                "lyapunov-sweep", "--g-values", "0.8,1.2,1.5,2,2.5,3", "--n", q(full, "300", "1000"), "--seed", "1"),
                        ReportRun.of("lyapunov-spectrum", "Full Lyapunov spectrum at g = 2 (QR method)",
                                "lyapunov", "--n", q(full, "300", "1000"), "--g", "2", "--t", q(full, "100", "500"), "--dt", "0.1",
                                "--k", q(full, "100", "1000"), "--seed", "1")));
    }

    static ReportSection correlations(boolean full) {
        return new ReportSection("correlations", "Noise-driven networks: statistics of pairwise correlations",
                "Mato, Rigatuso & Torroba (2026), statistics of correlations in recurrent networks with quenched disorder: "
                        + "mean and variance of cross-covariances, participation ratio and the covariance eigenvalue density "
                        + "(closed forms for linear units; the two-site cavity theory for nonlinear ones, docs/correlations-nonlinear.md).",
                List.of(
                        ReportRun.of("linear", "Linear units, white noise (g = 0.6): closed forms against simulated realizations",
                                "compare", "correlations", "--g", "0.6", "--phi", "linear", "--noise", "white:1.0", "--n", q(full, "100", "400"),
                                "--t", q(full, "2000", "4000"), "--realizations", q(full, "4", "8"), "--seed", "1"),
                        ReportRun.of("tanh-cavity", "tanh units, white noise (g = 2, σ = 2): the cavity theory against simulation",
                                "compare", "correlations", "--g", "2", "--phi", "tanh", "--noise", "white:2", "--n", q(full, "200", "400"),
                                "--t", "2000", "--realizations", q(full, "6", "12"), "--dt", "0.05", "--integrator", "rk4",
                                "--seed", "1"),
                        ReportRun.of("tanh-quenched", "tanh units, quenched noise (a frozen input per trial; g = 1.5, σ = 2): "
                                        + "the fixed points' covariance across trials against the cavity on the static state",
                                "compare", "correlations", "--g", "1.5", "--phi", "tanh", "--noise", "quenched:2", "--n",
                                q(full, "200", "400"), "--realizations", q(full, "6", "12"), "--seed", "1")));
    }

    static ReportSection populations(boolean full) {
        return new ReportSection("populations", "Structured networks: several populations",
                "Kadmon & Sompolinsky, PRX 5:041030 (2015), and the lecture notes' §3: E/I rate networks (tanh units, "
                        + "per-population mean couplings and gains). Below the transition (0.8 of the predicted critical "
                        + "gain) the static population mean field (means and variances across units per population) "
                        + "against simulated realizations; above it (the gains of unequal rows at 1.76 of the critical "
                        + "gain, ρ(M) = 1.70 at the unstable static point) the time-dependent population DMFT: Δ_k(0), "
                        + "the temporal variance, the spread of the units' time averages and Δ_k(τ) per population "
                        + "(docs/populations.md).",
                List.of(ReportRun.of("ei-fixed-point", "E/I network at 0.8 of the critical gain: population means and "
                                + "variances, mean field against simulation",
                        "compare", "populations", "--fractions", "0.8,0.2", "--j-mean", "1,-3;1,-2.5", "--g-matrix",
                        "0.7,1.4;0.7,1.4", "--input", "0.5,0.2", "--phi", "tanh", "--gain-scale", "1.44", "--n",
                        q(full, "1000", "4000"), "--realizations", q(full, "3", "6"), "--seed", "1"),
                        ReportRun.of("ei-chaotic", "E/I network in the chaotic phase: population variances and "
                                        + "autocorrelations Δ_k(τ), time-dependent DMFT against simulation",
                                "compare", "populations", "--fractions", "0.8,0.2", "--j-mean", "1,-3;1,-2.5", "--g-matrix",
                                "0.9,1.6;0.6,1.0", "--input", "0.5,0.2", "--phi", "tanh", "--gain-scale", "3", "--n",
                                q(full, "1000", "4000"), "--t", "200", "--realizations", q(full, "4", "6"), "--seed", "1")));
    }

    static ReportSection balanced(boolean full) {
        // K/N = 0.01: the mean field is that of sparse networks (K << N); at K/N = 0.05 (N_E = 4000, K = 200) the
        // simulated rates are ~20 % below it, beyond the O(1/sqrt K) allowance
        String ne = q(full, "20000", "40000");
        String ni = q(full, "5000", "10000");
        String k = q(full, "200", "400");
        return new ReportSection("balanced", "Balanced excitatory–inhibitory binary network",
                "van Vreeswijk & Sompolinsky, Science 274:1724 (1996) and Neural Comput. 10:1321 (1998); the notes' §4 "
                        + "(Figure 4): strong excitation and inhibition cancel, population rates are linear in the external "
                        + "drive m0, the rate distribution is wide, and nearby states diverge (replica distance).",
                List.of(
                        ReportRun.of("network", "Input decomposition of one excitatory unit (notes Figure 4), raster, population "
                                        + "rates and their distribution",
                                "simulate", "balanced", "--ne", ne, "--ni", ni, "--k", k, "--m0", "0.1", "--t", "20", "--seed", "1"),
                        ReportRun.of("compare", "Mean-field rates, rate distribution and replica distance against realizations",
                                "compare", "balanced", "--ne", ne, "--ni", ni, "--k", k, "--m0", "0.1", "--t", q(full, "30", "50"),
                                "--realizations", q(full, "3", "4"), "--seed", "1"),
                        ReportRun.sweep("rates-vs-m0", "Population rates against the external drive m0: linear, as the balance "
                                        + "condition predicts (mean field as the line)",
                                "command: simulate balanced\n"
                                        + "fixed: {ne: " + ne + ", ni: " + ni + ", k: " + k + ", t: " + q(full, "20", "30") + "}\n"
                                        + "sweep: {m0: [0.1, 0.15, 0.2, 0.25, 0.3]}\n"
                                        + "realizations: 2\nseed: 1\n",
                                List.of(List.of("sweep", "plot", "{out}", "--x", "m0", "--y", "rateE", "--theory"),
                                        List.of("sweep", "plot", "{out}", "--x", "m0", "--y", "rateI", "--theory"))),
                        ReportRun.of("meanfield", "Finite-K mean field: rate density and replica distance (theory)",
                                "meanfield", "balanced", "--k", "1000", "--m0", "0.1")));
    }

    static ReportSection glauber(boolean full) {
        return new ReportSection("glauber", "Glauber binary network and its matched rate network",
                "Binary units with Glauber dynamics and dense Gaussian couplings beside the mean-field theory of the "
                        + "matched rate network (lecture notes §3; docs/glauber.md).",
                List.of(ReportRun.of("compare", "Autocorrelation and replica distance against the mean-field theory",
                        "compare", "glauber", "--n", q(full, "1000", "4000"), "--threshold-noise", "0.5",
                        "--realizations", q(full, "3", "6"), "--seed", "1")));
    }

    static ReportSection deep(boolean full) {
        return new ReportSection("deep", "Deep random networks: order and chaos",
                "Poole et al., NeurIPS 2016 and Schoenholz et al., ICLR 2017: the length map q and correlation map c, "
                        + "the order–chaos boundary χ1 = 1, depth scales, and the growth of a circle's length per layer.",
                List.of(
                        ReportRun.of("maps", "q and c maps at σ_w² = 2, σ_b² = 0.05 (theory)",
                                "deepnet", "maps", "--sigma-w2", "2.0", "--sigma-b2", "0.05"),
                        ReportRun.of("phase-diagram", "Phase diagram: χ1, depth scale ξ_c and c* over (σ_w², σ_b²), χ1 = 1 boundary",
                                "deepnet", "phase-diagram"),
                        ReportRun.of("compare", "Finite-width networks against the maps; circle length per layer",
                                "deepnet", "compare", "--width", q(full, "500", "2000"), "--depth", "20", "--seed", "1")));
    }

    static ReportSection kernel(boolean full) {
        String n = q(full, "1000", "2000");
        return new ReportSection("kernel", "Stimulus kernels and chaotic regularization",
                "Bauer, Keup, Kadmon & Helias (2026), discrete signaling mediates chaotic regularization: the "
                        + "stimulus-response kernel of a chaotic binary network has a nugget (rough at zero distance) that "
                        + "its rate twin lacks; spectra follow power laws; the nugget acts as a ridge in learning curves "
                        + "(docs/kernels.md).",
                List.of(
                        ReportRun.of("compare", "Kernel against stimulus distance: two-replica theory against realizations",
                                "compare", "kernel", "--model", "binary-sync", "--n", n, "--g", "1", "--stimuli",
                                q(full, "circle:64", "circle:128"), "--realizations", q(full, "3", "6"), "--seed", "1"),
                        ReportRun.of("responses", "Responses of one binary network to 256 stimuli, 2 trials",
                                "kernel", "simulate", "--model", "binary-sync", "--n", n, "--stimuli", "circle:256", "--trials", "2",
                                "--seed", "1"),
                        ReportRun.of("spectrum", "Spectrum of the responses (PCA and cross-validated PCA) with a power-law fit",
                                "kernel", "spectrum", "{run:responses}/responses.npy", "--cvpca"),
                        ReportRun.of("learning-curve", "Learning curve of a linear readout beside kernel-regression theory",
                                "kernel", "learning-curve", "{run:responses}/responses.npy", "--sizes", "16,32,64,128"),
                        ReportRun.of("regularization", "Binary network beside its rate twin: kernel, spectra, learning curves, roughness",
                                "kernel", "regularization", "--n", q(full, "500", "2000"), "--seed", "1")));
    }
}
