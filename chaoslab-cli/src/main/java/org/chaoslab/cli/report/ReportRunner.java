package org.chaoslab.cli.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.chaoslab.cli.Chaoslab;
import org.chaoslab.cli.Version;
import org.chaoslab.io.AtomicFiles;

/**
 * Runs the report's commands in process, each into {@code runs/<section>/<id>/}, and reuses an earlier report's run
 * when it ran the same command line (same parameters and seeds, same spec, same chaoslab version): the record
 * {@code runs/<section>/<id>.run.json} holds the digest of what ran and how it ended. Failed runs are redone.
 */
final class ReportRunner {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path out;
    private final boolean force;

    ReportRunner(Path out, boolean force) {
        this.out = out;
        this.force = force;
    }

    /** The directory of a run. */
    Path dir(ReportSection s, String runId) {
        return out.resolve("runs").resolve(s.id()).resolve(runId);
    }

    /** Runs (or reuses) one run of a section. */
    ReportOutcome run(ReportSection section, ReportRun run) throws IOException {
        Path dir = dir(section, run.id());
        Path record = dir.resolveSibling(run.id() + ".run.json");
        Path specFile = dir.resolveSibling(run.id() + ".yaml");
        List<String> args = substitute(run.args(), section, specFile, dir);
        List<List<String>> after = run.after().stream().map(a -> substitute(a, section, specFile, dir)).toList();
        String digest = digest(args, run.spec(), after);
        List<String> full = new ArrayList<>(args);
        full.addAll(List.of("--out", dir.toString(), "--force"));
        String commandLine = "chaoslab " + String.join(" ", full);
        if (!force && Files.isRegularFile(record)) {
            JsonNode r = JSON.readTree(record.toFile());
            // a failed run is redone (the failure may have been the machine's: memory, disk, an interrupt)
            if (digest.equals(r.path("digest").asText()) && r.path("exitCode").asInt() == 0 && Files.isDirectory(dir)) {
                return collect(section, run, dir, commandLine, r.path("exitCode").asInt(), r.path("message").asText(""),
                        true, r.path("seconds").asDouble());
            }
        }
        Files.createDirectories(dir.getParent());
        Files.deleteIfExists(record);
        if (run.spec() != null) {
            AtomicFiles.writeString(specFile, run.spec());
        }
        long start = System.nanoTime();
        Chaoslab.Outcome o = Chaoslab.run(full.toArray(new String[0]));
        int code = o.exitCode();
        String message = code == 0 ? "" : org.chaoslab.cli.common.ErrorLines.lastError(o.err());
        for (List<String> a : after) {
            if (code != 0) {
                break;
            }
            Chaoslab.Outcome p = Chaoslab.run(a.toArray(new String[0]));
            code = p.exitCode();
            message = code == 0 ? "" : org.chaoslab.cli.common.ErrorLines.lastError(p.err());
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("digest", digest);
        rec.put("commandLine", commandLine);
        rec.put("exitCode", code);
        rec.put("message", message);
        rec.put("seconds", seconds);
        AtomicFiles.writeBytes(record, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(rec));
        return collect(section, run, dir, commandLine, code, message, false, seconds);
    }

    private List<String> substitute(List<String> args, ReportSection section, Path specFile, Path dir) {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            String s = a.replace("{spec}", specFile.toString()).replace("{out}", dir.toString());
            int i = s.indexOf("{run:");
            if (i >= 0) {
                int j = s.indexOf('}', i);
                s = s.substring(0, i) + dir(section, s.substring(i + 5, j)) + s.substring(j + 1);
            }
            out.add(s);
        }
        return out;
    }

    private static String digest(List<String> args, String spec, List<List<String>> after) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(JSON.writeValueAsBytes(List.of(args, spec == null ? "" : spec, after, Version.current())));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ReportOutcome collect(ReportSection section, ReportRun run, Path dir, String commandLine, int code,
                                         String message, boolean cached, double seconds) throws IOException {
        List<ReportOutcome.Verdict> verdicts = new ArrayList<>();
        List<String> figures = new ArrayList<>();
        List<String> data = new ArrayList<>();
        Path summary = dir.resolve("summary.json");
        if (Files.isRegularFile(summary)) {
            JsonNode s = JSON.readTree(summary.toFile());
            for (JsonNode v : s.path("verdicts")) {
                verdicts.add(new ReportOutcome.Verdict(v.path("quantity").asText(), number(v.path("theory")),
                        number(v.path("simulation")), number(v.path("standardError")), number(v.path("tolerance")),
                        v.path("agrees").asBoolean(), v.path("basis").asText("")));
            }
        }
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.sorted().toList()) {
                    String name = p.getFileName().toString();
                    if (name.endsWith(".png")) {
                        figures.add(name);
                    } else if (name.endsWith(".npy") || name.endsWith(".csv") || name.endsWith(".parquet")) {
                        data.add(name);
                    }
                }
            }
        }
        return new ReportOutcome(section, run, dir, commandLine, code, message, cached, seconds, verdicts, figures, data);
    }

    private static double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }
}
