package dev.switchboard.domain.fake;

import dev.switchboard.domain.model.PlatformException;
import dev.switchboard.domain.model.PlatformFailure;
import dev.switchboard.domain.model.PlatformWebTool;
import dev.switchboard.domain.model.SecretChange;
import dev.switchboard.domain.model.ToolTestResult;
import dev.switchboard.domain.model.WebToolDefinition;
import dev.switchboard.domain.port.out.WebToolPlatform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Hamsa's web tools in memory: obeys the platform contract, keeps each tool's token in the clear so a test
 * can see which token reached the platform ({@link #tokenOf}), counts calls, records test calls, and can be
 * told to fail. Until told otherwise ({@link #answerTestsWith}) a test answers 200, except for a server under the
 * reserved {@code .invalid} domain, which no one can reach: that is a failed result with an error, as Hamsa gives.
 */
public final class FakeWebToolPlatform implements WebToolPlatform {

    /** One call of {@link #testTool}, as the platform received it. */
    public record TestCall(String id, WebToolDefinition definition, String authToken, Map<String, Object> arguments) {
    }

    private record Stored(WebToolDefinition definition, String token, boolean active) {
    }

    private final Map<String, Stored> tools = new LinkedHashMap<>();
    private final List<String> calls = new ArrayList<>();
    private final List<TestCall> testCalls = new ArrayList<>();
    private PlatformException nextFailure;
    /** The answer given to every test once told; null for the default described above. */
    private ToolTestResult testResult;

    /** The next call (of any kind) throws this, once; the call has no effect. */
    public synchronized void failNext(PlatformException failure) {
        this.nextFailure = failure;
    }

    /** What {@link #testTool} answers from now on. */
    public synchronized void answerTestsWith(ToolTestResult result) {
        this.testResult = result;
    }

    /** The operations called so far, e.g. ["create", "update"]. */
    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    public synchronized List<TestCall> testCalls() {
        return List.copyOf(testCalls);
    }

    /** The token the platform holds for the tool, in the clear, or null for none. */
    public synchronized String tokenOf(String id) {
        return existing(id).token;
    }

    public synchronized int size() {
        return tools.size();
    }

    @Override
    public synchronized String createTool(WebToolDefinition definition, String authToken) {
        enter("create");
        String id = "fake-tool-" + UUID.randomUUID();
        tools.put(id, new Stored(definition, authToken, true));
        return id;
    }

    @Override
    public synchronized PlatformWebTool getTool(String id) {
        enter("get");
        Stored s = existing(id);
        return new PlatformWebTool(id, s.definition, s.active, s.token != null);
    }

    @Override
    public synchronized void updateTool(String id, WebToolDefinition definition, SecretChange authToken) {
        enter("update");
        Stored s = existing(id);
        String token = switch (authToken.action()) {
            case KEEP -> s.token;
            case SET -> authToken.value();
            case CLEAR -> null;
        };
        tools.put(id, new Stored(definition, token, s.active));
    }

    @Override
    public synchronized void setActive(String id, boolean active) {
        enter("setActive");
        Stored s = existing(id);
        tools.put(id, new Stored(s.definition, s.token, active));
    }

    @Override
    public synchronized ToolTestResult testTool(String id, WebToolDefinition definition, String authToken,
                                                Map<String, Object> arguments) {
        enter("test");
        existing(id);
        testCalls.add(new TestCall(id, definition, authToken, Map.copyOf(arguments)));
        if (testResult != null) {
            return testResult;
        }
        String host = java.net.URI.create(definition.serverUrl().replaceAll("\\{[^{}/]*}", "x")).getHost();
        if (host != null && host.toLowerCase(java.util.Locale.ROOT).endsWith(".invalid")) {
            return new ToolTestResult(false, null, 1, null, "UnknownHostException: " + host);
        }
        return new ToolTestResult(true, 200, 42, "{\"ok\":true}", null);
    }

    private void enter(String operation) {
        calls.add(operation);
        PlatformException failure = nextFailure;
        if (failure != null) {
            nextFailure = null;
            throw failure;
        }
    }

    private Stored existing(String id) {
        Stored stored = tools.get(id);
        if (stored == null) {
            throw new PlatformException(PlatformFailure.NOT_FOUND, "10404", "Web tool not found");
        }
        return stored;
    }
}
