/**
 * What every command shares: the output directory (checked before work, staged and committed as one set, the
 * {@code --force} policy), {@code --threads} bounded by the cores, resource checks before allocation, and the one
 * summary.json schema ({@link org.chaoslab.cli.common.RunSummary}: command, status, parameters, seeds, results, verdicts,
 * warnings, metadata, files).
 */
package org.chaoslab.cli.common;
