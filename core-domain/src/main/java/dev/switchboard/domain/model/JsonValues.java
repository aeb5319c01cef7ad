package dev.switchboard.domain.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON-shaped values (maps, lists, strings, numbers, booleans, nulls) as the domain holds them: deeply
 * unmodifiable, in their original key order, nulls kept (a field Hamsa sent as null is not a missing one).
 */
public final class JsonValues {

    private JsonValues() {
    }

    public static Map<String, Object> copyOf(Map<String, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, copyValue(v)));
        return Collections.unmodifiableMap(copy);
    }

    private static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), copyValue(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(copyValue(v)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    /** The value at {@code key} if it is an object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Map<String, ?> map, String key) {
        return map != null && map.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    /** The value at {@code key} if it is a non-blank string (numbers are taken as their text). */
    public static String text(Map<String, ?> map, String key) {
        if (map == null) {
            return null;
        }
        Object value = map.get(key);
        if (value instanceof String s) {
            return s.isBlank() ? null : s;
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        return null;
    }
}
