package dev.switchboard.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.domain.fake.AttachmentFixtures;
import dev.switchboard.domain.fake.FakeHostResolver;
import dev.switchboard.domain.fake.FakeKnowledgeBasePlatform;
import dev.switchboard.domain.fake.FakeVoiceAgentPlatform;
import dev.switchboard.domain.fake.InMemoryExternalIdLock;
import dev.switchboard.domain.fake.InMemoryKnowledgeItemRepository;
import dev.switchboard.domain.fake.InMemoryTeamRepository;
import dev.switchboard.domain.fake.InMemoryVoiceAgentRepository;
import dev.switchboard.domain.fake.InMemoryWebToolRepository;
import dev.switchboard.domain.fake.MutableClock;
import dev.switchboard.domain.model.AgentSettings;
import dev.switchboard.domain.model.AttachmentChanges;
import dev.switchboard.domain.model.KnowledgeItem;
import dev.switchboard.domain.model.KnowledgeLimits;
import dev.switchboard.domain.model.OutboundUrlPolicy;
import dev.switchboard.domain.model.Team;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.VoiceAgent;
import dev.switchboard.domain.port.in.CreateVoiceAgentCommand;
import dev.switchboard.domain.port.out.ExternalIdLock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Deleting a knowledge item and attaching it to an agent hold one lease, the item's, so they never run at once:
 * the deletion sees the agent using it, or the attachment finds no item.
 */
class KnowledgeItemLeaseTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    /** The keys held while work runs, in the order taken. */
    private static final class RecordingLock implements ExternalIdLock {
        final List<String> held = new ArrayList<>();
        private final ExternalIdLock delegate = new InMemoryExternalIdLock();

        @Override
        public <T> T holding(TeamId team, String key, Supplier<T> work) {
            held.add(key);
            return delegate.holding(team, key, work);
        }
    }

    private final TeamId team = TeamId.newId();
    private final MutableClock clock = new MutableClock(T0);
    private final RecordingLock locks = new RecordingLock();
    private final InMemoryKnowledgeItemRepository items = new InMemoryKnowledgeItemRepository();
    private final InMemoryVoiceAgentRepository agents = new InMemoryVoiceAgentRepository();
    private final InMemoryTeamRepository teams = new InMemoryTeamRepository();
    private final VoiceAgentService agentService = new VoiceAgentService(new FakeVoiceAgentPlatform(), agents, locks, clock,
            new AgentAttachmentResolver(items, new InMemoryWebToolRepository()));
    private final KnowledgeBaseService knowledge = new KnowledgeBaseService(new FakeKnowledgeBasePlatform(), items, teams,
            agents, locks, new OutboundUrlGuard(new FakeHostResolver(), OutboundUrlPolicy.strict()),
            new KnowledgeLimits(1 << 20, 1 << 20, 1 << 20), clock);

    KnowledgeItemLeaseTest() {
        teams.insert(new Team(team, "Ours", null, T0));
    }

    @Test
    void attaching_and_deleting_an_item_hold_the_same_lease() {
        KnowledgeItem item = AttachmentFixtures.storedItem(items, team, "kb-1");
        String lease = dev.switchboard.domain.model.KnowledgeItemId.leaseKey(item.id().toString());

        VoiceAgent agent = agentService.create(new CreateVoiceAgentCommand(team,
                new AgentSettings("Support", "Hi", "You help.", "en", "v1"), null,
                new AttachmentChanges(Optional.of(List.of(item.id().toString())), Optional.empty())));
        assertThat(locks.held).containsExactly(lease);

        locks.held.clear();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> knowledge.delete(team, item.id()))
                .isInstanceOf(dev.switchboard.domain.model.KnowledgeItemInUseException.class);
        assertThat(locks.held).containsExactly(lease);
        assertThat(agent.attachments().knowledgeItems()).containsExactly(item.id());
    }

    @Test
    void several_items_are_leased_in_one_order_whatever_order_they_are_named_in() {
        KnowledgeItem a = AttachmentFixtures.storedItem(items, team, "kb-a");
        KnowledgeItem b = AttachmentFixtures.storedItem(items, team, "kb-b");
        List<String> expected = java.util.stream.Stream.of(a, b).map(i -> dev.switchboard.domain.model.KnowledgeItemId.leaseKey(i.id().toString()))
                .sorted().toList();

        agentService.create(new CreateVoiceAgentCommand(team, new AgentSettings("One", "Hi", "You help.", "en", "v1"),
                null, new AttachmentChanges(Optional.of(List.of(b.id().toString(), a.id().toString())), Optional.empty())));

        assertThat(locks.held).containsExactlyElementsOf(expected);
    }
}
