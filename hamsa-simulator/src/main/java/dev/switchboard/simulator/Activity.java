package dev.switchboard.simulator;

import java.time.Duration;

/**
 * Counts the calls still playing and the calls with webhooks still being delivered, so a test can
 * wait for quiet without sleeping. Each {@link #begin()} is matched by one {@link #end()}.
 */
final class Activity {

    private int active;
    private boolean closed;

    synchronized void begin() {
        active++;
    }

    synchronized void end() {
        active--;
        if (active <= 0) {
            active = 0;
            notifyAll();
        }
    }

    /** Nothing will ever be active again: waiters return at once. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    synchronized boolean idle() {
        return active == 0 || closed;
    }

    /** True once idle, false if {@code timeout} passed first. */
    synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!idle()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            long millis = Math.max(1, left / 1_000_000);
            wait(millis);
        }
        return true;
    }
}
