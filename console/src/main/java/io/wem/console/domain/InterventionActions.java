package io.wem.console.domain;

import java.util.List;

/**
 * The moves an owner may ask for in each state, as coaching-service's state machine allows them
 * (ASSIGNED→SCHEDULED|IN_PROGRESS|CANCELLED, SCHEDULED→IN_PROGRESS|CANCELLED, IN_PROGRESS→COMPLETED|CANCELLED).
 * Offering them is only a convenience: coaching-service decides, and a refusal is shown with its reason.
 */
public final class InterventionActions {

    private InterventionActions() {
    }

    public record Action(String to, String label) {
    }

    public static List<Action> offered(String state) {
        if (state == null) {
            return List.of();
        }
        return switch (state) {
            case "ASSIGNED" -> List.of(new Action("SCHEDULED", "Schedule"), new Action("IN_PROGRESS", "Start"),
                    new Action("CANCELLED", "Cancel"));
            case "SCHEDULED" -> List.of(new Action("IN_PROGRESS", "Start"), new Action("CANCELLED", "Cancel"));
            case "IN_PROGRESS" -> List.of(new Action("COMPLETED", "Complete"), new Action("CANCELLED", "Cancel"));
            default -> List.of();
        };
    }
}
