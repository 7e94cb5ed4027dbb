package io.wem.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.wem.common.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashSet;
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
        if (!appliesTo(rule, method, resource.getResourceClass(), identity.getRoles())) {
            return;
        }
        String azp = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("azp") != null
                ? String.valueOf(jwt.<Object>getClaim("azp")).replace("\"", "") : null;
        if (azp == null || !List.of(rule.value()).contains(azp)) {
            throw ProblemException.forbidden("this endpoint is internal: the calling client is not allowed here");
        }
    }

    /** True unless the caller also holds a role the endpoint admits that is not one of the rule's service roles. */
    static boolean appliesTo(AllowedClients rule, Method method, Class<?> type, Set<String> callerRoles) {
        if (rule.roles().length == 0) {
            return true;
        }
        RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            allowed = type.getAnnotation(RolesAllowed.class);
        }
        Set<String> others = new HashSet<>(allowed == null ? List.of() : Arrays.asList(allowed.value()));
        Arrays.asList(rule.roles()).forEach(others::remove);
        return callerRoles.stream().noneMatch(others::contains);
    }
}
