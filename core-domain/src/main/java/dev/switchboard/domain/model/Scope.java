package dev.switchboard.domain.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What an API key may do: read or write, per kind of resource. Written as {@code agents:read} and so on. */
public enum Scope {
    AGENTS_READ(Names.AGENTS_READ),
    AGENTS_WRITE(Names.AGENTS_WRITE),
    CALLS_READ(Names.CALLS_READ),
    CALLS_WRITE(Names.CALLS_WRITE),
    KNOWLEDGE_READ(Names.KNOWLEDGE_READ),
    KNOWLEDGE_WRITE(Names.KNOWLEDGE_WRITE),
    TOOLS_READ(Names.TOOLS_READ),
    TOOLS_WRITE(Names.TOOLS_WRITE),
    WEBHOOKS_READ(Names.WEBHOOKS_READ),
    WEBHOOKS_WRITE(Names.WEBHOOKS_WRITE);

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

    private static final Map<String, Scope> BY_WIRE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Scope::wire, s -> s));

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
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        List<FieldViolation> unknown = new ArrayList<>();
        for (String name : names) {
            Scope scope = BY_WIRE.get(name);
            if (scope != null) {
                scopes.add(scope);
            } else {
                unknown.add(new FieldViolation(field, "'" + name + "' is not a scope; known: " + known()));
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(unknown);
        }
        return scopes;
    }

    private static String known() {
        return Arrays.stream(values()).map(Scope::wire).collect(Collectors.joining(", "));
    }
}
