package org.chaoslab.sim.binary;

import java.util.Arrays;

/** Growable primitive arrays (amortized doubling; no boxing). */
final class Series {

    private Series() {
    }

    /** A growable double array. */
    static final class Doubles {
        private double[] data = new double[256];
        private int size;

        void add(double v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, 2 * size);
            }
            data[size++] = v;
        }

        int size() {
            return size;
        }

        double[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }

    /** A growable int array. */
    static final class Ints {
        private int[] data = new int[256];
        private int size;

        void add(int v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, 2 * size);
            }
            data[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
