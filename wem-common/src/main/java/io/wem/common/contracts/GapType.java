package io.wem.common.contracts;

/** Likely cause of a behavior gap; decides who owns the intervention. */
public enum GapType {
    /** Specific to the agent and persistent → supervisor or coach. */
    SKILL,
    /** An agent who met the standard declines against their own history → supervisor. */
    MOTIVATION,
    /** Shared by a large share of a team or queue → one process fix for the process owner. */
    PROCESS,
    /** Moves with occupancy or understaffed intervals → WFM planner. */
    CAPACITY
}
