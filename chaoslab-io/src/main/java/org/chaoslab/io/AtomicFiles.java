package org.chaoslab.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Atomic file replacement: content is written to a temporary file in the target's directory
 * (named {@code .<name>.tmp-<random>}), flushed to disk, and then moved onto the final name with
 * {@link StandardCopyOption#ATOMIC_MOVE} (falling back to {@link StandardCopyOption#REPLACE_EXISTING}
 * where the file system cannot move atomically). If anything fails, the temporary file is deleted and
 * any previous file under the final name is left untouched, so a reader never sees a half-written file.
 *
 * <p>Missing parent directories of the target are created.
 */
public final class AtomicFiles {

    private static final int BUFFER_SIZE = 1 << 16;
    private static final int MAX_NAME_ATTEMPTS = 100;

    private AtomicFiles() {
    }

    /**
     * Writes a file atomically. The writer receives a buffered stream; closing it is allowed but not
     * required (closing only flushes, the file is finished by this method).
     *
     * @param target the final file name
     * @param writer fills the stream with the complete file content
     * @throws IOException if writing or moving fails; the target is then unchanged
     */
    public static void write(Path target, IOConsumer<? super OutputStream> writer) throws IOException {
        Objects.requireNonNull(writer, "writer");
        writeVia(target, tmp -> {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                BufferedOutputStream buffered =
                        new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_SIZE);
                writer.accept(new CloseShield(buffered));
                buffered.flush();
                channel.force(true);
            }
        });
    }

    /**
     * Writes a byte array to a file atomically.
     *
     * @param target the final file name
     * @param content the complete file content
     * @throws IOException if writing or moving fails; the target is then unchanged
     */
    public static void writeBytes(Path target, byte[] content) throws IOException {
        Objects.requireNonNull(content, "content");
        write(target, out -> out.write(content));
    }

    /**
     * Writes a string to a file atomically, encoded as UTF-8.
     *
     * @param target the final file name
     * @param content the complete file content
     * @throws IOException if writing or moving fails; the target is then unchanged
     */
    public static void writeString(Path target, String content) throws IOException {
        Objects.requireNonNull(content, "content");
        writeBytes(target, content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Produces a file atomically through a path: for code (such as third-party encoders) that insists
     * on writing to a file name itself. The producer receives the path of an existing, empty temporary
     * file in the target's directory, which it must overwrite with the complete content.
     *
     * @param target the final file name
     * @param producer writes the complete content to the given temporary path
     * @throws IOException if producing or moving fails; the target is then unchanged
     */
    public static void writeVia(Path target, IOConsumer<? super Path> producer) throws IOException {
        Objects.requireNonNull(producer, "producer");
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path tmp = createTempSibling(dir, absolute.getFileName().toString());
        try {
            producer.accept(tmp);
            moveIntoPlace(tmp, absolute);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Creates an empty, uniquely named {@code .<name>.tmp-<hex>} file in {@code dir}. */
    static Path createTempSibling(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong());
            Path tmp = dir.resolve("." + name + ".tmp-" + suffix);
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= MAX_NAME_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Lets writers close "their" stream (as Jackson and zip streams do) without ending the file. */
    private static final class CloseShield extends FilterOutputStream {
        CloseShield(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
