/**
 * Theory beside simulation: runs a model's simulator over several network realizations, solves its
 * mean-field theory, and reports the deviations with error bars. The only package that imports both
 * {@code org.chaoslab.sim} and {@code org.chaoslab.theory}.
 *
 * <h2>The one shape of a comparison</h2>
 *
 * Every comparison of a model (the deep comparison, {@link org.chaoslab.compare.DeepComparison}, is the model) is
 * built from four steps, each public so that any one can be rerun or replaced:
 * <ol>
 *   <li><b>Settings</b>: a record describing the runs — the simulation settings, with the master seed of realization
 *       0, and the number R of realizations — with {@code withSeed(long)}, the same runs from another seed.</li>
 *   <li><b>Theory</b>: the mean field, solved once before any simulation and a pure function of the network and
 *       the settings ({@code Theory.solve}/{@code Theory.of}/{@code theory(…)}, or the solver's own
 *       {@code solve}).</li>
 *   <li><b>Simulate</b>: {@code simulate(…, seed, progress)} runs one realization from its master seed and reduces
 *       it to what the comparison needs (its recording); where the dynamics can diverge, it returns a
 *       {@link org.chaoslab.compare.Realizations.Outcome}: the recording, or the divergence that stopped the run.</li>
 *   <li><b>Compare</b>: {@code compare(…)}, a pure function of the recordings of the realizations and the theory
 *       (and of the settings), returns the result record (the simulation's deviations from the theory with
 *       standard errors over realizations, verdicts where the comparison states them).</li>
 * </ol>
 * {@code run(…)} is theory, then the loop of {@link org.chaoslab.compare.Realizations} over the simulate step, then
 * compare. That loop is the same for every comparison: realization r has master seed {@code seed + r}; progress is
 * scaled to the R realizations; and one divergence policy holds — a realization whose simulation diverges
 * ({@link org.chaoslab.sim.Divergence}) is recorded as a {@link org.chaoslab.compare.Realizations.Failure} (index,
 * seed, step, reason) and the loop goes on; the result reports the failed realizations (and compare says how many
 * completed ones it needs). Binary networks cannot diverge; their comparisons say so.
 *
 * <p>In this shape: {@link org.chaoslab.compare.ScsComparison}, {@link org.chaoslab.compare.CorrelationComparison},
 * {@link org.chaoslab.compare.ChaoticDimensionComparison}, {@link org.chaoslab.compare.BalancedComparison},
 * {@link org.chaoslab.compare.GlauberComparison} and {@link org.chaoslab.compare.KernelComparison}; the deep
 * comparison's simulator ({@link org.chaoslab.sim.deep.DeepSimulator}) runs its R realizations itself into one
 * recording, with the same seeds and progress scaling; a realization that diverges is listed in its problems and
 * keeps NaN in the layers after the divergence. Not in this shape: the sweeps and studies built on single runs,
 * {@link org.chaoslab.compare.DeepBoundaryComparison}, {@link org.chaoslab.compare.LearningCurveComparison} and
 * {@link org.chaoslab.compare.RegularizationComparison}.
 *
 * <h2>Results grouped by meaning</h2>
 *
 * A simulated value with its uncertainty is one {@link org.chaoslab.analysis.Estimate} (mean ± SE over realizations),
 * not two positional fields; a value beside its theory is one {@link org.chaoslab.compare.Deviation}. A result whose
 * part can be absent (autocorrelations of runs too short, the stationary or transient half of the kernel comparison,
 * the length growth of an unresolved circle) is built by a named factory, e.g.
 * {@link org.chaoslab.compare.ScsComparisonResult#withoutAutocorrelation}.
 */
package org.chaoslab.compare;
