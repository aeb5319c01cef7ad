package dev.switchboard.simulator;

import java.util.Map;

/** Reads the paging numbers of list queries ({@code page}, {@code perPage}, {@code skip}, {@code take}). */
final class Paging {

    private Paging() {
    }

    static int positiveInt(Map<String, String> query, String name, int fallback) {
        return intAtLeast(query, name, fallback, 1, "must be a positive integer");
    }

    static int nonNegativeInt(Map<String, String> query, String name, int fallback) {
        return intAtLeast(query, name, fallback, 0, "must be a non-negative integer");
    }

    private static int intAtLeast(Map<String, String> query, String name, int fallback, int min, String problem) {
        String raw = query.get(name);
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the validation error
        }
        throw ApiException.validation(Map.of(name, problem));
    }
}
