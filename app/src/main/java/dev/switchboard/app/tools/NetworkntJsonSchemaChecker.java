package dev.switchboard.app.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.switchboard.domain.port.out.JsonSchemaChecker;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link JsonSchemaChecker} with networknt's json-schema-validator: a schema is valid when it validates against
 * the JSON Schema 2020-12 meta-schema, which the library bundles (it is read from the class path, never fetched).
 * A tool's arguments are named values, so the top level must also be an object schema when it says a type.
 */
@Singleton
public class NetworkntJsonSchemaChecker implements JsonSchemaChecker {

    /** Enough for a client to fix its schema; more only buries the first. */
    static final int MAX_PROBLEMS = 10;

    private final ObjectMapper json;
    private final Schema metaSchema;

    NetworkntJsonSchemaChecker(ObjectMapper json) {
        this.json = json;
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        this.metaSchema = registry.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
    }

    @Override
    public List<String> problems(Map<String, Object> schema) {
        JsonNode node = json.valueToTree(schema);
        List<String> problems = new ArrayList<>();
        for (Error error : metaSchema.validate(node)) {
            if (problems.size() == MAX_PROBLEMS) {
                break;
            }
            String at = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
            problems.add((at.isEmpty() || at.equals("$") ? "" : at + ": ") + error.getMessage());
        }
        JsonNode type = node.get("type");
        if (problems.isEmpty() && type != null && !(type.isTextual() && type.textValue().equals("object"))) {
            problems.add("the top level must be {\"type\": \"object\"}: a tool's arguments are named values");
        }
        return problems;
    }
}
