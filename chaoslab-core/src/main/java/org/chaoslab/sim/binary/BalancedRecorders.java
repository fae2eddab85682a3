package org.chaoslab.sim.binary;

import org.chaoslab.analysis.StreamingAutocorrelation;
import org.chaoslab.model.BalancedNetwork;

/**
 * The recorders behind a {@link BalancedRecording}, one per quantity (all of replica 0 but the distance): population
 * rates, replica distance and input decomposition at the sample times, the population autocorrelation of sampled
 * states, block-wise time-averaged unit rates and the 0→1 transitions of the first units.
 */
final class BalancedRecorders {

    private BalancedRecorders() {
    }

    /** m_E(t) and m_I(t), the active fractions, at the sample times. */
    static final class PopulationRates implements BalancedRecorder {
        final double[] e;
        final double[] i;
        private final int nE;
        private final int nI;

        PopulationRates(BalancedNetwork net, int samples) {
            e = new double[samples];
            i = new double[samples];
            nE = net.nE();
            nI = net.nI();
        }

        @Override
        public void sample(int s, BalancedReplicas replicas) {
            BinaryState s0 = replicas.first();
            e[s] = (double) s0.activeE / nE;
            i[s] = (double) s0.activeI / nI;
        }
    }

    /** D_k(t) = (1/N_k) Σ_{i∈k} (σ^0_i − σ^1_i)², the fraction of units in which the replicas differ (empty arrays with one replica). */
    static final class ReplicaDistance implements BalancedRecorder {
        final double[] e;
        final double[] i;
        private final int nE;
        private final int nI;

        ReplicaDistance(BalancedNetwork net, int samples) {
            e = new double[samples];
            i = new double[samples];
            nE = net.nE();
            nI = net.nI();
        }

        @Override
        public void sample(int s, BalancedReplicas replicas) {
            if (e.length > 0) {
                e[s] = (double) replicas.differencesE() / nE;
                i[s] = (double) replicas.differencesI() / nI;
            }
        }
    }

    /**
     * The input of chosen units split into its parts (van Vreeswijk &amp; Sompolinsky 1998, eq. 2.3): excitatory and
     * inhibitory recurrent input, the external √K E_k m0, the total u = exc + inh + ext − θ_k, and the state σ.
     */
    static final class InputDecomposition implements BalancedRecorder {
        /** {@code values[u][c][s]}: unit u, component c (in the order above), sample s. */
        final double[][][] values;
        private final int[] units;
        private final int nE;
        private final double extE;
        private final double extI;

        InputDecomposition(BalancedNetwork net, int[] units, int samples) {
            this.units = units;
            this.values = new double[units.length][5][samples];
            this.nE = net.nE();
            double sk = Math.sqrt(net.k());
            extE = sk * net.extE() * net.m0();
            extI = sk * net.extI() * net.m0();
        }

        /** The units (a copy). */
        int[] units() {
            return units.clone();
        }

        @Override
        public void sample(int s, BalancedReplicas replicas) {
            BinaryState s0 = replicas.first();
            for (int u = 0; u < units.length; u++) {
                int i = units[u];
                double[][] c = values[u];
                c[0][s] = s0.excitatory(i);
                c[1][s] = s0.inhibitory(i);
                c[2][s] = i < nE ? extE : extI;
                c[3][s] = s0.input(i);
                c[4][s] = s0.sigma[i];
            }
        }
    }

    /**
     * ⟨σ_i(t) σ_i(t+s)⟩ (raw moment) of the sampled states of the first units of each population, averaged over units
     * and time; off (empty results) when no lags or units are asked for or the recording is shorter than two maximal lags.
     */
    static final class PopulationAutocorrelation implements BalancedRecorder {
        private final int unitsE;
        private final int unitsI;
        private final int nE;
        private final double sampleInterval;
        private final StreamingAutocorrelation acfE;
        private final StreamingAutocorrelation acfI;
        private final double[] buffer;

        PopulationAutocorrelation(BalancedNetwork net, BalancedRun run, int samples) {
            nE = net.nE();
            unitsE = Math.min(run.acfUnits(), nE);
            unitsI = Math.min(run.acfUnits(), net.nI());
            sampleInterval = run.sampleInterval();
            int lags = (int) Math.round(run.acfMaxLag() / run.sampleInterval()) + 1;
            boolean on = run.acfMaxLag() > 0 && run.acfUnits() > 0 && samples >= 2 * lags;
            acfE = on ? new StreamingAutocorrelation(unitsE, lags) : null;
            acfI = on ? new StreamingAutocorrelation(unitsI, lags) : null;
            buffer = new double[Math.max(unitsE, unitsI)];
        }

        @Override
        public void sample(int s, BalancedReplicas replicas) {
            if (acfE == null) {
                return;
            }
            byte[] sigma = replicas.first().sigma;
            for (int c = 0; c < unitsE; c++) {
                buffer[c] = sigma[c];
            }
            acfE.add(buffer, 0);
            for (int c = 0; c < unitsI; c++) {
                buffer[c] = sigma[nE + c];
            }
            acfI.add(buffer, 0);
        }

        private boolean measured() {
            return acfE != null && acfE.pairsPerLag() > 0;
        }

        /** The lags k·Δt (empty when not measured). */
        double[] lags() {
            double[] lags = new double[measured() ? acfE.lags() : 0];
            for (int k = 0; k < lags.length; k++) {
                lags[k] = k * sampleInterval;
            }
            return lags;
        }

        double[] e() {
            return measured() ? acfE.result() : new double[0];
        }

        double[] i() {
            return measured() ? acfI.result() : new double[0];
        }
    }

    /**
     * The time-averaged rate of every unit in each of equal blocks of the recording: the exact time each unit spends
     * active (from its transitions), closed at the block boundaries.
     */
    static final class UnitRates implements BalancedRecorder {
        private final double[][] activeTime;
        private final double[] onSince;
        private final int blocks;
        private final double blockLength;
        private double t0;
        private int block;

        UnitRates(int n, int blocks, double duration) {
            this.blocks = blocks;
            this.blockLength = duration / blocks;
            activeTime = new double[blocks][n];
            onSince = new double[n];
        }

        @Override
        public void start(double t0, BalancedReplicas replicas) {
            this.t0 = t0;
            byte[] s0 = replicas.first().sigma;
            for (int i = 0; i < s0.length; i++) {
                if (s0[i] == 1) {
                    onSince[i] = t0;
                }
            }
        }

        /** The end of the current block, +∞ for the last block (closed by {@link #finish}). */
        @Override
        public double nextMark() {
            return block < blocks - 1 ? t0 + (block + 1) * blockLength : Double.POSITIVE_INFINITY;
        }

        /** Closes the blocks that end at or before t. */
        @Override
        public void reach(double t, BalancedReplicas replicas) {
            while (nextMark() <= t) {
                closeBlock(nextMark(), replicas.first().sigma);
            }
        }

        @Override
        public void transition(int i, double t, byte sigma) {
            if (sigma == 1) {
                onSince[i] = t;
            } else {
                activeTime[block][i] += t - onSince[i];
            }
        }

        @Override
        public void finish(double tEnd, BalancedReplicas replicas) {
            closeBlock(tEnd, replicas.first().sigma);
        }

        /** Adds the active time up to {@code boundary} to the current block and moves on to the next (if any). */
        private void closeBlock(double boundary, byte[] s0) {
            double[] acc = activeTime[block];
            for (int i = 0; i < s0.length; i++) {
                if (s0[i] == 1) {
                    acc[i] += boundary - onSince[i];
                    onSince[i] = boundary;
                }
            }
            if (block < blocks - 1) {
                block++;
            }
        }

        /** {@code rates[b][i]}: the fraction of block b that unit i was active. */
        double[][] rates() {
            double[][] rates = new double[blocks][activeTime[0].length];
            for (int b = 0; b < blocks; b++) {
                for (int i = 0; i < rates[b].length; i++) {
                    rates[b][i] = activeTime[b][i] / blockLength;
                }
            }
            return rates;
        }
    }

    /** The 0→1 transitions (unit, time since t0) of the first {@code perPopulation} units of each population. */
    static final class Transitions implements BalancedRecorder {
        final Series.Ints units = new Series.Ints();
        final Series.Doubles times = new Series.Doubles();
        private final int perPopulation;
        private final int nE;
        private double t0;

        Transitions(BalancedNetwork net, int perPopulation) {
            this.perPopulation = perPopulation;
            this.nE = net.nE();
        }

        @Override
        public void start(double t0, BalancedReplicas replicas) {
            this.t0 = t0;
        }

        @Override
        public void transition(int i, double t, byte sigma) {
            int local = i < nE ? i : i - nE;
            if (sigma == 1 && local < perPopulation) {
                units.add(i);
                times.add(t - t0);
            }
        }
    }
}
