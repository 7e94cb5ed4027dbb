package io.wem.coaching.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Backlog of one owner (role + team): how much open work, how old, how much is late, and whether the weekly
 * capacity can carry it. "Coaching backlogs keep growing" becomes a number with a cause.
 */
public final class Backlog {

    private Backlog() {
    }

    /** One open item as the calculator needs it. */
    public record Item(String interventionId, String ownerKey, String teamId, Instant createdAt, Instant deadline,
                       int priority) {
    }

    public record OwnerBacklog(String ownerKey, String teamId, int openCount, Double ageP50Hours, Double ageP90Hours,
                               int overdueCount, int weeklyCapacity, int dueWithinWeek, Double loadRatio,
                               boolean capacityBreached, Double weeksToClear, List<String> overdueInterventionIds) {
    }

    /**
     * @param capacities weekly capacity per owner key; owners without one get {@code defaultCapacity}
     */
    public static List<OwnerBacklog> compute(List<Item> open, Map<String, Integer> capacities, int defaultCapacity,
                                             Instant now) {
        Map<String, List<Item>> byOwner = new TreeMap<>();
        for (Item i : open) {
            byOwner.computeIfAbsent(i.ownerKey(), k -> new ArrayList<>()).add(i);
        }
        List<OwnerBacklog> out = new ArrayList<>();
        Instant weekAhead = now.plus(Duration.ofDays(7));
        for (Map.Entry<String, List<Item>> e : byOwner.entrySet()) {
            List<Item> items = e.getValue();
            List<Double> ages = new ArrayList<>();
            List<String> overdue = new ArrayList<>();
            int dueWithinWeek = 0;
            for (Item i : items) {
                ages.add(Duration.between(i.createdAt(), now).toMinutes() / 60.0);
                if (i.deadline() != null && i.deadline().isBefore(now)) {
                    overdue.add(i.interventionId());
                }
                // Load of the coming week: what is due in it, plus what is already late.
                if (i.deadline() == null || i.deadline().isBefore(weekAhead)) {
                    dueWithinWeek++;
                }
            }
            int capacity = capacities.getOrDefault(e.getKey(), defaultCapacity);
            // No capacity at all: ratio and weeks are undefined (null), and any load is a breach.
            Double ratio = capacity > 0 ? (double) dueWithinWeek / capacity : null;
            Double weeks = capacity > 0 ? (double) items.size() / capacity : null;
            out.add(new OwnerBacklog(e.getKey(), items.get(0).teamId(), items.size(), round(Statistics.percentile(ages, 50)),
                    round(Statistics.percentile(ages, 90)), overdue.size(), capacity, dueWithinWeek, round(ratio),
                    dueWithinWeek > capacity, round(weeks), overdue));
        }
        return out;
    }

    private static Double round(Double v) {
        if (v == null || !Double.isFinite(v)) {
            return v;
        }
        return Math.round(v * 100.0) / 100.0;
    }

}
