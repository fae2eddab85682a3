package org.chaoslab.sim.lyapunov;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.chaoslab.model.PopulationNetwork;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.RateSimulation;
import org.chaoslab.sim.rate.RateSimulator;
import org.chaoslab.sim.rate.RealizedPopulationNetwork;
import org.hipparchus.linear.EigenDecompositionNonSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.junit.jupiter.api.Test;

/** Lyapunov exponents of a network whose populations have different transfer functions. */
class PopulationLyapunovTest {

    @Test
    void atAStableFixedPointTheExponentIsTheJacobiansLeadingEigenvalue() {
        // E tanh, I threshold-linear (per-population phi in the state and phi' in the tangent system): at the stable
        // fixed point x* the exponent is max Re of the eigenvalues of -1 + J diag(phi'_k(x*)), computed here by
        // Hipparchus from the simulated x*
        int n = 300;
        List<TransferFunction> phis = List.of(new TransferFunctions.Tanh(), new TransferFunctions.Relu());
        PopulationNetwork net = new PopulationNetwork(n, new double[] {0.8, 0.2}, new double[][] {{1.0, -3.0}, {1.0, -2.5}},
                new double[][] {{0.9, 1.6}, {0.6, 1.0}}, new double[] {0.5, 0.2}, phis);
        RealizedPopulationNetwork r = RealizedPopulationNetwork.draw(net, 3, 1);
        double[] x = RateSimulator.run(r.realized(), new RateSimulation(0.1, 1, 200, IntegratorKind.RK4, 1, 3, 1.0, 1),
                List.of(), ProgressListener.NONE).finalState();
        int[] pop = r.populationOf();
        double[][] jac = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                jac[i][j] = r.realized().couplings().get(i, j) * phis.get(pop[j]).derivative(x[j]) - (i == j ? 1 : 0);
            }
        }
        double lead = Double.NEGATIVE_INFINITY;
        for (var e : new EigenDecompositionNonSymmetric(MatrixUtils.createRealMatrix(jac)).getEigenvalues()) {
            lead = Math.max(lead, e.getReal());
        }
        LyapunovSpectrum s = LyapunovAnalyzer.spectrum(r.realized(), new LyapunovSettings(0.05, IntegratorKind.RK4, 1, 1.0,
                new LyapunovSettings.Warmup(200, 100), 400, 3, 1), ProgressListener.NONE);
        System.out.printf("fixed point of tanh/relu populations: lambda_1 %.5f +- %.5f (QR), %.5f (two replicas); "
                + "max Re eig(Jacobian) %.5f%n", s.exponents()[0], s.confidence()[0], s.twoReplica().lambda().value(), lead);
        assertThat(lead).isNegative();
        // linear dynamics about x*: a vector's growth rate over T = 400 is the leading eigenvalue's real part up to
        // log(overlap)/T, where the near-edge modes (spacing ~ 1/sqrt(N)) have not yet been outgrown: a random start
        // overlaps the leading mode by ~ N^(-1/2), and the eigenvector's condition number of a non-normal random matrix
        // is up to ~ sqrt(N) more (Chalker & Mehlig, PRL 81:3367, 1998): log(N)/T = 0.014; the batch half-width on top
        double slack = Math.log(n) / 400;
        assertThat(Math.abs(s.exponents()[0] - lead)).isLessThan(slack + s.confidence()[0]);
        assertThat(Math.abs(s.twoReplica().lambda().value() - lead)).isLessThan(slack + s.twoReplica().lambda().halfWidth());
    }
}
