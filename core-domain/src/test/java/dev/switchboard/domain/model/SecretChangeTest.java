package dev.switchboard.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretChangeTest {

    private static final String TOKEN = "tok_live_9f8e7d6c5b4a";

    @Test
    void its_text_never_shows_the_value() {
        SecretChange set = SecretChange.set(TOKEN);

        assertThat(set.toString()).doesNotContain(TOKEN).doesNotContain("9f8e").isEqualTo("SecretChange[SET]");
        assertThat(String.valueOf(new java.util.ArrayList<>(java.util.List.of(set)))).doesNotContain(TOKEN);
        assertThat(SecretChange.keep().toString()).isEqualTo("SecretChange[KEEP]");
        assertThat(SecretChange.clear().toString()).isEqualTo("SecretChange[CLEAR]");
    }

    @Test
    void an_absent_field_keeps_the_secret() {
        SecretChange change = SecretChange.fromField(null);

        assertThat(change.action()).isEqualTo(SecretChange.Action.KEEP);
        assertThat(change.isKeep()).isTrue();
        assertThat(change.value()).isNull();
    }

    @Test
    void an_empty_field_removes_the_secret() {
        SecretChange change = SecretChange.fromField("");

        assertThat(change.action()).isEqualTo(SecretChange.Action.CLEAR);
        assertThat(change.isKeep()).isFalse();
        assertThat(change.value()).isNull();
    }

    @Test
    void a_value_sets_the_secret() {
        SecretChange change = SecretChange.fromField(TOKEN);

        assertThat(change).isEqualTo(SecretChange.set(TOKEN));
        assertThat(change.action()).isEqualTo(SecretChange.Action.SET);
        assertThat(change.value()).isEqualTo(TOKEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "\t"})
    void a_blank_value_is_refused_with_a_hint_how_to_remove_it(String blank) {
        assertThatThrownBy(() -> SecretChange.fromField(blank)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("toolSettings.authToken");
            assertThat(e.violations().get(0).message()).contains("send \"\" to remove it");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"tok\r\nX-Injected: 1", "tok\n", "tok\u0000"})
    void a_value_that_is_not_a_single_line_is_refused_without_repeating_it(String value) {
        assertThatThrownBy(() -> SecretChange.set(value)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("toolSettings.authToken");
            assertThat(e.getMessage()).doesNotContain("tok");
        });
    }

    @Test
    void a_value_of_4096_characters_is_taken_and_4097_refused() {
        assertThat(SecretChange.set("t".repeat(4_096)).value()).hasSize(4_096);
        assertThatThrownBy(() -> SecretChange.set("t".repeat(4_097))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void keep_and_clear_hold_no_value_even_when_given_one() {
        assertThat(new SecretChange(SecretChange.Action.KEEP, TOKEN).value()).isNull();
        assertThat(new SecretChange(SecretChange.Action.CLEAR, TOKEN).value()).isNull();
    }
}
