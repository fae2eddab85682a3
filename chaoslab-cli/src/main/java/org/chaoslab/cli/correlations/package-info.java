/**
 * The covariance commands ({@code correlations theory|simulate}, {@code compare correlations}): statistics of the
 * pairwise covariances of noise-driven networks, closed forms beside simulation, and the dimension of the chaotic state
 * (docs/covariance-dimension.md, docs/finite-size-covariance.md). Thin: the rate network's options from
 * {@code cli.rate} and this package's mixins ({@link org.chaoslab.cli.correlations.MappingOption},
 * {@link org.chaoslab.cli.correlations.QuenchedTrialsOption}) to model records, core calls, outputs through
 * {@code cli.common} and {@code CorrelationPlots}.
 */
package org.chaoslab.cli.correlations;
