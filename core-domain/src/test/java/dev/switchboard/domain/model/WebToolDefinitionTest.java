package dev.switchboard.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebToolDefinitionTest {

    private static final String URL = "https://api.example.com/orders";
    private static final Map<String, Object> SCHEMA = Map.of("type", "object",
            "properties", Map.of("order", Map.of("type", "string")));

    private static WebToolDefinition function(String name, int timeout, Map<String, String> headers,
                                              Map<String, String> pathParameters) {
        return new WebToolDefinition(WebToolKind.FUNCTION, name, "Looks up an order", URL, ToolHttpMethod.GET, timeout,
                headers, pathParameters, SCHEMA);
    }

    private static WebToolDefinition valid() {
        return function("lookup_order", 10, Map.of("X-Api-Version", "2"), Map.of("region", "eu"));
    }

    private static void assertViolations(ThrowingCallable call, String... fields) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly(fields));
    }

    private static FieldViolation onlyViolation(ThrowingCallable call) {
        InvalidInputException e = (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(e).isNotNull();
        assertThat(e.violations()).hasSize(1);
        return e.violations().get(0);
    }

    private static Map<String, String> entries(int count) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            map.put("p" + i, "v" + i);
        }
        return map;
    }

    private static WebToolChanges changes(Optional<WebToolKind> kind, Optional<String> name,
                                          Optional<ToolHttpMethod> method, Optional<Map<String, String>> headers) {
        return new WebToolChanges(kind, name, Optional.empty(), Optional.empty(), method, Optional.empty(), headers,
                Optional.empty(), Optional.empty(), SecretChange.keep());
    }

    @Test
    void a_complete_function_is_taken_as_given() {
        WebToolDefinition d = valid();

        assertThat(d.kind()).isEqualTo(WebToolKind.FUNCTION);
        assertThat(d.method()).isEqualTo(ToolHttpMethod.GET);
        assertThat(d.headers()).containsEntry("X-Api-Version", "2");
        assertThat(d.pathParameters()).containsEntry("region", "eu");
        assertThat(d.params()).isEqualTo(SCHEMA);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "lookup_order", "Lookup-Order-2", "_x_", "0"})
    void a_name_of_letters_digits_underscores_and_dashes_is_taken(String name) {
        assertThat(function(name, 10, null, null).name()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "dot.name", "slash/name", "ünïcode", "semi;colon"})
    void a_name_with_other_characters_is_refused(String name) {
        assertViolations(() -> function(name, 10, null, null), "name");
    }

    @Test
    void a_name_of_64_characters_is_taken_and_65_refused() {
        assertThat(function("n".repeat(64), 10, null, null).name()).hasSize(64);
        assertViolations(() -> function("n".repeat(65), 10, null, null), "name");
    }

    @Test
    void a_blank_name_is_refused() {
        assertViolations(() -> function(" ", 10, null, null), "name");
        assertViolations(() -> function(null, 10, null, null), "name");
    }

    @Test
    void a_function_needs_a_description() {
        assertViolations(() -> new WebToolDefinition(WebToolKind.FUNCTION, "f", " ", URL, ToolHttpMethod.GET, 10,
                null, null, null), "description");
        assertViolations(() -> new WebToolDefinition(WebToolKind.FUNCTION, "f", null, URL, ToolHttpMethod.GET, 10,
                null, null, null), "description");
    }

    @Test
    void an_mcp_server_needs_no_description() {
        WebToolDefinition mcp = new WebToolDefinition(WebToolKind.MCP, "mcp", null, URL, null, 10, null, null, null);

        assertThat(mcp.description()).isNull();
        assertThat(mcp.headers()).isEmpty();
        assertThat(mcp.pathParameters()).isEmpty();
        assertThat(mcp.params()).isEmpty();
    }

    @Test
    void a_description_of_1024_characters_is_taken_and_1025_refused() {
        assertThat(new WebToolDefinition(WebToolKind.FUNCTION, "f", "d".repeat(1_024), URL, ToolHttpMethod.GET, 10,
                null, null, null).description()).hasSize(1_024);
        assertViolations(() -> new WebToolDefinition(WebToolKind.MCP, "f", "d".repeat(1_025), URL, null, 10,
                null, null, null), "description");
    }

    @Test
    void an_mcp_server_is_spoken_to_with_post_when_no_method_is_given() {
        assertThat(new WebToolDefinition(WebToolKind.MCP, "mcp", null, URL, null, 10, null, null, null).method())
                .isEqualTo(ToolHttpMethod.POST);
        assertThat(new WebToolDefinition(WebToolKind.MCP, "mcp", null, URL, ToolHttpMethod.POST, 10, null, null, null)
                .method()).isEqualTo(ToolHttpMethod.POST);
    }

    @Test
    void an_mcp_server_with_get_is_refused() {
        FieldViolation v = onlyViolation(() -> new WebToolDefinition(WebToolKind.MCP, "mcp", null, URL,
                ToolHttpMethod.GET, 10, null, null, null));

        assertThat(v.field()).isEqualTo("toolSettings.methodType");
        assertThat(v.message()).contains("POST");
    }

    @Test
    void a_function_without_a_method_is_refused() {
        assertViolations(() -> new WebToolDefinition(WebToolKind.FUNCTION, "f", "d", URL, null, 10, null, null, null),
                "toolSettings.methodType");
    }

    @Test
    void no_kind_and_no_server_url_are_refused() {
        assertViolations(() -> new WebToolDefinition(null, "f", "d", URL, ToolHttpMethod.GET, 10, null, null, null),
                "type");
        assertViolations(() -> new WebToolDefinition(WebToolKind.FUNCTION, "f", "d", null, ToolHttpMethod.GET, 10,
                null, null, null), "toolSettings.serverUrl");
    }

    @Test
    void a_timeout_of_0_seconds_is_refused() {
        assertViolations(() -> function("f", 0, null, null), "toolSettings.timeOut");
    }

    @Test
    void timeouts_of_1_and_60_seconds_are_taken() {
        assertThat(function("f", 1, null, null).timeoutSeconds()).isEqualTo(1);
        assertThat(function("f", 60, null, null).timeoutSeconds()).isEqualTo(60);
    }

    @Test
    void a_timeout_of_61_seconds_is_refused() {
        assertViolations(() -> function("f", 61, null, null), "toolSettings.timeOut");
    }

    @Test
    void an_authorization_header_is_refused_pointing_at_the_secret_token_field() {
        FieldViolation v = onlyViolation(() -> function("f", 10, Map.of("Authorization", "Bearer abc"), null));

        assertThat(v.field()).isEqualTo("toolSettings.httpHeaders");
        assertThat(v.message()).contains("'Authorization' may not be set here")
                .contains("put the credential in toolSettings.authToken");
    }

    @ParameterizedTest
    @ValueSource(strings = {"authorization", "AUTHORIZATION", "Host", "Content-Length", "Transfer-Encoding",
            "Connection", "Cookie"})
    void a_header_http_itself_owns_is_refused_whatever_its_case(String header) {
        FieldViolation v = onlyViolation(() -> function("f", 10, Map.of(header, "x"), null));

        assertThat(v.field()).isEqualTo("toolSettings.httpHeaders");
        assertThat(v.message()).contains("'" + header + "' may not be set here");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\r\nX-Injected: 1", "line\nbreak", "carriage\rreturn", "nul\u0000byte"})
    void a_header_value_that_is_not_a_single_line_is_refused_naming_the_header(String value) {
        assertViolations(() -> function("f", 10, Map.of("X-Trace", value), null), "toolSettings.httpHeaders.X-Trace");
    }

    @Test
    void a_header_value_of_1024_characters_is_taken_and_1025_refused() {
        assertThat(function("f", 10, Map.of("X-Long", "v".repeat(1_024)), null).headers()).hasSize(1);
        assertViolations(() -> function("f", 10, Map.of("X-Long", "v".repeat(1_025)), null),
                "toolSettings.httpHeaders.X-Long");
    }

    @Test
    void a_header_name_that_is_no_http_token_is_refused() {
        assertViolations(() -> function("f", 10, Map.of("Bad Header", "x"), null), "toolSettings.httpHeaders");
        assertViolations(() -> function("f", 10, Map.of("X-Colon:", "x"), null), "toolSettings.httpHeaders");
    }

    @Test
    void a_null_header_value_is_refused() {
        Map<String, String> headers = new HashMap<>();
        headers.put("X-Empty", null);

        assertViolations(() -> function("f", 10, headers, null), "toolSettings.httpHeaders.X-Empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"region", "_id", "order_2", "A"})
    void a_path_parameter_named_like_an_identifier_is_taken(String name) {
        assertThat(function("f", 10, null, Map.of(name, "x")).pathParameters()).containsKey(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2nd", "with-dash", "with space", "dot.name", ""})
    void a_path_parameter_named_otherwise_is_refused(String name) {
        assertViolations(() -> function("f", 10, null, Map.of(name, "x")), "toolSettings.pathParameters");
    }

    @Test
    void twenty_headers_and_path_parameters_are_taken_and_twenty_one_refused() {
        assertThat(function("f", 10, entries(20), entries(20)).headers()).hasSize(20);
        assertViolations(() -> function("f", 10, entries(21), null), "toolSettings.httpHeaders");
        assertViolations(() -> function("f", 10, null, entries(21)), "toolSettings.pathParameters");
    }

    @Test
    void every_failing_field_is_named_at_once() {
        assertViolations(() -> new WebToolDefinition(WebToolKind.FUNCTION, "bad name", null, null, null, 0,
                Map.of("Authorization", "x"), Map.of("1x", "y"), null),
                "name", "description", "toolSettings.serverUrl", "toolSettings.methodType", "toolSettings.timeOut",
                "toolSettings.httpHeaders", "toolSettings.pathParameters");
    }

    @Test
    void the_maps_are_copies_that_keep_their_order_and_cannot_be_changed() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-B", "2");
        headers.put("X-A", "1");
        Map<String, Object> params = new HashMap<>(Map.of("type", "object"));

        WebToolDefinition d = new WebToolDefinition(WebToolKind.FUNCTION, "f", "d", URL, ToolHttpMethod.GET, 10,
                headers, null, params);
        headers.put("X-C", "3");
        params.put("required", List.of("x"));

        assertThat(d.headers()).containsExactly(Map.entry("X-B", "2"), Map.entry("X-A", "1"));
        assertThat(d.params()).containsOnlyKeys("type");
        assertThatThrownBy(() -> d.headers().put("X-D", "4")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> d.params().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void no_changes_leave_the_definition_as_it_was() {
        WebToolDefinition d = valid();

        assertThat(d.with(changes(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), null))
                .isEqualTo(d);
    }

    @Test
    void changes_replace_only_the_fields_they_give_and_maps_whole() {
        WebToolDefinition d = valid();
        String checked = ("https://api.example.com/v2/orders");

        WebToolDefinition next = d.with(changes(Optional.empty(), Optional.of("find_order"), Optional.of(ToolHttpMethod.POST),
                Optional.of(Map.of("X-Other", "1"))), checked);

        assertThat(next.name()).isEqualTo("find_order");
        assertThat(next.method()).isEqualTo(ToolHttpMethod.POST);
        assertThat(next.serverUrl()).isEqualTo(checked);
        assertThat(next.headers()).containsExactly(Map.entry("X-Other", "1"));
        assertThat(next.description()).isEqualTo(d.description());
        assertThat(next.pathParameters()).isEqualTo(d.pathParameters());
        assertThat(next.params()).isEqualTo(d.params());
        assertThat(next.timeoutSeconds()).isEqualTo(d.timeoutSeconds());
    }

    @Test
    void a_function_turned_into_an_mcp_server_without_a_method_is_spoken_to_with_post() {
        WebToolDefinition next = valid().with(changes(Optional.of(WebToolKind.MCP), Optional.empty(), Optional.empty(),
                Optional.empty()), null);

        assertThat(next.kind()).isEqualTo(WebToolKind.MCP);
        assertThat(next.method()).isEqualTo(ToolHttpMethod.POST);
    }

    @Test
    void a_function_turned_into_an_mcp_server_with_get_is_refused() {
        assertViolations(() -> valid().with(changes(Optional.of(WebToolKind.MCP), Optional.empty(),
                Optional.of(ToolHttpMethod.GET), Optional.empty()), null), "toolSettings.methodType");
    }

    @Test
    void changes_are_checked_as_a_new_definition_is() {
        assertViolations(() -> valid().with(changes(Optional.empty(), Optional.of("bad name"), Optional.empty(),
                Optional.of(Map.of("Cookie", "x"))), null), "name", "toolSettings.httpHeaders");
    }

    @Test
    void a_placeholder_in_the_scheme_or_host_is_refused_one_in_the_path_or_query_is_not() {
        for (String url : List.of("https://{host}.example.com/x", "{scheme}://example.com/", "https://example.com:{port}/",
                "https://{user}@example.com/")) {
            assertThatThrownBy(() -> new WebToolDefinition(WebToolKind.FUNCTION, "t", "d", url, ToolHttpMethod.GET, 10,
                    null, null, null)).as(url).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                    .extracting(FieldViolation::field).contains("toolSettings.serverUrl"));
        }
        new WebToolDefinition(WebToolKind.FUNCTION, "t", "d", "https://example.com/orders/{orderId}?region={region}",
                ToolHttpMethod.GET, 10, null, null, null);
    }

    @Test
    void a_nul_character_in_the_description_or_anywhere_in_the_schema_is_refused() {
        assertThatThrownBy(() -> new WebToolDefinition(WebToolKind.FUNCTION, "t", "d\u0000", "https://example.com/",
                ToolHttpMethod.GET, 10, null, null, null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new WebToolDefinition(WebToolKind.FUNCTION, "t", "d", "https://example.com/",
                ToolHttpMethod.GET, 10, null, null, java.util.Map.of("properties", java.util.Map.of("a\u0000", java.util.Map.of()))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("params"));
    }
}
