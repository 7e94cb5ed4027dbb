package io.wem.governance.domain.approval;

/** Changes that weaken a protection and therefore need a second person (four eyes). */
public enum ChangeKind {
    /** A retention window made shorter: data would be deleted earlier than the policy promised. */
    RETENTION_SHORTEN,
    /** A legal hold released: data it protected becomes purgeable and erasable. */
    HOLD_RELEASE
}
