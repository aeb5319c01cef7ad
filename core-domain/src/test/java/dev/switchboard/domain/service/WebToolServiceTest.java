package dev.switchboard.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.domain.fake.FakeHostResolver;
import dev.switchboard.domain.fake.FakeJsonSchemaChecker;
import dev.switchboard.domain.fake.FakeSecretCipher;
import dev.switchboard.domain.fake.FakeWebToolPlatform;
import dev.switchboard.domain.fake.InMemoryExternalIdLock;
import dev.switchboard.domain.fake.InMemoryWebToolRepository;
import dev.switchboard.domain.fake.MutableClock;
import dev.switchboard.domain.model.FieldViolation;
import dev.switchboard.domain.model.InvalidInputException;
import dev.switchboard.domain.model.OutboundUrlPolicy;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.PlatformException;
import dev.switchboard.domain.model.PlatformFailure;
import dev.switchboard.domain.model.SecretChange;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.ToolHttpMethod;
import dev.switchboard.domain.model.ToolTestResult;
import dev.switchboard.domain.model.UnreadableSecretException;
import dev.switchboard.domain.model.WebTool;
import dev.switchboard.domain.model.WebToolChanges;
import dev.switchboard.domain.model.WebToolDefinition;
import dev.switchboard.domain.model.WebToolId;
import dev.switchboard.domain.model.WebToolKind;
import dev.switchboard.domain.model.WebToolNameTakenException;
import dev.switchboard.domain.model.WebToolNotFoundException;
import dev.switchboard.domain.port.in.CreateWebToolCommand;
import dev.switchboard.domain.port.in.UpdateWebToolCommand;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebToolServiceTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final String TOKEN = "tok_live_5ecr3t";
    private static final String URL = "https://api.example.com/orders";
    private static final Map<String, Object> SCHEMA = Map.of("type", "object",
            "properties", Map.of("order", Map.of("type", "string")), "required", List.of("order"));

    private final TeamId team = TeamId.newId();
    private final TeamId otherTeam = TeamId.newId();
    private final FakeWebToolPlatform platform = new FakeWebToolPlatform();
    private final InMemoryWebToolRepository repository = new InMemoryWebToolRepository();
    private final FakeHostResolver dns = new FakeHostResolver()
            .with("api.example.com", "93.184.215.14")
            .with("intranet.example.com", "10.0.0.1")
            .with("metadata.example.com", "169.254.169.254");
    private final FakeSecretCipher cipher = new FakeSecretCipher();
    private final MutableClock clock = new MutableClock(T0);
    private final WebToolService service = new WebToolService(platform, repository,
            new OutboundUrlGuard(dns, OutboundUrlPolicy.strict()), new FakeJsonSchemaChecker(), cipher,
            new InMemoryExternalIdLock(), clock);

    private CreateWebToolCommand command(TeamId owner, String name, String url, Map<String, Object> params, String token) {
        return new CreateWebToolCommand(owner, WebToolKind.FUNCTION, name, "Looks up an order", url, ToolHttpMethod.GET,
                null, Map.of("X-Api-Version", "2"), Map.of(), params, token);
    }

    private WebTool create(String name, String token) {
        return service.create(command(team, name, URL, SCHEMA, token));
    }

    private static WebToolChanges changes() {
        return new WebToolChanges(null, null, null, null, null, null, null, null, null, null);
    }

    private static WebToolChanges name(String name) {
        return new WebToolChanges(null, Optional.of(name), null, null, null, null, null, null, null, null);
    }

    private static WebToolChanges serverUrl(String url) {
        return new WebToolChanges(null, null, null, Optional.of(url), null, null, null, null, null, null);
    }

    private static WebToolChanges token(SecretChange change) {
        return new WebToolChanges(null, null, null, null, null, null, null, null, null, change);
    }

    private WebTool update(WebTool tool, WebToolChanges changes) {
        return service.update(new UpdateWebToolCommand(team, tool.id(), changes));
    }

    private static void assertFields(ThrowingCallable call, String... fields) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly(fields));
    }

    // --- creating

    @Test
    void a_created_tool_holds_its_token_sealed_for_itself_and_hamsa_gets_the_plain_token() {
        WebTool tool = create("lookup_order", TOKEN);

        assertThat(tool.sealedAuthToken()).isNotEqualTo(TOKEN).doesNotContain(TOKEN);
        assertThat(cipher.open(tool.sealedAuthToken(), tool.authTokenContext())).isEqualTo(TOKEN);
        assertThat(cipher.open(repository.findById(team, tool.id()).orElseThrow().sealedAuthToken(),
                WebTool.authTokenContext(tool.id()))).isEqualTo(TOKEN);
        assertThatThrownBy(() -> cipher.open(tool.sealedAuthToken(), WebTool.authTokenContext(WebToolId.newId())))
                .isInstanceOf(UnreadableSecretException.class);
        assertThat(platform.tokenOf(tool.hamsaToolId())).isEqualTo(TOKEN);
        assertThat(tool.toString()).doesNotContain(TOKEN).doesNotContain(tool.sealedAuthToken());
    }

    @Test
    void a_created_tool_is_recorded_as_version_one_with_hamsas_id_and_the_default_timeout() {
        WebTool tool = create("lookup_order", null);

        assertThat(tool.hamsaToolId()).isNotBlank();
        assertThat(platform.getTool(tool.hamsaToolId()).definition()).isEqualTo(tool.definition());
        assertThat(tool.definition().timeoutSeconds()).isEqualTo(WebToolDefinition.DEFAULT_TIMEOUT);
        assertThat(tool.definition().serverUrl()).isEqualTo(URL);
        assertThat(tool.active()).isTrue();
        assertThat(tool.version()).isEqualTo(1);
        assertThat(tool.createdAt()).isEqualTo(T0);
        assertThat(tool.hasAuthToken()).isFalse();
        assertThat(platform.tokenOf(tool.hamsaToolId())).isNull();
        assertThat(repository.findById(team, tool.id())).contains(tool);
        assertThat(service.get(team, tool.id())).isEqualTo(tool);
    }

    @Test
    void an_empty_token_on_creation_is_no_token() {
        WebTool tool = create("lookup_order", "");

        assertThat(tool.hasAuthToken()).isFalse();
        assertThat(platform.tokenOf(tool.hamsaToolId())).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://intranet.example.com/hook", "https://metadata.example.com/latest/meta-data",
            "https://127.0.0.1/admin", "http://api.example.com/orders", "https://unresolvable.example.com/x"})
    void a_hostile_server_url_is_refused_before_hamsa_is_called(String url) {
        assertFields(() -> service.create(command(team, "lookup_order", url, SCHEMA, TOKEN)), "toolSettings.serverUrl");
        assertThat(platform.calls()).isEmpty();
        assertThat(repository.list(team, PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void an_invalid_parameter_schema_is_refused_naming_params_before_hamsa_is_called() {
        Map<String, Object> bad = Map.of("type", "object", "properties", Map.of("order", Map.of("type", "text")));

        assertThatThrownBy(() -> service.create(command(team, "lookup_order", URL, bad, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("params");
                    assertThat(e.violations().get(0).message()).contains("not a valid JSON Schema")
                            .contains("/properties/order/type");
                });
        assertThat(platform.calls()).isEmpty();
    }

    @Test
    void a_tool_without_parameters_needs_no_schema() {
        WebTool tool = service.create(command(team, "ping", URL, null, null));

        assertThat(tool.definition().params()).isEmpty();
    }

    @Test
    void an_invalid_definition_is_refused_before_hamsa_is_called() {
        assertFields(() -> service.create(new CreateWebToolCommand(team, WebToolKind.MCP, "mcp", null, URL,
                ToolHttpMethod.GET, 61, Map.of("Authorization", "Bearer x"), null, null, null)),
                "toolSettings.methodType", "toolSettings.timeOut", "toolSettings.httpHeaders");
        assertThat(platform.calls()).isEmpty();
    }

    @Test
    void a_name_the_team_already_uses_is_refused_naming_the_tool_that_has_it() {
        WebTool first = create("lookup_order", null);

        assertThatThrownBy(() -> create("lookup_order", TOKEN)).isInstanceOfSatisfying(WebToolNameTakenException.class,
                e -> assertThat(e.existing()).isEqualTo(first.id()));
        assertThat(platform.calls()).containsExactly("create");
        assertThat(repository.list(team, PageRequest.first(10)).items()).containsExactly(first);
    }

    @Test
    void the_same_name_in_another_team_is_fine() {
        WebTool ours = create("lookup_order", null);

        WebTool theirs = service.create(command(otherTeam, "lookup_order", URL, SCHEMA, null));

        assertThat(theirs.id()).isNotEqualTo(ours.id());
        assertThat(repository.findByName(otherTeam, "lookup_order")).contains(theirs);
    }

    @Test
    void a_hamsa_failure_on_creation_records_nothing() {
        platform.failNext(new PlatformException(PlatformFailure.VALIDATION, "10422", "refused"));

        assertThatThrownBy(() -> create("lookup_order", TOKEN)).isInstanceOf(PlatformException.class);
        assertThat(repository.list(team, PageRequest.first(10)).items()).isEmpty();
    }

    // --- updating

    @Test
    void an_update_merges_the_changes_into_the_definition_and_sends_it_whole() {
        WebTool tool = create("lookup_order", TOKEN);
        clock.advance(Duration.ofMinutes(2));

        WebTool updated = update(tool, new WebToolChanges(null, null, Optional.of("Finds an order"), null,
                Optional.of(ToolHttpMethod.POST), Optional.of(30), null, null, null, null));

        WebToolDefinition d = updated.definition();
        assertThat(d.description()).isEqualTo("Finds an order");
        assertThat(d.method()).isEqualTo(ToolHttpMethod.POST);
        assertThat(d.timeoutSeconds()).isEqualTo(30);
        assertThat(d.name()).isEqualTo("lookup_order");
        assertThat(d.headers()).isEqualTo(tool.definition().headers());
        assertThat(d.params()).isEqualTo(SCHEMA);
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.updatedAt()).isEqualTo(T0.plus(Duration.ofMinutes(2)));
        assertThat(updated.sealedAuthToken()).isEqualTo(tool.sealedAuthToken());
        assertThat(repository.findById(team, tool.id())).contains(updated);
        assertThat(platform.getTool(tool.hamsaToolId()).definition()).isEqualTo(d);
        assertThat(platform.tokenOf(tool.hamsaToolId())).isEqualTo(TOKEN);
    }

    @Test
    void an_update_that_changes_nothing_makes_no_hamsa_call() {
        WebTool tool = create("lookup_order", TOKEN);

        assertThat(update(tool, changes())).isEqualTo(tool);
        assertThat(update(tool, name("lookup_order"))).isEqualTo(tool);
        assertThat(platform.calls()).containsExactly("create");
    }

    @Test
    void a_new_server_url_is_checked_again_and_a_hostile_one_refused_before_hamsa_is_called() {
        WebTool tool = create("lookup_order", null);

        assertFields(() -> update(tool, serverUrl("https://intranet.example.com/x")), "toolSettings.serverUrl");
        assertFields(() -> update(tool, serverUrl("https://169.254.169.254/latest")), "toolSettings.serverUrl");
        assertThat(platform.calls()).containsExactly("create");
        assertThat(repository.findById(team, tool.id())).contains(tool);

        WebTool moved = update(tool, serverUrl("https://api.example.com/v2/orders"));
        assertThat(moved.definition().serverUrl()).isEqualTo("https://api.example.com/v2/orders");
    }

    @Test
    void a_new_schema_is_checked_again() {
        WebTool tool = create("lookup_order", null);

        assertFields(() -> update(tool, new WebToolChanges(null, null, null, null, null, null, null, null,
                Optional.of(Map.of("type", "object", "required", "order")), null)), "params");
        assertThat(platform.calls()).containsExactly("create");
    }

    @Test
    void an_update_that_keeps_the_token_keeps_it_sealed_as_it_was() {
        WebTool tool = create("lookup_order", TOKEN);

        WebTool updated = update(tool, new WebToolChanges(null, null, Optional.of("Other"), null, null, null, null,
                null, null, SecretChange.keep()));

        assertThat(updated.sealedAuthToken()).isEqualTo(tool.sealedAuthToken());
        assertThat(platform.tokenOf(tool.hamsaToolId())).isEqualTo(TOKEN);
    }

    @Test
    void a_new_token_is_sealed_for_the_tool_and_sent_to_hamsa() {
        WebTool tool = create("lookup_order", TOKEN);

        WebTool updated = update(tool, token(SecretChange.set("tok_rotated")));

        assertThat(updated.sealedAuthToken()).doesNotContain("tok_rotated");
        assertThat(cipher.open(updated.sealedAuthToken(), tool.authTokenContext())).isEqualTo("tok_rotated");
        assertThat(platform.tokenOf(tool.hamsaToolId())).isEqualTo("tok_rotated");
        assertThat(updated.version()).isEqualTo(2);
    }

    @Test
    void a_cleared_token_is_removed_here_and_on_hamsa() {
        WebTool tool = create("lookup_order", TOKEN);

        WebTool updated = update(tool, token(SecretChange.clear()));

        assertThat(updated.hasAuthToken()).isFalse();
        assertThat(platform.tokenOf(tool.hamsaToolId())).isNull();
        assertThat(repository.findById(team, tool.id()).orElseThrow().sealedAuthToken()).isNull();
    }

    @Test
    void a_tool_is_renamed_to_a_free_name() {
        WebTool tool = create("lookup_order", null);

        WebTool renamed = update(tool, name("find_order"));

        assertThat(renamed.definition().name()).isEqualTo("find_order");
        assertThat(repository.findByName(team, "find_order")).contains(renamed);
        assertThat(platform.getTool(tool.hamsaToolId()).definition().name()).isEqualTo("find_order");
    }

    @Test
    void renaming_onto_a_name_the_team_uses_is_refused_before_hamsa_is_called() {
        WebTool taken = create("taken", null);
        WebTool tool = create("lookup_order", null);

        assertThatThrownBy(() -> update(tool, name("taken"))).isInstanceOfSatisfying(WebToolNameTakenException.class,
                e -> assertThat(e.existing()).isEqualTo(taken.id()));
        assertThat(platform.calls()).containsExactly("create", "create");
        assertThat(repository.findById(team, tool.id())).contains(tool);
    }

    @Test
    void a_hamsa_failure_on_update_leaves_the_record_as_it_was() {
        WebTool tool = create("lookup_order", TOKEN);
        platform.failNext(new PlatformException(PlatformFailure.UNAVAILABLE, null, "down"));

        assertThatThrownBy(() -> update(tool, token(SecretChange.clear()))).isInstanceOf(PlatformException.class);
        assertThat(repository.findById(team, tool.id())).contains(tool);
        assertThat(platform.tokenOf(tool.hamsaToolId())).isEqualTo(TOKEN);
    }

    // --- testing

    @Test
    void a_test_hands_hamsa_the_opened_token_and_the_arguments_and_answers_what_it_said() {
        WebTool tool = create("lookup_order", TOKEN);
        ToolTestResult answer = new ToolTestResult(true, 200, 87, "{\"status\":\"shipped\"}", null);
        platform.answerTestsWith(answer);

        ToolTestResult result = service.test(team, tool.id(), Map.of("order", "A-1001"));

        assertThat(result).isEqualTo(answer);
        assertThat(platform.testCalls()).containsExactly(new FakeWebToolPlatform.TestCall(tool.hamsaToolId(),
                tool.definition(), TOKEN, Map.of("order", "A-1001")));
    }

    @Test
    void a_test_of_a_tool_without_token_or_arguments_sends_neither() {
        WebTool tool = create("lookup_order", null);

        service.test(team, tool.id(), null);

        assertThat(platform.testCalls()).singleElement().satisfies(call -> {
            assertThat(call.authToken()).isNull();
            assertThat(call.arguments()).isEmpty();
        });
    }

    @Test
    void a_test_checks_the_server_url_again_and_refuses_a_name_that_now_leads_inside() {
        WebTool tool = create("lookup_order", TOKEN);
        dns.with("api.example.com", "10.0.0.1");

        assertFields(() -> service.test(team, tool.id(), Map.of("order", "A-1")), "toolSettings.serverUrl");
        assertThat(platform.testCalls()).isEmpty();
        assertThat(platform.calls()).containsExactly("create");
    }

    // --- activity

    @Test
    void a_tool_is_deactivated_on_hamsa_and_in_the_record() {
        WebTool tool = create("lookup_order", null);

        WebTool off = service.setActive(team, tool.id(), false);

        assertThat(off.active()).isFalse();
        assertThat(off.version()).isEqualTo(2);
        assertThat(repository.findById(team, tool.id())).contains(off);
        assertThat(platform.getTool(tool.hamsaToolId()).active()).isFalse();
        assertThat(service.setActive(team, tool.id(), true).active()).isTrue();
    }

    @Test
    void setting_the_activity_it_already_has_makes_no_hamsa_call() {
        WebTool tool = create("lookup_order", null);

        assertThat(service.setActive(team, tool.id(), true)).isEqualTo(tool);
        assertThat(platform.calls()).containsExactly("create");
    }

    // --- other teams

    @Test
    void another_teams_tool_is_not_found_for_anything_and_hamsa_is_not_asked() {
        WebTool ours = create("lookup_order", TOKEN);
        WebToolId id = ours.id();

        assertThatThrownBy(() -> service.get(otherTeam, id)).isInstanceOf(WebToolNotFoundException.class);
        assertThatThrownBy(() -> service.update(new UpdateWebToolCommand(otherTeam, id, token(SecretChange.clear()))))
                .isInstanceOf(WebToolNotFoundException.class);
        assertThatThrownBy(() -> service.setActive(otherTeam, id, false)).isInstanceOf(WebToolNotFoundException.class);
        assertThatThrownBy(() -> service.test(otherTeam, id, Map.of())).isInstanceOf(WebToolNotFoundException.class);
        assertThat(service.list(otherTeam, PageRequest.first(10)).items()).isEmpty();
        assertThat(platform.calls()).containsExactly("create");
        assertThat(repository.findById(team, id)).contains(ours);
    }

    @Test
    void the_teams_tools_are_listed_oldest_first_from_the_record() {
        WebTool a = create("a", null);
        clock.advance(Duration.ofSeconds(1));
        WebTool b = create("b", null);

        assertThat(service.list(team, PageRequest.first(10)).items()).containsExactly(a, b);
        assertThat(platform.calls()).containsExactly("create", "create");
    }
}
