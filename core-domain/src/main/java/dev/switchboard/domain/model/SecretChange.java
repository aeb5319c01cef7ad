package dev.switchboard.domain.model;

import java.util.Objects;

/** What an update does to a secret: keep it, replace it, or remove it. Its value never appears in text. */
public record SecretChange(Action action, String value) {

    public enum Action { KEEP, SET, CLEAR }

    public static final int MAX_LENGTH = 4_096;

    public SecretChange {
        Objects.requireNonNull(action, "action");
        if (action == Action.SET) {
            if (value == null || value.isBlank()) {
                throw InvalidInputException.of("toolSettings.authToken", "must not be blank when given; send \"\" to remove it");
            }
            if (value.length() > MAX_LENGTH || value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
                throw InvalidInputException.of("toolSettings.authToken", "must be a single line of at most "
                        + MAX_LENGTH + " characters");
            }
        } else {
            value = null;
        }
    }

    public static SecretChange keep() {
        return new SecretChange(Action.KEEP, null);
    }

    public static SecretChange clear() {
        return new SecretChange(Action.CLEAR, null);
    }

    public static SecretChange set(String value) {
        return new SecretChange(Action.SET, value);
    }

    /** From a request field: absent keeps, empty removes, anything else sets. */
    public static SecretChange fromField(String value) {
        if (value == null) {
            return keep();
        }
        return value.isEmpty() ? clear() : set(value);
    }

    public boolean isKeep() {
        return action == Action.KEEP;
    }

    @Override
    public String toString() {
        return "SecretChange[" + action + "]";
    }
}
