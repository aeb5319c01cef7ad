package dev.switchboard.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.domain.model.KnowledgeContent;
import dev.switchboard.domain.model.PlatformException;
import dev.switchboard.domain.model.PlatformFailure;
import dev.switchboard.domain.model.PlatformKnowledgeItem;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * What every {@link KnowledgeBasePlatform} must do. Extended by the in-memory fake and by the Hamsa adapter's
 * test against the simulator. Nothing here assumes the platform processes an item at once: an answer's status
 * may be any, PENDING included.
 */
public abstract class KnowledgeBasePlatformContract {

    protected abstract KnowledgeBasePlatform platform();

    protected static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    protected static KnowledgeContent.Text text(String words) {
        return new KnowledgeContent.Text(("Opening hours and refund policy: " + words + " ").repeat(3));
    }

    private static void assertNotFound(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(PlatformException.class,
                e -> assertThat(e.failure()).isEqualTo(PlatformFailure.NOT_FOUND));
    }

    @Test
    void a_text_item_is_created_with_an_id_and_a_status() {
        PlatformKnowledgeItem created = platform().createItem("Text " + run(), text("weekdays nine to five"), null);

        assertThat(created.id()).isNotBlank();
        assertThat(created.status()).isNotNull();
    }

    @Test
    void a_url_item_is_created_with_an_id_and_a_status() {
        PlatformKnowledgeItem created = platform().createItem("Urls " + run(), new KnowledgeContent.Urls(
                List.of(URI.create("https://example.com/faq"), URI.create("https://example.com/pricing"))), null);

        assertThat(created.id()).isNotBlank();
        assertThat(created.status()).isNotNull();
    }

    @Test
    void a_file_item_is_created_with_an_id_and_a_status() {
        byte[] bytes = ("Returns are accepted within 30 days of purchase. " + run()).getBytes(StandardCharsets.UTF_8);
        KnowledgeContent.File file = KnowledgeContent.File.checked("returns.txt", bytes, 1_000_000);

        PlatformKnowledgeItem created = platform().createItem("File " + run(), file, bytes);

        assertThat(created.id()).isNotBlank();
        assertThat(created.status()).isNotNull();
    }

    @Test
    void a_created_item_is_read_back_by_its_id() {
        PlatformKnowledgeItem created = platform().createItem("Read " + run(), text("read me back"), null);

        PlatformKnowledgeItem read = platform().getItem(created.id());

        assertThat(read.id()).isEqualTo(created.id());
        assertThat(read.status()).isNotNull();
    }

    @Test
    void an_item_is_renamed_and_its_text_replaced() {
        PlatformKnowledgeItem created = platform().createItem("Before " + run(), text("the old words"), null);

        PlatformKnowledgeItem renamed = platform().updateItem(created.id(), "Renamed " + run(), null);
        PlatformKnowledgeItem rewritten = platform().updateItem(created.id(), "Rewritten " + run(), text("the new words"));

        assertThat(renamed.id()).isEqualTo(created.id());
        assertThat(rewritten.id()).isEqualTo(created.id());
        assertThat(platform().getItem(created.id()).id()).isEqualTo(created.id());
    }

    @Test
    void urls_are_added_to_a_url_item() {
        PlatformKnowledgeItem created = platform().createItem("More urls " + run(),
                new KnowledgeContent.Urls(List.of(URI.create("https://example.com/one"))), null);

        PlatformKnowledgeItem added = platform().addUrls(created.id(),
                List.of(URI.create("https://example.com/two"), URI.create("https://example.com/three")));

        assertThat(added.id()).isEqualTo(created.id());
        assertThat(added.status()).isNotNull();
    }

    @Test
    void an_item_is_deactivated_and_activated_again_as_reported() {
        PlatformKnowledgeItem created = platform().createItem("Toggle " + run(), text("on and off"), null);

        PlatformKnowledgeItem off = platform().setActive(created.id(), false);

        assertThat(off.id()).isEqualTo(created.id());
        assertThat(off.active().orElse(false)).isFalse();
        assertThat(platform().getItem(created.id()).active()).contains(false);

        PlatformKnowledgeItem on = platform().setActive(created.id(), true);

        assertThat(on.active().orElse(true)).isTrue();
        assertThat(platform().getItem(created.id()).active()).contains(true);
    }

    @Test
    void a_deleted_item_is_not_found_any_more() {
        PlatformKnowledgeItem created = platform().createItem("Delete " + run(), text("short lived"), null);

        platform().deleteItem(created.id());

        assertNotFound(() -> platform().getItem(created.id()));
        assertNotFound(() -> platform().deleteItem(created.id()));
    }

    @Test
    void an_unknown_id_is_not_found_for_every_operation() {
        String unknown = "missing-" + UUID.randomUUID();

        assertNotFound(() -> platform().getItem(unknown));
        assertNotFound(() -> platform().updateItem(unknown, "x", null));
        assertNotFound(() -> platform().deleteItem(unknown));
        assertNotFound(() -> platform().addUrls(unknown, List.of(URI.create("https://example.com/x"))));
        assertNotFound(() -> platform().setActive(unknown, false));
    }
}
