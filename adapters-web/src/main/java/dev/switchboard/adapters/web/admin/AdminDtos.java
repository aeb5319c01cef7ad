package dev.switchboard.adapters.web.admin;

import dev.switchboard.domain.model.ApiKey;
import dev.switchboard.domain.model.AuditEntry;
import dev.switchboard.domain.model.IssuedApiKey;
import dev.switchboard.domain.model.Scope;
import dev.switchboard.domain.model.Team;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The admin API's bodies: requests as clients send them, responses built from domain objects. */
// Some answers go out inside a built Response, where Quarkus cannot see their type: registered for native.
@RegisterForReflection(targets = {AdminDtos.TeamResponse.class, AdminDtos.ApiKeyResponse.class})
final class AdminDtos {

    private AdminDtos() {
    }

    @Schema(name = "CreateTeamRequest")
    record CreateTeamRequest(
            String name,
            @Schema(description = "The team's own request limit per minute; absent for the service default")
            Integer requestsPerMinute) {
    }

    @Schema(name = "UpdateTeamRequest")
    record UpdateTeamRequest(
            @Schema(description = "The team's own request limit per minute; null puts it back on the service default",
                    nullable = true)
            Integer requestsPerMinute) {
    }

    @Schema(name = "Team")
    record TeamResponse(String id, String name, Integer requestsPerMinute, Instant createdAt) {
        static TeamResponse of(Team t) {
            return new TeamResponse(t.id().toString(), t.name(), t.requestsPerMinute(), t.createdAt());
        }
    }

    @Schema(name = "TeamPage")
    record TeamPageResponse(List<TeamResponse> items, String nextCursor) {
    }

    @Schema(name = "IssueApiKeyRequest")
    record IssueKeyRequest(
            String name,
            @Schema(description = "What the key may do, e.g. [\"agents:read\", \"agents:write\"]") List<String> scopes) {
    }

    @Schema(name = "RotateApiKeyRequest")
    record RotateKeyRequest(
            @Schema(description = "Seconds the old key keeps working (0 to 604800); absent for 0") Long overlapSeconds) {
    }

    @Schema(name = "ApiKey")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ApiKeyResponse(
            String id, String teamId, String name,
            @Schema(description = "The key's first characters, to tell keys apart") String prefix,
            List<String> scopes, Instant createdAt,
            @Schema(description = "When the key stops or stopped working; absent while it works") Instant revokedAt,
            @Schema(description = "The key itself: shown only in the answer that creates it; store it now") String key) {

        static ApiKeyResponse of(ApiKey k) {
            return new ApiKeyResponse(k.id().toString(), k.teamId().toString(), k.name(), k.prefix(),
                    k.scopes().stream().map(Scope::wire).sorted().toList(), k.createdAt(), k.revokedAt(), null);
        }

        static ApiKeyResponse issued(IssuedApiKey issued) {
            ApiKeyResponse shown = of(issued.key());
            return new ApiKeyResponse(shown.id(), shown.teamId(), shown.name(), shown.prefix(), shown.scopes(),
                    shown.createdAt(), shown.revokedAt(), issued.token());
        }

        @Override
        public String toString() {
            return "ApiKeyResponse[id=" + id + ", key=<hidden>]";
        }
    }

    @Schema(name = "ApiKeyList")
    record ApiKeyListResponse(List<ApiKeyResponse> items) {
    }

    @Schema(name = "AuditEntry")
    record AuditEntryResponse(String id, Instant at, String actor, String teamId, String apiKeyId, String action,
                              String target, String requestId, int status, String outcome) {
        static AuditEntryResponse of(AuditEntry a) {
            return new AuditEntryResponse(a.id().toString(), a.at(), a.actor(),
                    a.team() == null ? null : a.team().toString(), a.key() == null ? null : a.key().toString(),
                    a.action(), a.target(), a.requestId(), a.status(), a.outcome());
        }
    }

    @Schema(name = "AuditPage")
    record AuditPageResponse(List<AuditEntryResponse> items, String nextCursor) {
    }
}
