package org.chaoslab.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Writes a {@code float32} {@code .npy} array block by block, for arrays larger than memory (or one Java array):
 * the header is written first for the planned shape (d₀, d₁, …), then rows of d₁·d₂·… elements are appended, and
 * {@link #finish} rewrites the header in place with the number of rows actually written (fewer than d₀ when a run
 * stopped early), keeping the data where they are. Little-endian, C order, version 1.0, data aligned to 64 bytes:
 * the file loads with {@code numpy.load} (or {@code mmap_mode='r'}).
 *
 * <p>Not atomic by itself: write into a staging directory (as {@code cli.common.OutputDirectory} does) so that a
 * failed run leaves nothing half-written in the target. Not thread-safe.
 */
public final class NpyAppender implements Closeable {

    private static final int CHUNK_FLOATS = 1 << 14;

    private final FileChannel channel;
    private final int[] shape;
    private final long rowElements;
    private final int headerBytes;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(CHUNK_FLOATS * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private long written;
    private boolean finished;

    private NpyAppender(Path file, int[] shape) throws IOException {
        if (shape.length < 1 || Arrays.stream(shape).anyMatch(d -> d < 0)) {
            throw new IllegalArgumentException("shape must have at least one dimension, none negative (got " + Arrays.toString(shape) + ")");
        }
        this.shape = shape.clone();
        long row = 1;
        for (int d = 1; d < shape.length; d++) {
            row *= shape[d];
        }
        this.rowElements = row;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        byte[] header = new NpyHeader("<f4", false, shape).encode();
        this.headerBytes = header.length;
        writeFully(ByteBuffer.wrap(header));
    }

    /**
     * Opens {@code file} for a float32 array of the planned {@code shape}; rows along the first dimension are
     * appended with {@link #append}.
     */
    public static NpyAppender float32(Path file, int... shape) throws IOException {
        return new NpyAppender(file, shape);
    }

    /** The elements of one row (the product of all dimensions but the first). */
    public long rowElements() {
        return rowElements;
    }

    /** Appends {@code count} elements of {@code data} from {@code from}; rows may be split over calls. */
    public void append(float[] data, int from, int count) throws IOException {
        if (finished) {
            throw new IllegalStateException("already finished");
        }
        if (written + count > rowElements * shape[0]) {
            throw new IllegalArgumentException("more elements than the planned shape " + Arrays.toString(shape) + " holds");
        }
        for (int k = 0; k < count; ) {
            int n = Math.min(CHUNK_FLOATS, count - k);
            buffer.clear();
            buffer.asFloatBuffer().put(data, from + k, n);
            buffer.limit(n * Float.BYTES);
            writeFully(buffer);
            k += n;
        }
        written += count;
    }

    /** Appends a whole array. */
    public void append(float[] data) throws IOException {
        append(data, 0, data.length);
    }

    /** Rows completely written so far. */
    public long rows() {
        return rowElements == 0 ? 0 : written / rowElements;
    }

    /**
     * Rewrites the header with the rows written (the first dimension), then closes. Elements of an incomplete last
     * row are an error.
     */
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        if (rowElements > 0 && written % rowElements != 0) {
            throw new IllegalStateException("an incomplete row: " + written + " elements, rows of " + rowElements);
        }
        int[] actual = shape.clone();
        actual[0] = (int) rows();
        channel.position(0);
        writeFully(ByteBuffer.wrap(new NpyHeader("<f4", false, actual).encode(headerBytes)));
        finished = true;
        channel.close();
    }

    /** Closes without {@link #finish()} if not finished (the header then still names the planned shape). */
    @Override
    public void close() throws IOException {
        if (channel.isOpen()) {
            channel.close();
        }
    }

    private void writeFully(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }
}
