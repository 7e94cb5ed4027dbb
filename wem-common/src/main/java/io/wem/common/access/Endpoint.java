package io.wem.common.access;

import java.util.List;

/**
 * One operation of a service as its code enforces it: HTTP method and path, who may call it, and which data classes
 * of personal data it reads and writes ({@link PersonalData}).
 *
 * @param security    ROLES (only {@code roles} may call), AUTHENTICATED (any valid token), PERMIT_ALL, DENY_ALL,
 *                    or UNSECURED (no annotation: a finding)
 * @param roles       the {@code @RolesAllowed} roles, sorted; empty unless security is ROLES
 * @param dataClasses reads and writes together (the matrix's original field, kept for its readers)
 * @param allAgents   people's roles that read any agent's data here ({@link PersonalData#allAgents()})
 * @param teamRoles   people's roles besides supervisor and coach scoped to their teams ({@link PersonalData#teamRoles()})
 * @param declared    false when the method has neither {@link PersonalData} nor {@link NoPersonalData}
 * @param operation   the Java method, {@code SimpleClass#method}
 */
public record Endpoint(String method, String path, String security, List<String> roles, List<String> dataClasses,
                       List<String> reads, List<String> writes, List<String> allAgents, List<String> teamRoles, boolean declared,
                       String operation) {

    public static final String ROLES = "ROLES";
    public static final String AUTHENTICATED = "AUTHENTICATED";
    public static final String PERMIT_ALL = "PERMIT_ALL";
    public static final String DENY_ALL = "DENY_ALL";
    public static final String UNSECURED = "UNSECURED";

    public String key() {
        return method + " " + path;
    }
}
