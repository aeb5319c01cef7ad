package dev.switchboard.domain.model;

import java.util.List;
import java.util.Map;

/**
 * Rules for text a team gives that Switchboard stores: Postgres' text and jsonb take no NUL character, so one
 * is refused as invalid input up front, before Hamsa is asked, rather than failing the write after it.
 */
public final class Text {

    public static final String NO_NUL = "must not contain the NUL character (U+0000)";

    private Text() {
    }

    public static boolean hasNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    /** In any key or string of JSON values (maps, lists, scalars), however deep. */
    public static boolean hasNulAnywhere(Object value) {
        if (value instanceof String s) {
            return hasNul(s);
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().anyMatch(e -> hasNulAnywhere(String.valueOf(e.getKey())) || hasNulAnywhere(e.getValue()));
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(Text::hasNulAnywhere);
        }
        return false;
    }
}
