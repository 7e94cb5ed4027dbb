package io.wem.governance.domain.directory;

import java.util.Locale;
import java.util.Optional;

/** What a person is to a team (or, for coaches and trainers, optionally to one agent of it). Wire names match the realm roles. */
public enum DirectoryRole {
    AGENT("agent"),
    SUPERVISOR("supervisor"),
    COACH("coach"),
    TRAINER("trainer"),
    QA_ANALYST("qa-analyst"),
    WFM_PLANNER("wfm-planner"),
    PROCESS_OWNER("process-owner");

    private final String wire;

    DirectoryRole(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<DirectoryRole> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String n = s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (DirectoryRole r : values()) {
            if (r.wire.equals(n)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
