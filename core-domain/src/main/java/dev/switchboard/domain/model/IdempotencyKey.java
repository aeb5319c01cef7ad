package dev.switchboard.domain.model;

import java.util.Objects;

/**
 * A client's {@code Idempotency-Key}, scoped to its team: two teams may use the same key for
 * different requests without meeting.
 */
public record IdempotencyKey(TeamId team, String value) {

    public static final int MAX_LENGTH = 255;
    public static final String FIELD = "Idempotency-Key";

    public IdempotencyKey {
        Objects.requireNonNull(team, "team");
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            throw InvalidInputException.of(FIELD, "must be 1 to " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw InvalidInputException.of(FIELD, "must be printable ASCII");
            }
        }
    }
}
