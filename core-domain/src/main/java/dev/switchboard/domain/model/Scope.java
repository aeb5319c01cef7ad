package dev.switchboard.domain.model;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What an API key may do: read or write, per kind of resource. Written as {@code agents:read} and so on. */
public enum Scope {
    AGENTS_READ("agents:read"),
    AGENTS_WRITE("agents:write"),
    CALLS_READ("calls:read"),
    CALLS_WRITE("calls:write"),
    KNOWLEDGE_READ("knowledge:read"),
    KNOWLEDGE_WRITE("knowledge:write"),
    TOOLS_READ("tools:read"),
    TOOLS_WRITE("tools:write"),
    WEBHOOKS_READ("webhooks:read"),
    WEBHOOKS_WRITE("webhooks:write");

    /** The names as constants, for annotations ({@code @RolesAllowed(Scope.Names.AGENTS_READ)}). */
    public static final class Names {
        public static final String AGENTS_READ = "agents:read";
        public static final String AGENTS_WRITE = "agents:write";
        public static final String CALLS_READ = "calls:read";
        public static final String CALLS_WRITE = "calls:write";
        public static final String KNOWLEDGE_READ = "knowledge:read";
        public static final String KNOWLEDGE_WRITE = "knowledge:write";
        public static final String TOOLS_READ = "tools:read";
        public static final String TOOLS_WRITE = "tools:write";
        public static final String WEBHOOKS_READ = "webhooks:read";
        public static final String WEBHOOKS_WRITE = "webhooks:write";

        private Names() {
        }
    }

    private final String wire;

    Scope(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /**
     * Parses the scopes a client asked for; every unknown one is named in the error.
     *
     * @param field the request field, for the error
     */
    public static Set<Scope> parseAll(String field, Collection<String> names) {
        if (names == null || names.isEmpty()) {
            throw InvalidInputException.of(field, "must name at least one scope, of: " + known());
        }
        List<FieldViolation> unknown = names.stream()
                .filter(n -> Arrays.stream(values()).noneMatch(s -> s.wire.equals(n)))
                .map(n -> new FieldViolation(field, "'" + n + "' is not a scope; known: " + known()))
                .toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(unknown);
        }
        return names.stream().map(n -> Arrays.stream(values()).filter(s -> s.wire.equals(n)).findFirst().orElseThrow())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Scope.class)));
    }

    private static String known() {
        return Arrays.stream(values()).map(Scope::wire).collect(Collectors.joining(", "));
    }
}
