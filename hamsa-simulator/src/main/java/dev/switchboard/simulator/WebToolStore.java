package dev.switchboard.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Web tools in memory, in creation order. */
final class WebToolStore {

    record Page(int total, List<WebTool> tools) {
    }

    private final Map<String, WebTool> tools = new LinkedHashMap<>();

    synchronized WebTool add(WebTool tool) {
        tools.put(tool.id(), tool);
        return tool;
    }

    synchronized WebTool get(String id) {
        WebTool tool = tools.get(id);
        if (tool == null) {
            throw notFound();
        }
        return tool;
    }

    synchronized boolean exists(String id) {
        return tools.containsKey(id);
    }

    /** Atomic per store, so concurrent patches never lose one another's fields or versions. */
    synchronized WebTool update(String id, UnaryOperator<WebTool> change) {
        WebTool updated = change.apply(get(id));
        tools.put(id, updated);
        return updated;
    }

    /** {@code page} is 1-based. */
    synchronized Page page(int page, int perPage) {
        List<WebTool> all = List.copyOf(tools.values());
        long from = Math.min((long) (page - 1) * perPage, all.size());
        long to = Math.min(from + perPage, all.size());
        return new Page(all.size(), all.subList((int) from, (int) to));
    }

    synchronized List<WebTool> all() {
        return List.copyOf(tools.values());
    }

    synchronized void clear() {
        tools.clear();
    }

    private static ApiException notFound() {
        return ApiException.notFound("Web tool not found");
    }
}
