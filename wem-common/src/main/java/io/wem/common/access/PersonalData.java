package io.wem.common.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The retention data classes ({@code io.wem.common.contracts.DataClasses}) of agents' personal data a resource method
 * reads (returns to its caller) or writes. Every resource method carries this or {@link NoPersonalData}; the access
 * matrix each service publishes ({@code GET /api/v1/internal/access-matrix}) is built from it and from the method's
 * {@code @RolesAllowed}, and a test of every service fails on a method with neither.
 *
 * <p>Scope of the roles that may call the method, as {@code AgentScope} applies it: {@code agent} reads only their own
 * data, {@code supervisor} and {@code coach} only that of agents in their teams, service-account roles any agent's,
 * the roles in {@link #allAgents()} any agent's, the roles in {@link #teamRoles()} those of their teams like a
 * supervisor; every other role of the {@code @RolesAllowed} list reads no agent's
 * data through this method (it may call it and gets nothing personal, or 403).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PersonalData {

    /** Stands for every data class this service holds (its {@code PersonalDataStore}s), e.g. a subject export. */
    String HELD_BY_SERVICE = "held-by-service";

    /** Stands for every data class of the suite ({@code DataClasses.ALL}), e.g. a data-subject access export. */
    String ALL_CLASSES = "all-classes";

    /** Data classes whose content the method returns. */
    String[] reads() default {};

    /** Data classes the method creates, changes or deletes. */
    String[] writes() default {};

    /** People's roles (besides service accounts) that read any agent's data through this method, not only a scope. */
    String[] allAgents() default {};

    /** People's roles besides supervisor and coach that read the data of agents in their own teams here. */
    String[] teamRoles() default {};
}
