package dev.switchboard.domain.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What makes a voice agent behave as it does: the part Switchboard sends to the voice platform.
 * Validates itself, listing every failing field at once, so no invalid agent ever reaches the platform.
 *
 * @param knowledgeBaseItemIds the platform's ids of the knowledge items the agent may use, in order, no repeats
 * @param toolIds              the platform's ids of the web tools the agent may call, in order, no repeats
 */
public record AgentSettings(String name, String greeting, String preamble, String language, String voiceId,
                            List<String> knowledgeBaseItemIds, List<String> toolIds) {

    /** Knowledge items, and tools, one agent may have: more is a prompt no model reads well. */
    public static final int ATTACHMENTS_MAX = 50;

    public static final int NAME_MAX = 255;
    public static final int GREETING_MAX = 1_000;
    public static final int PREAMBLE_MAX = 20_000;
    public static final int VOICE_ID_MAX = 255;
    /** Long enough for any real tag (RFC 5646 suggests 35 at most); also the mirror's column width. */
    public static final int LANGUAGE_MAX = 35;
    /** BCP 47 in the form the platform takes: a language, then optional subtags ("en", "ar", "en-US"). */
    public static final String LANGUAGE_PATTERN = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$";
    private static final Pattern LANGUAGE = Pattern.compile(LANGUAGE_PATTERN);

    /** Settings without knowledge items or tools. */
    public AgentSettings(String name, String greeting, String preamble, String language, String voiceId) {
        this(name, greeting, preamble, language, voiceId, List.of(), List.of());
    }

    public AgentSettings {
        knowledgeBaseItemIds = knowledgeBaseItemIds == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(knowledgeBaseItemIds));
        toolIds = toolIds == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(toolIds));
        List<FieldViolation> violations = new ArrayList<>();
        if (knowledgeBaseItemIds.size() > ATTACHMENTS_MAX) {
            violations.add(new FieldViolation("knowledgeItemIds", "must hold at most " + ATTACHMENTS_MAX + " items"));
        }
        if (toolIds.size() > ATTACHMENTS_MAX) {
            violations.add(new FieldViolation("toolIds", "must hold at most " + ATTACHMENTS_MAX + " tools"));
        }
        checkText(violations, "name", name, NAME_MAX);
        checkText(violations, "greeting", greeting, GREETING_MAX);
        checkText(violations, "preamble", preamble, PREAMBLE_MAX);
        checkText(violations, "voiceId", voiceId, VOICE_ID_MAX);
        if (language == null || language.isBlank()) {
            violations.add(new FieldViolation("language", "must not be blank"));
        } else if (language.length() > LANGUAGE_MAX) {
            violations.add(new FieldViolation("language", "must be at most " + LANGUAGE_MAX + " characters"));
        } else if (!LANGUAGE.matcher(language).matches()) {
            violations.add(new FieldViolation("language", "must be a language tag such as 'en' or 'en-US'"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    static void checkText(List<FieldViolation> violations, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            violations.add(new FieldViolation(field, "must not be blank"));
        } else if (value.length() > max) {
            violations.add(new FieldViolation(field, "must be at most " + max + " characters"));
        } else if (Text.hasNul(value)) {
            violations.add(new FieldViolation(field, Text.NO_NUL));
        }
    }

    /** The name a copy of an agent gets when its caller names none: "<name> (copy)", cut to fit. */
    public static String copyName(String name) {
        String suffix = " (copy)";
        return name.length() + suffix.length() <= NAME_MAX
                ? name + suffix
                : name.substring(0, NAME_MAX - suffix.length()) + suffix;
    }

    /** These settings with the given changes applied; fields the changes leave out stay as they are. */
    public AgentSettings with(AgentChanges changes) {
        return new AgentSettings(
                changes.name().orElse(name),
                changes.greeting().orElse(greeting),
                changes.preamble().orElse(preamble),
                changes.language().orElse(language),
                changes.voiceId().orElse(voiceId),
                changes.knowledgeBaseItemIds().orElse(knowledgeBaseItemIds),
                changes.toolIds().orElse(toolIds));
    }
}
