package org.chaoslab.bench;

import java.util.List;
import java.util.Map;

import org.chaoslab.io.RunMetadata;

/**
 * Everything one {@code chaoslab bench} run measured, as written to {@code bench.json}. Times in
 * ms per step, bandwidths in GB/s (10⁹ B/s), rates in GFLOP/s; NaN (written as null) where a value
 * does not apply or is unavailable.
 *
 * @param metadata     machine and JVM (extra: CPU model, BLAS backend, last-level cache, date ...)
 * @param settings     how the run was made
 * @param memory       main-memory read bandwidth (the large array)
 * @param workingSets  read bandwidth of arrays the size of each J (which cache level holds J)
 * @param gemm         dgemm rates with the simulator's row-block partition
 * @param numpy        the numpy baseline: status, versions
 * @param cases        the simulator cases
 * @param targets      the performance targets with PASS/MISS
 * @param foreignLoad  per measurement: fraction of all CPUs that other processes used during its best repetition
 */
record BenchReport(RunMetadata metadata, Settings settings, Bandwidth memory, List<Bandwidth> workingSets,
                   List<Gemm> gemm, Numpy numpy, List<CaseResult> cases, List<Target> targets,
                   Map<String, Double> foreignLoad) {

    record Settings(boolean quick, int threads, String integrator, String transfer, double g, double dt,
                    int reps, int maxReps, double repSeconds, double warmupSeconds, String statistic, int waitIdle,
                    List<String> cases) {
    }

    /** Read bandwidth of a {@code bytes} float[] summed by {@code threads} threads. */
    record Bandwidth(long bytes, int threads, long sweepsPerRep, double bestGBs, double medianGBs, double foreignLoad) {
    }

    /** C = J·R, J N×N, R N×M, as the batched simulator computes it. */
    record Gemm(int n, int m, int threads, int blockRows, long productsPerRep, double bestGflops,
                double medianGflops, double foreignLoad) {
    }

    record Numpy(String status, String python, Map<String, String> env, String threadsEnv) {
    }

    /**
     * One simulator case beside its numpy peer and its bound.
     *
     * @param speedupVsNumpy   numpy ms / chaoslab ms (&gt; 1: chaoslab faster)
     * @param residency        "memory" when J streams from main memory every step, "cache-resident"
     *                         when the working-set bandwidth at J's size is well above main memory's
     * @param memoryBoundMs    bytes of J / main-memory read bandwidth (single trajectories)
     * @param boundFraction    memoryBoundMs / chaoslab ms (1 = at the bound)
     * @param cacheBoundMs     bytes of J / read bandwidth of a J-sized array (cache-resident cases)
     * @param gflops           2·N²·M / chaoslab time per step
     * @param gemmFraction     gflops / the dgemm rate (replicas)
     */
    record CaseResult(String id, String label, int n, int replicas, String precision, long stepsPerRep, int reps,
                      double chaoslabMsBest, double chaoslabMsMedian, double numpyMsBest, double numpyMsMedian,
                      double speedupVsNumpy, long matrixBytes, String residency, double memoryBoundMs,
                      double boundFraction, double cacheBandwidthGBs, double cacheBoundMs,
                      double cacheBoundFraction, double gflops, double gemmFraction, double foreignLoad) {
    }

    /**
     * @param value     the measured figure of merit
     * @param threshold what it must reach
     * @param verdict   PASS, MISS or N/A
     */
    record Target(String name, String criterion, double value, double threshold, String verdict) {
    }
}
