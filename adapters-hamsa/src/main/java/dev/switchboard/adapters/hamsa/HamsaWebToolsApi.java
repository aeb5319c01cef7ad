package dev.switchboard.adapters.hamsa;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Hamsa's web-tool endpoints. The documentation puts creation under {@code /v2/voice-agents/web-tool}, the guide
 * at {@code /v2/web-tool}; Switchboard uses the documentation's, which is where the tool's other endpoints live.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface HamsaWebToolsApi {

    @POST
    @Path("v2/voice-agents/web-tool")
    JsonNode create(JsonNode body);

    @GET
    @Path("v2/voice-agents/web-tool/{id}")
    JsonNode get(@PathParam("id") String id);

    @PATCH
    @Path("v2/voice-agents/web-tool/{id}")
    JsonNode update(@PathParam("id") String id, JsonNode body);

    @POST
    @Path("v1/voice-agents/web-tool/toggle-activation")
    JsonNode toggleActivation(JsonNode body);

    @POST
    @Path("v1/voice-agents/web-tool/test-api-tool")
    JsonNode test(JsonNode body);
}
