package dev.switchboard.adapters.web;

/** A body that turned out, while being read, to be over the limit of {@link BodySizeLimit}. */
public final class PayloadTooLargeException extends RuntimeException {

    private final long maxBytes;

    public PayloadTooLargeException(long maxBytes) {
        super("request body over " + maxBytes + " bytes", null, false, false);
        this.maxBytes = maxBytes;
    }

    long maxBytes() {
        return maxBytes;
    }
}
