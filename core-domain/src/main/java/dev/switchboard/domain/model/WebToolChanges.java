package dev.switchboard.domain.model;

import java.util.Map;
import java.util.Optional;

/**
 * A partial update of a web tool: an empty field means "leave as it is". Maps (headers, path parameters,
 * params) are replaced whole when given. The server URL is given as the client wrote it: it becomes a URI only
 * once the outbound URL guard passed it. The auth token changes apart, by {@link SecretChange}.
 */
public record WebToolChanges(Optional<WebToolKind> kind, Optional<String> name, Optional<String> description,
                             Optional<String> serverUrl, Optional<ToolHttpMethod> method, Optional<Integer> timeoutSeconds,
                             Optional<Map<String, String>> headers, Optional<Map<String, String>> pathParameters,
                             Optional<Map<String, Object>> params, SecretChange authToken) {

    public WebToolChanges {
        kind = kind == null ? Optional.empty() : kind;
        name = name == null ? Optional.empty() : name;
        description = description == null ? Optional.empty() : description;
        serverUrl = serverUrl == null ? Optional.empty() : serverUrl;
        method = method == null ? Optional.empty() : method;
        timeoutSeconds = timeoutSeconds == null ? Optional.empty() : timeoutSeconds;
        headers = headers == null ? Optional.empty() : headers;
        pathParameters = pathParameters == null ? Optional.empty() : pathParameters;
        params = params == null ? Optional.empty() : params;
        authToken = authToken == null ? SecretChange.keep() : authToken;
    }

    public boolean isEmpty() {
        return kind.isEmpty() && name.isEmpty() && description.isEmpty() && serverUrl.isEmpty() && method.isEmpty()
                && timeoutSeconds.isEmpty() && headers.isEmpty() && pathParameters.isEmpty() && params.isEmpty()
                && authToken.isKeep();
    }
}
