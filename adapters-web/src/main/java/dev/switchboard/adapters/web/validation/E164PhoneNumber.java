package dev.switchboard.adapters.web.validation;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A phone number a call can be placed to, written exactly in E.164: '+', country code, national number,
 * nothing else ({@code +14155552671}). Checked against libphonenumber's numbering plans, so the number
 * must exist in its country's plan, not merely look like digits. Null is valid: pair with
 * {@code @NotNull} where the number is required.
 */
@Documented
@Constraint(validatedBy = E164PhoneNumberValidator.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface E164PhoneNumber {

    String message() default "must be a valid phone number in E.164 form, like +14155552671";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
