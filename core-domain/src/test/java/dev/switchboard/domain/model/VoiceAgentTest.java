package dev.switchboard.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VoiceAgentTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final KnowledgeItemId ITEM = KnowledgeItemId.newId();
    private static final WebToolId TOOL = WebToolId.newId();
    private static final AgentSettings SETTINGS = new AgentSettings("Support", "Hello!", "You help.", "en", "voice-1",
            List.of("h-kb"), List.of("h-tool"));
    private static final AgentAttachments ATTACHED = new AgentAttachments(List.of(ITEM), List.of(TOOL));

    private static VoiceAgent agent(AgentAttachments attachments) {
        return new VoiceAgent(VoiceAgentId.newId(), TeamId.newId(), new HamsaAgentId("h-1"), SETTINGS, null, T0, T0, 1,
                attachments);
    }

    @Test
    void an_agent_made_the_old_way_uses_no_knowledge_items_or_tools() {
        VoiceAgent agent = new VoiceAgent(VoiceAgentId.newId(), TeamId.newId(), new HamsaAgentId("h-1"), SETTINGS, null,
                T0, T0, 1);

        assertThat(agent.attachments()).isEqualTo(AgentAttachments.none());
        assertThat(agent(null).attachments()).isEqualTo(AgentAttachments.none());
    }

    @Test
    void a_created_agent_holds_the_attachments_it_was_created_with() {
        PlatformAgent onPlatform = new PlatformAgent(new HamsaAgentId("h-2"), SETTINGS);

        VoiceAgent agent = VoiceAgent.created(VoiceAgentId.newId(), TeamId.newId(), onPlatform, null, ATTACHED, T0);

        assertThat(agent.attachments()).isEqualTo(ATTACHED);
        assertThat(agent.settings()).isEqualTo(SETTINGS);
        assertThat(agent.version()).isEqualTo(1);
        assertThat(VoiceAgent.created(VoiceAgentId.newId(), TeamId.newId(), onPlatform, null, T0).attachments())
                .isEqualTo(AgentAttachments.none());
    }

    @Test
    void the_next_settings_with_attachments_replace_them_and_move_the_version() {
        VoiceAgent agent = agent(AgentAttachments.none());
        AgentAttachments next = new AgentAttachments(List.of(ITEM), List.of());

        VoiceAgent updated = agent.withSettings(SETTINGS, next, T0.plusSeconds(5));

        assertThat(updated.attachments()).isEqualTo(next);
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.updatedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(updated.createdAt()).isEqualTo(T0);
        assertThat(updated.id()).isEqualTo(agent.id());
    }

    @Test
    void the_next_settings_alone_keep_the_attachments() {
        VoiceAgent agent = agent(ATTACHED);

        VoiceAgent updated = agent.withSettings(new AgentSettings("Renamed", "Hello!", "You help.", "en", "voice-1"),
                T0.plusSeconds(1));

        assertThat(updated.attachments()).isEqualTo(ATTACHED);
        assertThat(updated.version()).isEqualTo(2);
    }

    @Test
    void an_update_dated_before_creation_is_dated_at_creation() {
        VoiceAgent updated = agent(ATTACHED).withSettings(SETTINGS, AgentAttachments.none(), T0.minusSeconds(60));

        assertThat(updated.updatedAt()).isEqualTo(T0);
    }

    @Test
    void attachments_are_copies_and_missing_lists_are_empty() {
        List<KnowledgeItemId> items = new ArrayList<>(List.of(ITEM));
        AgentAttachments attachments = new AgentAttachments(items, null);

        items.add(KnowledgeItemId.newId());

        assertThat(attachments.knowledgeItems()).containsExactly(ITEM);
        assertThat(attachments.tools()).isEmpty();
        assertThatThrownBy(() -> attachments.tools().add(TOOL)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void attachments_say_whether_they_use_a_knowledge_item() {
        assertThat(ATTACHED.uses(ITEM)).isTrue();
        assertThat(ATTACHED.uses(KnowledgeItemId.newId())).isFalse();
        assertThat(AgentAttachments.none().uses(ITEM)).isFalse();
    }

    @Test
    void attachment_changes_leave_out_what_is_missing_and_copy_what_is_given() {
        List<String> ids = new ArrayList<>(List.of("x"));
        AttachmentChanges changes = new AttachmentChanges(java.util.Optional.of(ids), null);

        ids.add("y");

        assertThat(changes.knowledgeItemIds()).contains(List.of("x"));
        assertThat(changes.toolIds()).isEmpty();
        assertThat(changes.isEmpty()).isFalse();
        assertThat(AttachmentChanges.none().isEmpty()).isTrue();
        assertThat(new AttachmentChanges(java.util.Optional.empty(), java.util.Optional.of(List.of())).isEmpty()).isFalse();
    }
}
