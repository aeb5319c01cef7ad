package dev.switchboard.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every {@link JsonSchemaChecker} must say about a tool's parameters. Extended by the fake's test and by the
 * app's test of the real checker (networknt, against the JSON Schema meta-schema), so the services' tests, which
 * use the fake, see the same answers as the running application. Problems are compared by whether there are any
 * and where they point, not by their wording, which is each checker's own.
 */
public abstract class JsonSchemaCheckerContract {

    protected abstract JsonSchemaChecker checker();

    private List<String> problems(Map<String, Object> schema) {
        return checker().problems(schema);
    }

    @Test
    void an_object_schema_with_typed_properties_required_and_items_has_no_problems() {
        Map<String, Object> schema = Map.of("type", "object",
                "properties", Map.of(
                        "city", Map.of("type", "string"),
                        "days", Map.of("type", List.of("integer", "null")),
                        "tags", Map.of("type", "array", "items", Map.of("type", "string")),
                        "address", Map.of("type", "object", "properties", Map.of("zip", Map.of("type", "string")))),
                "required", List.of("city"));

        assertThat(problems(schema)).isEmpty();
    }

    @Test
    void a_schema_that_names_no_type_has_no_problems() {
        assertThat(problems(Map.of())).isEmpty();
        assertThat(problems(Map.of("description", "anything goes"))).isEmpty();
    }

    @Test
    void a_top_level_type_other_than_object_is_a_problem_since_arguments_are_named_values() {
        assertThat(problems(Map.of("type", "string"))).isNotEmpty();
        assertThat(problems(Map.of("type", "array", "items", Map.of("type", "string")))).isNotEmpty();
        assertThat(problems(Map.of("type", "integer"))).isNotEmpty();
    }

    @Test
    void a_type_that_is_no_json_schema_type_is_a_problem() {
        assertThat(problems(Map.of("type", "banana"))).isNotEmpty();
        assertThat(problems(Map.of("type", "object", "properties", Map.of("when", Map.of("type", "date")))))
                .isNotEmpty();
    }

    @Test
    void a_type_that_is_neither_a_name_nor_an_array_of_names_is_a_problem() {
        assertThat(problems(Map.of("type", 42))).isNotEmpty();
        assertThat(problems(Map.of("type", "object", "properties", Map.of("orderId", Map.of("type", 5)))))
                .isNotEmpty();
    }

    @Test
    void properties_that_are_not_an_object_are_a_problem() {
        assertThat(problems(Map.of("type", "object", "properties", List.of("city")))).isNotEmpty();
        assertThat(problems(Map.of("type", "object", "properties", Map.of("city", "string")))).isNotEmpty();
    }

    @Test
    void required_that_is_not_an_array_of_strings_is_a_problem() {
        assertThat(problems(Map.of("type", "object", "required", "orderId"))).isNotEmpty();
        assertThat(problems(Map.of("type", "object", "required", List.of("orderId", 1)))).isNotEmpty();
    }

    @Test
    void items_that_are_not_a_schema_are_a_problem() {
        assertThat(problems(Map.of("type", "object", "properties",
                Map.of("tags", Map.of("type", "array", "items", 5))))).isNotEmpty();
    }

    @Test
    void a_problem_deep_inside_names_where_it_is() {
        Map<String, Object> schema = Map.of("type", "object",
                "properties", Map.of("address", Map.of("type", "object",
                        "properties", Map.of("zip", Map.of("type", "postcode")))));

        assertThat(problems(schema)).isNotEmpty()
                .allSatisfy(p -> assertThat(p).contains("address").contains("zip"));
    }

    @Test
    void problems_in_different_places_are_all_reported_not_only_the_first() {
        Map<String, Object> schema = Map.of("type", "object", "properties", Map.of(
                "from", Map.of("type", "place"),
                "to", Map.of("type", "destination")));

        List<String> problems = problems(schema);

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("from"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("to"));
    }
}
