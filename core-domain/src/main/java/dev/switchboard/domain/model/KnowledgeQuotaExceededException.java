package dev.switchboard.domain.model;

/**
 * A knowledge item would take its team past its storage budget, or the Hamsa account past its tier's quota.
 * Raised before Hamsa is asked, so Hamsa never has to refuse it.
 */
public final class KnowledgeQuotaExceededException extends DomainException {

    /** Whose limit it is. */
    public enum Limit { TEAM, ACCOUNT }

    private final Limit limit;
    private final long usedBytes;
    private final long limitBytes;
    private final long requestedBytes;

    public KnowledgeQuotaExceededException(Limit limit, long usedBytes, long limitBytes, long requestedBytes) {
        super("Knowledge storage " + limit + " limit: " + usedBytes + " of " + limitBytes + " bytes used, "
                + requestedBytes + " more asked for");
        this.limit = limit;
        this.usedBytes = usedBytes;
        this.limitBytes = limitBytes;
        this.requestedBytes = requestedBytes;
    }

    public Limit limit() {
        return limit;
    }

    public long usedBytes() {
        return usedBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }

    public long requestedBytes() {
        return requestedBytes;
    }
}
