package dev.switchboard.simulator;

import java.util.NoSuchElementException;

/**
 * Epoch-millisecond times, oldest first, as a ring of primitive longs: the rate limiter and its
 * statistics add one per request, so boxing every time into an {@code ArrayDeque<Long>} would be
 * the bulk of their garbage in a load run. Not thread-safe; its owner locks.
 */
final class TimeQueue {

    private static final int INITIAL_CAPACITY = 4;

    private long[] times = new long[INITIAL_CAPACITY];
    private int head;
    private int size;

    void addLast(long time) {
        if (size == times.length) {
            grow();
        }
        times[(head + size) % times.length] = time;
        size++;
    }

    long first() {
        if (size == 0) {
            throw new NoSuchElementException("no times");
        }
        return times[head];
    }

    /** Drops the times at or before {@code cutoff}: those that have left the window {@code (cutoff, cutoff + window]}. */
    void dropUpTo(long cutoff) {
        while (size > 0 && times[head] <= cutoff) {
            head = (head + 1) % times.length;
            size--;
        }
        if (size == 0) {
            head = 0;
        }
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Also gives back the memory a busy window took, so a cleared queue is as small as a new one. */
    void clear() {
        times = new long[INITIAL_CAPACITY];
        head = 0;
        size = 0;
    }

    private void grow() {
        long[] larger = new long[times.length * 2];
        for (int i = 0; i < size; i++) {
            larger[i] = times[(head + i) % times.length];
        }
        times = larger;
        head = 0;
    }
}
