package org.chaoslab.io;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads and writes numpy {@code .npy} files.
 *
 * <p>Files are written in format version 1.0, little-endian, in C (row-major) order, with the header
 * padded so that the data start at a multiple of 64 bytes; they load with {@code numpy.load}. Every
 * writer takes the array and its shape; an omitted shape means one-dimensional, otherwise the product
 * of the dimensions must equal the array length. Writes are atomic (see {@link AtomicFiles}).
 */
public final class Npy {

    private static final int READ_CHUNK_BYTES = 1 << 16;

    private Npy() {
    }

    /**
     * Writes a {@code float64} ({@code <f8}) array.
     *
     * @param file destination
     * @param data elements in row-major order
     * @param shape dimensions; none means {@code (data.length,)}
     * @throws IllegalArgumentException if the shape does not match the data length
     * @throws IOException if writing fails
     */
    public static void write(Path file, double[] data, int... shape) throws IOException {
        write(file, new NpyData.F8(Objects.requireNonNull(data, "data")), shape);
    }

    /**
     * Writes a {@code float32} ({@code <f4}) array.
     *
     * @param file destination
     * @param data elements in row-major order
     * @param shape dimensions; none means {@code (data.length,)}
     * @throws IllegalArgumentException if the shape does not match the data length
     * @throws IOException if writing fails
     */
    public static void write(Path file, float[] data, int... shape) throws IOException {
        write(file, new NpyData.F4(Objects.requireNonNull(data, "data")), shape);
    }

    /**
     * Writes an {@code int32} ({@code <i4}) array.
     *
     * @param file destination
     * @param data elements in row-major order
     * @param shape dimensions; none means {@code (data.length,)}
     * @throws IllegalArgumentException if the shape does not match the data length
     * @throws IOException if writing fails
     */
    public static void write(Path file, int[] data, int... shape) throws IOException {
        write(file, new NpyData.I4(Objects.requireNonNull(data, "data")), shape);
    }

    /**
     * Writes an {@code int64} ({@code <i8}) array.
     *
     * @param file destination
     * @param data elements in row-major order
     * @param shape dimensions; none means {@code (data.length,)}
     * @throws IllegalArgumentException if the shape does not match the data length
     * @throws IOException if writing fails
     */
    public static void write(Path file, long[] data, int... shape) throws IOException {
        write(file, new NpyData.I8(Objects.requireNonNull(data, "data")), shape);
    }

    /**
     * Reads a {@code .npy} file of a floating-point or integer dtype ({@code f8, f4, i8, i4}, either
     * byte order; Fortran-ordered files are reordered) into doubles in row-major order. Values of
     * {@code int64} beyond 2<sup>53</sup> are rounded; a 0-d (scalar) array reads as shape {@code (1,)}.
     *
     * @param file the file to read
     * @return data and shape
     * @throws IOException if the file cannot be read, is malformed or has an unsupported dtype
     */
    public static NpyDoubles readDoubles(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), READ_CHUNK_BYTES)) {
            return read(in, Files.size(file));
        }
    }

    /**
     * The shape of a {@code .npy} file, from its header alone.
     *
     * @throws IOException if the file cannot be read or its header is malformed
     */
    public static int[] shape(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 4096)) {
            return NpyHeader.read(in).shape();
        }
    }

    /**
     * Reads rows {@code from … from + count − 1} along the first axis of a C-ordered array as doubles (as
     * {@link #readDoubles(Path)}), without reading the rest of the file: one recording of a large responses file.
     * The result has shape (count, d₁, d₂, …).
     *
     * A Fortran-ordered array is read whole (its rows are not contiguous).
     *
     * @throws IllegalArgumentException if the rows lie outside the array
     * @throws IOException              if the file cannot be read, is malformed or truncated
     */
    public static NpyDoubles readRows(Path file, int from, int count) throws IOException {
        long size = Files.size(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), READ_CHUNK_BYTES)) {
            NpyHeader header = NpyHeader.read(in);
            int[] shape = header.shape();
            if (shape.length == 0 || from < 0 || count < 0 || (long) from + count > shape[0]) {
                throw new IllegalArgumentException("rows " + from + ".." + ((long) from + count - 1) + " outside the first axis of shape "
                        + Arrays.toString(shape));
            }
            long row = 1;
            for (int d = 1; d < shape.length; d++) {
                row *= shape[d];
            }
            if (header.fortranOrder() && shape.length > 1) {
                // rows of a Fortran-ordered array are not contiguous: read it whole and copy them
                NpyDoubles all = readDoubles(file);
                int[] out = shape.clone();
                out[0] = count;
                return new NpyDoubles(Arrays.copyOfRange(all.data(), (int) (row * from), (int) (row * (from + count))), out);
            }
            Decoder decoder = Decoder.of(header.descr());
            long elements = row * count;
            if (elements > Integer.MAX_VALUE - 8) {
                throw new IOException("rows too large for a Java array: " + elements + " elements");
            }
            long skip = row * from * decoder.itemSize();
            if (skip + elements * decoder.itemSize() > size) {
                throw new EOFException("truncated npy data: shape " + Arrays.toString(shape) + " does not fit " + size + " bytes");
            }
            in.skipNBytes(skip);
            double[] data = new double[(int) elements];
            int perChunk = READ_CHUNK_BYTES / decoder.itemSize();
            for (int k = 0; k < data.length; k += perChunk) {
                int n = Math.min(perChunk, data.length - k);
                byte[] bytes = in.readNBytes(n * decoder.itemSize());
                if (bytes.length != n * decoder.itemSize()) {
                    throw new EOFException("truncated npy data");
                }
                decoder.decode(ByteBuffer.wrap(bytes).order(decoder.order), data, k, n);
            }
            int[] out = shape.clone();
            out[0] = count;
            return new NpyDoubles(data, out);
        }
    }

    /**
     * Reads one {@code .npy} array from a stream (for instance an entry of a {@code .npz} archive), as
     * {@link #readDoubles(Path)} does. The stream is left positioned after the array data, not closed.
     *
     * @param in the stream, positioned at the magic string
     * @return data and shape
     * @throws IOException if the stream cannot be read, is malformed or has an unsupported dtype
     */
    public static NpyDoubles readDoubles(InputStream in) throws IOException {
        return read(in, Long.MAX_VALUE);
    }

    /**
     * Reads one array; {@code sizeBound} (at least the number of bytes left in the stream, or
     * {@code Long.MAX_VALUE} if unknown) lets a corrupt header fail before a huge allocation.
     */
    static NpyDoubles read(InputStream in, long sizeBound) throws IOException {
        NpyHeader header = NpyHeader.read(in);
        Decoder decoder = Decoder.of(header.descr());
        long count = header.elementCount();
        if (count > Integer.MAX_VALUE - 8) {
            throw new IOException("npy array too large for a Java array: shape " + Arrays.toString(header.shape()));
        }
        if (count * decoder.itemSize() > sizeBound) {
            throw new EOFException("truncated npy data: shape " + Arrays.toString(header.shape()) + " needs "
                    + count * decoder.itemSize() + " bytes, only " + sizeBound + " available");
        }
        double[] data = new double[(int) count];
        int perChunk = READ_CHUNK_BYTES / decoder.itemSize();
        for (int from = 0; from < data.length; from += perChunk) {
            int n = Math.min(perChunk, data.length - from);
            byte[] bytes = in.readNBytes(n * decoder.itemSize());
            if (bytes.length != n * decoder.itemSize()) {
                throw new EOFException("truncated npy data: expected " + count + " elements");
            }
            decoder.decode(ByteBuffer.wrap(bytes).order(decoder.order), data, from, n);
        }
        int[] shape = header.shape();
        if (header.fortranOrder() && shape.length > 1) {
            data = fortranToC(data, shape);
        }
        return new NpyDoubles(data, shape);
    }

    /** Writes header and data of one array to a stream (used for {@code .npz} entries too). */
    static void writeTo(OutputStream out, NpyData data, int[] shape) throws IOException {
        out.write(new NpyHeader(data.descr(), false, shape).encode());
        data.writeTo(out);
    }

    /** Total size in bytes of the encoded array: header plus data. */
    static long encodedSize(NpyData data, int[] shape) {
        return new NpyHeader(data.descr(), false, shape).encode().length + data.byteCount();
    }

    private static void write(Path file, NpyData data, int[] shape) throws IOException {
        int[] checked = Shapes.check(data.length(), shape);
        AtomicFiles.write(file, out -> writeTo(out, data, checked));
    }

    /** Reorders column-major data into row-major order. */
    static double[] fortranToC(double[] f, int[] shape) {
        int nd = shape.length;
        int[] fStride = new int[nd];
        for (int d = 0, s = 1; d < nd; d++) {
            fStride[d] = s;
            s *= shape[d];
        }
        double[] c = new double[f.length];
        int[] index = new int[nd];
        int offset = 0;
        for (int i = 0; i < c.length; i++) {
            c[i] = f[offset];
            for (int d = nd - 1; d >= 0; d--) {
                if (++index[d] < shape[d]) {
                    offset += fStride[d];
                    break;
                }
                offset -= (shape[d] - 1) * fStride[d];
                index[d] = 0;
            }
        }
        return c;
    }

    /** The element types the reader understands. */
    private enum ElementType {
        F8(8), F4(4), I8(8), I4(4);

        final int size;

        ElementType(int size) {
            this.size = size;
        }
    }

    /** Converts raw bytes of one supported dtype into doubles. */
    private record Decoder(ElementType type, ByteOrder order) {

        static Decoder of(String descr) throws IOException {
            ByteOrder order = switch (descr.isEmpty() ? ' ' : descr.charAt(0)) {
                case '<', '|' -> ByteOrder.LITTLE_ENDIAN;
                case '>' -> ByteOrder.BIG_ENDIAN;
                case '=' -> ByteOrder.nativeOrder();
                default -> throw new IOException("unsupported npy dtype '" + descr + "'");
            };
            ElementType type = switch (descr.substring(1)) {
                case "f8" -> ElementType.F8;
                case "f4" -> ElementType.F4;
                case "i8" -> ElementType.I8;
                case "i4" -> ElementType.I4;
                default -> throw new IOException("unsupported npy dtype '" + descr + "' (supported: f8, f4, i8, i4)");
            };
            return new Decoder(type, order);
        }

        int itemSize() {
            return type.size;
        }

        void decode(ByteBuffer buffer, double[] out, int from, int n) {
            switch (type) {
                case F8 -> buffer.asDoubleBuffer().get(out, from, n);
                case F4 -> {
                    for (int i = 0; i < n; i++) {
                        out[from + i] = buffer.getFloat();
                    }
                }
                case I8 -> {
                    for (int i = 0; i < n; i++) {
                        out[from + i] = buffer.getLong();
                    }
                }
                case I4 -> {
                    for (int i = 0; i < n; i++) {
                        out[from + i] = buffer.getInt();
                    }
                }
            }
        }
    }
}
