package dev.switchboard.domain.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.domain.model.UnreadableSecretException;
import org.junit.jupiter.api.Test;

class FakeSecretCipherTest {

    private final FakeSecretCipher cipher = new FakeSecretCipher();

    @Test
    void a_sealed_secret_opens_in_its_context_and_differs_each_time() {
        String a = cipher.seal("whs_secret:with|odd:chars", "call-webhook-secret:1");
        String b = cipher.seal("whs_secret:with|odd:chars", "call-webhook-secret:1");

        assertThat(a).isNotEqualTo(b).doesNotContain("whs_secret");
        assertThat(cipher.open(a, "call-webhook-secret:1")).isEqualTo("whs_secret:with|odd:chars");
        assertThat(cipher.open(b, "call-webhook-secret:1")).isEqualTo("whs_secret:with|odd:chars");
    }

    @Test
    void another_context_or_a_malformed_text_does_not_open() {
        String sealed = cipher.seal("s", "call-webhook-secret:1");

        assertThatThrownBy(() -> cipher.open(sealed, "call-webhook-secret:2"))
                .isInstanceOf(UnreadableSecretException.class).hasMessageContaining("another context");
        assertThatThrownBy(() -> cipher.open(sealed, "call-webhook-secret:")).isInstanceOf(UnreadableSecretException.class);
        for (String bad : new String[] {null, "", "plain", "fake-sealed:", "fake-sealed:1:x:", "fake-sealed:1:99:short"}) {
            assertThatThrownBy(() -> cipher.open(bad, "c")).as("%s", bad).isInstanceOf(UnreadableSecretException.class);
        }
    }
}
