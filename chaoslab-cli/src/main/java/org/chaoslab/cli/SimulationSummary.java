package org.chaoslab.cli;

import java.util.List;

import org.chaoslab.io.RunMetadata;

/**
 * summary.json of {@code chaoslab simulate rate}: results first (time-, population- and
 * replica-averaged after the transient), then everything needed to reproduce them.
 *
 * @param status            "completed" or "diverged"
 * @param message           null, or what went wrong
 * @param meanSquare        ⟨x²⟩
 * @param meanSquareStdErr  its standard error over time (batch means; one realization, so no disorder scatter)
 * @param mean              ⟨x⟩
 * @param meanRate          ⟨φ(x)⟩
 * @param c0                ⟨φ(x)²⟩
 */
public record SimulationSummary(String command, String status, String message, double meanSquare, double meanSquareStdErr,
                                double mean, double meanRate, double c0, long recordedSteps, double wallSeconds,
                                double msPerStep, NetworkParameters network, RunParameters run, RunMetadata metadata,
                                List<String> files) {
}
