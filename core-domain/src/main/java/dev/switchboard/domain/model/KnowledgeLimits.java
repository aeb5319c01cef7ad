package dev.switchboard.domain.model;

/**
 * The limits on knowledge storage: the largest file taken, the budget of a team the operator gave none, and
 * the Hamsa account's quota (its tier's, see {@link #tierBytes}).
 */
public record KnowledgeLimits(long maxFileBytes, long defaultTeamBudgetBytes, long accountLimitBytes) {

    public static final long MEGABYTE = 1024L * 1024L;

    public KnowledgeLimits {
        if (maxFileBytes < 1 || defaultTeamBudgetBytes < 0 || accountLimitBytes < 0) {
            throw new IllegalArgumentException("knowledge limits must not be negative, and a file may have a byte");
        }
    }

    /** Hamsa's knowledge-base storage per tier, in bytes (HAMSA-API.md; a "MB" taken as 2^20 bytes). */
    public static long tierBytes(String tier) {
        long megabytes = switch (tier.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "FREE" -> 1;
            case "STARTER" -> 5;
            case "CREATOR" -> 10;
            case "PRO" -> 50;
            case "BUSINESS" -> 100;
            case "ENTERPRISE" -> 300;
            default -> throw new IllegalArgumentException("unknown Hamsa tier '" + tier
                    + "'; one of FREE, STARTER, CREATOR, PRO, BUSINESS, ENTERPRISE");
        };
        return megabytes * MEGABYTE;
    }
}
