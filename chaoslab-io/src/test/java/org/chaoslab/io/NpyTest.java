package org.chaoslab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpyTest {

    @TempDir
    Path dir;

    @Test
    void appenderWritesRowsInPiecesAndShrinksTheFirstDimensionInPlace() throws IOException {
        Path file = dir.resolve("stream.npy");
        float[] rows = new float[2 * 2 * 3];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i - 5.5f;
        }
        try (NpyAppender out = NpyAppender.float32(file, 4, 2, 3)) {
            assertThat(out.rowElements()).isEqualTo(6);
            out.append(rows, 0, 4);
            out.append(rows, 4, 8);
            assertThat(out.rows()).isEqualTo(2);
            out.finish();
        }
        NpyDoubles read = Npy.readDoubles(file);
        assertThat(read.shape()).containsExactly(2, 2, 3);
        for (int i = 0; i < rows.length; i++) {
            assertThat(read.data()[i]).isEqualTo(rows[i]);
        }
        assertThat((Files.size(file) - 4L * rows.length) % 64).as("aligned header, then the data, nothing after").isZero();
    }

    @Test
    void readsRowsOfTheFirstAxisWithoutTheRestAndTheShapeFromTheHeader() throws IOException {
        Path file = dir.resolve("rows.npy");
        float[] data = new float[5 * 3 * 2];
        for (int i = 0; i < data.length; i++) {
            data[i] = i;
        }
        Npy.write(file, data, 5, 3, 2);
        assertThat(Npy.shape(file)).containsExactly(5, 3, 2);
        NpyDoubles rows = Npy.readRows(file, 3, 2);
        assertThat(rows.shape()).containsExactly(2, 3, 2);
        for (int i = 0; i < 12; i++) {
            assertThat(rows.data()[i]).isEqualTo(18 + i);
        }
        assertThatThrownBy(() -> Npy.readRows(file, 4, 2)).hasMessageContaining("outside the first axis");
    }

    @Test
    void appenderRefusesMoreThanPlannedAndIncompleteRows() throws IOException {
        try (NpyAppender out = NpyAppender.float32(dir.resolve("x.npy"), 1, 3)) {
            assertThatThrownBy(() -> out.append(new float[4])).hasMessageContaining("planned shape");
            out.append(new float[2]);
            assertThatThrownBy(out::finish).hasMessageContaining("incomplete row");
        }
    }

    @Test
    void roundTripsFloat64OneDimensional() throws IOException {
        double[] data = {0.0, -1.5, Math.PI, 1e-300, Double.MAX_VALUE, Double.NaN, Double.NEGATIVE_INFINITY};
        Path file = dir.resolve("a.npy");
        Npy.write(file, data);

        NpyDoubles read = Npy.readDoubles(file);
        assertThat(read.shape()).containsExactly(7);
        assertThat(read.data()).containsExactly(data);
        assertThat(header(file)).startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (7,), }");
    }

    @Test
    void roundTripsFloat64TwoDimensionalInRowMajorOrder() throws IOException {
        double[] data = IntStream.range(0, 12).asDoubleStream().toArray();
        Path file = dir.resolve("m.npy");
        Npy.write(file, data, 3, 4);

        NpyDoubles read = Npy.readDoubles(file);
        assertThat(read.shape()).containsExactly(3, 4);
        assertThat(read.get(1, 2)).isEqualTo(6.0);
        assertThat(read.toMatrix()[2]).containsExactly(8, 9, 10, 11);
        assertThat(header(file)).contains("'shape': (3, 4)");
    }

    @Test
    void roundTripsFloat32() throws IOException {
        float[] data = {1.25f, -2.5f, Float.MIN_VALUE, 3.4e38f, 0.1f, 7f};
        Path file = dir.resolve("f.npy");
        Npy.write(file, data, 2, 3);

        NpyDoubles read = Npy.readDoubles(file);
        assertThat(read.shape()).containsExactly(2, 3);
        for (int i = 0; i < data.length; i++) {
            assertThat(read.data()[i]).isEqualTo((double) data[i]);
        }
        assertThat(header(file)).contains("'descr': '<f4'");
    }

    @Test
    void writesInt32AndInt64LittleEndian() throws IOException {
        Path i4 = dir.resolve("i4.npy");
        Path i8 = dir.resolve("i8.npy");
        Npy.write(i4, new int[] {1, -2, Integer.MAX_VALUE, 4}, 2, 2);
        Npy.write(i8, new long[] {1L << 40, -3});

        assertThat(header(i4)).contains("'descr': '<i4'").contains("(2, 2)");
        assertThat(header(i8)).contains("'descr': '<i8'").contains("(2,)");
        byte[] bytes = Files.readAllBytes(i4);
        ByteBuffer raw = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int dataStart = 10 + raw.getShort(8);
        assertThat(bytes.length).isEqualTo(dataStart + 4 * 4);
        assertThat(raw.getInt(dataStart + 4)).isEqualTo(-2);
        assertThat(Npy.readDoubles(i4).data()).containsExactly(1, -2, Integer.MAX_VALUE, 4);
        assertThat(Npy.readDoubles(i8).data()).containsExactly(0x1p40, -3);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 8})
    void headerIsPaddedTo64BytesAndEndsWithNewline(int dims) throws IOException {
        int[] shape = new int[dims];
        Arrays.fill(shape, 1);
        shape[0] = 123456;
        Path file = dir.resolve("h" + dims + ".npy");
        Npy.write(file, new double[123456], shape);

        byte[] bytes = Files.readAllBytes(file);
        assertThat(Arrays.copyOf(bytes, 8)).containsExactly(0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0);
        int headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
        int dataStart = 10 + headerLength;
        assertThat(dataStart % 64).isZero();
        assertThat(bytes[dataStart - 1]).isEqualTo((byte) '\n');
        assertThat(bytes.length).isEqualTo(dataStart + 8 * 123456);
    }

    @Test
    void largeArraysRoundTripAcrossChunks() throws IOException {
        double[] data = new double[300_001];
        for (int i = 0; i < data.length; i++) {
            data[i] = Math.sin(i) * i;
        }
        Path file = dir.resolve("big.npy");
        Npy.write(file, data, 300_001);
        assertThat(Npy.readDoubles(file).data()).isEqualTo(data);
    }

    @Test
    void emptyArraysAreAllowed() throws IOException {
        Path file = dir.resolve("empty.npy");
        Npy.write(file, new double[0], 0, 5);
        NpyDoubles read = Npy.readDoubles(file);
        assertThat(read.shape()).containsExactly(0, 5);
        assertThat(read.size()).isZero();
    }

    @Test
    void rejectsShapeMismatchWithClearMessage() {
        assertThatThrownBy(() -> Npy.write(dir.resolve("x.npy"), new double[10], 3, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shape [3, 4] has 12 elements but the array has 10");
        assertThatThrownBy(() -> Npy.write(dir.resolve("x.npy"), new float[4], -2, -2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("negative dimension in shape [-2, -2]");
        assertThat(dir.resolve("x.npy")).doesNotExist();
    }

    @Test
    void readsBigEndianAndFortranOrderedFiles() throws IOException {
        // what numpy writes for np.asfortranarray(np.arange(6.0).reshape(2, 3)).astype('>f8')
        String dict = "{'descr': '>f8', 'fortran_order': True, 'shape': (2, 3), }";
        ByteBuffer data = ByteBuffer.allocate(6 * 8).order(ByteOrder.BIG_ENDIAN);
        for (double v : new double[] {0, 3, 1, 4, 2, 5}) { // column-major
            data.putDouble(v);
        }
        byte[] file = concat(preamble(dict), data.array());

        NpyDoubles read = Npy.readDoubles(new ByteArrayInputStream(file));
        assertThat(read.shape()).containsExactly(2, 3);
        assertThat(read.data()).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void fortranReorderingWorksInThreeDimensions() {
        int[] shape = {2, 3, 4};
        double[] c = IntStream.range(0, 24).asDoubleStream().toArray();
        double[] f = new double[24];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 4; k++) {
                    f[i + 2 * (j + 3 * k)] = c[(i * 3 + j) * 4 + k];
                }
            }
        }
        assertThat(Npy.fortranToC(f, shape)).containsExactly(c);
    }

    @Test
    void rejectsUnsupportedOrBrokenFiles() {
        byte[] complex = concat(preamble("{'descr': '<c16', 'fortran_order': False, 'shape': (1,), }"), new byte[16]);
        assertThatThrownBy(() -> Npy.readDoubles(new ByteArrayInputStream(complex)))
                .isInstanceOf(IOException.class).hasMessageContaining("unsupported npy dtype '<c16'");
        byte[] truncated = concat(preamble("{'descr': '<f8', 'fortran_order': False, 'shape': (4,), }"), new byte[8]);
        assertThatThrownBy(() -> Npy.readDoubles(new ByteArrayInputStream(truncated)))
                .isInstanceOf(IOException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> Npy.readDoubles(new ByteArrayInputStream("PK\3\4 not npy".getBytes(StandardCharsets.US_ASCII))))
                .isInstanceOf(IOException.class).hasMessageContaining("bad magic");
    }

    @Test
    void corruptShapeFailsBeforeAllocating() throws IOException {
        Path file = dir.resolve("corrupt.npy");
        byte[] bytes = concat(preamble("{'descr': '<f8', 'fortran_order': False, 'shape': (200000000,), }"), new byte[64]);
        Files.write(file, bytes);
        assertThatThrownBy(() -> Npy.readDoubles(file))
                .isInstanceOf(IOException.class).hasMessageContaining("needs 1600000000 bytes");
    }

    static String header(Path npy) throws IOException {
        byte[] bytes = Files.readAllBytes(npy);
        int headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
        return new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
    }

    private static byte[] preamble(String dict) {
        return new NpyHeaderBytes(dict).bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A version-1.0 preamble around an arbitrary header dictionary. */
    private record NpyHeaderBytes(byte[] bytes) {
        NpyHeaderBytes(String dict) {
            this(build(dict));
        }

        private static byte[] build(String dict) {
            String padded = dict + " ".repeat(63 - (10 + dict.length()) % 64) + "\n";
            byte[] text = padded.getBytes(StandardCharsets.US_ASCII);
            byte[] out = new byte[10 + text.length];
            System.arraycopy(NpyHeader.MAGIC, 0, out, 0, 6);
            out[6] = 1;
            out[8] = (byte) text.length;
            out[9] = (byte) (text.length >>> 8);
            System.arraycopy(text, 0, out, 10, text.length);
            return out;
        }
    }
}
