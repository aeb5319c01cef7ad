package dev.switchboard.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookSecretTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookSecret secret = WebhookSecret.generate(RANDOM);
    private final String digest = secret.digest();

    @Test
    void a_generated_secret_is_prefixed_and_carries_32_random_bytes() {
        assertThat(secret.reveal()).startsWith("whs_").hasSize(4 + 43).matches("whs_[A-Za-z0-9_-]{43}");
    }

    @Test
    void generated_secrets_differ() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            seen.add(WebhookSecret.generate(RANDOM).reveal());
        }
        assertThat(seen).hasSize(1_000);
    }

    @Test
    void the_digest_is_sha256_hex_of_the_secret_and_stable() {
        assertThat(WebhookSecret.of("abc").digest())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(secret.digest()).isEqualTo(WebhookSecret.of(secret.reveal()).digest()).hasSize(64);
    }

    @Test
    void the_bearer_scheme_in_any_case_or_the_bare_secret_is_accepted() {
        assertThat(WebhookSecret.presentedIn("Bearer " + secret.reveal(), digest)).isTrue();
        assertThat(WebhookSecret.presentedIn("bearer " + secret.reveal(), digest)).isTrue();
        assertThat(WebhookSecret.presentedIn("BEARER " + secret.reveal(), digest)).isTrue();
        assertThat(WebhookSecret.presentedIn(secret.reveal(), digest)).isTrue();
        assertThat(WebhookSecret.presentedIn("  Bearer   " + secret.reveal() + " ", digest)).isTrue();
    }

    @Test
    void no_or_empty_credentials_are_refused() {
        assertThat(WebhookSecret.presentedIn(null, digest)).isFalse();
        assertThat(WebhookSecret.presentedIn("", digest)).isFalse();
        assertThat(WebhookSecret.presentedIn("   ", digest)).isFalse();
        assertThat(WebhookSecret.presentedIn("Bearer", digest)).isFalse();
        assertThat(WebhookSecret.presentedIn("Bearer ", digest)).isFalse();
        assertThat(WebhookSecret.presentedIn("Bearer " + secret.reveal(), null)).isFalse();
    }

    @Test
    void another_secret_or_another_scheme_is_refused() {
        assertThat(WebhookSecret.presentedIn("Bearer " + WebhookSecret.generate(RANDOM).reveal(), digest)).isFalse();
        assertThat(WebhookSecret.presentedIn("Basic " + secret.reveal(), digest)).isFalse();
        assertThat(WebhookSecret.presentedIn("Bearer " + secret.reveal() + "x", digest)).isFalse();
        assertThat(WebhookSecret.presentedIn("Bearer " + secret.reveal().substring(1), digest)).isFalse();
        assertThat(WebhookSecret.presentedIn("Bearer " + secret.reveal(), secret.reveal()))
                .as("the header is checked against the digest, not the secret").isFalse();
        assertThat(WebhookSecret.presentedIn("Bearer " + digest, digest)).as("the digest is no credential").isFalse();
    }

    @Test
    void to_string_never_shows_the_secret() {
        assertThat(secret.toString()).doesNotContain(secret.reveal()).doesNotContain(digest).contains("redacted");
        assertThat(String.valueOf(WebhookSecret.of("s3cr3t"))).doesNotContain("s3cr3t");
    }

    @Test
    void an_empty_secret_cannot_be_made() {
        assertThatThrownBy(() -> WebhookSecret.of(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebhookSecret.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
