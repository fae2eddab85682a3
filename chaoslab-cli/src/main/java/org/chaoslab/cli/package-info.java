/**
 * The {@code chaoslab} command line (picocli): {@link org.chaoslab.cli.Main} handles errors once (bad input: one line,
 * exit 2; divergence: exit 3); commands are thin (parse, build a model record, call core, write).
 *
 * <p>Layout: one subpackage per model family, holding its commands and their options, summaries and plots —
 * {@code cli.rate} (rate networks: {@code simulate rate}, {@code dmft scs|transition}, {@code compare scs},
 * {@code lyapunov}, {@code lyapunov-sweep}), {@code cli.binary} (balanced and Glauber networks), {@code cli.correlations},
 * {@code cli.deep} ({@code deepnet}), {@code cli.kernel}; what every command shares (output directory, summary.json,
 * {@code --threads}, resource checks) in {@code cli.common}. This package keeps the entry points
 * ({@link org.chaoslab.cli.Main}, the in-process {@link org.chaoslab.cli.Chaoslab}, the AOT-cache training
 * {@link org.chaoslab.cli.StartupTraining}), the top-level command and its list of subcommands
 * ({@link org.chaoslab.cli.ChaoslabCommand}), the groups that span families ({@code simulate}, {@code dmft},
 * {@code compare}, {@code meanfield}), the commands of no family ({@code demo}, {@code bench}, {@code list},
 * {@code help}), and the helpers of every family ({@link org.chaoslab.cli.Progress}, the version). Classes are public
 * only where another package refers to them (a group to its subcommands, a family to a shared option).
 *
 * <p>Naming: a new command is verb first, its model second — {@code simulate X}, {@code compare X}, {@code dmft X},
 * {@code meanfield X} — added to the group's {@code subcommands} from its family's package. A family with several
 * verbs of its own (not simulate, compare, dmft or meanfield) gets a noun group instead, {@code kernel …},
 * {@code correlations …}, {@code deepnet …}, registered in {@link org.chaoslab.cli.ChaoslabCommand#SUBCOMMANDS}; it
 * may still appear under a verb where it has that verb ({@code compare kernel}, {@code compare correlations}).
 */
package org.chaoslab.cli;
