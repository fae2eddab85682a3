package org.chaoslab.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * An array read from a {@code .npy} file, converted to {@code double}, in C (row-major) order.
 * The data array is not copied; the shape is.
 *
 * @param data the elements in row-major order
 * @param shape the dimensions; their product equals {@code data.length}
 */
public record NpyDoubles(double[] data, int[] shape) {

    /**
     * Checks that the shape matches the data.
     *
     * @throws IllegalArgumentException if the product of the shape differs from the data length
     */
    public NpyDoubles {
        Objects.requireNonNull(data, "data");
        shape = Shapes.check(data.length, shape == null ? null : shape.clone());
    }

    /** {@return a copy of the dimensions} */
    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** {@return the number of dimensions} */
    public int ndim() {
        return shape.length;
    }

    /** {@return the number of elements} */
    public int size() {
        return data.length;
    }

    /**
     * Returns one element.
     *
     * @param index one index per dimension
     * @return the element at that position
     * @throws IllegalArgumentException if the number of indices or an index is out of range
     */
    public double get(int... index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("expected " + shape.length + " indices, got " + index.length);
        }
        int offset = 0;
        for (int d = 0; d < shape.length; d++) {
            if (index[d] < 0 || index[d] >= shape[d]) {
                throw new IllegalArgumentException("index " + index[d] + " out of range for dimension "
                        + d + " of size " + shape[d]);
            }
            offset = offset * shape[d] + index[d];
        }
        return data[offset];
    }

    /**
     * Copies a two-dimensional array into rows.
     *
     * @return {@code rows x cols} matrix
     * @throws IllegalStateException if the array is not two-dimensional
     */
    public double[][] toMatrix() {
        if (shape.length != 2) {
            throw new IllegalStateException("toMatrix needs a 2-D array, shape is " + Arrays.toString(shape));
        }
        double[][] m = new double[shape[0]][];
        for (int r = 0; r < shape[0]; r++) {
            m[r] = Arrays.copyOfRange(data, r * shape[1], (r + 1) * shape[1]);
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyDoubles other && Arrays.equals(shape, other.shape) && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "NpyDoubles[shape=" + Arrays.toString(shape) + ", size=" + data.length + "]";
    }
}
