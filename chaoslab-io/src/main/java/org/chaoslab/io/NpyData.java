package org.chaoslab.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A primitive array together with its numpy dtype, able to write its raw little-endian bytes. */
sealed interface NpyData {

    /** Bytes per chunk when converting to little-endian. */
    int CHUNK_BYTES = 1 << 16;

    /** The numpy dtype descriptor, such as {@code <f8}. */
    String descr();

    /** Bytes per element. */
    int itemSize();

    /** Number of elements. */
    int length();

    /** Puts elements {@code [from, from + count)} into the (little-endian) buffer. */
    void put(ByteBuffer buffer, int from, int count);

    /** Number of data bytes. */
    default long byteCount() {
        return (long) length() * itemSize();
    }

    /** Writes all elements as little-endian bytes, converting through one reusable chunk buffer. */
    default void writeTo(OutputStream out) throws IOException {
        int perChunk = CHUNK_BYTES / itemSize();
        int n = length();
        ByteBuffer buffer = ByteBuffer.allocate(Math.min(perChunk, Math.max(n, 1)) * itemSize())
                .order(ByteOrder.LITTLE_ENDIAN);
        for (int from = 0; from < n; from += perChunk) {
            int count = Math.min(perChunk, n - from);
            buffer.clear();
            put(buffer, from, count);
            out.write(buffer.array(), 0, count * itemSize());
        }
    }

    record F8(double[] values) implements NpyData {
        @Override public String descr() { return "<f8"; }
        @Override public int itemSize() { return Double.BYTES; }
        @Override public int length() { return values.length; }
        @Override public void put(ByteBuffer buffer, int from, int count) {
            buffer.asDoubleBuffer().put(values, from, count);
        }
    }

    record F4(float[] values) implements NpyData {
        @Override public String descr() { return "<f4"; }
        @Override public int itemSize() { return Float.BYTES; }
        @Override public int length() { return values.length; }
        @Override public void put(ByteBuffer buffer, int from, int count) {
            buffer.asFloatBuffer().put(values, from, count);
        }
    }

    record I4(int[] values) implements NpyData {
        @Override public String descr() { return "<i4"; }
        @Override public int itemSize() { return Integer.BYTES; }
        @Override public int length() { return values.length; }
        @Override public void put(ByteBuffer buffer, int from, int count) {
            buffer.asIntBuffer().put(values, from, count);
        }
    }

    record I8(long[] values) implements NpyData {
        @Override public String descr() { return "<i8"; }
        @Override public int itemSize() { return Long.BYTES; }
        @Override public int length() { return values.length; }
        @Override public void put(ByteBuffer buffer, int from, int count) {
            buffer.asLongBuffer().put(values, from, count);
        }
    }
}
