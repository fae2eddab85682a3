package org.chaoslab.compare;

import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.model.GlauberNetwork;
import org.chaoslab.model.MatchedRateNetwork;
import org.chaoslab.sim.binary.GlauberSimulator;
import org.chaoslab.sim.binary.MatchedRateSimulator;
import org.chaoslab.theory.glauber.GlauberAutocorrelation;
import org.chaoslab.theory.glauber.GlauberStationaryState;
import org.junit.jupiter.api.Test;

class GlauberMatchedExploreTest {
    @Test
    void explore() {
        for (double sigma : new double[] {0.0, 0.5}) {
            GlauberNetwork net = new GlauberNetwork(1000, -2.0, 1.0, 0.5, 0.0, sigma, 1.0);
            GaussianExpectation eng = GaussianExpectation.standard();
            GlauberStationaryState st = GlauberStationaryState.solve(net, eng);
            long t0 = System.nanoTime();
            GlauberAutocorrelation ac = GlauberAutocorrelation.solve(st, 0.02, 15, eng);
            System.out.printf("sigma=%.1f m=%.5f q=%.5f a=%.5f m(1-m)=%.5f Cn(inf)=%.5f it=%d (%.2f s)%n", sigma, st.m(), st.q(),
                    ac.outputNoiseVariance(), st.m() * (1 - st.m()), ac.binary()[ac.binary().length - 1], ac.iterations(), (System.nanoTime() - t0) * 1e-9);
            MatchedRateNetwork mr = new MatchedRateNetwork(net, ac.outputNoiseVariance());
            for (long seed = 1; seed <= 2; seed++) {
                GlauberSimulator.Recording b = GlauberSimulator.run(net, 100, 10, 0.1, seed, 30);
                MatchedRateSimulator.Recording r = MatchedRateSimulator.run(mr, 100, 10, 0.02, 0.1, 30, seed);
                System.out.printf(" seed %d binary mean %.5f (%.2fs) rate mean %.5f (%.2fs)%n", seed, b.meanRate(), b.wallSeconds(), r.meanRate(), r.wallSeconds());
                for (int k : new int[] {0, 1, 2, 5, 10, 20, 30}) {
                    System.out.printf("   lag %.1f theory %.5f binary %.5f rate %.5f%n", k * 0.1, ac.binary()[k * 5], b.autocorrelation()[k], r.autocorrelation()[k]);
                }
            }
        }
    }
}
