package io.wem.signal.calibration;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A generated contact center for calibration, written apart from the detector: it imports nothing from the domain
 * (no thresholds, no behavior definitions, no reason or queue names). The organisation has one random reason
 * vocabulary; each team handles its own subset of it in its own mix and has its own queues, agents differ (random baselines), every interval is mildly understaffed, agents miss
 * days and calls miss their reason or queue; planted situations change hold time, or the transfer rate, by a ratio on
 * a grid.
 */
final class SyntheticCenter {

    /** What is planted: hold time (the first five), or the transfer rate (TRANSFER_*), by a ratio. */
    enum Kind {
        SKILL, SKILL_ONE_REASON, MOTIVATION, PROCESS, CAPACITY,
        TRANSFER_SKILL, TRANSFER_ONE_REASON, TRANSFER_MOTIVATION, TRANSFER_PROCESS;

        boolean onTransfers() {
            return name().startsWith("TRANSFER_");
        }

        /** Planted on many agents of a team, found when a third of them (at least 3) show it. */
        boolean teamWide() {
            return this == PROCESS || this == CAPACITY || this == TRANSFER_PROCESS;
        }

        static List<Kind> onHold() {
            return java.util.Arrays.stream(values()).filter(k -> !k.onTransfers()).toList();
        }

        static List<Kind> onTransferRate() {
            return java.util.Arrays.stream(values()).filter(Kind::onTransfers).toList();
        }
    }

    record Call(String agent, String team, String id, Instant at, String queue, String reason, double hold,
                double acw, boolean transferred, boolean repeat, Integer csat) {
    }

    record Staffing(String team, Instant start, Instant end, int scheduled, int required) {
    }

    /** What was planted: kind, the hold-time ratio, the team, the agents who show it, and the reason if one. */
    record Plant(Kind kind, double ratio, String team, List<String> agents, String reason) {
    }

    final List<Call> calls = new ArrayList<>();
    final List<Staffing> staffing = new ArrayList<>();
    final List<Plant> plants = new ArrayList<>();
    final Map<String, List<String>> agentsByTeam = new LinkedHashMap<>();
    final Instant start;
    final int days;

    static final int HOURS_OPEN = 9;

    private SyntheticCenter(Instant start, int days) {
        this.start = start;
        this.days = days;
    }

    private static String word(Random r) {
        String letters = "abcdefghijklmnopqrstuvwxyz";
        StringBuilder s = new StringBuilder();
        int len = 4 + r.nextInt(6);
        for (int k = 0; k < len; k++) {
            s.append(letters.charAt(r.nextInt(letters.length())));
        }
        return s.toString();
    }

    /**
     * @param ratios hold-time ratio per planted kind (empty: a null population)
     */
    static SyntheticCenter generate(long seed, int teams, int agentsPerTeam, int days, Map<Kind, Double> ratios) {
        Random r = new Random(seed);
        SyntheticCenter c = new SyntheticCenter(Instant.parse("2026-03-02T00:00:00Z"), days);
        List<String> teamIds = new ArrayList<>();
        for (int t = 0; t < teams; t++) {
            String team = "tm-" + word(r);
            teamIds.add(team);
            List<String> agents = new ArrayList<>();
            for (int a = 0; a < agentsPerTeam; a++) {
                agents.add(team + "-" + word(r));
            }
            c.agentsByTeam.put(team, agents);
        }
        // Plants: each kind on its own team where possible, agents picked at random.
        List<Kind> kinds = new ArrayList<>(ratios.keySet());
        Map<String, List<Plant>> plantsByTeam = new LinkedHashMap<>();
        Map<String, String[]> reasonsByTeam = new LinkedHashMap<>();
        Map<String, double[]> mixByTeam = new LinkedHashMap<>();
        Map<String, String[]> queuesByTeam = new LinkedHashMap<>();
        // One organisation, one reason vocabulary (generated names); reasons differ in hold time org-wide, and each
        // team handles its own subset of 3-5 of them in its own mix.
        String[] orgReasons = new String[5 + r.nextInt(3)];
        Map<String, Double> orgReasonHold = new LinkedHashMap<>();
        for (int k = 0; k < orgReasons.length; k++) {
            orgReasons[k] = word(r) + "-" + word(r);
            orgReasonHold.put(orgReasons[k], Math.exp(0.3 * r.nextGaussian()));
        }
        for (String team : teamIds) {
            List<String> pool = new ArrayList<>(List.of(orgReasons));
            java.util.Collections.shuffle(pool, r);
            String[] reasons = pool.subList(0, 3 + r.nextInt(3)).toArray(new String[0]);
            double[] mix = new double[reasons.length];
            for (int k = 0; k < reasons.length; k++) {
                mix[k] = 0.3 + r.nextDouble();
            }
            reasonsByTeam.put(team, reasons);
            mixByTeam.put(team, mix);
            String[] queues = new String[2 + r.nextInt(2)];
            for (int k = 0; k < queues.length; k++) {
                queues[k] = "q-" + word(r);
            }
            queuesByTeam.put(team, queues);
        }
        List<String> used = new ArrayList<>();
        for (int k = 0; k < kinds.size(); k++) {
            Kind kind = kinds.get(k);
            String team = teamIds.get(k % teamIds.size());
            List<String> pool = new ArrayList<>(c.agentsByTeam.get(team));
            pool.removeAll(used);
            List<String> who = new ArrayList<>();
            if (kind == Kind.PROCESS || kind == Kind.TRANSFER_PROCESS) {
                int n = (int) Math.ceil(pool.size() * 0.6);
                for (int a = 0; a < n; a++) {
                    who.add(pool.remove(r.nextInt(pool.size())));
                }
            } else if (kind == Kind.CAPACITY) {
                who.addAll(pool);
            } else {
                who.add(pool.get(r.nextInt(pool.size())));
            }
            used.addAll(who);
            String[] reasons = reasonsByTeam.get(team);
            String reason = kind == Kind.SKILL_ONE_REASON || kind == Kind.TRANSFER_ONE_REASON
                    ? reasons[r.nextInt(reasons.length)] : null;
            Plant p = new Plant(kind, ratios.get(kind), team, List.copyOf(who), reason);
            c.plants.add(p);
            plantsByTeam.computeIfAbsent(team, x -> new ArrayList<>()).add(p);
        }
        for (String team : teamIds) {
            List<Plant> tp = plantsByTeam.getOrDefault(team, List.of());
            Plant capacity = tp.stream().filter(p -> p.kind() == Kind.CAPACITY).findFirst().orElse(null);
            double teamHold = 40 + r.nextDouble() * 12;
            double teamAcw = 50 + r.nextDouble() * 12;
            double teamTransfer = 0.05 + r.nextDouble() * 0.06;
            double teamRepeat = 0.08 + r.nextDouble() * 0.06;
            String[] reasons = reasonsByTeam.get(team);
            double[] mix = mixByTeam.get(team);
            double[] reasonHold = new double[reasons.length];
            for (int k = 0; k < reasons.length; k++) {
                // the organisation's level of the reason, and a little of the team's own on top
                reasonHold[k] = orgReasonHold.get(reasons[k]) * Math.exp(0.1 * r.nextGaussian());
            }
            String[] queues = queuesByTeam.get(team);
            // Staffing: hourly; every hour one agent short of twelve, the capacity team's afternoons far shorter.
            for (int d = 0; d < days; d++) {
                for (int h = 0; h < HOURS_OPEN; h++) {
                    Instant s = hour(c.start, d, h);
                    boolean shortHour = capacity != null && h >= 5 && d >= 2;
                    c.staffing.add(new Staffing(team, s, s.plus(Duration.ofHours(1)), shortHour ? 8 : 11, 12));
                }
            }
            for (String agent : c.agentsByTeam.get(team)) {
                double hold = teamHold * Math.exp(0.1 * r.nextGaussian());
                double acw = teamAcw * Math.exp(0.1 * r.nextGaussian());
                double transfer = Math.min(0.5, teamTransfer * Math.exp(0.2 * r.nextGaussian()));
                double repeat = Math.min(0.5, teamRepeat * Math.exp(0.2 * r.nextGaussian()));
                double csat = 4.0 + 0.25 * r.nextGaussian();
                List<Plant> mine = tp.stream().filter(p -> p.agents().contains(agent)).toList();
                if (mine.stream().anyMatch(p -> p.kind() == Kind.MOTIVATION)) {
                    hold = teamHold * 0.85; // was at or above standard before the drop
                }
                if (mine.stream().anyMatch(p -> p.kind() == Kind.TRANSFER_MOTIVATION)) {
                    transfer = teamTransfer * 0.85;
                }
                for (int d = 0; d < days; d++) {
                    if (r.nextDouble() < 0.08) {
                        continue; // absent
                    }
                    int n = 18 + r.nextInt(15);
                    for (int k = 0; k < n; k++) {
                        int h = r.nextInt(HOURS_OPEN);
                        Instant at = hour(c.start, d, h).plusSeconds(r.nextInt(3600));
                        int ri = pick(r, mix);
                        double factor = reasonHold[ri];
                        double transferFactor = 1;
                        for (Plant p : mine) {
                            boolean applies = switch (p.kind()) {
                                case SKILL, PROCESS, TRANSFER_SKILL, TRANSFER_PROCESS -> true;
                                case SKILL_ONE_REASON, TRANSFER_ONE_REASON -> reasons[ri].equals(p.reason());
                                case MOTIVATION, TRANSFER_MOTIVATION -> d >= days - 4;
                                case CAPACITY -> h >= 5 && d >= 2;
                            };
                            if (applies && p.kind().onTransfers()) {
                                transferFactor *= p.ratio();
                            } else if (applies) {
                                factor *= p.ratio();
                            }
                        }
                        // 60% of calls hold; log-normal lengths (per-call coefficient of variation about 1.2)
                        double holdSec = r.nextDouble() < 0.6 ? hold * factor / 0.6
                                * Math.exp(0.6 * r.nextGaussian() - 0.18) : 0;
                        double acwSec = acw * Math.exp(0.5 * r.nextGaussian() - 0.125);
                        String reason = r.nextDouble() < 0.03 ? null : reasons[ri];
                        String queue = r.nextDouble() < 0.02 ? null : queues[ri % queues.length];
                        Integer score = r.nextDouble() < 0.2
                                ? (int) Math.max(1, Math.min(5, Math.round(csat + 0.9 * r.nextGaussian()))) : null;
                        c.calls.add(new Call(agent, team, agent + "-" + d + "-" + k, at, queue, reason,
                                Math.round(holdSec), Math.round(acwSec),
                                r.nextDouble() < Math.min(0.9, transfer * transferFactor),
                                r.nextDouble() < repeat, score));
                    }
                }
            }
        }
        return c;
    }

    private static Instant hour(Instant start, int day, int h) {
        return start.plus(Duration.ofDays(day)).plus(Duration.ofHours(8 + h));
    }

    private static int pick(Random r, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = r.nextDouble() * total;
        for (int k = 0; k < weights.length; k++) {
            x -= weights[k];
            if (x <= 0) {
                return k;
            }
        }
        return weights.length - 1;
    }
}
