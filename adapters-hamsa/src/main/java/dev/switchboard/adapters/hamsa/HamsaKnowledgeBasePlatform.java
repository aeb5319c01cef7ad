package dev.switchboard.adapters.hamsa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.domain.model.KnowledgeContent;
import dev.switchboard.domain.model.KnowledgeStatus;
import dev.switchboard.domain.model.PlatformArea;
import dev.switchboard.domain.model.PlatformKnowledgeItem;
import dev.switchboard.domain.port.out.KnowledgeBasePlatform;
import dev.switchboard.domain.port.out.PlatformTraffic;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * {@link KnowledgeBasePlatform} on Hamsa's REST API, a plain translator as the agents adapter is.
 *
 * <p>Neither source says how a file reaches Hamsa: the create body is JSON ({@code items[]{itemName, type,
 * content, itemUrls}}), so a FILE item's bytes travel in {@code content} as base64, with {@code fileName} and
 * {@code mimeType} beside them. That is an assumption (HAMSA-API.md, docs/simulator.md), kept in this one class.
 */
@ApplicationScoped
class HamsaKnowledgeBasePlatform implements KnowledgeBasePlatform {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final HamsaKnowledgeApi api;
    private final HamsaTransport transport;

    HamsaKnowledgeBasePlatform(HamsaConfig config, Clock clock, PlatformTraffic traffic) {
        this.transport = new HamsaTransport(traffic, PlatformArea.KNOWLEDGE);
        this.api = HamsaTransport.client(HamsaKnowledgeApi.class, config, clock, traffic);
    }

    @Override
    public PlatformKnowledgeItem createItem(String name, KnowledgeContent content, byte[] fileBytes) {
        ObjectNode item = JSON.objectNode().put("itemName", name).put("type", content.type().name());
        if (content instanceof KnowledgeContent.Text text) {
            item.put("content", text.text());
        } else if (content instanceof KnowledgeContent.Urls urls) {
            item.set("itemUrls", urlArray(urls.urls()));
        } else if (content instanceof KnowledgeContent.File file) {
            item.put("content", Base64.getEncoder().encodeToString(fileBytes))
                    .put("fileName", file.fileName()).put("mimeType", file.kind().mediaType());
        }
        ObjectNode body = JSON.objectNode();
        body.putArray("items").add(item);
        return item(first(HamsaJson.payload(transport.call("create knowledge item", false, () -> api.create(body)))));
    }

    @Override
    public PlatformKnowledgeItem getItem(String id) {
        return item(HamsaJson.payload(transport.call("get knowledge item", true, () -> api.get(id))));
    }

    @Override
    public PlatformKnowledgeItem updateItem(String id, String name, KnowledgeContent.Text text) {
        ObjectNode body = JSON.objectNode().put("itemName", name);
        if (text != null) {
            body.put("content", text.text());
        }
        return item(HamsaJson.payload(transport.call("update knowledge item", true, () -> api.update(id, body))));
    }

    @Override
    public void deleteItem(String id) {
        transport.call("delete knowledge item", true, () -> api.delete(id));
    }

    @Override
    public PlatformKnowledgeItem addUrls(String id, List<URI> urls) {
        ObjectNode body = JSON.objectNode();
        body.set("itemUrls", urlArray(urls));
        // Not repeatable: a second send would add the URLs twice.
        return item(HamsaJson.payload(transport.call("add knowledge urls", false, () -> api.addUrls(id, body))));
    }

    @Override
    public PlatformKnowledgeItem setActive(String id, boolean active) {
        ObjectNode body = JSON.objectNode().put("id", id).put("isActive", active);
        return item(HamsaJson.payload(transport.call("toggle knowledge item", true, () -> api.toggleActivation(body))));
    }

    private static ArrayNode urlArray(List<URI> urls) {
        ArrayNode array = JSON.arrayNode();
        urls.forEach(u -> array.add(u.toString()));
        return array;
    }

    /** A create answers the items it made: {@code items[]}, a bare array, or the one item itself. */
    private static JsonNode first(JsonNode payload) {
        JsonNode items = payload != null && payload.has("items") ? payload.get("items") : payload;
        if (items != null && items.isArray()) {
            if (items.isEmpty()) {
                throw HamsaJson.badResponse("knowledge-base create answered no item");
            }
            return items.get(0);
        }
        return items;
    }

    static PlatformKnowledgeItem item(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw HamsaJson.badResponse("expected a knowledge item object");
        }
        String id = HamsaJson.firstNonBlank(node, "id", "_id", "itemId", "knowledgeBaseItemId")
                .orElseThrow(() -> HamsaJson.badResponse("knowledge item without an id"));
        Optional<Long> size = Optional.empty();
        for (String field : List.of("size", "sizeBytes", "fileSize")) {
            if (node.has(field) && node.get(field).canConvertToLong()) {
                size = Optional.of(node.get(field).asLong());
                break;
            }
        }
        Optional<Boolean> active = Optional.empty();
        for (String field : List.of("isActive", "active")) {
            if (node.has(field) && node.get(field).isBoolean()) {
                active = Optional.of(node.get(field).booleanValue());
                break;
            }
        }
        return new PlatformKnowledgeItem(id, KnowledgeStatus.fromPlatform(HamsaJson.firstNonBlank(node, "status").orElse(null)),
                HamsaJson.firstNonBlank(node, "failureReason", "error"), size, active);
    }
}
