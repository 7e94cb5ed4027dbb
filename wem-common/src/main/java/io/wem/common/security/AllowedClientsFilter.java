package io.wem.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.wem.common.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Enforces {@link AllowedClients}: the token's azp must name an allowed client (after authentication). */
public class AllowedClientsFilter {

    @Inject
    SecurityIdentity identity;

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION + 10)
    public void check(ContainerRequestContext request, @Context ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        AllowedClients rule = method.getAnnotation(AllowedClients.class);
        if (rule == null) {
            rule = resource.getResourceClass().getAnnotation(AllowedClients.class);
        }
        if (rule == null || identity == null || identity.isAnonymous()) {
            return; // anonymous callers get the role check's 401
        }
        if (!appliesTo(rule, identity.getRoles())) {
            return;
        }
        String azp = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("azp") != null
                ? String.valueOf(jwt.<Object>getClaim("azp")).replace("\"", "") : null;
        if (azp == null || !List.of(rule.value()).contains(azp)) {
            throw ProblemException.forbidden("this endpoint is internal: the calling client is not allowed here");
        }
    }

    /**
     * True when the caller holds one of the rule's service roles (or the rule names none): such a caller must come
     * from an allowed client, whatever other roles it also holds (a person's token never legitimately carries a
     * service role, and the service role widens what the endpoint answers).
     */
    static boolean appliesTo(AllowedClients rule, Set<String> callerRoles) {
        return rule.roles().length == 0 || Arrays.stream(rule.roles()).anyMatch(callerRoles::contains);
    }
}
