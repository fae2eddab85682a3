package org.chaoslab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs {@code chaoslab-bench/python/numpy_baseline.py} in a child process: the same Euler loop in
 * numpy, timed the same way, one JSON line per case. numpy's BLAS gets the same number of threads
 * as chaoslab ({@code OPENBLAS_NUM_THREADS}, {@code OMP_NUM_THREADS}). Never fails the benchmark: a
 * missing python3 or numpy, an error or a timeout only make the baseline (partly) unavailable.
 */
final class NumpyBaseline {

    /** One case's numpy timing. */
    record Case(String id, long steps, int reps, double msPerStepBest, double msPerStepMedian, double foreignLoad,
                String error) {
    }

    /**
     * @param status  "ok", or why (some) cases are missing
     * @param python  the interpreter command
     * @param env     python/numpy/BLAS versions as the script reported them
     * @param cases   by {@link BenchCase#id()}
     */
    record Result(String status, String python, Map<String, String> env, Map<String, Case> cases) {
        boolean available() {
            return !cases.isEmpty();
        }
    }

    private NumpyBaseline() {
    }

    static Result run(String python, Path script, List<BenchCase> cases, int threads, double warmupSeconds,
                      double repSeconds, int reps, int maxReps, long timeoutSeconds) {
        Map<String, Case> out = new LinkedHashMap<>();
        Map<String, String> env = new LinkedHashMap<>();
        if (!Files.isRegularFile(script)) {
            return new Result("unavailable: script not found at " + script, python, env, out);
        }
        List<String> cmd = new ArrayList<>(List.of(python, script.toString(),
                "--dt", Double.toString(SimulatorTiming.DT), "--g", Double.toString(SimulatorTiming.GAIN),
                "--reps", Integer.toString(reps), "--max-reps", Integer.toString(maxReps), "--rep-seconds", Double.toString(repSeconds),
                "--warmup-seconds", Double.toString(warmupSeconds)));
        for (BenchCase c : cases) {
            cmd.add("--case");
            cmd.add(c.numpyArg());
        }
        PythonRun.Output run = PythonRun.run(cmd, threads, timeoutSeconds);
        if (run.status().startsWith("unavailable")) {
            return new Result(run.status(), python, env, out);
        }
        String status = run.status();
        List<String> lines = run.stdout();
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            try {
                JsonNode node = json.readTree(line);
                if (node.has("env")) {
                    node.get("env").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
                } else if (node.has("error") && !node.has("n")) {
                    status = "unavailable: " + node.get("error").asText();
                } else if (node.has("n")) {
                    String id = new BenchCase(node.get("n").asInt(), node.get("m").asInt(),
                            "float32".equals(node.get("dtype").asText())
                                    ? org.chaoslab.model.Precision.FLOAT32 : org.chaoslab.model.Precision.FLOAT64).id();
                    if (node.has("error")) {
                        out.put(id, new Case(id, 0, 0, Double.NaN, Double.NaN, Double.NaN, node.get("error").asText()));
                    } else {
                        out.put(id, new Case(id, node.get("steps").asLong(), node.get("reps").asInt(),
                                node.get("ms_per_step_best").asDouble(), node.get("ms_per_step_median").asDouble(),
                                node.path("foreign_load_best").isNumber()
                                        ? node.get("foreign_load_best").asDouble() : Double.NaN, null));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not one of our lines (e.g. a warning printed to stdout): ignore
            }
        }
        if ("ok".equals(status) && out.size() < cases.size()) {
            status = String.format(Locale.ROOT, "partial: %d of %d cases", out.size(), cases.size());
        }
        return new Result(status, python, env, out);
    }
}
