package dev.switchboard.adapters.hamsa;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Hamsa's voice-agent endpoints. Bodies are JSON trees rather than bound classes: Hamsa answers in two
 * envelope and two agent shapes (HAMSA-API.md), which {@link HamsaJson} reads tolerantly, and trees need
 * no reflection registration in a native image.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface HamsaAgentsApi {

    @POST
    @Path("v2/voice-agents")
    JsonNode create(JsonNode body);

    @GET
    @Path("v2/voice-agents/{id}")
    JsonNode get(@PathParam("id") String id);

    @GET
    @Path("v2/voice-agents")
    JsonNode list(@QueryParam("page") int page, @QueryParam("perPage") int perPage);

    @PATCH
    @Path("v2/voice-agents/{id}")
    JsonNode update(@PathParam("id") String id, JsonNode body);

    @POST
    @Path("v1/voice-agents/clone")
    JsonNode cloneAgent(JsonNode body);
}
