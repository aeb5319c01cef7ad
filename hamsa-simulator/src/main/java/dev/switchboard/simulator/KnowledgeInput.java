package dev.switchboard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and validates knowledge-base request bodies, by the limits Hamsa publishes: 1 to 10 items a
 * request, TEXT of 50 to 5,000 characters, up to 100 URLs an item, FILE of the listed kinds. How a
 * file's bytes are sent Hamsa does not show; the simulator takes them as standard base64 in
 * {@code content}. Errors are keyed by field, {@code items[0].content} for an item of a create.
 */
final class KnowledgeInput {

    static final int MAX_ITEMS = 10;
    static final int MAX_NAME = 255;
    static final int MIN_TEXT = 50;
    static final int MAX_TEXT = 5000;
    static final int MAX_URLS = 100;

    /** The file kinds Hamsa accepts, with the MIME type assumed when a request names none. */
    static final Map<String, String> FILE_TYPES = Map.of(
            "pdf", "application/pdf",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "doc", "application/msword",
            "txt", "text/plain",
            "html", "text/html",
            "htm", "text/html",
            "epub", "application/epub+zip");

    /** A new item as requested; {@code size} is what it counts against the quota when stored. */
    record Draft(String itemName, KnowledgeItem.Type type, String content, List<String> itemUrls, String fileName,
                 String mimeType, long size) {
    }

    /** The fields a PATCH names; null for those it leaves alone. */
    record Patch(String itemName, String content) {
    }

    record Toggle(String id, boolean active) {
    }

    private KnowledgeInput() {
    }

    static List<Draft> forCreate(JsonNode body) {
        Map<String, String> errors = new LinkedHashMap<>();
        JsonNode items = body.get("items");
        if (items == null || items.isNull()) {
            throw ApiException.validation(Map.of("items", "is required"));
        }
        if (!items.isArray() || items.isEmpty() || items.size() > MAX_ITEMS) {
            throw ApiException.validation(Map.of("items", "must be an array of 1 to " + MAX_ITEMS + " items"));
        }
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Draft draft = item(items.get(i), "items[" + i + "].", errors);
            if (draft != null) {
                drafts.add(draft);
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return drafts;
    }

    static Patch forPatch(JsonNode body) {
        Map<String, String> errors = new LinkedHashMap<>();
        String itemName = null;
        String content = null;
        if (body.has("itemName")) {
            itemName = body.get("itemName").isNull() ? nullValue("itemName", errors) : name(body.get("itemName"), "itemName", errors);
        }
        if (body.has("content")) {
            content = body.get("content").isNull() ? nullValue("content", errors) : text(body.get("content"), "content", errors);
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return new Patch(itemName, content);
    }

    /** The URLs of {@code POST /knowledge-base/{id}/url}. */
    static List<String> urlsToAdd(JsonNode body) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> urls = urls(body.get("itemUrls"), "itemUrls", errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return urls;
    }

    /** {@code {id | knowledgeBaseItemId, isActive}}. */
    static Toggle toggle(JsonNode body, String alias) {
        Map<String, String> errors = new LinkedHashMap<>();
        JsonNode id = body.hasNonNull("id") ? body.get("id") : body.get(alias);
        if (id == null || id.isNull()) {
            errors.put("id", "is required");
        } else if (!id.isTextual() || id.textValue().isBlank()) {
            errors.put("id", "must be a non-blank string");
        }
        JsonNode active = body.get("isActive");
        if (active == null || active.isNull()) {
            errors.put("isActive", "is required");
        } else if (!active.isBoolean()) {
            errors.put("isActive", "must be true or false");
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return new Toggle(id.textValue(), active.booleanValue());
    }

    private static Draft item(JsonNode node, String prefix, Map<String, String> errors) {
        if (node == null || !node.isObject()) {
            errors.put(prefix.substring(0, prefix.length() - 1), "must be an object");
            return null;
        }
        int before = errors.size();
        String itemName = required(node, "itemName", prefix, errors) ? name(node.get("itemName"), prefix + "itemName", errors) : null;
        KnowledgeItem.Type type = required(node, "type", prefix, errors) ? type(node.get("type"), prefix + "type", errors) : null;
        if (type == null) {
            return null;
        }
        switch (type) {
            case TEXT -> {
                String content = required(node, "content", prefix, errors)
                        ? text(node.get("content"), prefix + "content", errors) : null;
                if (errors.size() == before) {
                    return new Draft(itemName, type, content, List.of(), null, null,
                            content.getBytes(StandardCharsets.UTF_8).length);
                }
            }
            case URL -> {
                List<String> urls = urls(node.get("itemUrls"), prefix + "itemUrls", errors);
                if (errors.size() == before) {
                    return new Draft(itemName, type, null, urls, null, null, 0);
                }
            }
            case FILE -> {
                return file(node, prefix, itemName, before, errors);
            }
            default -> throw new IllegalStateException("unknown type " + type);
        }
        return null;
    }

    private static Draft file(JsonNode node, String prefix, String itemName, int before, Map<String, String> errors) {
        String extension = null;
        if (required(node, "fileName", prefix, errors)) {
            String fileName = name(node.get("fileName"), prefix + "fileName", errors);
            if (fileName != null) {
                int dot = fileName.lastIndexOf('.');
                extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
                if (!FILE_TYPES.containsKey(extension)) {
                    errors.put(prefix + "fileName", "must end in .pdf, .docx, .doc, .txt, .html, .htm or .epub");
                }
            }
        }
        int decoded = -1;
        if (required(node, "content", prefix, errors)) {
            JsonNode content = node.get("content");
            if (!content.isTextual()) {
                errors.put(prefix + "content", "must be the file's bytes in standard base64");
            } else {
                try {
                    decoded = Base64.getDecoder().decode(content.textValue()).length;
                    if (decoded == 0) {
                        errors.put(prefix + "content", "must not be an empty file");
                    }
                } catch (IllegalArgumentException e) {
                    errors.put(prefix + "content", "must be the file's bytes in standard base64");
                }
            }
        }
        String mimeType = null;
        JsonNode mime = node.get("mimeType");
        if (mime != null && !mime.isNull()) {
            if (!mime.isTextual() || mime.textValue().isBlank()) {
                errors.put(prefix + "mimeType", "must be a non-blank string");
            } else {
                mimeType = mime.textValue();
            }
        }
        if (errors.size() != before) {
            return null;
        }
        return new Draft(itemName, KnowledgeItem.Type.FILE, null, List.of(), node.get("fileName").textValue(),
                mimeType != null ? mimeType : FILE_TYPES.get(extension), decoded);
    }

    private static boolean required(JsonNode node, String field, String prefix, Map<String, String> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            errors.put(prefix + field, "is required");
            return false;
        }
        return true;
    }

    private static String nullValue(String key, Map<String, String> errors) {
        errors.put(key, "must not be null");
        return null;
    }

    private static String name(JsonNode node, String key, Map<String, String> errors) {
        if (!node.isTextual()) {
            errors.put(key, "must be a string");
            return null;
        }
        String value = node.textValue();
        if (value.isBlank()) {
            errors.put(key, "must not be blank");
            return null;
        }
        if (value.codePointCount(0, value.length()) > MAX_NAME) {
            errors.put(key, "must be at most " + MAX_NAME + " characters");
            return null;
        }
        return value;
    }

    private static KnowledgeItem.Type type(JsonNode node, String key, Map<String, String> errors) {
        if (node.isTextual()) {
            for (KnowledgeItem.Type type : KnowledgeItem.Type.values()) {
                if (type.name().equals(node.textValue())) {
                    return type;
                }
            }
        }
        errors.put(key, "must be TEXT, FILE or URL");
        return null;
    }

    private static String text(JsonNode node, String key, Map<String, String> errors) {
        if (!node.isTextual()) {
            errors.put(key, "must be a string");
            return null;
        }
        String value = node.textValue();
        int length = value.codePointCount(0, value.length());
        if (length < MIN_TEXT || length > MAX_TEXT) {
            errors.put(key, "must be between " + MIN_TEXT + " and " + MAX_TEXT + " characters, was " + length);
            return null;
        }
        return value;
    }

    private static List<String> urls(JsonNode node, String key, Map<String, String> errors) {
        if (node == null || node.isNull()) {
            errors.put(key, "is required");
            return List.of();
        }
        if (!node.isArray() || node.isEmpty() || node.size() > MAX_URLS) {
            errors.put(key, "must be an array of 1 to " + MAX_URLS + " URLs");
            return List.of();
        }
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode url = node.get(i);
            if (url.isTextual() && HttpUrls.isAbsoluteHttp(url.textValue())) {
                urls.add(url.textValue());
            } else {
                errors.put(key + "[" + i + "]", HttpUrls.PROBLEM);
            }
        }
        return urls;
    }
}
