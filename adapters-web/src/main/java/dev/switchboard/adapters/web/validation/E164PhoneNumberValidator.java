package dev.switchboard.adapters.web.validation;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Accepts a number only when libphonenumber finds it valid and writes it back, in E.164, exactly as
 * given. That last check refuses what the parser would forgive: spaces, dashes, brackets, a national
 * trunk prefix after the country code, an extension, non-ASCII digits.
 */
public class E164PhoneNumberValidator implements ConstraintValidator<E164PhoneNumber, CharSequence> {

    /** E.164 allows at most 15 digits; with the '+', 16 characters. */
    static final int MAX_LENGTH = 16;
    /** "Unknown region": without a default region only numbers written with '+' and a country code parse. */
    private static final String NO_REGION = "ZZ";
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        String text = value.toString();
        // Cheap refusals first: nothing long or unprefixed ever reaches the parser.
        if (text.length() < 2 || text.length() > MAX_LENGTH || text.charAt(0) != '+') {
            return false;
        }
        try {
            PhoneNumber number = PHONES.parse(text, NO_REGION);
            return PHONES.isValidNumber(number) && PHONES.format(number, PhoneNumberFormat.E164).equals(text);
        } catch (NumberParseException e) {
            return false;
        }
    }
}
