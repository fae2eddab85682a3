package org.chaoslab.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a python baseline script in a child process with its BLAS limited to the benchmark's thread count
 * ({@code OPENBLAS_NUM_THREADS}, {@code OMP_NUM_THREADS}, {@code MKL_NUM_THREADS}) and a timeout; stdout and
 * stderr are drained by their own threads so a chatty child never blocks. Never throws: a child that
 * cannot start, fails or times out is described by {@link Output#status()}.
 */
final class PythonRun {

    /**
     * @param stdout the lines the child printed on stdout
     * @param status "ok", or why not (cannot start, exit status, timeout, interrupted) with the last stderr line
     */
    record Output(List<String> stdout, String status) {
        boolean ok() {
            return "ok".equals(status);
        }
    }

    private PythonRun() {
    }

    /**
     * A peer script of {@code chaoslab-bench/python} under the repository root ({@link BenchMain#root()}); whether it
     * exists is the caller's check (or the child's exit status).
     */
    static Path script(String name) {
        return BenchMain.root().resolve("chaoslab-bench").resolve("python").resolve(name);
    }

    static Output run(List<String> cmd, int threads, long timeoutSeconds) {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        String t = Integer.toString(threads);
        pb.environment().put("OPENBLAS_NUM_THREADS", t);
        pb.environment().put("OMP_NUM_THREADS", t);
        pb.environment().put("MKL_NUM_THREADS", t);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return new Output(List.of(), "unavailable: cannot start '" + cmd.getFirst() + "' (" + e.getMessage() + ")");
        }
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        StringBuilder err = new StringBuilder();
        Thread outReader = pump(p.getInputStream(), lines::add);
        Thread errReader = pump(p.getErrorStream(), s -> {
            synchronized (err) {
                if (err.length() < 4000) {
                    err.append(s).append('\n');
                }
            }
        });
        String status = "ok";
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroy();
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    p.waitFor(5, TimeUnit.SECONDS);
                }
                status = "timeout after " + timeoutSeconds + " s";
            } else if (p.exitValue() != 0) {
                status = "exit status " + p.exitValue();
            }
            outReader.join(2000);
            errReader.join(2000);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            status = "interrupted";
        }
        synchronized (err) {
            if (!"ok".equals(status) && err.length() > 0) {
                String last = err.toString().strip();
                int nl = last.lastIndexOf('\n');
                status += " (" + (nl >= 0 ? last.substring(nl + 1) : last) + ")";
            }
        }
        synchronized (lines) {
            return new Output(List.copyOf(lines), status);
        }
    }

    private static Thread pump(InputStream in, Consumer<String> sink) {
        return Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    sink.accept(line);
                }
            } catch (IOException ignored) {
                // the process went away
            }
        });
    }
}
