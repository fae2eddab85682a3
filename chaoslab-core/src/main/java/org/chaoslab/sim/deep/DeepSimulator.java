package org.chaoslab.sim.deep;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import dev.ludovic.netlib.blas.BLAS;
import org.chaoslab.linalg.Blas;
import org.chaoslab.linalg.DotKernels;
import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.model.DeepNetwork;
import org.chaoslab.model.DeepNetworkInputs;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.random.StreamSeeds;
import org.chaoslab.sim.ProgressListener;

/**
 * Simulates R finite-width realizations of a random deep network. Each realization draws its layers
 * one at a time (never storing more than one N × N matrix) and propagates the whole probe batch — 2P
 * pair inputs and K circle points — with one matrix product per layer, h^l = W^l x^{l−1} + b^l,
 * x^l = φ(h^l) (times the Bernoulli(ρ)/ρ dropout mask of layer l+1). Per layer it records q^l, c^l,
 * the Jacobian's mean squared singular value and the circle's length and curvature.
 *
 * <p>Seeds: realization r uses master seed {@code seed + r} with streams {@code inputs/pairs/p},
 * {@code inputs/circle}, {@code weights/layer/l/i} (row i), {@code biases/layer/l} and
 * {@code dropout/layer/l/m} (column m). Rows, columns and circle points are split over threads in
 * fixed blocks and reduced in order, so results are bit-identical for any thread count.
 * A non-finite pre-activation ends that realization (its later layers stay NaN) and is reported.
 */
public final class DeepSimulator {

    private DeepSimulator() {
    }

    /** Runs the simulation. */
    public static DeepRecording run(DeepNetwork network, DeepNetworkInputs inputs, DeepSimulation settings,
                                    ProgressListener progress) {
        long start = System.nanoTime();
        int n = network.width();
        int depth = network.depth();
        int reps = settings.realizations();
        int m = ProbeInputs.columns(inputs);
        Series out = new Series(reps, depth);
        List<String> problems = new ArrayList<>();
        try (ParallelRows pool = new ParallelRows(settings.threads())) {
            Layers layers = new Layers(network, inputs, pool);
            for (int r = 0; r < reps; r++) {
                long seed = settings.seed() + r;
                int done = r;
                String problem = layers.realization(StreamSeeds.of(seed), r, out,
                        l -> progress.progress((long) done * depth + l, (long) reps * depth));
                if (problem != null) {
                    problems.add("realization " + r + " (seed " + seed + "): " + problem);
                }
            }
        }
        return new DeepRecording(out.q, out.c, out.jacobian, out.circleQ, out.circleLength, out.grassmann,
                out.curvature, out.maxTurning, List.copyOf(problems), (System.nanoTime() - start) * 1e-9);
    }

    /** The recorded series, filled layer by layer. */
    private static final class Series {
        final LayerSeries q;
        final LayerSeries c;
        final LayerSeries jacobian;
        final LayerSeries circleQ;
        final LayerSeries circleLength;
        final LayerSeries grassmann;
        final LayerSeries curvature;
        final LayerSeries maxTurning;

        Series(int reps, int depth) {
            q = LayerSeries.empty(reps, depth);
            c = LayerSeries.empty(reps, depth);
            jacobian = LayerSeries.empty(reps, depth);
            circleQ = LayerSeries.empty(reps, depth);
            circleLength = LayerSeries.empty(reps, depth);
            grassmann = LayerSeries.empty(reps, depth);
            curvature = LayerSeries.empty(reps, depth);
            maxTurning = LayerSeries.empty(reps, depth);
        }
    }

    /** The propagation of one realization after another through reused buffers. */
    private static final class Layers {
        private final DeepNetwork net;
        private final DeepNetworkInputs inputs;
        private final TransferFunction phi;
        private final ParallelRows pool;
        private final LayerSampler sampler;
        private final CircleGeometry circle;
        private final int n;
        private final int m;
        private final int pairColumns;
        private final double[] columnSquare;
        private final double[] columnJacobian;
        private double[] h;
        private double[] hPrev;
        private final double[] x;
        private final double[] mask;
        private final BLAS blas = Blas.blas();

        Layers(DeepNetwork net, DeepNetworkInputs inputs, ParallelRows pool) {
            this.net = net;
            this.inputs = inputs;
            this.phi = net.transfer();
            this.pool = pool;
            this.n = net.width();
            this.m = ProbeInputs.columns(inputs);
            this.pairColumns = 2 * inputs.pairs();
            this.sampler = new LayerSampler(n, net.weightVariance(), net.biasVariance(), pool);
            this.circle = inputs.hasCircle() ? new CircleGeometry(n, inputs.circlePoints()) : null;
            this.columnSquare = new double[m];
            this.columnJacobian = new double[pairColumns];
            this.h = new double[n * m];
            this.hPrev = new double[n * m];
            this.x = new double[n * m];
            this.mask = net.hasDropout() ? new double[n * m] : null;
        }

        /** Runs realization r; returns null, or a message if it diverged. */
        String realization(StreamSeeds seeds, int r, Series out, IntConsumer layerDone) {
            System.arraycopy(ProbeInputs.build(n, inputs, seeds), 0, x, 0, n * m);
            for (int l = 1; l <= net.depth(); l++) {
                if (l > 1) {
                    activate(seeds, l);
                }
                sampler.draw(seeds, l);
                multiply();
                if (!finite()) {
                    return "pre-activations diverged (NaN/Inf or beyond 1e100) at layer " + l + "; later layers are NaN";
                }
                record(r, l, out);
                double[] t = hPrev;
                hPrev = h;
                h = t;
                layerDone.accept(l);
            }
            return null;
        }

        /** x = φ(h^{l−1}), times the dropout mask of layer l. */
        private void activate(StreamSeeds seeds, int l) {
            double keep = net.keepProbability();
            pool.run(m, columnBlock(), (from, to) -> {
                for (int i = from * n; i < to * n; i++) {
                    x[i] = phi.phi(hPrev[i]);
                }
                if (mask != null) {
                    LayerSampler.dropout(seeds, l, keep, x, mask, n, from, to);
                }
            });
        }

        /** h = W x + b, one dgemm per fixed block of rows (column-major h, x; row-major W = column-major Wᵀ). */
        private void multiply() {
            double[] w = sampler.weights;
            double[] b = sampler.biases;
            pool.run(n, LayerSampler.rowBlock(n), (from, to) -> {
                if (Blas.isNative()) {
                    blas.dgemm("T", "N", to - from, m, n, 1.0, w, from * n, n, x, 0, n, 0.0, h, from, n);
                } else {
                    DotKernels.columns(w, n, x, m, h, from, to);
                }
                for (int col = 0; col < m; col++) {
                    int off = col * n;
                    for (int i = from; i < to; i++) {
                        h[off + i] += b[i];
                    }
                }
            });
        }

        /**
         * Whether the pre-activations are finite and bounded by {@link org.chaoslab.sim.Divergence#STATE_LIMIT}: beyond
         * it their squares (q, c and the Jacobian norms) overflow and the layer statistics become NaN.
         */
        private boolean finite() {
            for (double v : h) {
                if (!(Math.abs(v) <= org.chaoslab.sim.Divergence.STATE_LIMIT)) {
                    return false;
                }
            }
            return true;
        }

        private void record(int r, int l, Series out) {
            double[] s = sampler.columnSquares;
            pool.run(m, columnBlock(), (from, to) -> {
                for (int col = from; col < to; col++) {
                    int off = col * n;
                    double sum = 0;
                    for (int i = 0; i < n; i++) {
                        sum += h[off + i] * h[off + i];
                    }
                    columnSquare[col] = sum / n;
                    if (col < pairColumns) {
                        // (1/N)‖W diag(d)‖_F² = (1/N) Σ_j s_j d_j², d = φ′(h^{l−1}) × mask (d = 1 at l = 1)
                        double jac = 0;
                        for (int j = 0; j < n; j++) {
                            double d = l == 1 ? 1.0 : phi.derivative(hPrev[off + j]) * (mask == null ? 1.0 : mask[off + j]);
                            jac += s[j] * d * d;
                        }
                        columnJacobian[col] = jac / n;
                    }
                }
            });
            double q = 0;
            double jac = 0;
            for (int col = 0; col < pairColumns; col++) {
                q += columnSquare[col];
                jac += columnJacobian[col];
            }
            double c = 0;
            for (int p = 0; p < inputs.pairs(); p++) {
                int a = 2 * p * n;
                int b = a + n;
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += h[a + i] * h[b + i];
                }
                c += dot / n / Math.sqrt(columnSquare[2 * p] * columnSquare[2 * p + 1]);
            }
            out.q.set(r, l, q / pairColumns);
            out.jacobian.set(r, l, jac / pairColumns);
            out.c.set(r, l, c / inputs.pairs());
            if (circle != null) {
                CircleGeometry.Measures g = circle.measure(h, pairColumns, pool);
                out.circleQ.set(r, l, g.meanSquare());
                out.circleLength.set(r, l, g.length());
                out.grassmann.set(r, l, g.turning());
                out.curvature.set(r, l, g.turning() / g.length() * Math.sqrt(n * g.meanSquare()));
                out.maxTurning.set(r, l, g.maxTurning());
            }
        }

        private int columnBlock() {
            return Math.max(8, (m + 63) / 64);
        }
    }
}
