package org.chaoslab.linalg;

/**
 * Where the entries of a large float or double array start so that 64-byte vector loads do not straddle cache lines.
 *
 * <p>A 64-byte load from an address that is not a multiple of 64 touches two cache lines; in a product that streams
 * the matrix from the second-level or last-level cache that costs bandwidth (four-row products at N = 2000, two
 * threads, AMD Zen 5: float32 0.137 ms with every row straddling, 0.108 with every row aligned; float64 0.33–0.37
 * against 0.25–0.26; docs/benchmarks.md). A Java array's first element lies one header after the array's address, and
 * the JVM places the array: G1, its default collector on machines with two or more processors, puts an array of half a
 * heap region or more (1–32 MB) at the start of a region. Such an array padded by {@link #FLOAT} elements in front has
 * that element on a 64-byte boundary, and so has every row of n floats after it when 16 divides n (with
 * {@link #DOUBLE}: doubles, 8 | n).
 *
 * <p>Only speed depends on this: an array placed otherwise (smaller arrays, other collectors, another header size)
 * reads as any Java array does, and the arithmetic never depends on addresses.
 */
final class AlignedStart {

    /** Bytes of a cache line, and of the widest vector load. */
    private static final int LINE = 64;

    /** Elements of padding in front of a float array's entries (0–15). */
    static final int FLOAT = pad(header("ARRAY_FLOAT_BASE_OFFSET"), Float.BYTES);
    /** Elements of padding in front of a double array's entries (0–7). */
    static final int DOUBLE = pad(header("ARRAY_DOUBLE_BASE_OFFSET"), Double.BYTES);

    private AlignedStart() {
    }

    /**
     * The offset of an array's first element from its address: HotSpot's own figure (16 bytes with compressed class
     * pointers, 12 for float arrays with compact object headers), read from the JDK's {@code sun.misc.Unsafe} constant
     * without calling any of its methods; 16 where that is not available.
     */
    private static int header(String field) {
        try {
            return Class.forName("sun.misc.Unsafe").getField(field).getInt(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return 16;
        }
    }

    /**
     * The refusal of a matrix's {@code data()} (entries from index 0) when its entries start at {@code start} &gt; 0: a
     * reader would otherwise take them shifted without a sign.
     */
    static IllegalStateException shifted(int start) {
        return new IllegalStateException("the entries start at index offset() = " + start
                + " of the backing array: read them with backing() and offset(), or rowMajor()");
    }

    /** Elements that bring {@code header} bytes to the next multiple of {@link #LINE}. */
    static int pad(int header, int elementBytes) {
        int bytes = Math.floorMod(-header, LINE);
        return bytes % elementBytes == 0 ? bytes / elementBytes : 0;
    }
}
