package dev.switchboard.adapters.web;

import dev.switchboard.domain.model.InvalidInputException;
import dev.switchboard.domain.model.PageRequest;

/** The {@code ?limit=} of every list endpoint. */
public final class PageLimits {

    private PageLimits() {
    }

    /** Parsed by hand: JAX-RS answers 404 to an unconvertible query parameter, and this is a 400. */
    public static int parse(String limit) {
        if (limit == null || limit.isBlank()) {
            return PageRequest.DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("limit", "must be a whole number between 1 and " + PageRequest.MAX_LIMIT);
        }
    }
}
