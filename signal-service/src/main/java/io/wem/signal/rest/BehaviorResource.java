package io.wem.signal.rest;

import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;
import io.wem.common.openapi.Ids;
import jakarta.validation.Valid;
import io.wem.common.access.NoPersonalData;
import io.wem.common.problem.Problem;
import io.wem.common.problem.ProblemException;
import io.wem.common.security.CurrentCaller;
import io.wem.common.security.Roles;
import io.wem.signal.persistence.BehaviorRepository;
import io.wem.signal.service.BehaviorService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

@Path("/api/v1/behaviors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Behavior catalog")
@SecurityRequirement(name = "bearer")
public class BehaviorResource {
    static final String EXAMPLE = "{\"id\":\"acw-habits\",\"version\":1,\"name\":\"After-call work habits\","
            + "\"description\":\"Long wrap-up after interactions while customer satisfaction is fine\","
            + "\"metric\":\"acw_seconds\",\"filters\":{},\"comparison\":\"TEAM_MEDIAN\",\"percentile\":null,"
            + "\"target\":null,\"direction\":\"HIGHER_IS_WORSE\",\"window\":\"PT336H\",\"minSample\":20,"
            + "\"minEffectSize\":0.8,\"gapTypeHints\":[\"SKILL\",\"PROCESS\"],\"customerImpact\":0.3,"
            + "\"satisfactionGuard\":true,\"enabled\":true,\"changedBy\":\"system:built-in\","
            + "\"changedAt\":\"2026-11-25T09:00:00Z\"}";
    static final String REQUEST = "{\"id\":\"complaint-empathy-chat\",\"name\":\"Empathy on chat complaints\","
            + "\"metric\":\"empathy_score\",\"filters\":{\"contactReason\":\"complaint\",\"channel\":\"chat\"},"
            + "\"comparison\":\"TEAM_PERCENTILE\",\"percentile\":25,\"direction\":\"LOWER_IS_WORSE\","
            + "\"window\":\"P30D\",\"minSample\":8,\"minEffectSize\":0.8,\"gapTypeHints\":[\"SKILL\"],"
            + "\"customerImpact\":0.9}";

    @Inject
    BehaviorService service;

    @Inject
    BehaviorRepository repository;

    @Inject
    CurrentCaller caller;

    @GET
    @NoPersonalData
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.COACH, Roles.QA_ANALYST, Roles.WFM_PLANNER,
            Roles.PROCESS_OWNER, Roles.PLATFORM_ADMIN, Roles.SERVICE, Roles.SVC_MEASUREMENTS})
    @Operation(summary = "The behavior catalog (current versions)",
            description = "Every behavior the detector evaluates, built-in and custom, at its current version.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BehaviorDto.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY),
            examples = @ExampleObject(name = "built-in", value = "[" + EXAMPLE + "]")))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "The token has no suite role")
    public List<BehaviorDto> list() {
        return repository.current().stream().map(v -> BehaviorDto.of(v.behavior(), v.changedBy(), v.changedAt()))
                .toList();
    }

    @GET
    @NoPersonalData
    @Path("/{id}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.COACH, Roles.QA_ANALYST, Roles.WFM_PLANNER,
            Roles.PROCESS_OWNER, Roles.PLATFORM_ADMIN, Roles.SERVICE, Roles.SVC_MEASUREMENTS})
    @Operation(summary = "One behavior at its current version")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BehaviorDto.class), examples = @ExampleObject(name = "acw", value = EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such behavior",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BehaviorDto get(@PathParam("id") @Pattern(regexp = Ids.PATTERN) @Size(max = Ids.MAX) String id) {
        BehaviorRepository.Version v = repository.current(id).orElseThrow(() -> ProblemException.notFound("behavior " + id));
        return BehaviorDto.of(v.behavior(), v.changedBy(), v.changedAt());
    }

    @GET
    @NoPersonalData
    @Path("/{id}/versions")
    @RolesAllowed({Roles.QA_ANALYST, Roles.PLATFORM_ADMIN, Roles.SUPERVISOR, Roles.COACH, Roles.PROCESS_OWNER})
    @Operation(summary = "Every version of one behavior, newest first", description = "The change history: who changed "
            + "what, when. Gaps name the behavior version they were detected with.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BehaviorDto.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "No such behavior")
    public List<BehaviorDto> versions(@PathParam("id") @Pattern(regexp = Ids.PATTERN) @Size(max = Ids.MAX) String id) {
        List<BehaviorRepository.Version> h = repository.history(id);
        if (h.isEmpty()) {
            throw ProblemException.notFound("behavior " + id);
        }
        return h.stream().map(v -> BehaviorDto.of(v.behavior(), v.changedBy(), v.changedAt())).toList();
    }

    @POST
    @NoPersonalData
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.QA_ANALYST, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Add a behavior (version 1)")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BehaviorDto.class),
            examples = @ExampleObject(name = "chat empathy", value = REQUEST)))
    @APIResponse(responseCode = "201", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BehaviorDto.class)))
    @APIResponse(responseCode = "400", description = "Invalid definition; `errors[].field` names the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Only qa-analyst and platform-admin manage the catalog")
    @APIResponse(responseCode = "409", description = "The id exists (use PUT)")
    public Response create(@Valid BehaviorDto body) {
        if (body == null) {
            throw ProblemException.badRequest("body", "must not be empty");
        }
        BehaviorRepository.Version v = service.create(body.toBehavior(body.id(), 1), caller.get());
        return Response.created(URI.create("/api/v1/behaviors/" + v.behavior().id()))
                .entity(BehaviorDto.of(v.behavior(), v.changedBy(), v.changedAt())).build();
    }

    @PUT
    @NoPersonalData
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.QA_ANALYST, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Change a behavior (creates the next version)", description = "The whole definition is "
            + "replaced; earlier versions stay readable. Open gaps keep the version they were detected with.")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BehaviorDto.class),
            examples = @ExampleObject(name = "acw stricter", value = REQUEST)))
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BehaviorDto.class)))
    @APIResponse(responseCode = "400", description = "Invalid definition",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Only qa-analyst and platform-admin manage the catalog")
    @APIResponse(responseCode = "404", description = "No such behavior")
    public BehaviorDto update(@PathParam("id") @Pattern(regexp = Ids.PATTERN) @Size(max = Ids.MAX) String id, @Valid BehaviorDto body) {
        if (body == null) {
            throw ProblemException.badRequest("body", "must not be empty");
        }
        if (body.id() != null && !body.id().equals(id)) {
            throw ProblemException.badRequest("id", "must match the path or be omitted");
        }
        BehaviorRepository.Version v = service.update(body.toBehavior(id, 0), caller.get());
        return BehaviorDto.of(v.behavior(), v.changedBy(), v.changedAt());
    }
}
