package dev.switchboard.adapters.persistence.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.domain.model.UnreadableSecretException;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.WithDefault;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AesGcmSecretCipherTest {

    private static final byte[] OLD_KEY = key(1);
    private static final byte[] NEW_KEY = key(2);
    private static final String CONTEXT = "webhook-secret:0f8e2c1a-7b4d-4e55-9a1c-3d2b6f7e8a90";
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private final AesGcmSecretCipher cipher = new AesGcmSecretCipher(OLD_KEY, List.of());

    @Test
    void a_sealed_secret_opens_to_the_same_text() {
        for (String text : List.of(SECRET, "", "ключ 🔑 مفتاح", "x".repeat(100_000))) {
            assertThat(cipher.open(cipher.seal(text, CONTEXT), CONTEXT)).isEqualTo(text);
        }
    }

    @Test
    void a_sealed_secret_reads_version_key_id_and_base64url_body_and_never_the_secret() throws Exception {
        String sealed = cipher.seal(SECRET, CONTEXT);

        assertThat(sealed).startsWith("v1." + sha256Prefix(OLD_KEY) + ".")
                .matches("^v1\\.[0-9a-f]{8}\\.[A-Za-z0-9_-]+$")
                .doesNotContain(SECRET).doesNotContain(CONTEXT);
        byte[] body = Base64.getUrlDecoder().decode(sealed.substring("v1.12345678.".length()));
        assertThat(body).hasSize(12 + SECRET.length() + 16); // nonce, ciphertext, tag
    }

    @Test
    void two_seals_of_the_same_text_differ() {
        String first = cipher.seal(SECRET, CONTEXT);
        String second = cipher.seal(SECRET, CONTEXT);

        assertThat(first).isNotEqualTo(second);
        assertThat(first.substring(0, 12 + 16)).isNotEqualTo(second.substring(0, 12 + 16)); // fresh nonces
        assertThat(cipher.open(first, CONTEXT)).isEqualTo(cipher.open(second, CONTEXT)).isEqualTo(SECRET);
    }

    @Test
    void flipping_any_byte_of_nonce_ciphertext_or_tag_is_detected() {
        String sealed = cipher.seal(SECRET, CONTEXT);
        String header = sealed.substring(0, sealed.lastIndexOf('.') + 1);
        byte[] body = Base64.getUrlDecoder().decode(sealed.substring(header.length()));

        for (int i = 0; i < body.length; i++) {
            byte[] tampered = body.clone();
            tampered[i] ^= 0x01;
            String altered = header + Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);

            assertThatThrownBy(() -> cipher.open(altered, CONTEXT))
                    .isInstanceOf(UnreadableSecretException.class)
                    .hasMessageContaining("altered, or sealed for another context")
                    .message().doesNotContain(SECRET).doesNotContain(CONTEXT);
        }
    }

    @Test
    void a_secret_sealed_for_one_context_does_not_open_for_another() {
        String sealed = cipher.seal(SECRET, CONTEXT);

        assertThatThrownBy(() -> cipher.open(sealed, "webhook-secret:another-row"))
                .isInstanceOf(UnreadableSecretException.class)
                .hasMessageContaining("sealed for another context")
                .message().doesNotContain(SECRET);
    }

    @Test
    void a_changed_version_is_refused() {
        String sealed = cipher.seal(SECRET, CONTEXT);

        assertThatThrownBy(() -> cipher.open("v2" + sealed.substring(2), CONTEXT))
                .isInstanceOf(UnreadableSecretException.class).hasMessageContaining("known version");
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @ValueSource(strings = {"", "v1", "v1..", "plain text", "v1.ZZZZZZZZ.AAAA", "v1.0123456789.AAAA",
            "v1.%s.not base64!", "v1.%s.AAAA", "v1.%s.", "v1.%s.AAAA.extra"})
    void malformed_sealed_text_is_refused_with_a_reason(String pattern) {
        String sealed = pattern.replace("%s", sha256Prefix(OLD_KEY));

        assertThatThrownBy(() -> cipher.open(sealed, CONTEXT)).isInstanceOf(UnreadableSecretException.class);
    }

    @Test
    void a_secret_sealed_with_a_key_that_is_not_configured_names_the_key_id_and_not_the_key() {
        String sealed = new AesGcmSecretCipher(NEW_KEY, List.of()).seal(SECRET, CONTEXT);

        assertThatThrownBy(() -> cipher.open(sealed, CONTEXT))
                .isInstanceOf(UnreadableSecretException.class)
                .hasMessageContaining("sealed with key " + sha256Prefix(NEW_KEY) + ", which is not configured")
                .message().doesNotContain(base64(NEW_KEY)).doesNotContain(base64(OLD_KEY)).doesNotContain(SECRET);
    }

    @Test
    void after_rotation_old_secrets_still_open_and_new_ones_are_sealed_with_the_new_key() {
        String sealedBefore = cipher.seal(SECRET, CONTEXT);
        AesGcmSecretCipher rotated = new AesGcmSecretCipher(NEW_KEY, List.of(OLD_KEY));

        String sealedAfter = rotated.seal("rotated " + SECRET, CONTEXT);

        assertThat(rotated.open(sealedBefore, CONTEXT)).isEqualTo(SECRET);
        assertThat(sealedAfter).startsWith("v1." + sha256Prefix(NEW_KEY) + ".");
        assertThat(rotated.open(sealedAfter, CONTEXT)).isEqualTo("rotated " + SECRET);
        assertThatThrownBy(() -> cipher.open(sealedAfter, CONTEXT)).isInstanceOf(UnreadableSecretException.class);
    }

    @Test
    void pointing_a_value_at_another_configured_key_does_not_open_it() {
        AesGcmSecretCipher rotated = new AesGcmSecretCipher(NEW_KEY, List.of(OLD_KEY));
        String sealed = rotated.seal(SECRET, CONTEXT);
        String relabelled = sealed.replace(sha256Prefix(NEW_KEY), sha256Prefix(OLD_KEY));

        assertThatThrownBy(() -> rotated.open(relabelled, CONTEXT))
                .isInstanceOf(UnreadableSecretException.class).hasMessageContaining("altered");
    }

    @Test
    void the_current_key_listed_again_among_previous_keys_is_harmless() {
        AesGcmSecretCipher twice = new AesGcmSecretCipher(OLD_KEY, List.of(OLD_KEY, NEW_KEY));

        assertThat(twice.open(cipher.seal(SECRET, CONTEXT), CONTEXT)).isEqualTo(SECRET);
    }

    @ParameterizedTest(name = "context ''{0}'' is refused")
    @ValueSource(strings = {"", "  "})
    void a_secret_needs_a_context_to_be_bound_to(String context) {
        assertThatThrownBy(() -> cipher.seal(SECRET, context)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.seal(SECRET, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.open(cipher.seal(SECRET, CONTEXT), context)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void text_that_is_not_valid_unicode_is_refused_rather_than_sealed_changed() {
        assertThatThrownBy(() -> cipher.seal("half a pair \uD83D", CONTEXT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("half a pair");
    }

    @Test
    void the_keys_are_read_from_switchboard_encryption_settings() {
        AesGcmSecretCipher fromConfig = new AesGcmSecretCipher(config(Map.of(
                "switchboard.encryption.key", base64(NEW_KEY),
                "switchboard.encryption.previous-keys", base64(OLD_KEY) + "," + base64(key(3)))));

        assertThat(fromConfig.open(cipher.seal(SECRET, CONTEXT), CONTEXT)).isEqualTo(SECRET);
        assertThat(fromConfig.seal(SECRET, CONTEXT)).startsWith("v1." + sha256Prefix(NEW_KEY) + ".");
    }

    @Test
    void the_encryption_settings_sit_beside_a_root_mapping_of_all_switchboard_settings() {
        // app maps "switchboard" as a whole (SwitchboardConfig); SmallRye must still hand the nested
        // "switchboard.encryption" keys to this mapping and not call them unknown.
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(EncryptionConfig.class)
                .withMapping(SwitchboardRoot.class)
                .withDefaultValues(Map.of("switchboard.encryption.key", base64(NEW_KEY), "switchboard.api.name", "x"))
                .build();

        assertThat(config.getConfigMapping(EncryptionConfig.class).key()).isEqualTo(base64(NEW_KEY));
        assertThat(config.getConfigMapping(SwitchboardRoot.class).api().name()).isEqualTo("x");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"not base64 at all!", "c2hvcnQ=", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==", "  "})
    void a_bad_key_stops_the_start_with_a_message_that_names_the_setting_and_not_the_key(String badKey) {
        assertThatThrownBy(() -> new AesGcmSecretCipher(config(Map.of("switchboard.encryption.key", badKey))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("switchboard.encryption.key ")
                .hasMessageContaining("base64 of 32 random bytes")
                .hasNoCause()
                .satisfies(e -> {
                    if (!badKey.isBlank()) {
                        assertThat(e.getMessage()).doesNotContain(badKey.strip());
                    }
                });
    }

    @Test
    void a_bad_previous_key_is_named_as_such_and_not_shown() {
        String badKey = base64(new byte[16]);

        assertThatThrownBy(() -> new AesGcmSecretCipher(config(Map.of("switchboard.encryption.key", base64(NEW_KEY),
                "switchboard.encryption.previous-keys", badKey))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("switchboard.encryption.previous-keys decodes to 16 bytes, not 32")
                .message().doesNotContain(badKey);
    }

    @Test
    void a_missing_key_stops_the_start() {
        assertThatThrownBy(() -> config(Map.of()))
                .hasMessageContaining("switchboard.encryption.key");
    }

    @Test
    void a_key_with_surrounding_whitespace_from_an_environment_file_is_accepted() {
        AesGcmSecretCipher fromConfig = new AesGcmSecretCipher(config(Map.of("switchboard.encryption.key", base64(OLD_KEY) + "\n")));

        assertThat(fromConfig.open(cipher.seal(SECRET, CONTEXT), CONTEXT)).isEqualTo(SECRET);
    }

    @ConfigMapping(prefix = "switchboard")
    interface SwitchboardRoot {

        Api api();

        interface Api {

            @WithDefault("none")
            String name();
        }
    }

    private static EncryptionConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withMapping(EncryptionConfig.class)
                .withDefaultValues(properties)
                .withValidateUnknown(false)
                .build()
                .getConfigMapping(EncryptionConfig.class);
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 31 + i * 7);
        }
        return key;
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String sha256Prefix(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key)).substring(0, 8);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
