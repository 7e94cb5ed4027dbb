package io.wem.coaching.domain;

import io.wem.common.contracts.GapType;
import io.wem.common.security.Caller;
import io.wem.common.security.Roles;

/**
 * Who may see and work an intervention. Agent-level work (and its coaching notes) is visible to the supervisors
 * and coaches of the agent's team only; team-level process fixes and capacity adjustments also to the process
 * owner or WFM planner, who work across teams. Nobody else (not ciso, not platform-admin) reads coaching notes.
 */
public final class InterventionAccess {

    private InterventionAccess() {
    }

    /** {@code ownerPerson}: the named owner from the directory, null while UNASSIGNED. */
    public record Target(String agentId, String teamId, GapType gapType, OwnerRole ownerRole, String ownerPerson) {
        public Target(String agentId, String teamId, GapType gapType, OwnerRole ownerRole) {
            this(agentId, teamId, gapType, ownerRole, null);
        }
    }

    private static boolean isOwner(Caller c, Target t) {
        return t.ownerPerson() != null && c.username() != null && c.username().equals(t.ownerPerson());
    }

    public static boolean canRead(Caller c, Target t) {
        if (isOwner(c, t)) {
            return true;
        }
        if (c.hasAnyRole(Roles.SUPERVISOR, Roles.COACH) && c.memberOf(t.teamId())) {
            return true;
        }
        if (t.agentId() == null) {
            return (t.gapType() == GapType.PROCESS && c.hasRole(Roles.PROCESS_OWNER))
                    || (t.gapType() == GapType.CAPACITY && c.hasRole(Roles.WFM_PLANNER));
        }
        return false;
    }

    /**
     * Who may move the intervention: its named owner; otherwise a holder of the owner role's realm role who is
     * assigned to the team in the directory. While UNASSIGNED, cross-team roles (process owner, WFM planner) work
     * their role's fallback queue of any team.
     */
    public static boolean canAct(Caller c, Target t) {
        if (isOwner(c, t)) {
            return true;
        }
        boolean role = t.ownerRole().actingRealmRoles().stream().anyMatch(c::hasRole);
        return role && ((!t.ownerRole().teamScoped() && t.ownerPerson() == null) || c.memberOf(t.teamId()));
    }

    /** Who may hand an intervention to another person: the team's supervisors (directory) and platform admins. */
    public static boolean canReassign(Caller c, Target t) {
        return c.hasRole(Roles.PLATFORM_ADMIN) || (c.hasRole(Roles.SUPERVISOR) && c.memberOf(t.teamId()));
    }

    /** Human review of a guardrail's REQUIRE_HUMAN_REVIEW, and agreeing goal wording: the agent's supervisors/coaches. */
    public static boolean canReview(Caller c, Target t) {
        return t.agentId() != null && c.hasAnyRole(Roles.SUPERVISOR, Roles.COACH) && c.memberOf(t.teamId());
    }

    /** Triggering the follow-up evaluation now: a coach of the team, or a platform admin (operations). */
    public static boolean canEvaluate(Caller c, Target t) {
        return c.hasRole(Roles.PLATFORM_ADMIN) || (c.hasRole(Roles.COACH) && c.memberOf(t.teamId()));
    }
}
