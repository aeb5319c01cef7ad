package dev.switchboard.domain.model;

import java.time.Instant;
import java.util.Optional;

/** What a team's list of calls is narrowed to; every part is optional. {@code createdTo} is exclusive. */
public record CallFilter(Optional<VoiceAgentId> agent, Optional<CallStatus> status, Optional<String> externalId,
                         Optional<Instant> createdFrom, Optional<Instant> createdTo) {

    public CallFilter {
        agent = agent == null ? Optional.empty() : agent;
        status = status == null ? Optional.empty() : status;
        externalId = externalId == null ? Optional.empty() : externalId;
        createdFrom = createdFrom == null ? Optional.empty() : createdFrom;
        createdTo = createdTo == null ? Optional.empty() : createdTo;
        if (createdFrom.isPresent() && createdTo.isPresent() && !createdFrom.get().isBefore(createdTo.get())) {
            throw InvalidInputException.of("createdBefore", "must be after createdAfter");
        }
    }

    public static CallFilter none() {
        return new CallFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
