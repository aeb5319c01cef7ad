package dev.switchboard.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminTokenTest {

    private static final String TOKEN = "an-operator-token-of-forty-characters-00";

    @Test
    void a_token_shorter_than_32_characters_stops_the_start_without_printing_it() {
        assertThatThrownBy(() -> new AdminToken(Optional.of("short-secret-1234")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SWITCHBOARD_ADMIN_TOKEN")
                .hasMessageNotContaining("short-secret-1234");
    }

    @Test
    void only_the_configured_token_matches() {
        AdminToken admin = new AdminToken(Optional.of(TOKEN));

        assertThat(admin.matches(TOKEN)).isTrue();
        assertThat(admin.matches(TOKEN + "x")).isFalse();
        assertThat(admin.matches(TOKEN.substring(1))).isFalse();
        assertThat(admin.matches(null)).isFalse();
    }

    @Test
    void without_a_token_nothing_matches_not_even_an_empty_one() {
        AdminToken none = new AdminToken(Optional.empty());
        AdminToken blank = new AdminToken(Optional.of("   "));

        assertThat(none.matches("")).isFalse();
        assertThat(blank.matches("")).isFalse();
        assertThat(blank.matches("   ")).isFalse();
    }
}
