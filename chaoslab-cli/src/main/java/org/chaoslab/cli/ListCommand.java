package org.chaoslab.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.chaoslab.model.TransferFunctions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code chaoslab list phi|noise|stimuli}: the specs the options accept, with their meaning. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "The values the spec options accept: transfer functions (--phi), noise (--noise), stimuli (--stimuli).")
final class ListCommand implements Callable<Integer> {

    @Parameters(paramLabel = "WHAT", defaultValue = "all", description = "phi, noise, stimuli or all. Default: ${DEFAULT-VALUE}.")
    String what;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        boolean all = "all".equals(what);
        if (!all && !"phi".equals(what) && !"noise".equals(what) && !"stimuli".equals(what)) {
            throw new IllegalArgumentException("WHAT must be phi, noise, stimuli or all (got '" + what + "')");
        }
        if (all || "phi".equals(what)) {
            o.println("--phi (transfer functions; parsed by TransferFunctions.parse):");
            o.println("  " + String.join(", ", TransferFunctions.NAMES));
            o.println("  linear: phi(x) = x; tanh; erf: erf(sqrt(pi) x / 2) (slope 1 at 0); relu: max(0, x);");
            o.println("  threshold-linear:THETA: max(0, x - THETA); sigmoid: 1 / (1 + e^-x);");
            o.println("  custom:BASE:GAIN:OFFSET: BASE(GAIN (x - OFFSET)) with BASE one of the above");
        }
        if (all || "noise".equals(what)) {
            o.println("--noise (rate networks):");
            o.println("  none; white:SIGMA (<xi(t) xi(t')> = SIGMA^2 delta(t - t')); ou:SIGMA:TAU (tau_n eta' = -eta + SIGMA xi);");
            o.println("  quenched:SIGMA (a frozen N(0, SIGMA^2) input per unit and trial)");
            o.println("  (the threshold noise of binary units is --threshold-noise SIGMA, a number)");
        }
        if (all || "stimuli".equals(what)) {
            o.println("--stimuli (kernel commands):");
            o.println("  circle:P (P equally spaced angles), torus:D:K (K^D grid points, D = 1..4), sphere:D:P (P uniform points on S^D,");
            o.println("  D = 1..4), FILE.npy (P x N inputs); input x_i = s (xi_i cos theta + eta_i sin theta) on the circle");
        }
        return 0;
    }
}
