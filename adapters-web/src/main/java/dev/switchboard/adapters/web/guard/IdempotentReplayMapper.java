package dev.switchboard.adapters.web.guard;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers a replayed request with its stored answer, as it was first given. */
public class IdempotentReplayMapper {

    @ServerExceptionMapper
    public Response replay(IdempotentReplay replay) {
        return replay.response();
    }
}
