package org.chaoslab.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code chaoslab bench}: listed here so that {@code --help} shows it; the launcher ({@code ./chaoslab bench ...}) runs the
 * benchmark jar (chaoslab-bench, with the numpy peers), which this jar does not contain.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks: ms/step beside numpy and the machine's bounds (docs/benchmarks.md). Run through the launcher:",
                "./chaoslab bench [--quick], ./chaoslab bench lyapunov, ./chaoslab bench kernel, ./chaoslab bench sweep "
                + "(each has --help)."})
final class BenchCommand implements Callable<Integer> {

    @Unmatched
    java.util.List<String> rest;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new IllegalArgumentException("bench runs through the launcher: ./chaoslab bench (this jar has no benchmark code)");
    }
}
