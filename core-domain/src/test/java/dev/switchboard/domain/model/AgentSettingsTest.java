package dev.switchboard.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
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
}
