package org.accord.bench;

import java.util.Arrays;

/** Latencies in nanoseconds, recorded by many threads, read as percentiles in milliseconds. */
final class Latencies {

    private long[] values = new long[1024];
    private int size;

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    synchronized int count() {
        return size;
    }

    synchronized double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, index))] / 1e6;
    }

    /** The n slowest, in the order they were recorded: "#index ms", for telling a tail from a warm-up. */
    synchronized String slowest(int n) {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(values[b], values[a]));
        Integer[] top = Arrays.copyOf(order, Math.min(n, size));
        Arrays.sort(top);
        StringBuilder text = new StringBuilder();
        for (int i : top) {
            text.append(text.isEmpty() ? "" : ", ").append(String.format(java.util.Locale.ROOT, "#%d %.1f ms", i,
                    values[i] / 1e6));
        }
        return text.toString();
    }
}
