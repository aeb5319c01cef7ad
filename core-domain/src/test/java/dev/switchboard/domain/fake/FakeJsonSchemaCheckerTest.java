package dev.switchboard.domain.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.domain.port.out.JsonSchemaChecker;
import dev.switchboard.domain.port.out.JsonSchemaCheckerContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FakeJsonSchemaCheckerTest extends JsonSchemaCheckerContract {

    private final FakeJsonSchemaChecker checker = new FakeJsonSchemaChecker();

    @Override
    protected JsonSchemaChecker checker() {
        return checker;
    }

    @Test
    void a_top_level_string_type_is_one_problem_at_the_type() {
        assertThat(checker.problems(Map.of("type", "string"))).singleElement().asString()
                .startsWith("/type: ").contains("object");
    }

    @Test
    void a_valid_schema_has_no_problems() {
        Map<String, Object> schema = Map.of("type", "object",
                "properties", Map.of(
                        "city", Map.of("type", "string"),
                        "days", Map.of("type", List.of("integer", "null")),
                        "tags", Map.of("type", "array", "items", Map.of("type", "string"))),
                "required", List.of("city"));

        assertThat(checker.problems(schema)).isEmpty();
    }

    @Test
    void a_schema_without_the_checked_keywords_has_no_problems() {
        assertThat(checker.problems(Map.of("description", "anything goes"))).isEmpty();
    }

    @Test
    void a_type_that_is_no_json_schema_type_is_a_problem() {
        assertThat(checker.problems(Map.of("type", "text"))).singleElement().asString().contains("/type");
        assertThat(checker.problems(Map.of("type", List.of("string", "date")))).hasSize(1);
    }

    @Test
    void a_type_that_is_neither_a_string_nor_an_array_is_a_problem() {
        assertThat(checker.problems(Map.of("type", 42))).singleElement().asString().contains("/type");
        assertThat(checker.problems(Map.of("type", Map.of("name", "object")))).hasSize(1);
    }

    @Test
    void properties_that_are_not_an_object_are_a_problem() {
        assertThat(checker.problems(Map.of("type", "object", "properties", List.of("city"))))
                .singleElement().asString().contains("/properties");
    }

    @Test
    void required_that_is_not_an_array_of_strings_is_a_problem() {
        assertThat(checker.problems(Map.of("required", "city"))).singleElement().asString().contains("/required");
        assertThat(checker.problems(Map.of("required", List.of("city", 1)))).hasSize(1);
    }

    @Test
    void a_problem_deep_inside_is_found_and_named_by_where_it_is() {
        Map<String, Object> schema = Map.of("type", "object",
                "properties", Map.of("address", Map.of("type", "object",
                        "properties", Map.of("zip", Map.of("type", "postcode")))));

        assertThat(checker.problems(schema)).containsExactly(
                "/properties/address/properties/zip/type: 'postcode' is not a JSON Schema type");
    }

    @Test
    void every_problem_is_reported_not_only_the_first() {
        assertThat(checker.problems(Map.of("type", "thing", "properties", "none", "required", 3))).hasSize(3);
    }
}
