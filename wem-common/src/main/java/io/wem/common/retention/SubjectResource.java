package io.wem.common.retention;

import io.wem.common.access.PersonalData;
import io.wem.common.audit.Audit;
import io.wem.common.contracts.SubjectErasure;
import io.wem.common.contracts.SubjectExport;
import io.wem.common.security.CurrentCaller;
import io.wem.common.security.AllowedClients;
import io.wem.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.wem.common.contracts.LegalHoldScope;
import io.wem.common.openapi.Ids;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.wem.common.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Internal endpoints governance-service calls to serve data-subject requests. Only the service account with
 * {@code svc-subject-requests} may call them. Erasure asks governance for the active legal holds itself, at the
 * moment of deletion: a hold naming the agent refuses it (409), interaction holds keep the records they cover, and
 * when governance does not answer nothing is deleted (503).
 */
@Path("/api/v1/internal/subjects/{agentId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subject requests (internal)")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.SVC_SUBJECT_REQUESTS)
@AllowedClients("governance-service")
public class SubjectResource {

    @Inject
    Instance<PersonalDataStore> stores;

    @Inject
    CurrentCaller caller;

    @Inject
    Audit audit;

    @Inject
    LegalHolds legalHolds;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @GET
    @PersonalData(reads = PersonalData.HELD_BY_SERVICE)
    @Transactional
    @Operation(summary = "Export everything this service holds about an agent",
            description = "Returns the agent's records per data class. Used by governance-service for access requests.")
    @APIResponse(responseCode = "200", description = "The agent's records per data class")
    @APIResponse(responseCode = "400", description = "The agent id has control characters or is over 128 characters")
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not governance-service's service account")
    public SubjectExport export(@Parameter(example = "agent-north-01") @PathParam("agentId")
            @Pattern(regexp = Ids.AGENT_PATTERN) @Size(max = Ids.MAX) String agentId) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (PersonalDataStore store : stores) {
            data.put(store.dataClass(), store.export(agentId));
        }
        audit.change(caller.get(), agentId, "EXPORT", service + ":subject-export", "data-subject access request");
        return new SubjectExport(service, agentId, data);
    }

    @DELETE
    @PersonalData(writes = PersonalData.HELD_BY_SERVICE)
    @Transactional
    @Operation(summary = "Erase everything this service holds about an agent",
            description = "Deletes the agent's records in every data class and returns the counts.")
    @APIResponse(responseCode = "200", description = "Erased; counts per data class")
    @APIResponse(responseCode = "400", description = "The agent id has control characters or is over 128 characters")
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not governance-service's service account")
    @APIResponse(responseCode = "409", description = "An active legal hold covers the agent's records")
    @APIResponse(responseCode = "503", description = "governance-service did not answer with the legal holds")
    public SubjectErasure erase(@Parameter(example = "agent-north-01") @PathParam("agentId")
            @Pattern(regexp = Ids.AGENT_PATTERN) @Size(max = Ids.MAX) String agentId) {
        List<LegalHoldScope> holds;
        try {
            holds = legalHolds.active();
        } catch (RuntimeException e) {
            throw ProblemException.unavailable("legal holds could not be checked; nothing was erased",
                    Duration.ofSeconds(30));
        }
        if (holds.stream().anyMatch(h -> h.agentIds() != null && h.agentIds().contains(agentId))) {
            throw ProblemException.conflict("an active legal hold names this agent; nothing was erased");
        }
        Map<String, Long> erased = new LinkedHashMap<>();
        for (PersonalDataStore store : stores) {
            try {
                erased.put(store.dataClass(), store.erase(agentId, holds));
            } catch (PersonalDataStore.HeldDataException e) {
                throw ProblemException.conflict("an active legal hold covers some of this agent's "
                        + store.dataClass() + " records; nothing was erased");
            }
        }
        audit.change(caller.get(), agentId, "ERASE", service + ":subject-erasure", "data-subject erasure request");
        return new SubjectErasure(service, agentId, erased);
    }
}
