package dev.switchboard.domain.fake;

import dev.switchboard.domain.port.out.JsonSchemaChecker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small, honest JSON Schema check for the domain's tests: it looks at the keywords the services' rules lean
 * on, at every level of {@code properties} and {@code items}, and says what is wrong, each problem naming
 * where ({@code /properties/city/type}). It finds a problem when {@code type} is neither one of the JSON
 * Schema type names nor an array of them, when {@code properties} is not an object (or one of its values is
 * not a schema), when {@code required} is not an array of strings, and when {@code items} is not a schema.
 * When it finds nothing else, it refuses a top-level {@code type} other than {@code "object"}, as the real checker
 * does: a tool's arguments are named values.
 * It is not a full meta-schema validation: the real checker, validating against the JSON Schema meta-schema,
 * is in the app module.
 */
public final class FakeJsonSchemaChecker implements JsonSchemaChecker {

    static final Set<String> TYPES = Set.of("string", "number", "integer", "boolean", "object", "array", "null");

    @Override
    public List<String> problems(Map<String, Object> schema) {
        List<String> problems = new ArrayList<>();
        check(schema, "", problems);
        Object type = schema.get("type");
        if (problems.isEmpty() && type != null && !"object".equals(type)) {
            problems.add("/type: the top level must be {\"type\": \"object\"}: a tool's arguments are named values");
        }
        return problems;
    }

    private static void check(Map<?, ?> schema, String at, List<String> problems) {
        if (schema.containsKey("type")) {
            Object type = schema.get("type");
            if (type instanceof String name) {
                if (!TYPES.contains(name)) {
                    problems.add(at + "/type: '" + name + "' is not a JSON Schema type");
                }
            } else if (type instanceof List<?> names) {
                if (names.isEmpty()) {
                    problems.add(at + "/type: must not be an empty array");
                }
                for (Object n : names) {
                    if (!(n instanceof String s) || !TYPES.contains(s)) {
                        problems.add(at + "/type: '" + n + "' is not a JSON Schema type");
                    }
                }
            } else {
                problems.add(at + "/type: must be a type name or an array of them");
            }
        }
        if (schema.containsKey("properties")) {
            if (schema.get("properties") instanceof Map<?, ?> properties) {
                properties.forEach((name, sub) -> {
                    if (sub instanceof Map<?, ?> subSchema) {
                        check(subSchema, at + "/properties/" + name, problems);
                    } else if (!(sub instanceof Boolean)) {
                        problems.add(at + "/properties/" + name + ": must be a schema (an object)");
                    }
                });
            } else {
                problems.add(at + "/properties: must be an object");
            }
        }
        if (schema.containsKey("required")) {
            if (!(schema.get("required") instanceof List<?> required) || !required.stream().allMatch(String.class::isInstance)) {
                problems.add(at + "/required: must be an array of strings");
            }
        }
        if (schema.containsKey("items")) {
            Object items = schema.get("items");
            if (items instanceof Map<?, ?> itemSchema) {
                check(itemSchema, at + "/items", problems);
            } else if (!(items instanceof Boolean)) {
                problems.add(at + "/items: must be a schema (an object)");
            }
        }
    }
}
