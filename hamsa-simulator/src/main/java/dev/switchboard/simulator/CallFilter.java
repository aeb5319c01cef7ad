package dev.switchboard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The filters and page of a conversation list: {@code voiceAgentId}, {@code status},
 * {@code startTime} (inclusive) and {@code endTime} (exclusive) on {@code createdAt}, {@code page}
 * (from 1) and {@code perPage} (1 to 200, default 20). Null filters match everything.
 */
record CallFilter(String voiceAgentId, String status, Instant startTime, Instant endTime, int page, int perPage) {

    static final int DEFAULT_PER_PAGE = 20;
    static final int MAX_PER_PAGE = 200;

    /** Every status Hamsa documents; the simulator produces the first five. */
    static final Set<String> STATUSES =
            Set.of("PENDING", "IN_PROGRESS", "COMPLETED", "NO_ANSWER", "FAILED", "FORWARDED", "TERMINATED");

    private static final Set<String> FIELDS = Set.of("voiceAgentId", "status", "startTime", "endTime", "page", "perPage");

    boolean matches(Conversation call) {
        return (voiceAgentId == null || voiceAgentId.equals(call.voiceAgentId()))
                && (status == null || status.equals(call.status().name()))
                && (startTime == null || !call.createdAt().isBefore(startTime))
                && (endTime == null || call.createdAt().isBefore(endTime));
    }

    /** From query parameters; empty values count as absent. */
    static CallFilter fromQuery(Map<String, String> query) {
        Map<String, String> errors = new LinkedHashMap<>();
        String voiceAgentId = text(query.get("voiceAgentId"));
        String status = text(query.get("status"));
        if (status != null && !STATUSES.contains(status)) {
            errors.put("status", "must be one of PENDING, IN_PROGRESS, COMPLETED, NO_ANSWER, FAILED, FORWARDED, TERMINATED");
        }
        Instant start = instant(query, "startTime", errors);
        Instant end = instant(query, "endTime", errors);
        int page = integer(query, "page", 1, Integer.MAX_VALUE, 1, errors);
        int perPage = integer(query, "perPage", 1, MAX_PER_PAGE, DEFAULT_PER_PAGE, errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return new CallFilter(voiceAgentId, status, start, end, page, perPage);
    }

    /** From a JSON body with the same field names: strings, and whole numbers for the page; null means absent. */
    static CallFilter fromBody(JsonNode body) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (!FIELDS.contains(name) || value.isNull()) {
                continue;
            }
            boolean number = name.equals("page") || name.equals("perPage");
            if (number && value.isIntegralNumber()) {
                values.put(name, value.asText());
            } else if (!number && value.isTextual()) {
                values.put(name, value.textValue());
            } else {
                errors.put(name, number ? "must be an integer" : "must be a string");
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return fromQuery(values);
    }

    private static String text(String raw) {
        return raw == null || raw.isEmpty() ? null : raw;
    }

    private static Instant instant(Map<String, String> query, String name, Map<String, String> errors) {
        String raw = text(query.get(name));
        if (raw == null) {
            return null;
        }
        try {
            return Instant.parse(raw.trim());
        } catch (DateTimeParseException e) {
            errors.put(name, "must be an ISO-8601 instant such as 2025-03-01T10:00:00Z");
            return null;
        }
    }

    private static int integer(Map<String, String> query, String name, int min, int max, int fallback,
                               Map<String, String> errors) {
        String raw = text(query.get(name));
        if (raw == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(raw.trim());
            if (value >= min && value <= max) {
                return (int) value;
            }
        } catch (NumberFormatException e) {
            // falls through to the validation error
        }
        errors.put(name, "must be an integer between " + min + " and " + max);
        return fallback;
    }
}
