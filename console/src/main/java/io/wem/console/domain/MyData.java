package io.wem.console.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * "My data": what each service holds about the signed-in agent, as counts, from the agent's own endpoints (the same
 * data a manager reads, never more). Built from the services' answers as plain maps and lists; a service that did not
 * answer gives a row that says so instead of a number, so a missing answer never reads as "nothing held".
 */
public final class MyData {

    private MyData() {
    }

    /** One kind of data: who holds it, and what the numbers are (or why they could not be read). */
    public record Row(String category, String heldBy, List<String> numbers, String unavailable) {
    }

    /** A service's answer: the body when it answered, else the readable error. */
    public record Answer(Object body, String error) {
        public static Answer of(Object body, String error) {
            return new Answer(body, error);
        }
    }

    private static final Set<String> CLOSED_STATES = Set.of("CLOSED_EFFECTIVE", "CLOSED_INEFFECTIVE",
            "CLOSED_INCONCLUSIVE", "CANCELLED");

    public static List<Row> rows(Answer behaviors, Answer interventions, Answer wellbeing, Answer contests,
            Answer transparency) {
        List<Row> rows = new ArrayList<>();
        rows.add(row("Behavior measurements", "signal-service", behaviors, MyData::behaviorNumbers));
        rows.add(row("Coaching interventions", "coaching-service", interventions, MyData::interventionNumbers));
        rows.add(row("Wellbeing: load, recovery, monitoring", "wellbeing-service", wellbeing, MyData::wellbeingNumbers));
        rows.add(row("Contests of automated decisions", "wellbeing-service", contests, MyData::contestNumbers));
        rows.add(row("Records of who read or changed your data", "governance-service", transparency,
                MyData::accessNumbers));
        return rows;
    }

    private interface Numbers {
        List<String> of(Object body);
    }

    private static Row row(String category, String heldBy, Answer answer, Numbers numbers) {
        if (answer.error() != null || answer.body() == null) {
            return new Row(category, heldBy, List.of(),
                    answer.error() != null ? answer.error() : heldBy + " gave no answer");
        }
        return new Row(category, heldBy, numbers.of(answer.body()), null);
    }

    private static List<String> behaviorNumbers(Object body) {
        List<?> list = list(body);
        long calls = sum(list, b -> number(b.get("sampleSize")));
        return List.of(count(list.size(), "behavior tracked", "behaviors tracked") + ", "
                        + sum(list, b -> number(b.get("sampleSize")) > 0 ? 1 : 0) + " with data",
                count(calls, "interaction in the current windows", "interactions in the current windows"),
                count(sum(list, b -> b.get("openGap") != null ? 1 : 0), "open gap", "open gaps"));
    }

    private static List<String> interventionNumbers(Object body) {
        List<?> list = list(body);
        return List.of(count(list.size(), "intervention", "interventions"),
                sum(list, i -> CLOSED_STATES.contains(String.valueOf(i.get("state"))) ? 0 : 1) + " not closed",
                count(sum(list, i -> i.get("reflection") != null ? 1 : 0), "reflection you wrote",
                        "reflections you wrote"),
                count(sum(list, i -> i.get("disputedAt") != null ? 1 : 0), "dispute", "disputes"));
    }

    private static List<String> wellbeingNumbers(Object body) {
        Map<?, ?> w = map(body);
        Map<?, ?> load = map(w.get("load"));
        Map<?, ?> intensity = map(w.get("intensity"));
        Map<?, ?> recovery = map(w.get("recovery"));
        Map<?, ?> coaching = map(w.get("coaching"));
        List<String> out = new ArrayList<>();
        if (!load.isEmpty()) {
            out.add(count(number(load.get("interactions")), "interaction", "interactions") + " in the last "
                    + number(load.get("windowDays")) + " days, " + number(load.get("difficult")) + " of them difficult");
        }
        if (!intensity.isEmpty()) {
            out.add("monitoring intensity " + text(intensity.get("index")) + " (cap " + text(intensity.get("indexCap"))
                    + ")");
        }
        if (!recovery.isEmpty()) {
            out.add(number(recovery.get("recoveryDebtMinutes")) + " minutes of recovery owed");
        }
        if (!coaching.isEmpty()) {
            out.add(count(number(coaching.get("pressureSessions")) + number(coaching.get("supportSessions")),
                    "coaching session", "coaching sessions"));
        }
        return out;
    }

    private static List<String> contestNumbers(Object body) {
        List<?> list = list(body);
        return List.of(count(list.size(), "contest", "contests"),
                sum(list, c -> "PENDING".equals(String.valueOf(c.get("status"))) ? 1 : 0) + " awaiting a decision");
    }

    /** The one counting loop of this page: a number taken from each item of a service's list, added up. */
    private static long sum(List<?> items, ToLongFunction<Map<?, ?>> each) {
        long total = 0;
        for (Object o : items) {
            total += each.applyAsLong(map(o));
        }
        return total;
    }

    private static List<String> accessNumbers(Object body) {
        return List.of(count(number(map(body).get("accessesTotal")), "recorded access", "recorded accesses"));
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static long number(Object o) {
        return o instanceof Number n ? n.longValue() : 0;
    }

    private static String text(Object o) {
        return o == null ? "—" : o.toString();
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }

    private static Map<?, ?> map(Object o) {
        return o instanceof Map<?, ?> m ? m : Map.of();
    }
}
