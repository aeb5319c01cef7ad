package dev.switchboard.domain.service;

import static dev.switchboard.domain.fake.AttachmentFixtures.storedItem;
import static dev.switchboard.domain.fake.AttachmentFixtures.storedTool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.domain.fake.InMemoryKnowledgeItemRepository;
import dev.switchboard.domain.fake.InMemoryWebToolRepository;
import dev.switchboard.domain.model.AgentAttachments;
import dev.switchboard.domain.model.AgentSettings;
import dev.switchboard.domain.model.AttachmentChanges;
import dev.switchboard.domain.model.FieldViolation;
import dev.switchboard.domain.model.InvalidInputException;
import dev.switchboard.domain.model.KnowledgeItem;
import dev.switchboard.domain.model.KnowledgeItemId;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.WebTool;
import dev.switchboard.domain.model.WebToolId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class AgentAttachmentResolverTest {

    private final TeamId team = TeamId.newId();
    private final TeamId otherTeam = TeamId.newId();
    private final InMemoryKnowledgeItemRepository knowledge = new InMemoryKnowledgeItemRepository();
    private final InMemoryWebToolRepository tools = new InMemoryWebToolRepository();
    private final AgentAttachmentResolver resolver = new AgentAttachmentResolver(knowledge, tools);

    private static AttachmentChanges knowledgeOnly(String... ids) {
        return new AttachmentChanges(Optional.of(Arrays.asList(ids)), Optional.empty());
    }

    private static AttachmentChanges toolsOnly(String... ids) {
        return new AttachmentChanges(Optional.empty(), Optional.of(Arrays.asList(ids)));
    }

    private static List<FieldViolation> violations(ThrowingCallable call) {
        List<FieldViolation> found = new ArrayList<>();
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class,
                e -> found.addAll(e.violations()));
        return found;
    }

    @Test
    void named_items_and_tools_resolve_to_their_hamsa_ids_in_the_order_named() {
        KnowledgeItem a = storedItem(knowledge, team, "h-kb-a");
        KnowledgeItem b = storedItem(knowledge, team, "h-kb-b");
        WebTool t = storedTool(tools, team, "lookup_order");

        AgentAttachmentResolver.Resolved resolved = resolver.resolve(team, new AttachmentChanges(
                Optional.of(List.of(b.id().toString(), a.id().toString())), Optional.of(List.of(t.id().toString()))));

        assertThat(resolved.knowledgeItems()).contains(List.of(b.id(), a.id()));
        assertThat(resolved.knowledgeHamsaIds()).contains(List.of("h-kb-b", "h-kb-a"));
        assertThat(resolved.tools()).contains(List.of(t.id()));
        assertThat(resolved.toolHamsaIds()).contains(List.of(t.hamsaToolId()));
    }

    @Test
    void lists_not_named_stay_unnamed_on_both_sides() {
        KnowledgeItem a = storedItem(knowledge, team, "h-kb-a");

        AgentAttachmentResolver.Resolved none = resolver.resolve(team, AttachmentChanges.none());
        AgentAttachmentResolver.Resolved onlyKnowledge = resolver.resolve(team, knowledgeOnly(a.id().toString()));

        assertThat(none.knowledgeItems()).isEmpty();
        assertThat(none.knowledgeHamsaIds()).isEmpty();
        assertThat(none.tools()).isEmpty();
        assertThat(none.toolHamsaIds()).isEmpty();
        assertThat(onlyKnowledge.tools()).isEmpty();
        assertThat(onlyKnowledge.toolHamsaIds()).isEmpty();
    }

    @Test
    void an_empty_list_resolves_to_empty_lists_which_detach_all() {
        AgentAttachmentResolver.Resolved resolved = resolver.resolve(team,
                new AttachmentChanges(Optional.of(List.of()), Optional.of(List.of())));

        assertThat(resolved.knowledgeItems()).contains(List.of());
        assertThat(resolved.knowledgeHamsaIds()).contains(List.of());
        assertThat(resolved.tools()).contains(List.of());
        assertThat(resolved.toolHamsaIds()).contains(List.of());
    }

    @Test
    void repeated_ids_are_resolved_once_in_the_order_first_named() {
        KnowledgeItem a = storedItem(knowledge, team, "h-kb-a");
        KnowledgeItem b = storedItem(knowledge, team, "h-kb-b");

        AgentAttachmentResolver.Resolved resolved = resolver.resolve(team,
                knowledgeOnly(b.id().toString(), a.id().toString(), b.id().toString()));

        assertThat(resolved.knowledgeItems()).contains(List.of(b.id(), a.id()));
        assertThat(resolved.knowledgeHamsaIds()).contains(List.of("h-kb-b", "h-kb-a"));
    }

    @Test
    void one_id_written_in_two_cases_is_still_one_item() {
        KnowledgeItem a = storedItem(knowledge, team, "h-kb-a");

        AgentAttachmentResolver.Resolved resolved = resolver.resolve(team,
                knowledgeOnly(a.id().toString(), a.id().toString().toUpperCase()));

        assertThat(resolved.knowledgeItems()).contains(List.of(a.id()));
        assertThat(resolved.knowledgeHamsaIds()).contains(List.of("h-kb-a"));
    }

    @Test
    void an_unknown_knowledge_item_is_refused_naming_its_id() {
        String unknown = KnowledgeItemId.newId().toString();

        assertThat(violations(() -> resolver.resolve(team, knowledgeOnly(unknown)))).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("knowledgeItemIds");
            assertThat(v.message()).contains(unknown);
        });
    }

    @Test
    void an_unknown_tool_is_refused_naming_its_id() {
        String unknown = WebToolId.newId().toString();

        assertThat(violations(() -> resolver.resolve(team, toolsOnly(unknown)))).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("toolIds");
            assertThat(v.message()).contains(unknown);
        });
    }

    @Test
    void another_teams_item_and_tool_are_as_unknown_as_made_up_ones() {
        KnowledgeItem theirItem = storedItem(knowledge, otherTeam, "h-kb-theirs");
        WebTool theirTool = storedTool(tools, otherTeam, "their_tool");

        List<FieldViolation> found = violations(() -> resolver.resolve(team, new AttachmentChanges(
                Optional.of(List.of(theirItem.id().toString())), Optional.of(List.of(theirTool.id().toString())))));

        assertThat(found).extracting(FieldViolation::field).containsExactly("knowledgeItemIds", "toolIds");
        assertThat(found.get(0).message()).contains(theirItem.id().toString()).doesNotContain("h-kb-theirs");
        assertThat(found.get(1).message()).contains(theirTool.id().toString()).doesNotContain(theirTool.hamsaToolId());
        assertThat(resolver.resolve(otherTeam, knowledgeOnly(theirItem.id().toString())).knowledgeHamsaIds())
                .contains(List.of("h-kb-theirs"));
    }

    @Test
    void text_that_is_no_uuid_is_refused_as_unknown() {
        List<FieldViolation> found = violations(() -> resolver.resolve(team, new AttachmentChanges(
                Optional.of(List.of("not-a-uuid")), Optional.of(List.of("")))));

        assertThat(found).extracting(FieldViolation::field).containsExactly("knowledgeItemIds", "toolIds");
        assertThat(found.get(0).message()).contains("'not-a-uuid'");
    }

    @Test
    void a_null_id_is_refused_as_unknown() {
        assertThat(violations(() -> resolver.resolve(team, knowledgeOnly((String) null))))
                .extracting(FieldViolation::field).containsExactly("knowledgeItemIds");
    }

    @Test
    void an_item_not_yet_on_hamsa_is_refused_naming_it() {
        KnowledgeItem uploading = storedItem(knowledge, team, null);

        assertThat(violations(() -> resolver.resolve(team, knowledgeOnly(uploading.id().toString()))))
                .singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo("knowledgeItemIds");
                    assertThat(v.message()).contains(uploading.id().toString()).contains("hamsaItemId");
                });
    }

    @Test
    void every_bad_id_of_both_lists_is_reported_at_once() {
        KnowledgeItem good = storedItem(knowledge, team, "h-kb-good");
        KnowledgeItem uploading = storedItem(knowledge, team, null);
        String unknownItem = KnowledgeItemId.newId().toString();
        String unknownTool = WebToolId.newId().toString();
        WebTool goodTool = storedTool(tools, team, "good_tool");

        List<FieldViolation> found = violations(() -> resolver.resolve(team, new AttachmentChanges(
                Optional.of(List.of(good.id().toString(), unknownItem, uploading.id().toString(), "junk")),
                Optional.of(List.of(goodTool.id().toString(), unknownTool)))));

        assertThat(found).extracting(FieldViolation::field)
                .containsExactlyInAnyOrder("knowledgeItemIds", "knowledgeItemIds", "knowledgeItemIds", "toolIds");
        assertThat(found).extracting(FieldViolation::message).anySatisfy(m -> assertThat(m).contains(unknownItem))
                .anySatisfy(m -> assertThat(m).contains(uploading.id().toString()))
                .anySatisfy(m -> assertThat(m).contains("junk"))
                .anySatisfy(m -> assertThat(m).contains(unknownTool))
                .noneSatisfy(m -> assertThat(m).contains(good.id().toString()));
    }

    @Test
    void fifty_items_are_accepted_and_a_fifty_first_is_refused() {
        List<String> fifty = IntStream.range(0, AgentSettings.ATTACHMENTS_MAX)
                .mapToObj(i -> storedItem(knowledge, team, "h-kb-" + i).id().toString()).toList();
        List<String> fiftyOne = new ArrayList<>(fifty);
        fiftyOne.add(storedItem(knowledge, team, "h-kb-50").id().toString());

        assertThat(resolver.resolve(team, new AttachmentChanges(Optional.of(fifty), Optional.empty()))
                .knowledgeHamsaIds().orElseThrow()).hasSize(50);
        assertThat(violations(() -> resolver.resolve(team, new AttachmentChanges(Optional.of(fiftyOne), Optional.empty()))))
                .extracting(FieldViolation::field).containsExactly("knowledgeItemIds");
    }

    @Test
    void more_than_fifty_tools_are_refused_without_looking_them_up() {
        List<String> made_up = IntStream.range(0, AgentSettings.ATTACHMENTS_MAX + 1)
                .mapToObj(i -> WebToolId.newId().toString()).toList();

        assertThat(violations(() -> resolver.resolve(team, new AttachmentChanges(Optional.empty(), Optional.of(made_up)))))
                .singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo("toolIds");
                    assertThat(v.message()).contains("50");
                });
    }

    @Test
    void repeats_do_not_count_towards_the_fifty() {
        List<String> fifty = IntStream.range(0, AgentSettings.ATTACHMENTS_MAX)
                .mapToObj(i -> storedTool(tools, team, "tool_" + i).id().toString()).toList();
        List<String> withRepeats = new ArrayList<>(fifty);
        withRepeats.addAll(fifty);

        assertThat(resolver.resolve(team, new AttachmentChanges(Optional.empty(), Optional.of(withRepeats)))
                .tools().orElseThrow()).hasSize(50);
    }

    @Test
    void the_resolver_without_a_catalog_knows_no_id_but_takes_empty_lists() {
        AgentAttachmentResolver none = AgentAttachmentResolver.none();
        KnowledgeItem real = storedItem(knowledge, team, "h-kb-real");

        assertThat(none.resolve(team, AttachmentChanges.none()).knowledgeItems()).isEmpty();
        assertThat(none.resolve(team, new AttachmentChanges(Optional.of(List.of()), Optional.of(List.of())))
                .toolHamsaIds()).contains(List.of());
        assertThat(violations(() -> none.resolve(team, new AttachmentChanges(
                Optional.of(List.of(real.id().toString())), Optional.of(List.of(WebToolId.newId().toString()))))))
                .extracting(FieldViolation::field).containsExactly("knowledgeItemIds", "toolIds");
    }

    @Test
    void resolved_lists_replace_the_current_ones_and_unnamed_lists_keep_them() {
        KnowledgeItem a = storedItem(knowledge, team, "h-kb-a");
        WebTool kept = storedTool(tools, team, "kept");
        AgentAttachments current = new AgentAttachments(List.of(KnowledgeItemId.newId()), List.of(kept.id()));

        AgentAttachments next = resolver.resolve(team, knowledgeOnly(a.id().toString())).over(current);

        assertThat(next).isEqualTo(new AgentAttachments(List.of(a.id()), List.of(kept.id())));
        assertThat(resolver.resolve(team, AttachmentChanges.none()).over(current)).isEqualTo(current);
    }
}
