package org.chaoslab.cli.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.chaoslab.cli.Version;
import org.chaoslab.cli.common.OutputDirectory;
import org.chaoslab.io.AtomicFiles;

/**
 * The directory of a sweep: {@code spec.yaml} (the spec as written), {@code sweep.json} (the spec's digest, command,
 * size, chaoslab version), the journal {@code rows.jsonl}, the tables {@code results.csv}/{@code results.parquet}, and
 * {@code points/<id>/} with each run's own files. A directory holding the same spec (same digest) is resumed; one
 * holding another spec is refused unless {@code --force}, which clears it; a non-empty directory that holds no sweep
 * is never touched.
 */
public final class SweepDirectory {

    /** The file that marks a sweep directory. */
    public static final String MARKER = "sweep.json";
    /** The spec as written. */
    public static final String SPEC = "spec.yaml";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private SweepDirectory() {
    }

    /**
     * The digest of what a spec computes: command, parameters, values, zip, realizations, seed and shared
     * realizations (not its comments or layout), SHA-256 in hex.
     */
    public static String digest(SweepSpec spec) {
        Map<String, Object> canon = new LinkedHashMap<>();
        canon.put("command", spec.command());
        canon.put("fixed", canonical(spec.fixed()));
        Map<String, Object> axes = new LinkedHashMap<>();
        spec.axes().forEach(a -> axes.put(a.name(), a.values().stream().map(SweepArguments::text).toList()));
        canon.put("sweep", axes);
        canon.put("zip", spec.zip());
        canon.put("realizations", spec.realizations());
        canon.put("seed", spec.seed());
        canon.put("same-realization-across", List.copyOf(spec.sameRealizationAcross()));
        try {
            byte[] bytes = JSON.writeValueAsBytes(canon);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> canonical(Map<String, Object> m) {
        Map<String, Object> out = new java.util.TreeMap<>();
        m.forEach((k, v) -> out.put(k, SweepArguments.text(v)));
        return out;
    }

    /**
     * Opens (creating, resuming or, with {@code force}, clearing) the directory of a sweep.
     *
     * @return true when an earlier run of the same spec is resumed
     * @throws IllegalArgumentException one line naming --out when the directory cannot be used
     */
    public static boolean open(Path dir, SweepSpec spec, int tasks, boolean force) throws IOException {
        String digest = digest(spec);
        Path marker = dir.resolve(MARKER);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--out " + dir + " exists and is not a directory");
        }
        boolean resumed = false;
        if (Files.isDirectory(dir) && !isEmpty(dir)) {
            if (!Files.isRegularFile(marker)) {
                if (OutputDirectory.MARKERS.stream().anyMatch(m -> Files.isRegularFile(dir.resolve(m))) && force) {
                    clear(dir);     // a single run's directory, replaced as --force replaces it elsewhere
                } else {
                    throw new IllegalArgumentException("--out " + dir + " is not empty and holds no sweep (no " + MARKER
                            + "): choose another directory");
                }
            } else {
                String earlier = String.valueOf(JSON.readValue(marker.toFile(), Map.class).get("specDigest"));
                if (earlier.equals(digest)) {
                    resumed = !force;
                    if (force) {
                        clear(dir);
                    }
                } else if (force) {
                    clear(dir);
                } else {
                    throw new IllegalArgumentException("--out " + dir + " holds a sweep of another spec (its " + SPEC
                            + " differs in what it computes): add --force to replace it, or choose another directory");
                }
            }
        }
        Files.createDirectories(dir.resolve("points"));
        removeTemporaries(dir);
        if (!resumed) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("specDigest", digest);
            m.put("command", String.join(" ", spec.command()));
            m.put("points", spec.points());
            m.put("realizations", spec.realizations());
            m.put("tasks", tasks);
            m.put("seed", spec.seed());
            m.put("chaoslabVersion", Version.current());
            m.put("created", java.time.Instant.now().toString());
            AtomicFiles.writeString(dir.resolve(SPEC), spec.text());
            AtomicFiles.writeBytes(marker, JSON.writeValueAsBytes(m));
        }
        return resumed;
    }

    /** Removes what a killed run may have left half-written: temporary files of atomic writes in the directory. */
    private static void removeTemporaries(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, ".*.tmp-*")) {
            for (Path p : s) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static void clear(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            for (Path p : s.toList()) {
                OutputDirectory.deleteTree(p);
            }
        }
    }

    /** Reads a sweep directory's spec (for aggregate and plot). */
    public static SweepSpec spec(Path dir) throws IOException {
        Path file = dir.resolve(SPEC);
        if (!Files.isRegularFile(dir.resolve(MARKER)) || !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("DIR " + dir + " holds no sweep (no " + MARKER + " and " + SPEC + ")");
        }
        return SweepSpec.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }
}
