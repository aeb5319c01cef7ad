package dev.switchboard.domain.service;

import static dev.switchboard.domain.fake.CallFixtures.HAMSA_CALL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.domain.fake.AttachmentFixtures;
import dev.switchboard.domain.fake.CallFixtures;
import dev.switchboard.domain.fake.InMemoryWebToolRepository;
import dev.switchboard.domain.model.Call;
import dev.switchboard.domain.model.CallFilter;
import dev.switchboard.domain.model.HamsaEvent;
import dev.switchboard.domain.model.InboxEntry;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.TimelineEntry;
import dev.switchboard.domain.model.WebTool;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A call's {@code tool.executed} entries, as read, name the team's web tool they ran. */
class CallServiceToolLinkTest {

    private final CallHarness h = new CallHarness();
    private final InMemoryWebToolRepository tools = new InMemoryWebToolRepository();
    private final CallService service = new CallService(h.agents, h.calls, h.cipher, h.clock, new SecureRandom(), tools);
    private final Call dispatched = h.placeAndDispatchAs(HAMSA_CALL);
    private int keys;

    /** Hamsa's events for the call, stored and applied as the worker applies them. */
    private Call applied(List<Map<String, Object>> toolPayloads) {
        Instant at = CallHarness.T0.plusSeconds(10);
        accept(HamsaEvent.CALL_STARTED, at, Map.of());
        for (Map<String, Object> payload : toolPayloads) {
            at = at.plusSeconds(1);
            accept(HamsaEvent.TOOL_EXECUTED, at, payload);
        }
        h.clock.advance(Duration.ofMinutes(1));
        h.events.applyPending(100);
        return h.stored(dispatched.id());
    }

    private void accept(String type, Instant at, Map<String, Object> payload) {
        h.inbox.accept(new InboxEntry("k" + keys++, dispatched.id(), CallFixtures.event(type, at, payload), null));
    }

    private static List<TimelineEntry> toolEntries(Call call) {
        return call.timeline().stream().filter(e -> e.event().equals(HamsaEvent.TOOL_EXECUTED)).toList();
    }

    @Test
    void a_tool_executed_entry_names_the_teams_web_tool_of_that_name() {
        WebTool lookup = AttachmentFixtures.storedTool(tools, h.team, "lookup_order");
        applied(List.of(Map.of("toolName", "lookup_order", "result", Map.of("found", true))));

        Call read = service.get(h.team, dispatched.id());

        assertThat(toolEntries(read)).singleElement().satisfies(e -> {
            assertThat(e.detail()).containsEntry("webToolId", lookup.id().toString());
            assertThat(e.detail()).containsEntry("toolName", "lookup_order");
            assertThat(e.detail()).containsEntry("result", Map.of("found", true));
        });
    }

    @Test
    void listed_calls_are_linked_too() {
        WebTool lookup = AttachmentFixtures.storedTool(tools, h.team, "lookup_order");
        applied(List.of(Map.of("toolName", "lookup_order")));

        List<Call> listed = service.list(h.team, CallFilter.none(), PageRequest.first(10)).items();

        assertThat(listed).singleElement().satisfies(call -> assertThat(toolEntries(call)).singleElement()
                .satisfies(e -> assertThat(e.detail()).containsEntry("webToolId", lookup.id().toString())));
    }

    @Test
    void another_teams_tool_of_that_name_is_not_named() {
        AttachmentFixtures.storedTool(tools, TeamId.newId(), "lookup_order");
        applied(List.of(Map.of("toolName", "lookup_order")));

        assertThat(toolEntries(service.get(h.team, dispatched.id()))).singleElement()
                .satisfies(e -> assertThat(e.detail()).doesNotContainKey("webToolId"));
    }

    @Test
    void entries_without_a_tool_name_or_naming_no_tool_are_left_as_they_are() {
        WebTool lookup = AttachmentFixtures.storedTool(tools, h.team, "lookup_order");
        Call stored = applied(List.of(Map.of("result", "ok"), Map.of("toolName", "unknown_tool"),
                Map.of("toolName", "lookup_order")));

        Call read = service.get(h.team, dispatched.id());

        List<TimelineEntry> entries = toolEntries(read);
        assertThat(entries).hasSize(3);
        assertThat(entries.get(0)).isEqualTo(toolEntries(stored).get(0));
        assertThat(entries.get(1)).isEqualTo(toolEntries(stored).get(1));
        assertThat(entries.get(2).detail()).containsEntry("webToolId", lookup.id().toString());
        assertThat(read.timeline()).extracting(TimelineEntry::event)
                .isEqualTo(stored.timeline().stream().map(TimelineEntry::event).toList());
    }

    @Test
    void two_entries_of_one_tool_both_name_it() {
        WebTool lookup = AttachmentFixtures.storedTool(tools, h.team, "lookup_order");
        applied(List.of(Map.of("toolName", "lookup_order"), Map.of("toolName", "lookup_order")));

        assertThat(toolEntries(service.get(h.team, dispatched.id())))
                .allSatisfy(e -> assertThat(e.detail()).containsEntry("webToolId", lookup.id().toString()))
                .hasSize(2);
    }

    @Test
    void the_link_is_a_view_the_stored_call_and_its_version_and_times_are_unchanged() {
        AttachmentFixtures.storedTool(tools, h.team, "lookup_order");
        Call stored = applied(List.of(Map.of("toolName", "lookup_order")));

        Call read = service.get(h.team, dispatched.id());

        assertThat(read.version()).isEqualTo(stored.version());
        assertThat(read.updatedAt()).isEqualTo(stored.updatedAt());
        assertThat(read.createdAt()).isEqualTo(stored.createdAt());
        assertThat(read.status()).isEqualTo(stored.status());
        assertThat(toolEntries(h.stored(dispatched.id()))).singleElement()
                .satisfies(e -> assertThat(e.detail()).doesNotContainKey("webToolId"));
    }

    @Test
    void a_tool_created_after_the_call_ran_is_still_found_when_the_call_is_read() {
        applied(List.of(Map.of("toolName", "late_tool")));
        assertThat(toolEntries(service.get(h.team, dispatched.id()))).singleElement()
                .satisfies(e -> assertThat(e.detail()).doesNotContainKey("webToolId"));

        WebTool late = AttachmentFixtures.storedTool(tools, h.team, "late_tool");

        assertThat(toolEntries(service.get(h.team, dispatched.id()))).singleElement()
                .satisfies(e -> assertThat(e.detail()).containsEntry("webToolId", late.id().toString()));
    }

    @Test
    void a_call_without_tool_entries_is_returned_as_stored() {
        AttachmentFixtures.storedTool(tools, h.team, "lookup_order");
        Call stored = applied(List.of());

        assertThat(service.get(h.team, dispatched.id())).isEqualTo(stored);
    }

    @Test
    void the_service_built_without_tools_leaves_entries_unlinked() {
        AttachmentFixtures.storedTool(tools, h.team, "lookup_order");
        Call stored = applied(List.of(Map.of("toolName", "lookup_order")));

        assertThat(h.callService.get(h.team, dispatched.id())).isEqualTo(stored);
    }
}
