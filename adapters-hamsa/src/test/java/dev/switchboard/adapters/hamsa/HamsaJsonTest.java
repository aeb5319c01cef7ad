package dev.switchboard.adapters.hamsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.domain.model.AgentChanges;
import dev.switchboard.domain.model.AgentSettings;
import dev.switchboard.domain.model.PlatformAgent;
import dev.switchboard.domain.model.PlatformException;
import dev.switchboard.domain.model.PlatformFailure;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Both sources of HAMSA-API.md, read the same way. */
class HamsaJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AgentSettings SETTINGS = new AgentSettings("Support", "Hello!", "You help.", "en-US", "v1");

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void a_guide_envelope_and_flat_agent_are_read() throws Exception {
        JsonNode body = json("{'success': true, 'data': {'id': 'a1', 'name': 'Support', 'greeting': 'Hello!',"
                + " 'preamble': 'You help.', 'language': 'en-US', 'voiceId': 'v1'}}");

        PlatformAgent agent = HamsaJson.agent(HamsaJson.payload(body));

        assertThat(agent.id().value()).isEqualTo("a1");
        assertThat(agent.settings()).isEqualTo(SETTINGS);
    }

    @Test
    void a_docs_envelope_and_nested_agent_are_read_even_with_success_false() throws Exception {
        JsonNode body = json("{'success': false, 'message': 'success', 'messageKey': 'success', 'data': {'id': 'a2',"
                + " 'name': 'Support', 'type': 'outbound', 'conversation': {'greetingMessage': 'Hello!', 'preamble': 'You help.'},"
                + " 'voice': {'voiceId': 'v1', 'lang': 'en-US'}}}");

        assertThat(HamsaJson.agent(HamsaJson.payload(body)).settings()).isEqualTo(SETTINGS);
    }

    @Test
    void an_agent_without_an_id_or_with_missing_settings_is_a_bad_response() throws Exception {
        assertThatThrownBy(() -> HamsaJson.agent(json("{'name': 'x'}")))
                .isInstanceOfSatisfying(PlatformException.class,
                        e -> assertThat(e.failure()).isEqualTo(PlatformFailure.BAD_RESPONSE));
        assertThatThrownBy(() -> HamsaJson.agent(json("{'id': 'a3', 'name': 'x'}")))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.failure()).isEqualTo(PlatformFailure.BAD_RESPONSE);
                    assertThat(e.platformAnswered()).isFalse();
                });
    }

    @Test
    void list_pages_and_totals_are_read_from_either_shape() throws Exception {
        JsonNode page = json("{'total': 45, 'filtered': 45, 'voiceAgents': [{'id': 'x'}, {'id': 'y'}]}");

        assertThat(HamsaJson.agentPage(page)).hasSize(2);
        assertThat(HamsaJson.total(page)).contains(45L);
        assertThat(HamsaJson.agentPage(json("[{'id': 'x'}]"))).hasSize(1);
        assertThat(HamsaJson.total(json("[]"))).isEmpty();
        assertThatThrownBy(() -> HamsaJson.agentPage(json("{'agents': []}"))).isInstanceOf(PlatformException.class);
    }

    @Test
    void errors_are_read_from_the_guide_and_the_docs_shape() throws Exception {
        HamsaJson.HamsaError guide = HamsaJson.error(json("{'success': false, 'error': {'code': '10400',"
                + " 'message': 'Validation failed', 'details': {'voiceId': 'Unknown voice'}}}"));
        HamsaJson.HamsaError docs = HamsaJson.error(json("{'message': 'Not found', 'messageKey': 'not_found'}"));

        assertThat(guide).isEqualTo(new HamsaJson.HamsaError("10400", "Validation failed",
                java.util.Map.of("voiceId", "Unknown voice")));
        assertThat(docs.code()).isEqualTo("not_found");
        assertThat(docs.message()).isEqualTo("Not found");
        assertThat(HamsaJson.error(null).code()).isNull();
    }

    @Test
    void writes_carry_the_guide_fields_and_the_docs_fields_side_by_side() {
        JsonNode body = HamsaJson.agentBody(SETTINGS);

        assertThat(body.get("greeting").asText()).isEqualTo("Hello!");
        assertThat(body.at("/conversation/greetingMessage").asText()).isEqualTo("Hello!");
        assertThat(body.get("language").asText()).isEqualTo("en-US");
        assertThat(body.at("/voice/lang").asText()).isEqualTo("en-US");
    }

    @Test
    void a_change_body_holds_only_the_changed_fields() {
        JsonNode body = HamsaJson.changesBody(new AgentChanges(Optional.empty(), Optional.of("Hi"),
                Optional.empty(), Optional.empty(), Optional.empty()));

        assertThat(body.get("greeting").asText()).isEqualTo("Hi");
        assertThat(body.has("name")).isFalse();
        assertThat(body.has("voice")).isFalse();
        assertThat(body.at("/conversation/greetingMessage").asText()).isEqualTo("Hi");
    }
}
