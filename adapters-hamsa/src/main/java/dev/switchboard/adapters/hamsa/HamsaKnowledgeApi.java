package dev.switchboard.adapters.hamsa;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Hamsa's knowledge-base endpoints (documentation's paths; the guide is silent on them). JSON trees, as for agents. */
@Path("/v1/voice-agents/knowledge-base")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface HamsaKnowledgeApi {

    @POST
    JsonNode create(JsonNode body);

    @GET
    @Path("{id}")
    JsonNode get(@PathParam("id") String id);

    @PATCH
    @Path("{id}")
    JsonNode update(@PathParam("id") String id, JsonNode body);

    @DELETE
    @Path("{id}")
    JsonNode delete(@PathParam("id") String id);

    @POST
    @Path("{id}/url")
    JsonNode addUrls(@PathParam("id") String id, JsonNode body);

    @POST
    @Path("toggle-activation")
    JsonNode toggleActivation(JsonNode body);
}
