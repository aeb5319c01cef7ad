package dev.switchboard.adapters.web;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.switchboard.adapters.web.guard.CodedOutcome;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail. {@code code} is the stable, machine-readable part clients switch on;
 * {@code title} and {@code detail} are for people and may change.
 */
@Schema(name = "Problem")
@JsonInclude(JsonInclude.Include.NON_NULL)
// Only ever sent inside a built Response, where Quarkus cannot see its type: register it for native.
@RegisterForReflection(targets = {Problem.class, Problem.FieldError.class, Problem.Upstream.class})
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String code,
        @Schema(description = "The failing fields, for validation problems") List<FieldError> errors,
        @Schema(description = "What Hamsa said, when the problem came from Hamsa") Upstream hamsa,
        // Switchboard's own note for its idempotency store, never sent.
        @JsonIgnore @Schema(hidden = true) boolean outcomeUnknown) implements CodedOutcome {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://switchboard.dev/problems/";

    public record FieldError(String field, String message) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Upstream(String code, String message) {
    }

    static Problem of(int status, String code, String title, String detail, String instance) {
        return new Problem(TYPE_BASE + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-'), title, status,
                detail, instance, code, null, null, false);
    }

    Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, code, fieldErrors, hamsa, outcomeUnknown);
    }

    Problem withHamsa(Upstream upstream) {
        return new Problem(type, title, status, detail, instance, code, errors, upstream, outcomeUnknown);
    }

    /** The request may have been carried out: see {@link CodedOutcome#outcomeUnknown()}. */
    Problem withOutcomeUnknown() {
        return new Problem(type, title, status, detail, instance, code, errors, hamsa, true);
    }
}
