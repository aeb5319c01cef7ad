package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.IssuedApiKey;

/** Creates a key for a team; its secret is returned this once and stored only as a hash. */
public interface IssueApiKeyUseCase {

    IssuedApiKey issueKey(IssueApiKeyCommand command);
}
