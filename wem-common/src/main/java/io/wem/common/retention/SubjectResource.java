package io.wem.common.retention;

import io.wem.common.access.PersonalData;
import io.wem.common.audit.Audit;
import io.wem.common.contracts.SubjectErasure;
import io.wem.common.contracts.SubjectExport;
import io.wem.common.security.CurrentCaller;
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

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Internal endpoints governance-service calls to serve data-subject requests. Only the service account with
 * {@code svc-subject-requests} may call them; governance decides about legal holds before it asks for erasure.
 */
@Path("/api/v1/internal/subjects/{agentId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subject requests (internal)")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.SVC_SUBJECT_REQUESTS)
public class SubjectResource {

    @Inject
    Instance<PersonalDataStore> stores;

    @Inject
    CurrentCaller caller;

    @Inject
    Audit audit;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @GET
    @PersonalData(reads = PersonalData.HELD_BY_SERVICE)
    @Transactional
    @Operation(summary = "Export everything this service holds about an agent",
            description = "Returns the agent's records per data class. Used by governance-service for access requests.")
    public SubjectExport export(@Parameter(example = "agent-north-01") @PathParam("agentId") String agentId) {
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
    public SubjectErasure erase(@Parameter(example = "agent-north-01") @PathParam("agentId") String agentId) {
        Map<String, Long> erased = new LinkedHashMap<>();
        for (PersonalDataStore store : stores) {
            erased.put(store.dataClass(), store.erase(agentId));
        }
        audit.change(caller.get(), agentId, "ERASE", service + ":subject-erasure", "data-subject erasure request");
        return new SubjectErasure(service, agentId, erased);
    }
}
