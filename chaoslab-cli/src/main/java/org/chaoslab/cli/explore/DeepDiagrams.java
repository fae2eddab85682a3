package org.chaoslab.cli.explore;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.theory.deep.BoundaryCurve;
import org.chaoslab.theory.deep.DeepMeanField;
import org.chaoslab.theory.deep.OrderChaosBoundary;
import org.chaoslab.theory.deep.PhaseDiagram;
import org.chaoslab.theory.deep.PhaseDiagramGrid;

/**
 * The (σ_w², σ_b²) phase diagrams the deep view draws, computed once per transfer function and shared by every tab of
 * a server (Schoenholz et al. 2017, Fig. 2; as {@code deepnet phase-diagram} computes them): χ1, ξ_c and the other
 * fixed-point quantities on a {@link #RESOLUTION}² grid over the CLI's default ranges, σ_w² ∈ [{@link #W_MIN},
 * {@link #W_MAX}], σ_b² ∈ [{@link #B_MIN}, {@link #B_MAX}], by the grid engine ({@link PhaseDiagram#gridTheory()}), and
 * the order–chaos boundary χ1 = 1 as a curve σ_w²(σ_b²) by the default engine (81 points, denser at small σ_b², as the
 * CLI draws it). At most {@link #CACHED} diagrams are kept (the least recently used goes). Thread-safe: a diagram asked
 * for while it is computed is waited for, not computed twice.
 */
final class DeepDiagrams {

    /** The σ_w² axis: the CLI's default range. */
    static final double W_MIN = 0.5;
    static final double W_MAX = 5.0;
    /** The σ_b² axis: the CLI's default range. */
    static final double B_MIN = 0.0;
    static final double B_MAX = 1.0;
    /** Grid points per axis. */
    static final int RESOLUTION = 81;
    /** Points of the boundary curve. */
    static final int BOUNDARY_POINTS = 81;
    /** Diagrams kept. */
    static final int CACHED = 16;

    /**
     * One diagram.
     *
     * @param grid     the fixed-point quantities on the grid
     * @param boundary χ1 = 1
     * @param seconds  the time it took
     */
    record Diagram(PhaseDiagramGrid grid, BoundaryCurve boundary, double seconds) {
    }

    private final Map<String, CompletableFuture<Diagram>> cache = new LinkedHashMap<>(CACHED, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Diagram>> eldest) {
            return size() > CACHED;
        }
    };

    /** Whether the diagram of φ is at hand (computed, not just begun). */
    boolean cached(TransferFunction phi) {
        synchronized (cache) {
            CompletableFuture<Diagram> f = cache.get(phi.name());
            return f != null && f.isDone() && !f.isCompletedExceptionally();
        }
    }

    /** The diagram of φ (no dropout), computed on the calling thread with {@code threads} threads unless at hand. */
    Diagram of(TransferFunction phi, int threads) {
        CompletableFuture<Diagram> mine = new CompletableFuture<>();
        CompletableFuture<Diagram> f;
        synchronized (cache) {
            f = cache.putIfAbsent(phi.name(), mine);
        }
        if (f == null) {
            try {
                mine.complete(compute(phi, threads));
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
                synchronized (cache) {
                    cache.remove(phi.name(), mine);
                }
                throw e;
            }
            return mine.join();
        }
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the phase diagram", e);
        }
    }

    private static Diagram compute(TransferFunction phi, int threads) {
        long start = System.nanoTime();
        double[] sw = axis(W_MIN, W_MAX, RESOLUTION);
        double[] sb = axis(B_MIN, B_MAX, RESOLUTION);
        PhaseDiagramGrid grid;
        try (ParallelRows pool = new ParallelRows(threads)) {
            grid = new PhaseDiagram(PhaseDiagram.gridTheory()).compute(phi, 1.0, sw, sb, pool);
        }
        double[] bb = new double[BOUNDARY_POINTS];
        for (int k = 0; k < bb.length; k++) {
            double u = k / (bb.length - 1.0);
            bb[k] = B_MIN + (B_MAX - B_MIN) * u * u;
        }
        BoundaryCurve boundary = new OrderChaosBoundary(new DeepMeanField()).compute(phi, 1.0, bb);
        return new Diagram(grid, boundary, (System.nanoTime() - start) * 1e-9);
    }

    static double[] axis(double lo, double hi, int n) {
        double[] a = new double[n];
        for (int k = 0; k < n; k++) {
            a[k] = lo + (hi - lo) * k / (n - 1);
        }
        return a;
    }
}
