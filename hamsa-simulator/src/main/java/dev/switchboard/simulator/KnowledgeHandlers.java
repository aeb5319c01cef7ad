package dev.switchboard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The knowledge-base endpoints. Handlers return the {@code data} payload; the gateway adds the envelope. */
final class KnowledgeHandlers {

    static final String BASE = "/v1/voice-agents/knowledge-base";
    static final int DEFAULT_TAKE = 20;
    static final int MAX_TAKE = 100;

    private final KnowledgeBase knowledge;
    private final AgentStore agents;
    private final Json json;

    KnowledgeHandlers(KnowledgeBase knowledge, AgentStore agents, Json json) {
        this.knowledge = knowledge;
        this.agents = agents;
        this.json = json;
    }

    /** {@code /list} and {@code /toggle-activation} before {@code /{id}}, which would take them for ids. */
    Router routes(Router router) {
        return router
                .add("POST", BASE, this::create)
                .add("GET", BASE + "/list", this::list)
                .add("POST", BASE + "/toggle-activation", this::toggle)
                .add("GET", BASE + "/{id}", request -> Router.Reply.ok(render(knowledge.get(request.param("id")))))
                .add("PATCH", BASE + "/{id}", this::patch)
                .add("DELETE", BASE + "/{id}", this::delete)
                .add("POST", BASE + "/{id}/url", this::addUrls);
    }

    /**
     * {@code GET {prefix}/knowledge}: the items, the quota and the delay, without an envelope;
     * {@code POST {prefix}/knowledge/fail-next} {@code {count?, reason}} scripts failures.
     */
    void adminRoutes(Router router, String prefix) {
        router.add("GET", prefix + "/knowledge", request -> {
            ObjectNode data = json.object()
                    .put("used", knowledge.used())
                    .put("limit", knowledge.limit())
                    .put("processingDelayMillis", knowledge.delay().toMillis());
            ArrayNode items = data.putArray("items");
            knowledge.all().forEach(item -> items.add(render(item)));
            return Router.Reply.ok(data);
        }).add("POST", prefix + "/knowledge/fail-next", request -> {
            JsonNode body = json.parseObject(request.body());
            Map<String, String> errors = new LinkedHashMap<>();
            long count = JsonFields.longField(body, "count", 1, errors);
            JsonNode reason = body.get("reason");
            if (count < 1 || count > Integer.MAX_VALUE) {
                errors.putIfAbsent("count", "must be between 1 and " + Integer.MAX_VALUE);
            }
            if (reason == null || !reason.isTextual() || reason.textValue().isBlank()) {
                errors.put("reason", "must be a non-blank string");
            }
            if (!errors.isEmpty()) {
                throw ApiException.validation(errors);
            }
            knowledge.failNext((int) count, reason.textValue());
            return Router.Reply.ok(json.object().put("count", count).put("reason", reason.textValue()));
        });
    }

    private Router.Reply create(Router.Request request) {
        List<KnowledgeItem> created = knowledge.create(KnowledgeInput.forCreate(json.parseObject(request.body())));
        ObjectNode data = json.object();
        ArrayNode items = data.putArray("items");
        created.forEach(item -> items.add(render(item)));
        return Router.Reply.ok(data);
    }

    private Router.Reply list(Router.Request request) {
        int skip = Paging.nonNegativeInt(request.query(), "skip", 0);
        int take = Math.min(Paging.positiveInt(request.query(), "take", DEFAULT_TAKE), MAX_TAKE);
        KnowledgeBase.Page page = knowledge.page(skip, take);
        ObjectNode data = json.object().put("total", page.total());
        ArrayNode items = data.putArray("items");
        page.items().forEach(item -> items.add(render(item)));
        return Router.Reply.ok(data);
    }

    private Router.Reply patch(Router.Request request) {
        KnowledgeInput.Patch patch = KnowledgeInput.forPatch(json.parseObject(request.body()));
        return Router.Reply.ok(render(knowledge.patch(request.param("id"), patch)));
    }

    /** Agents that used the item keep working without it, as they would once Hamsa forgets it. */
    private Router.Reply delete(Router.Request request) {
        String id = request.param("id");
        knowledge.delete(id);
        agents.dropKnowledgeItem(id);
        return Router.Reply.ok(json.object().put("id", id));
    }

    private Router.Reply addUrls(Router.Request request) {
        List<String> urls = KnowledgeInput.urlsToAdd(json.parseObject(request.body()));
        return Router.Reply.ok(render(knowledge.addUrls(request.param("id"), urls)));
    }

    private Router.Reply toggle(Router.Request request) {
        KnowledgeInput.Toggle toggle = KnowledgeInput.toggle(json.parseObject(request.body()), "knowledgeBaseItemId");
        return Router.Reply.ok(render(knowledge.setActive(toggle.id(), toggle.active())));
    }

    /** Each type shows only its own fields: content for TEXT, itemUrls for URL, fileName and mimeType for FILE. */
    ObjectNode render(KnowledgeItem item) {
        ObjectNode node = json.object()
                .put("id", item.id())
                .put("itemName", item.itemName())
                .put("type", item.type().name());
        switch (item.type()) {
            case TEXT -> node.put("content", item.content());
            case URL -> {
                ArrayNode urls = node.putArray("itemUrls");
                item.itemUrls().forEach(urls::add);
            }
            case FILE -> node.put("fileName", item.fileName()).put("mimeType", item.mimeType());
            default -> throw new IllegalStateException("unknown type " + item.type());
        }
        return node.put("status", item.status().name())
                .put("failureReason", item.failureReason())
                .put("isActive", item.active())
                .put("size", item.size())
                .put("createdAt", item.createdAt().toString())
                .put("updatedAt", item.updatedAt().toString());
    }
}
