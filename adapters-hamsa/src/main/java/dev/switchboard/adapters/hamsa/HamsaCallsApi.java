package dev.switchboard.adapters.hamsa;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Hamsa's call endpoints, with JSON trees for bodies as in {@link HamsaAgentsApi}. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface HamsaCallsApi {

    @POST
    @Path("v1/voice-agents/call")
    JsonNode placeCall(JsonNode body);

    /** A web conversation for a browser to join: {@code {voiceAgentId, params, voiceEnablement}} -> {@code data.jobId}. */
    @POST
    @Path("v1/voice-agents/conversation-init")
    JsonNode initConversation(JsonNode body);

    @GET
    @Path("v1/voice-agents/conversation/{id}")
    JsonNode conversation(@PathParam("id") String id);

    /** The documentation's list; the guide's {@code POST .../conversations/list} takes the same filters. */
    @GET
    @Path("v1/voice-agents/conversations/minimal-list")
    JsonNode conversations(@QueryParam("voiceAgentId") String voiceAgentId, @QueryParam("startTime") String startTime,
                           @QueryParam("page") int page, @QueryParam("perPage") int perPage);
}
