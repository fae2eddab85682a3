package org.chaoslab.cli.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.chaoslab.io.CsvTable;
import org.chaoslab.io.Figure;
import org.chaoslab.io.JsonOutput;
import org.chaoslab.io.Npy;

/**
 * The output directory of one run, written as one consistent set.
 *
 * <p>Policy (the same for every command): {@link #prepare} checks {@code --out} before any work starts (a path
 * that is a file, lies under a file or in an unwritable directory, or a non-empty directory without
 * {@code --force}, is refused in one line; a non-empty directory without a summary.json, i.e. not written by chaoslab,
 * is never replaced). Files are then written into a hidden staging directory beside the
 * target ({@code .NAME.partial-PID}); {@link #commit()} replaces the target by it with two renames, so the target
 * holds either the complete earlier run or the complete new one, never a mixture, and no stale files of an earlier
 * run survive next to new ones. A run killed before the commit leaves only its hidden staging directory, which the
 * next run into the same target removes (when its process is gone).
 *
 * <p>Every file written through this object is recorded in {@link #files()} (in the order written), the list that
 * summary.json reports.
 */
public final class OutputDirectory implements AutoCloseable {

    /** The file every run writes last; its presence marks a directory as a chaoslab run that --force may replace. */
    public static final String SUMMARY = "summary.json";

    /**
     * The summary files of the commands whose output is optional ("also write ... to this directory"): their presence
     * also marks a directory as a chaoslab run.
     */
    public static final List<String> MARKERS = List.of(SUMMARY, "dmft.json", "maps.json", "meanfield.json",
            "correlations_theory.json", "boundary.json");

    private static final String PARTIAL = ".partial-";
    private static final String OLD = ".old-";

    private final Path target;
    private final Path staging;
    private final List<String> files = new ArrayList<>();
    private boolean committed;

    private OutputDirectory(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /**
     * Checks the target and creates the staging directory. Call before the computation.
     *
     * @param target the output directory ({@code --out})
     * @param force  replace a non-empty target
     * @return the open directory
     * @throws IllegalArgumentException (one line naming --out) when the target cannot be used
     * @throws IOException              when the staging directory cannot be created
     */
    public static OutputDirectory prepare(Path target, boolean force) throws IOException {
        check(target, force);
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        Files.createDirectories(parent);
        removeAbandoned(parent, abs.getFileName().toString());
        Path staging = parent.resolve("." + abs.getFileName() + PARTIAL + ProcessHandle.current().pid());
        if (Files.exists(staging)) {
            deleteTree(staging);
        }
        try {
            Files.createDirectory(staging);
        } catch (IOException e) {
            throw new IllegalArgumentException("--out: cannot write in " + parent + " (" + e.getMessage() + ")");
        }
        return new OutputDirectory(abs, staging);
    }

    /**
     * The checks of {@link #prepare} without creating anything (for commands that decide later whether to write).
     *
     * @throws IllegalArgumentException one line naming --out
     */
    public static void check(Path target, boolean force) {
        if (target == null || target.toString().isBlank()) {
            throw new IllegalArgumentException("--out must name a directory (got an empty path)");
        }
        Path abs = target.toAbsolutePath().normalize();
        if (abs.getParent() == null) {
            throw new IllegalArgumentException("--out must not be the file-system root (got " + target + ")");
        }
        if (Files.exists(abs)) {
            if (!Files.isDirectory(abs)) {
                throw new IllegalArgumentException("--out " + target + " exists and is not a directory");
            }
            if (!isEmpty(abs)) {
                if (MARKERS.stream().noneMatch(m -> Files.isRegularFile(abs.resolve(m)))) {
                    // never replace a directory that chaoslab did not write (e.g. --out . in a source tree)
                    throw new IllegalArgumentException("--out " + target
                            + " is not empty and holds no chaoslab run (no summary.json): choose another directory");
                }
                if (!force) {
                    throw new IllegalArgumentException("--out " + target
                            + " holds an earlier run: add --force to replace it, or choose another directory");
                }
            }
        }
        Path existing = abs.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new IllegalArgumentException("--out " + target + " lies under " + existing + ", which is not a directory");
        }
        if (!Files.isWritable(existing)) {
            throw new IllegalArgumentException("--out " + target + " cannot be created: " + existing + " is not writable");
        }
        DryRun.checkpoint();    // a validating run (sweep specs) stops here, its input checked
    }

    /** The final directory (absolute). */
    public Path target() {
        return target;
    }

    /** The files written so far, relative to the directory, in the order written. */
    public List<String> files() {
        return Collections.unmodifiableList(files);
    }

    /**
     * The directory the run writes into before the commit (the hidden staging directory): for writers that take a
     * directory; record their files with {@link #record}. Messages to the user name {@link #target()}.
     */
    public Path dir() {
        return staging;
    }

    /** Records the given files (names relative to the directory) in the file list. */
    public void record(List<String> names) {
        names.forEach(this::record);
    }

    /** Where a file of this run goes before the commit (for writers not covered here); call {@link #record}. */
    public Path path(String name) {
        return staging.resolve(name);
    }

    /** Records a file written through {@link #path} in the file list. */
    public void record(String name) {
        if (!files.contains(name)) {
            files.add(name);
        }
    }

    /** Writes a float64 array as .npy with the given shape. */
    public void npy(String name, double[] data, int... shape) throws IOException {
        Npy.write(path(name), data, shape.length == 0 ? new int[] {data.length} : shape);
        record(name);
    }

    /** Writes a float32 array as .npy with the given shape. */
    public void npy(String name, float[] data, int... shape) throws IOException {
        Npy.write(path(name), data, shape.length == 0 ? new int[] {data.length} : shape);
        record(name);
    }

    /** Writes a CSV table. */
    public void csv(String name, CsvTable table) throws IOException {
        table.write(path(name));
        record(name);
    }

    /** Writes a value as JSON (records, maps, arrays; non-finite numbers as null). */
    public void json(String name, Object value) throws IOException {
        JsonOutput.write(path(name), value);
        record(name);
    }

    /**
     * The file names of {@code paths} (e.g. what a writer given a directory returns), for the file list of a summary:
     * for writers that write into {@link #dir()} or a directory of their own.
     */
    public static List<String> fileNames(List<Path> paths) {
        return paths.stream().map(p -> p.getFileName().toString()).toList();
    }

    /** Writes a figure as BASE.png and BASE.svg. */
    public void figure(String base, Figure figure) throws IOException {
        for (Path p : figure.writePngAndSvg(staging, base)) {
            record(p.getFileName().toString());
        }
    }

    /**
     * Makes the run's files the content of the target: the earlier content (if any) is moved aside and deleted, the
     * staging directory renamed to the target.
     */
    public void commit() throws IOException {
        if (committed) {
            return;
        }
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + OLD + ProcessHandle.current().pid());
            if (Files.exists(old)) {
                deleteTree(old);
            }
            move(target, old);
        }
        move(staging, target);
        committed = true;
        if (old != null) {
            deleteTree(old);
        }
    }

    /** Without a commit, removes the staging directory (the target is left as it was). */
    @Override
    public void close() {
        if (!committed) {
            try {
                deleteTree(staging);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static boolean isEmpty(Path dir) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        } catch (IOException e) {
            throw new IllegalArgumentException("--out " + dir + " cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Staging or set-aside directories of runs into the same target whose process has ended. */
    private static void removeAbandoned(Path parent, String name) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(parent, "." + name + "{" + PARTIAL + "," + OLD + "}*")) {
            for (Path p : s) {
                String f = p.getFileName().toString();
                String pid = f.substring(f.lastIndexOf('-') + 1);
                boolean alive;
                try {
                    alive = ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
                } catch (NumberFormatException e) {
                    continue;
                }
                if (!alive) {
                    deleteTree(p);
                }
            }
        }
    }

    /** Deletes a file or a directory tree (used by the sweep directory when --force clears it). */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
