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
import java.util.List;
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

    // --- knowledge items and tools

    private static final String AGENT = "'id': 'a9', 'name': 'Support', 'greeting': 'Hello!', 'preamble': 'You help.',"
            + " 'language': 'en-US', 'voiceId': 'v1'";

    private static List<String> texts(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    @Test
    void an_agents_knowledge_items_and_tools_are_read_from_arrays_of_ids() throws Exception {
        PlatformAgent agent = HamsaJson.agent(json("{" + AGENT
                + ", 'knowledgeBaseItemsIds': ['kb-1', 'kb-2'], 'tools': ['t-1']}"));

        assertThat(agent.settings().knowledgeBaseItemIds()).containsExactly("kb-1", "kb-2");
        assertThat(agent.settings().toolIds()).containsExactly("t-1");
    }

    @Test
    void an_agents_knowledge_items_and_tools_are_read_from_arrays_of_objects_with_id_or_underscore_id() throws Exception {
        PlatformAgent agent = HamsaJson.agent(json("{" + AGENT
                + ", 'knowledgeBaseItemsIds': [{'id': 'kb-1'}, {'_id': 'kb-2'}],"
                + " 'tools': [{'_id': 't-1', 'name': 'lookup'}, {'id': 't-2'}, 't-3']}"));

        assertThat(agent.settings().knowledgeBaseItemIds()).containsExactly("kb-1", "kb-2");
        assertThat(agent.settings().toolIds()).containsExactly("t-1", "t-2", "t-3");
    }

    @Test
    void missing_or_null_lists_are_read_as_none() throws Exception {
        PlatformAgent missing = HamsaJson.agent(json("{" + AGENT + "}"));
        PlatformAgent nulls = HamsaJson.agent(json("{" + AGENT + ", 'knowledgeBaseItemsIds': null, 'tools': null}"));

        assertThat(missing.settings()).isEqualTo(SETTINGS);
        assertThat(nulls.settings().knowledgeBaseItemIds()).isEmpty();
        assertThat(nulls.settings().toolIds()).isEmpty();
    }

    @Test
    void elements_without_an_id_are_skipped_and_repeats_read_once() throws Exception {
        PlatformAgent agent = HamsaJson.agent(json("{" + AGENT
                + ", 'knowledgeBaseItemsIds': ['kb-1', '', {'name': 'no id'}, null, 'kb-1'], 'tools': [{'id': ' '}]}"));

        assertThat(agent.settings().knowledgeBaseItemIds()).containsExactly("kb-1");
        assertThat(agent.settings().toolIds()).isEmpty();
    }

    @Test
    void an_agent_with_more_than_fifty_tools_is_a_bad_response() {
        String tools = String.join(", ", java.util.stream.IntStream.range(0, 51).mapToObj(i -> "'t-" + i + "'").toList());

        assertThatThrownBy(() -> HamsaJson.agent(json("{" + AGENT + ", 'tools': [" + tools + "]}")))
                .isInstanceOfSatisfying(PlatformException.class,
                        e -> assertThat(e.failure()).isEqualTo(PlatformFailure.BAD_RESPONSE));
    }

    @Test
    void a_create_body_always_carries_both_arrays() {
        JsonNode bare = HamsaJson.agentBody(SETTINGS);
        JsonNode attached = HamsaJson.agentBody(new AgentSettings("Support", "Hello!", "You help.", "en-US", "v1",
                List.of("kb-2", "kb-1"), List.of("t-1")));

        assertThat(bare.get("knowledgeBaseItemsIds").isArray()).isTrue();
        assertThat(bare.get("knowledgeBaseItemsIds")).isEmpty();
        assertThat(bare.get("tools").isArray()).isTrue();
        assertThat(bare.get("tools")).isEmpty();
        assertThat(texts(attached.get("knowledgeBaseItemsIds"))).containsExactly("kb-2", "kb-1");
        assertThat(texts(attached.get("tools"))).containsExactly("t-1");
    }

    @Test
    void a_change_body_carries_only_the_lists_that_change() {
        JsonNode knowledgeOnly = HamsaJson.changesBody(AgentChanges.none()
                .withAttachments(Optional.of(List.of("kb-1")), Optional.empty()));
        JsonNode settingsOnly = HamsaJson.changesBody(new AgentChanges(Optional.of("New"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()));

        assertThat(texts(knowledgeOnly.get("knowledgeBaseItemsIds"))).containsExactly("kb-1");
        assertThat(knowledgeOnly.has("tools")).isFalse();
        assertThat(knowledgeOnly.has("name")).isFalse();
        assertThat(settingsOnly.has("knowledgeBaseItemsIds")).isFalse();
        assertThat(settingsOnly.has("tools")).isFalse();
    }

    @Test
    void an_empty_list_in_the_changes_is_sent_as_an_empty_array_detaching_all() {
        JsonNode body = HamsaJson.changesBody(AgentChanges.none()
                .withAttachments(Optional.empty(), Optional.of(List.of())));

        assertThat(body.get("tools").isArray()).isTrue();
        assertThat(body.get("tools")).isEmpty();
        assertThat(body.has("knowledgeBaseItemsIds")).isFalse();
    }

    @Test
    void what_is_written_reads_back_as_the_same_settings() throws Exception {
        AgentSettings attached = new AgentSettings("Support", "Hello!", "You help.", "en-US", "v1",
                List.of("kb-1"), List.of("t-1", "t-2"));
        com.fasterxml.jackson.databind.node.ObjectNode body = HamsaJson.agentBody(attached);
        body.put("id", "a10");

        assertThat(HamsaJson.agent(body).settings()).isEqualTo(attached);
    }
}
