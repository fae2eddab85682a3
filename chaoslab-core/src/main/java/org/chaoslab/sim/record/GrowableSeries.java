package org.chaoslab.sim.record;

import java.util.Arrays;

/** An append-only double array with amortized growth (no boxing). */
final class GrowableSeries {

    private double[] data;
    private int size;

    GrowableSeries(int initialCapacity) {
        data = new double[Math.max(16, initialCapacity)];
    }

    void add(double v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        data[size++] = v;
    }

    void addAll(double[] src, int from, int len) {
        while (size + len > data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        System.arraycopy(src, from, data, size, len);
        size += len;
    }

    int size() {
        return size;
    }

    double[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
