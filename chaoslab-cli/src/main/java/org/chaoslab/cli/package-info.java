/**
 * The {@code chaoslab} command line (picocli): {@link org.chaoslab.cli.Main} handles errors once (bad input: one line,
 * exit 2; divergence: exit 3); commands are thin (parse, build a model record, call core, write). Newer families live
 * in subpackages ({@code cli.kernel}); shared options and outputs in {@code cli.common}.
 */
package org.chaoslab.cli;
