package org.chaoslab.io;

import java.util.Arrays;

/** Shape validation shared by the npy writer, reader and result types. */
final class Shapes {

    private Shapes() {
    }

    /**
     * Checks a shape against an array length. An empty shape means one-dimensional.
     *
     * @return the shape to use
     * @throws IllegalArgumentException if a dimension is negative or the product differs from the length
     */
    static int[] check(int length, int[] shape) {
        if (shape == null || shape.length == 0) {
            return new int[] {length};
        }
        long product = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            product = product > Integer.MAX_VALUE ? product : product * d;
        }
        if (product != length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has " + product
                    + " elements but the array has " + length);
        }
        return shape;
    }
}
