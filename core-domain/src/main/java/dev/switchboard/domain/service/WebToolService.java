package dev.switchboard.domain.service;

import dev.switchboard.domain.model.FieldViolation;
import dev.switchboard.domain.model.InvalidInputException;
import dev.switchboard.domain.model.Page;
import dev.switchboard.domain.model.PageRequest;
import dev.switchboard.domain.model.SecretChange;
import dev.switchboard.domain.model.TeamId;
import dev.switchboard.domain.model.ToolTestResult;
import dev.switchboard.domain.model.WebTool;
import dev.switchboard.domain.model.WebToolChanges;
import dev.switchboard.domain.model.WebToolDefinition;
import dev.switchboard.domain.model.WebToolId;
import dev.switchboard.domain.model.WebToolNameTakenException;
import dev.switchboard.domain.model.WebToolNotFoundException;
import dev.switchboard.domain.port.in.CreateWebToolCommand;
import dev.switchboard.domain.port.in.CreateWebToolUseCase;
import dev.switchboard.domain.port.in.GetWebToolQuery;
import dev.switchboard.domain.port.in.ListWebToolsQuery;
import dev.switchboard.domain.port.in.SetWebToolActiveUseCase;
import dev.switchboard.domain.port.in.TestWebToolUseCase;
import dev.switchboard.domain.port.in.UpdateWebToolCommand;
import dev.switchboard.domain.port.in.UpdateWebToolUseCase;
import dev.switchboard.domain.port.out.ExternalIdLock;
import dev.switchboard.domain.port.out.JsonSchemaChecker;
import dev.switchboard.domain.port.out.SecretCipher;
import dev.switchboard.domain.port.out.WebToolPlatform;
import dev.switchboard.domain.port.out.WebToolRepository;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The web-tool use cases. A tool is checked in full before Hamsa sees it: its server URL through the outbound
 * URL guard, its parameters as a JSON Schema, its name unique in the team. Its auth token is sealed at rest
 * and opened only to hand it to Hamsa; no answer and no log line carries it.
 */
public final class WebToolService implements CreateWebToolUseCase, UpdateWebToolUseCase, GetWebToolQuery,
        ListWebToolsQuery, SetWebToolActiveUseCase, TestWebToolUseCase {

    static final String SERVER_URL = "toolSettings.serverUrl";
    private static final System.Logger LOG = System.getLogger(WebToolService.class.getName());

    private final WebToolPlatform platform;
    private final WebToolRepository repository;
    private final OutboundUrlGuard urls;
    private final JsonSchemaChecker schemas;
    private final SecretCipher cipher;
    private final ExternalIdLock names;
    private final Clock clock;

    public WebToolService(WebToolPlatform platform, WebToolRepository repository, OutboundUrlGuard urls,
                          JsonSchemaChecker schemas, SecretCipher cipher, ExternalIdLock names, Clock clock) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.urls = Objects.requireNonNull(urls, "urls");
        this.schemas = Objects.requireNonNull(schemas, "schemas");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.names = Objects.requireNonNull(names, "names");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public WebTool create(CreateWebToolCommand c) {
        String serverUrl = c.serverUrl() == null ? null : checked(c.serverUrl());
        WebToolDefinition definition = new WebToolDefinition(c.kind(), c.name(), c.description(), serverUrl, c.method(),
                c.timeoutSeconds() == null ? WebToolDefinition.DEFAULT_TIMEOUT : c.timeoutSeconds(), c.headers(),
                c.pathParameters(), c.params());
        checkSchema(definition.params());
        SecretChange token = SecretChange.fromField(c.authToken());
        String plainToken = token.action() == SecretChange.Action.SET ? token.value() : null;
        // Creations of one name run one at a time per team, on every replica: the loser sees the winner's tool.
        return names.holding(c.team(), lockKey(definition.name()), () -> {
            refuseTakenName(c.team(), definition.name(), null);
            String hamsaId = platform.createTool(definition, plainToken);
            WebToolId id = WebToolId.newId();
            String sealed = plainToken == null ? null : cipher.seal(plainToken, WebTool.authTokenContext(id));
            var now = clock.instant();
            WebTool tool = new WebTool(id, c.team(), hamsaId, definition, sealed, true, now, now, 1);
            try {
                repository.insert(tool);
                LOG.log(System.Logger.Level.INFO, "Web tool {0} ({1}) created on Hamsa as {2}, auth token {3}",
                        id, definition.name(), hamsaId, sealed == null ? "none" : "set");
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Web tool {0} exists on Hamsa but could not be recorded: {1}",
                        hamsaId, e.toString());
                throw e;
            }
            return tool;
        });
    }

    /**
     * Changes of one tool run one at a time, on every replica: two racing changes must not reach Hamsa in one
     * order and Switchboard's record in the other, which would leave Hamsa calling a server Switchboard does not show.
     */
    @Override
    public WebTool update(UpdateWebToolCommand command) {
        return names.holding(command.team(), toolKey(command.id()), () -> updateHeld(command));
    }

    private WebTool updateHeld(UpdateWebToolCommand command) {
        WebTool current = get(command.team(), command.id());
        WebToolChanges changes = command.changes();
        if (changes.isEmpty()) {
            return current;
        }
        String serverUrl = changes.serverUrl().map(this::checked).orElse(null);
        WebToolDefinition next = current.definition().with(changes, serverUrl);
        if (changes.params().isPresent()) {
            checkSchema(next.params());
        }
        String sealed = switch (changes.authToken().action()) {
            case KEEP -> current.sealedAuthToken();
            case CLEAR -> null;
            case SET -> cipher.seal(changes.authToken().value(), current.authTokenContext());
        };
        if (next.equals(current.definition()) && Objects.equals(sealed, current.sealedAuthToken())) {
            return current;
        }
        java.util.function.Supplier<WebTool> apply = () -> {
            if (!next.name().equals(current.definition().name())) {
                refuseTakenName(command.team(), next.name(), current.id());
            }
            platform.updateTool(current.hamsaToolId(), next, changes.authToken());
            WebTool stored = current.withDefinition(next, sealed, clock.instant());
            repository.update(stored);
            return stored;
        };
        return next.name().equals(current.definition().name())
                ? apply.get()
                : names.holding(command.team(), lockKey(next.name()), apply);
    }

    @Override
    public WebTool get(TeamId team, WebToolId id) {
        return repository.findById(team, id).orElseThrow(() -> new WebToolNotFoundException(id));
    }

    @Override
    public Page<WebTool> list(TeamId team, PageRequest request) {
        return repository.list(team, request);
    }

    @Override
    public WebTool setActive(TeamId team, WebToolId id, boolean active) {
        return names.holding(team, toolKey(id), () -> setActiveHeld(team, id, active));
    }

    private WebTool setActiveHeld(TeamId team, WebToolId id, boolean active) {
        WebTool current = get(team, id);
        if (current.active() == active) {
            return current;
        }
        platform.setActive(current.hamsaToolId(), active);
        WebTool stored = current.withActive(active, clock.instant());
        repository.update(stored);
        return stored;
    }

    @Override
    public ToolTestResult test(TeamId team, WebToolId id, Map<String, Object> arguments) {
        WebTool tool = get(team, id);
        // Checked again now: the name may resolve elsewhere than when the tool was saved (DNS rebinding).
        checked(tool.definition().serverUrl());
        String token = tool.hasAuthToken() ? cipher.open(tool.sealedAuthToken(), tool.authTokenContext()) : null;
        return platform.testTool(tool.hamsaToolId(), tool.definition(), token, arguments == null ? Map.of() : arguments);
    }

    /** The server URL as given, once the guard passed it with its placeholders filled. */
    private String checked(String serverUrl) {
        urls.check(SERVER_URL, WebToolDefinition.guardable(serverUrl));
        return serverUrl;
    }

    private void checkSchema(Map<String, Object> params) {
        if (params.isEmpty()) {
            return;
        }
        List<String> problems = schemas.problems(params);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.stream()
                    .map(p -> new FieldViolation("params", "is not a valid JSON Schema: " + p)).toList());
        }
    }

    private void refuseTakenName(TeamId team, String name, WebToolId self) {
        repository.findByName(team, name).filter(t -> !t.id().equals(self)).ifPresent(t -> {
            throw new WebToolNameTakenException(name, t.id());
        });
    }

    private static String toolKey(WebToolId id) {
        return "web-tool:" + id;
    }

    private static String lockKey(String name) {
        return "web-tool-name:" + name;
    }
}
