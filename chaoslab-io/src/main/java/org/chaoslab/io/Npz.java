package org.chaoslab.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Reads and writes numpy {@code .npz} archives: zip files holding one {@code <name>.npy} entry per
 * named array, as written by {@code numpy.savez} (stored) or {@code numpy.savez_compressed} (deflated).
 *
 * <pre>{@code
 * Npz.builder()
 *    .add("t", times)
 *    .add("x", trajectory, steps, n)
 *    .compressed(true)
 *    .write(dir.resolve("run.npz"));
 * }</pre>
 */
public final class Npz {

    /** Entry timestamp: fixed, so that equal content gives byte-identical archives. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private Npz() {
    }

    /** {@return a new, empty archive builder (stored, uncompressed entries)} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads every {@code .npy} entry of an archive as doubles (see {@link Npy#readDoubles(Path)}).
     *
     * @param file the archive
     * @return arrays by name (entry name without {@code .npy}), in archive order
     * @throws IOException if the archive or an entry cannot be read
     */
    public static Map<String, NpyDoubles> readDoubles(Path file) throws IOException {
        Map<String, NpyDoubles> arrays = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (entry.isDirectory() || !entry.getName().endsWith(".npy")) {
                    continue;
                }
                String name = entry.getName().substring(0, entry.getName().length() - ".npy".length());
                try (InputStream in = zip.getInputStream(entry)) {
                    arrays.put(name, Npy.read(in, entry.getSize() >= 0 ? entry.getSize() : Long.MAX_VALUE));
                }
            }
        }
        return Collections.unmodifiableMap(arrays);
    }

    /** Collects named arrays and writes them as one archive. Not thread-safe. */
    public static final class Builder {

        private final List<Entry> entries = new ArrayList<>();
        private final Set<String> names = new HashSet<>();
        private boolean compressed;

        private Builder() {
        }

        /**
         * Chooses DEFLATED entries (like {@code numpy.savez_compressed}) instead of STORED ones.
         *
         * @param compressed whether to deflate the entries
         * @return this builder
         */
        public Builder compressed(boolean compressed) {
            this.compressed = compressed;
            return this;
        }

        /**
         * Adds a {@code float64} array.
         *
         * @param name the array's key in numpy, unique within the archive
         * @param data elements in row-major order (not copied: do not modify before {@link #write})
         * @param shape dimensions; none means one-dimensional
         * @return this builder
         * @throws IllegalArgumentException if the name is blank or taken, or the shape does not match
         */
        public Builder add(String name, double[] data, int... shape) {
            return add(name, new NpyData.F8(Objects.requireNonNull(data, "data")), shape);
        }

        /**
         * Adds a {@code float32} array.
         *
         * @param name the array's key in numpy, unique within the archive
         * @param data elements in row-major order (not copied: do not modify before {@link #write})
         * @param shape dimensions; none means one-dimensional
         * @return this builder
         * @throws IllegalArgumentException if the name is blank or taken, or the shape does not match
         */
        public Builder add(String name, float[] data, int... shape) {
            return add(name, new NpyData.F4(Objects.requireNonNull(data, "data")), shape);
        }

        /**
         * Adds an {@code int32} array.
         *
         * @param name the array's key in numpy, unique within the archive
         * @param data elements in row-major order (not copied: do not modify before {@link #write})
         * @param shape dimensions; none means one-dimensional
         * @return this builder
         * @throws IllegalArgumentException if the name is blank or taken, or the shape does not match
         */
        public Builder add(String name, int[] data, int... shape) {
            return add(name, new NpyData.I4(Objects.requireNonNull(data, "data")), shape);
        }

        /**
         * Adds an {@code int64} array.
         *
         * @param name the array's key in numpy, unique within the archive
         * @param data elements in row-major order (not copied: do not modify before {@link #write})
         * @param shape dimensions; none means one-dimensional
         * @return this builder
         * @throws IllegalArgumentException if the name is blank or taken, or the shape does not match
         */
        public Builder add(String name, long[] data, int... shape) {
            return add(name, new NpyData.I8(Objects.requireNonNull(data, "data")), shape);
        }

        /**
         * Writes the archive atomically.
         *
         * @param file destination, conventionally ending in {@code .npz}
         * @throws IOException if writing fails
         */
        public void write(Path file) throws IOException {
            List<Entry> snapshot = List.copyOf(entries);
            boolean deflate = compressed;
            AtomicFiles.write(file, out -> writeZip(out, snapshot, deflate));
        }

        private Builder add(String name, NpyData data, int[] shape) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank() || name.contains("/") || name.contains("\\")) {
                throw new IllegalArgumentException("bad npz array name '" + name + "': must be non-blank, without slashes");
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException("duplicate npz array name '" + name + "'");
            }
            int[] checked;
            try {
                checked = Shapes.check(data.length(), shape).clone();
            } catch (IllegalArgumentException e) {
                names.remove(name);
                throw new IllegalArgumentException("array '" + name + "': " + e.getMessage(), e);
            }
            entries.add(new Entry(name, data, checked));
            return this;
        }
    }

    private record Entry(String name, NpyData data, int[] shape) {
    }

    private static void writeZip(OutputStream out, List<Entry> entries, boolean deflate) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        for (Entry entry : entries) {
            ZipEntry zipEntry = new ZipEntry(entry.name() + ".npy");
            zipEntry.setTimeLocal(ENTRY_TIME);
            if (deflate) {
                zipEntry.setMethod(ZipEntry.DEFLATED);
            } else {
                // STORED entries need size and CRC up front: one extra pass through the converter.
                CRC32 crc = new CRC32();
                try (OutputStream sink = new CheckedOutputStream(OutputStream.nullOutputStream(), crc)) {
                    Npy.writeTo(sink, entry.data(), entry.shape());
                }
                zipEntry.setMethod(ZipEntry.STORED);
                zipEntry.setSize(Npy.encodedSize(entry.data(), entry.shape()));
                zipEntry.setCompressedSize(zipEntry.getSize());
                zipEntry.setCrc(crc.getValue());
            }
            zip.putNextEntry(zipEntry);
            Npy.writeTo(zip, entry.data(), entry.shape());
            zip.closeEntry();
        }
        zip.finish();
    }
}
