package org.chaoslab.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of a {@code .npy} file: dtype descriptor, memory order and shape.
 *
 * @param descr numpy dtype descriptor such as {@code <f8}
 * @param fortranOrder whether the data are stored in column-major order
 * @param shape array dimensions
 */
record NpyHeader(String descr, boolean fortranOrder, int[] shape) {

    /** First bytes of every .npy file. */
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** numpy aligns the start of the data to this many bytes. */
    static final int ALIGNMENT = 64;

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /**
     * Encodes the complete version-1.0 preamble (magic, version, length, header dict, padding and
     * the terminating newline), sized so that the data start at a multiple of {@link #ALIGNMENT}.
     */
    byte[] encode() {
        return encode(0);
    }

    /**
     * As {@link #encode()}, padded with spaces to at least {@code minTotal} bytes (a multiple of {@link #ALIGNMENT}):
     * a header rewritten in place after the data (a smaller shape) keeps the data where they are.
     */
    byte[] encode(int minTotal) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortranOrder ? "True" : "False")
                + ", 'shape': " + shapeTuple(shape) + ", }";
        int preamble = MAGIC.length + 2 + 2;
        int unpadded = preamble + dict.length() + 1;
        int total = Math.max(minTotal, (unpadded + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT);
        int headerLength = total - preamble;
        if (headerLength > 0xFFFF) {
            throw new IllegalArgumentException("npy header too long for format 1.0: " + headerLength + " bytes");
        }
        byte[] bytes = new byte[total];
        System.arraycopy(MAGIC, 0, bytes, 0, MAGIC.length);
        bytes[6] = 1;
        bytes[7] = 0;
        bytes[8] = (byte) headerLength;
        bytes[9] = (byte) (headerLength >>> 8);
        byte[] text = dict.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, bytes, preamble, text.length);
        Arrays.fill(bytes, preamble + text.length, total - 1, (byte) ' ');
        bytes[total - 1] = '\n';
        return bytes;
    }

    /** Reads and parses a header (format versions 1.0, 2.0 and 3.0), leaving the stream at the data. */
    static NpyHeader read(InputStream in) throws IOException {
        byte[] magic = readFully(in, MAGIC.length + 2);
        if (!Arrays.equals(Arrays.copyOf(magic, MAGIC.length), MAGIC)) {
            throw new IOException("not an npy file: bad magic string");
        }
        int major = magic[6];
        int headerLength;
        if (major == 1) {
            byte[] len = readFully(in, 2);
            headerLength = (len[0] & 0xFF) | (len[1] & 0xFF) << 8;
        } else if (major == 2 || major == 3) {
            byte[] len = readFully(in, 4);
            headerLength = (len[0] & 0xFF) | (len[1] & 0xFF) << 8 | (len[2] & 0xFF) << 16 | (len[3] & 0xFF) << 24;
            if (headerLength < 0) {
                throw new IOException("npy header length out of range");
            }
        } else {
            throw new IOException("unsupported npy format version " + major + "." + magic[7]);
        }
        return parse(new String(readFully(in, headerLength),
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
    }

    /** Parses the Python-literal header dictionary. */
    static NpyHeader parse(String dict) throws IOException {
        Matcher descr = DESCR.matcher(dict);
        Matcher fortran = FORTRAN.matcher(dict);
        Matcher shape = SHAPE.matcher(dict);
        if (!descr.find() || !fortran.find() || !shape.find()) {
            throw new IOException("unsupported or malformed npy header: " + dict.strip());
        }
        int[] dims = Arrays.stream(shape.group(1).split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).mapToInt(NpyHeader::parseDimension).toArray();
        if (Arrays.stream(dims).anyMatch(d -> d < 0)) {
            throw new IOException("bad shape in npy header: " + dict.strip());
        }
        return new NpyHeader(descr.group(1), fortran.group(1).equals("True"), dims);
    }

    /** Number of elements described by the shape, as a long. */
    long elementCount() {
        long count = 1;
        for (int d : shape) {
            count *= d;
        }
        return count;
    }

    /** Parses one dimension (Python 2 headers may write {@code 3L}); -1 marks an unreadable one. */
    private static int parseDimension(String text) {
        String digits = text.endsWith("L") ? text.substring(0, text.length() - 1) : text;
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String shapeTuple(int[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return sb.append(')').toString();
    }

    private static byte[] readFully(InputStream in, int n) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length != n) {
            throw new EOFException("truncated npy file");
        }
        return bytes;
    }
}
