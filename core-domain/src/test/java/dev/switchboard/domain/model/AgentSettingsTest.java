package dev.switchboard.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AgentSettingsTest {

    @Test
    void every_failing_field_is_reported_at_once() {
        assertThatThrownBy(() -> new AgentSettings("", null, "x".repeat(AgentSettings.PREAMBLE_MAX + 1), "EN", " "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field)
                        .containsExactlyInAnyOrder("name", "greeting", "preamble", "language", "voiceId"));
    }

    @Test
    void fields_at_their_maximum_length_are_accepted() {
        AgentSettings s = new AgentSettings("n".repeat(AgentSettings.NAME_MAX), "g".repeat(AgentSettings.GREETING_MAX),
                "p".repeat(AgentSettings.PREAMBLE_MAX), "zh-Hant-TW", "v".repeat(AgentSettings.VOICE_ID_MAX));

        assertThat(s.language()).isEqualTo("zh-Hant-TW");
    }

    @Test
    void language_tags_must_look_like_bcp47() {
        assertThat(new AgentSettings("a", "b", "c", "ar", "v").language()).isEqualTo("ar");
        assertThatThrownBy(() -> new AgentSettings("a", "b", "c", "english", "v"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void a_language_tag_longer_than_the_mirror_can_hold_is_refused() {
        String tooLong = "en-aaaaaaaa-bbbbbbbb-cccccccc-dddddddd";
        assertThat(tooLong).matches(AgentSettings.LANGUAGE_PATTERN).hasSizeGreaterThan(AgentSettings.LANGUAGE_MAX);

        assertThatThrownBy(() -> new AgentSettings("a", "b", "c", tooLong, "v"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("language"));
    }

    @Test
    void changes_keep_the_fields_they_leave_out() {
        AgentSettings s = new AgentSettings("a", "b", "c", "en", "v");
        AgentChanges changes = new AgentChanges(Optional.of("A"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("V"));

        assertThat(s.with(changes)).isEqualTo(new AgentSettings("A", "b", "c", "en", "V"));
    }

    @Test
    void changes_relative_to_settings_drop_what_would_not_change() {
        AgentSettings s = new AgentSettings("a", "b", "c", "en", "v");
        AgentChanges changes = new AgentChanges(Optional.of("a"), Optional.of("B"), Optional.empty(),
                Optional.empty(), Optional.empty());

        AgentChanges real = changes.relativeTo(s);

        assertThat(real.name()).isEmpty();
        assertThat(real.greeting()).contains("B");
        assertThat(AgentChanges.none().relativeTo(s).isEmpty()).isTrue();
    }

    @Test
    void an_unparseable_agent_id_names_no_agent() {
        assertThatThrownBy(() -> VoiceAgentId.parse("nope")).isInstanceOf(VoiceAgentNotFoundException.class);
    }

    @Test
    void a_page_request_limit_outside_one_to_max_is_invalid() {
        assertThatThrownBy(() -> PageRequest.first(0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> PageRequest.first(PageRequest.MAX_LIMIT + 1)).isInstanceOf(InvalidInputException.class);
        assertThat(PageRequest.first(PageRequest.MAX_LIMIT).limit()).isEqualTo(PageRequest.MAX_LIMIT);
    }

    // --- knowledge items and tools (the platform's ids)

    private static List<String> ids(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
    }

    private static AgentSettings attached(List<String> knowledge, List<String> tools) {
        return new AgentSettings("a", "b", "c", "en", "v", knowledge, tools);
    }

    private static AgentChanges attachments(Optional<List<String>> knowledge, Optional<List<String>> tools) {
        return AgentChanges.none().withAttachments(knowledge, tools);
    }

    @Test
    void settings_made_the_old_way_have_no_knowledge_items_or_tools() {
        AgentSettings s = new AgentSettings("a", "b", "c", "en", "v");

        assertThat(s.knowledgeBaseItemIds()).isEmpty();
        assertThat(s.toolIds()).isEmpty();
        assertThat(s).isEqualTo(attached(List.of(), List.of()));
    }

    @Test
    void missing_lists_are_taken_as_empty() {
        AgentSettings s = attached(null, null);

        assertThat(s.knowledgeBaseItemIds()).isEmpty();
        assertThat(s.toolIds()).isEmpty();
    }

    @Test
    void repeated_ids_are_dropped_and_the_first_order_is_kept() {
        AgentSettings s = attached(List.of("kb-2", "kb-1", "kb-2", "kb-3", "kb-1"), List.of("t-b", "t-a", "t-b"));

        assertThat(s.knowledgeBaseItemIds()).containsExactly("kb-2", "kb-1", "kb-3");
        assertThat(s.toolIds()).containsExactly("t-b", "t-a");
    }

    @Test
    void the_lists_are_copies_the_caller_cannot_change_afterwards() {
        List<String> knowledge = new ArrayList<>(List.of("kb-1"));
        AgentSettings s = attached(knowledge, List.of());

        knowledge.add("kb-2");

        assertThat(s.knowledgeBaseItemIds()).containsExactly("kb-1");
        assertThatThrownBy(() -> s.toolIds().add("t-1")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void fifty_knowledge_items_and_fifty_tools_are_accepted() {
        AgentSettings s = attached(ids("kb-", AgentSettings.ATTACHMENTS_MAX), ids("t-", AgentSettings.ATTACHMENTS_MAX));

        assertThat(AgentSettings.ATTACHMENTS_MAX).isEqualTo(50);
        assertThat(s.knowledgeBaseItemIds()).hasSize(50);
        assertThat(s.toolIds()).hasSize(50);
    }

    @Test
    void more_than_fifty_knowledge_items_are_refused_on_knowledge_item_ids() {
        assertThatThrownBy(() -> attached(ids("kb-", AgentSettings.ATTACHMENTS_MAX + 1), List.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("knowledgeItemIds"));
    }

    @Test
    void more_than_fifty_tools_are_refused_on_tool_ids() {
        assertThatThrownBy(() -> attached(List.of(), ids("t-", AgentSettings.ATTACHMENTS_MAX + 1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("toolIds"));
    }

    @Test
    void repeats_do_not_count_towards_the_limit() {
        List<String> fiftyAndARepeat = new ArrayList<>(ids("kb-", AgentSettings.ATTACHMENTS_MAX));
        fiftyAndARepeat.add("kb-0");

        assertThat(attached(fiftyAndARepeat, List.of()).knowledgeBaseItemIds()).hasSize(AgentSettings.ATTACHMENTS_MAX);
    }

    @Test
    void too_many_attachments_are_reported_with_every_other_failing_field() {
        assertThatThrownBy(() -> new AgentSettings("", "b", "c", "EN", "v", ids("kb-", 51), ids("t-", 51)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field)
                        .containsExactlyInAnyOrder("knowledgeItemIds", "toolIds", "name", "language"));
    }

    @Test
    void changes_replace_the_lists_they_name_and_keep_the_others() {
        AgentSettings s = attached(List.of("kb-1"), List.of("t-1"));

        assertThat(s.with(attachments(Optional.of(List.of("kb-2", "kb-3")), Optional.empty())))
                .isEqualTo(attached(List.of("kb-2", "kb-3"), List.of("t-1")));
        assertThat(s.with(attachments(Optional.empty(), Optional.of(List.of("t-2")))))
                .isEqualTo(attached(List.of("kb-1"), List.of("t-2")));
    }

    @Test
    void an_empty_list_in_the_changes_detaches_them_all() {
        AgentSettings s = attached(List.of("kb-1"), List.of("t-1"));

        AgentSettings next = s.with(attachments(Optional.of(List.of()), Optional.of(List.of())));

        assertThat(next.knowledgeBaseItemIds()).isEmpty();
        assertThat(next.toolIds()).isEmpty();
    }

    @Test
    void changes_of_the_own_settings_only_keep_both_lists() {
        AgentSettings s = attached(List.of("kb-1"), List.of("t-1"));
        AgentChanges rename = new AgentChanges(Optional.of("A"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());

        assertThat(rename.knowledgeBaseItemIds()).isEmpty();
        assertThat(rename.toolIds()).isEmpty();
        assertThat(s.with(rename)).isEqualTo(new AgentSettings("A", "b", "c", "en", "v", List.of("kb-1"), List.of("t-1")));
    }

    @Test
    void merging_too_many_attachments_is_refused_on_their_field() {
        AgentSettings s = attached(List.of(), List.of());

        assertThatThrownBy(() -> s.with(attachments(Optional.empty(), Optional.of(ids("t-", 51)))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("toolIds"));
    }

    @Test
    void with_attachments_keeps_the_other_changes_and_replaces_both_lists() {
        AgentChanges changes = new AgentChanges(Optional.of("A"), Optional.of("B"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(List.of("kb-old")), Optional.of(List.of("t-old")));

        AgentChanges next = changes.withAttachments(Optional.of(List.of("kb-1")), Optional.empty());

        assertThat(next.name()).contains("A");
        assertThat(next.greeting()).contains("B");
        assertThat(next.knowledgeBaseItemIds()).contains(List.of("kb-1"));
        assertThat(next.toolIds()).isEmpty();
    }

    @Test
    void null_lists_in_changes_mean_leave_as_they_are() {
        AgentChanges changes = new AgentChanges(null, null, null, null, null, null, null);

        assertThat(changes.knowledgeBaseItemIds()).isEmpty();
        assertThat(changes.toolIds()).isEmpty();
        assertThat(changes.isEmpty()).isTrue();
    }

    @Test
    void changes_naming_a_list_are_not_empty_even_an_empty_list() {
        assertThat(attachments(Optional.of(List.of()), Optional.empty()).isEmpty()).isFalse();
        assertThat(attachments(Optional.empty(), Optional.of(List.of("t-1"))).isEmpty()).isFalse();
        assertThat(attachments(Optional.empty(), Optional.empty()).isEmpty()).isTrue();
    }

    @Test
    void changes_relative_to_settings_drop_lists_that_would_not_change() {
        AgentSettings s = attached(List.of("kb-1", "kb-2"), List.of("t-1"));

        AgentChanges same = attachments(Optional.of(List.of("kb-1", "kb-2")), Optional.of(List.of("t-1"))).relativeTo(s);
        AgentChanges other = attachments(Optional.of(List.of("kb-2", "kb-1")), Optional.of(List.of())).relativeTo(s);

        assertThat(same.isEmpty()).isTrue();
        assertThat(other.knowledgeBaseItemIds()).as("another order is a change").contains(List.of("kb-2", "kb-1"));
        assertThat(other.toolIds()).contains(List.of());
    }

    @Test
    void lists_in_changes_are_copies() {
        List<String> tools = new ArrayList<>(List.of("t-1"));
        AgentChanges changes = attachments(Optional.empty(), Optional.of(tools));

        tools.add("t-2");

        assertThat(changes.toolIds()).contains(List.of("t-1"));
    }
}
