package dev.switchboard.domain.model;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** One page of a list; the cursor names where the next page starts, and is empty on the last page. */
public record Page<T>(List<T> items, Optional<String> nextCursor) {

    public Page {
        items = List.copyOf(items);
        nextCursor = nextCursor == null ? Optional.empty() : nextCursor;
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
