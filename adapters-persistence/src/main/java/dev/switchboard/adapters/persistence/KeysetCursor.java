package dev.switchboard.adapters.persistence;

import dev.switchboard.domain.model.InvalidInputException;
import dev.switchboard.domain.model.Page;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page ended: the sort keys of its last row. Opaque to clients (base64url), so its form can
 * change without breaking them; anything that does not decode is refused as invalid input.
 */
public record KeysetCursor(Instant createdAt, UUID id) {

    /** No agent can be older than the service or dated past year 9999; anything else is forged. */
    private static final Instant OLDEST = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant NEWEST = Instant.parse("9999-12-31T23:59:59Z");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public String encode() {
        String raw = createdAt.getEpochSecond() + ":" + createdAt.getNano() + ":" + id;
        return ENCODER.encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static KeysetCursor decode(String cursor) {
        try {
            String[] parts = new String(DECODER.decode(cursor), StandardCharsets.UTF_8).split(":", 3);
            Instant createdAt = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            if (createdAt.isBefore(OLDEST) || createdAt.isAfter(NEWEST)) {
                throw new IllegalArgumentException("cursor time out of range");
            }
            return new KeysetCursor(createdAt, UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw InvalidInputException.of("cursor", "is not a cursor this service issued");
        }
    }

    /**
     * A page from rows fetched one beyond the limit: the extra row only tells that another page follows,
     * and the cursor is the last kept row's sort keys.
     */
    public static <E> Page<E> page(List<E> fetched, int limit, Function<E, KeysetCursor> sortKeys) {
        List<E> items = fetched.stream().limit(limit).toList();
        Optional<String> next = fetched.size() > limit
                ? Optional.of(sortKeys.apply(items.get(items.size() - 1)).encode())
                : Optional.empty();
        return new Page<>(items, next);
    }
}
