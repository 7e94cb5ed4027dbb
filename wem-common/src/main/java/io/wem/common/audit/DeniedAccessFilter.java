package io.wem.common.audit;

import io.quarkus.runtime.BlockingOperationControl;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.wem.common.openapi.Ids;
import io.wem.common.security.Caller;
import io.wem.common.security.CurrentCaller;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A refused attempt on one agent's data is part of what that agent is told ({@code GET /api/v1/transparency/me}):
 * every 403 answer to a request whose path names an agent ({@code {agentId}}) is audited as DENIED, whether the role
 * check ({@code @RolesAllowed}) or the scope check ({@code AgentScope}) refused it. Anonymous callers get 401, not
 * 403, and are not audited (no identity to record).
 */
public class DeniedAccessFilter {

    static final String AGENT_PARAM = "agentId";

    @Inject
    Audit audit;

    @Inject
    CurrentCaller caller;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @ServerResponseFilter
    public void auditRefusal(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 403) {
            return;
        }
        String agentId = request.getUriInfo().getPathParameters().getFirst(AGENT_PARAM);
        if (agentId == null) {
            return;
        }
        Caller c = caller.get();
        String action = "GET".equals(request.getMethod()) ? "READ" : request.getMethod();
        String path = request.getUriInfo().getPath().replaceFirst("^/", "");
        if (!storableId(agentId)) {
            // No agent has such an id (control characters, or longer than any id the suite stores): the refusal is
            // still recorded, without a subject and without echoing the raw value, which the log could not hold.
            agentId = null;
            path = "(malformed agent id)";
        }
        String subject = agentId;
        String resource = service + ":" + request.getMethod() + " /" + path;
        if (BlockingOperationControl.isBlockingAllowed()) {
            audit.deniedAlone(c, subject, action, resource);
        } else {
            // a role refusal can be answered on the event loop: the outbox write needs a worker thread
            Infrastructure.getDefaultWorkerPool().execute(() -> audit.deniedAlone(c, subject, action, resource));
        }
    }

    static boolean storableId(String id) {
        return id.length() <= Ids.MAX && id.chars().noneMatch(Character::isISOControl);
    }
}
