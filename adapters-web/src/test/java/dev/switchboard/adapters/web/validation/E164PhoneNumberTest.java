package dev.switchboard.adapters.web.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The constraint as Hibernate Validator applies it to a request body, outside Quarkus. */
class E164PhoneNumberTest {

    record CallRequest(@NotNull @E164PhoneNumber String to, @E164PhoneNumber String callerId) {
    }

    record BulkRequest(List<@E164PhoneNumber String> numbers) {
    }

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void startValidator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void stopValidator() {
        factory.close();
    }

    @ParameterizedTest(name = "{0} is valid")
    @ValueSource(strings = {
            "+14155552671",    // United States, San Francisco
            "+12125551234",    // United States, New York
            "+16135550123",    // Canada
            "+442071838750",   // United Kingdom, London
            "+447911123456",   // United Kingdom, mobile
            "+971501234567",   // United Arab Emirates, mobile
            "+97143456789",    // United Arab Emirates, Dubai
            "+966501234567",   // Saudi Arabia, mobile
            "+201001234567",   // Egypt, mobile
            "+4915123456789",  // Germany, mobile
            "+33612345678",    // France, mobile
            "+390612345678",   // Italy, Rome: the leading zero belongs to the number
            "+819012345678",   // Japan, mobile
            "+61412345678",    // Australia, mobile
            "+5511987654321",  // Brazil, São Paulo mobile
            "+918123456789",   // India, mobile
            "+80012345678"})   // international freephone, no country
    void numbers_written_exactly_in_e164_are_valid(String number) {
        assertThat(validator.validate(new CallRequest(number, null))).isEmpty();
    }

    @ParameterizedTest(name = "''{0}'' is invalid")
    @ValueSource(strings = {
            "004414155552671",          // international prefix instead of '+'
            "00442071838750",
            "+1 415 555 2671",          // spaces
            "+1-415-555-2671",          // dashes
            "+1 (415) 555-2671",        // brackets
            "+1.415.555.2671",          // dots
            "14155552671",              // no '+'
            "4155552671",               // national form
            "(415) 555-2671",
            "+999123",                  // no such country code
            "+1415555267100000",        // longer than E.164 allows
            "+1415555267",              // one digit short
            "+4402071838750",           // national trunk prefix kept after the country code
            "+14155552671;ext=123",     // extension
            "+14155552671 ",            // trailing space
            " +14155552671",            // leading space
            "++14155552671",
            "+",
            "",
            " ",
            "+1415555CALL",             // letters (vanity numbers)
            "phone",
            "tel:+14155552671",
            "+１４１５５５５２６７１",         // full-width digits
            "+١٤١٥٥٥٥٢٦٧١"})            // Arabic-Indic digits
    void anything_else_is_invalid(String number) {
        Set<ConstraintViolation<CallRequest>> violations = validator.validate(new CallRequest(number, null));

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.getPropertyPath()).hasToString("to");
            assertThat(v.getMessage()).isEqualTo("must be a valid phone number in E.164 form, like +14155552671");
        });
    }

    @Test
    void a_missing_number_is_left_to_not_null() {
        assertThat(validator.validate(new CallRequest("+14155552671", null))).isEmpty();
        assertThat(validator.validate(new CallRequest(null, null)))
                .singleElement().satisfies(v -> assertThat(v.getMessage()).isEqualTo("must not be null"));
    }

    @Test
    void the_example_in_the_message_is_itself_valid() {
        String message = validator.validate(new CallRequest("nope", null)).iterator().next().getMessage();
        String example = message.substring(message.lastIndexOf(' ') + 1);

        assertThat(validator.validate(new CallRequest(example, null))).isEmpty();
    }

    @Test
    void each_number_in_a_list_is_checked() {
        Set<ConstraintViolation<BulkRequest>> violations =
                validator.validate(new BulkRequest(List.of("+14155552671", "+1 415 555 2671", "+442071838750")));

        assertThat(violations).singleElement()
                .satisfies(v -> assertThat(v.getPropertyPath()).hasToString("numbers[1].<list element>"));
    }

    @Test
    void a_very_long_input_is_refused_without_parsing() {
        assertThat(new E164PhoneNumberValidator().isValid("+1" + "4".repeat(1_000_000), null)).isFalse();
    }
}
