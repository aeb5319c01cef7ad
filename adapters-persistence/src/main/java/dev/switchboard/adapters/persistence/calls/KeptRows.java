package dev.switchboard.adapters.persistence.calls;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rows the webhook receiver has read and that never change once read, kept so a delivery costs no read. Only
 * bounded (emptied when full): nothing in them is ever invalidated, which is why a plain map does instead of a
 * cache library.
 */
final class KeptRows<K, V> {

    private final int max;
    private final Map<K, V> rows = new ConcurrentHashMap<>();

    KeptRows(int max) {
        this.max = max;
    }

    V get(K key) {
        return rows.get(key);
    }

    void keep(K key, V row) {
        if (rows.size() >= max) {
            rows.clear();
        }
        rows.put(key, row);
    }
}
