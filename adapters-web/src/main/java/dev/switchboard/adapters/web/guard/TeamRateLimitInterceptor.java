package dev.switchboard.adapters.web.guard;

import dev.switchboard.adapters.web.security.Callers;
import dev.switchboard.domain.port.in.AdmitTeamRequestUseCase;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Runs after the scope check (so only the team's own, authorised requests count) and before idempotency. */
@TeamRateLimited
@Interceptor
@Priority(Interceptor.Priority.APPLICATION + 10)
public class TeamRateLimitInterceptor {

    private final AdmitTeamRequestUseCase admit;
    private final SecurityIdentity identity;
    private final RequestState state;

    TeamRateLimitInterceptor(AdmitTeamRequestUseCase admit, SecurityIdentity identity, RequestState state) {
        this.admit = admit;
        this.identity = identity;
        this.state = state;
    }

    @AroundInvoke
    Object admit(InvocationContext invocation) throws Exception {
        state.admitted(admit.admit(Callers.of(identity)));
        return invocation.proceed();
    }
}
