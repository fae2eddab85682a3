package org.chaoslab.compare;

import java.util.List;

import org.chaoslab.analysis.RunningStatistics;
import org.chaoslab.model.ExternalInput;
import org.chaoslab.model.Noise;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.RateSimulation;
import org.chaoslab.sim.rate.RateSimulator;
import org.chaoslab.sim.record.StationaryMoments;
import org.chaoslab.theory.dmft.DmftOptions;
import org.chaoslab.theory.dmft.NoisyDmftSolution;
import org.chaoslab.theory.dmft.WhiteNoiseDmft;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Exploratory: finite-size scaling of ⟨x²⟩ for tanh, g = 2.5, white:1.0. */
@Tag("slow")
class NoisyFiniteSizeStudyTest {

    @Test
    void study() {
        double g = Double.parseDouble(System.getProperty("study.g", "2.5"));
        double dt = Double.parseDouble(System.getProperty("study.dt", "0.05"));
        double t = Double.parseDouble(System.getProperty("study.t", "200"));
        int m = Integer.getInteger("study.m", 4);
        long seed0 = Long.getLong("study.seed0", -1L);
        double transient_ = Double.parseDouble(System.getProperty("study.transient", "30"));
        String[] plan = System.getProperty("study.plan", "300:48,600:24,1200:12,2400:6").split(",");
        NoisyDmftSolution th = new WhiteNoiseDmft(DmftOptions.defaults().withTauMax(30))
                .solve(RateNetwork.scs(100, g, new TransferFunctions.Tanh()).withInput(ExternalInput.NONE.withNoise(new Noise.White(1.0))));
        System.out.printf("DMFT c0 = %.6f%n", th.c0());
        for (String p : plan) {
            int n = Integer.parseInt(p.split(":")[0]);
            int reps = Integer.parseInt(p.split(":")[1]);
            RateNetwork net = RateNetwork.scs(n, g, new TransferFunctions.Tanh())
                    .withInput(ExternalInput.NONE.withNoise(new Noise.White(1.0)));
            RunningStatistics real = new RunningStatistics();
            long start = System.nanoTime();
            for (int r = 0; r < reps; r++) {
                RateSimulation s = RateSimulation.of(dt, t, transient_, seed0 >= 0 ? seed0 + r : 7000L * n + r).withIntegrator(IntegratorKind.EXPONENTIAL_EULER)
                        .withReplicas(m).withThreads(1);
                StationaryMoments mom = new StationaryMoments((int) Math.max(1, Math.round(0.1 / dt)));
                RateSimulator.run(net, s, List.of(mom), ProgressListener.NONE);
                real.add(RunningStatistics.of(mom.meanSquareX()).mean());
                if (System.getProperty("study.verbose") != null) {
                    System.out.printf("  N=%d seed %d: %.5f%n", n, seed0 >= 0 ? seed0 + r : 7000L * n + r, real.mean());
                }
            }
            System.out.printf("N=%d R=%d M=%d dt=%.3f T=%.0f: <x2> %.6f ± %.6f  rel %.5f ± %.5f  (%.0f s)%n", n, reps, m, dt, t,
                    real.mean(), real.standardError(), real.mean() / th.c0() - 1, real.standardError() / th.c0(),
                    (System.nanoTime() - start) * 1e-9);
        }
    }
}
