package dev.switchboard.domain.port.out;

import java.util.List;
import java.util.Map;

/**
 * Tells whether a document is a valid JSON Schema, so a tool's parameters are known good before any model
 * or platform reads them.
 */
public interface JsonSchemaChecker {

    /**
     * @param schema the schema as JSON values (maps, lists, strings, numbers, booleans)
     * @return what is wrong with it, each as a short sentence naming where; empty when it is a valid schema
     */
    List<String> problems(Map<String, Object> schema);
}
