/**
 * Analyses that turn arrays and streams into statistics: autocorrelations, moments, errors; {@link
 * org.chaoslab.analysis.Estimate} is a value with its uncertainty (standard error or confidence interval), as results
 * hold it.
 */
package org.chaoslab.analysis;
