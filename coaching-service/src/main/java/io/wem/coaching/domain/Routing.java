package io.wem.coaching.domain;

import io.wem.common.contracts.GapType;

/**
 * Who gets a gap. Skill and motivation gaps become one intervention per agent for the playbook's owner
 * (supervisor or coach) and pass the wellbeing guardrail first. Process and capacity gaps are not the agent's
 * to fix: they become one team-level intervention per team and behavior (process owner, WFM planner), and later
 * gaps of the same team and behavior attach to it as affected agents instead of creating agent coachings.
 */
public final class Routing {

    private Routing() {
    }

    public record Route(boolean agentLevel, OwnerRole ownerRole, String ownerKey, boolean needsGuardrail,
                        String aggregationKey) {
    }

    public static Route route(GapType gapType, String teamId, String behaviorId, PlaybookDefinition playbook) {
        if (gapType == GapType.PROCESS || gapType == GapType.CAPACITY) {
            OwnerRole owner = gapType == GapType.PROCESS ? OwnerRole.PROCESS_OWNER : OwnerRole.WFM_PLANNER;
            // The playbook may name a more specific team-level owner only of the same family.
            if (playbook != null && !playbook.ownerRole().teamScoped()) {
                owner = playbook.ownerRole();
            }
            return new Route(false, owner, ownerKey(owner, teamId), false,
                    teamId + "|" + behaviorId + "|" + gapType.name());
        }
        OwnerRole owner = playbook != null && playbook.ownerRole().teamScoped() ? playbook.ownerRole()
                : (gapType == GapType.MOTIVATION ? OwnerRole.SUPERVISOR : OwnerRole.COACH);
        return new Route(true, owner, ownerKey(owner, teamId), true, null);
    }

    /** The backlog and capacity key of an owner: {@code role:team}, optionally {@code role:team:person}. */
    public static String ownerKey(OwnerRole role, String teamId) {
        return role.key() + ":" + teamId;
    }
}
