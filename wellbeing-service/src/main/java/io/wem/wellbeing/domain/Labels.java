package io.wem.wellbeing.domain;

/** Words for reasons and alerts that people read. */
final class Labels {
    private Labels() {
    }

    static String of(Enum<?> kind) {
        return switch (kind.name()) {
            case "QA_EVALUATION" -> "QA evaluation";
            case "LIVE_MONITORING" -> "live monitoring";
            case "SCREEN_RECORDING_REVIEW" -> "screen-recording review";
            case "ADHERENCE_ALERT" -> "adherence alert";
            case "AUTOMATED_SCORE" -> "automated score";
            case "PERFORMANCE_PLAN" -> "performance plan";
            case "COACHING_SESSION" -> "coaching session";
            case "RECOGNITION" -> "recognition";
            default -> kind.name().toLowerCase().replace('_', ' ');
        };
    }

    /** "3 QA evaluations", "1 live-monitoring session". */
    static String count(Enum<?> kind, int n) {
        String noun = switch (kind.name()) {
            case "LIVE_MONITORING" -> "live-monitoring session";
            case "RECOGNITION" -> "recognition";
            default -> of(kind);
        };
        return n + " " + (n == 1 ? noun : noun + "s");
    }

    static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
