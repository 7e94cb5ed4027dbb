package io.wem.demo.generator;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Size and seed of a generated contact center. Everything the generator produces is a function of these values
 * alone: the same options give the same signals, byte for byte.
 *
 * @param seed          seed of every random choice
 * @param teams         team ids (at least three; the planted scenarios use the first three)
 * @param agents        number of agents, spread evenly over the teams
 * @param interactions  interactions in the week, spread over the agents' shifts
 * @param start         first instant of the week (UTC; shifts start at 07:00 and 12:00 UTC each day)
 * @param days          length of the simulated period in days
 * @param runId         prefix of every generated id, so two runs against one suite do not collide
 * @param plantScenarios whether to plant the six documented situations (off gives a plain, noisy contact center)
 */
public record GeneratorOptions(long seed, List<String> teams, int agents, int interactions, Instant start, int days,
                               String runId, boolean plantScenarios) {

    public static final List<String> DEFAULT_TEAMS = List.of("team-north", "team-south", "team-east");
    public static final int DEFAULT_AGENTS = 60;
    public static final int DEFAULT_INTERACTIONS = 20_000;
    public static final int DEFAULT_DAYS = 7;

    public GeneratorOptions {
        teams = List.copyOf(teams);
        if (teams.size() < 3) {
            throw new IllegalArgumentException("teams: at least three teams are needed, got " + teams);
        }
        if (plantScenarios && agents < teams.size() * 10) {
            throw new IllegalArgumentException("agents: the planted scenarios need at least 10 agents per team ("
                    + teams.size() * 10 + "), got " + agents);
        }
        if (agents < teams.size()) {
            throw new IllegalArgumentException("agents: at least one agent per team, got " + agents);
        }
        if (days < 1) {
            throw new IllegalArgumentException("days: at least 1, got " + days);
        }
        if (interactions < agents) {
            throw new IllegalArgumentException("interactions: at least one per agent (" + agents + "), got " + interactions);
        }
        if (runId == null || !runId.matches("[a-z][a-z0-9]{0,11}")) {
            throw new IllegalArgumentException("runId: a lower-case letter then up to 11 letters or digits, got " + runId);
        }
        start = start.truncatedTo(ChronoUnit.SECONDS);
    }

    /** Defaults: 3 teams, 60 agents, 20,000 interactions, the week that started 14 days before today (UTC). */
    public static GeneratorOptions defaults(long seed) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(2L * DEFAULT_DAYS));
        return new GeneratorOptions(seed, DEFAULT_TEAMS, DEFAULT_AGENTS, DEFAULT_INTERACTIONS, start, DEFAULT_DAYS,
                defaultRunId(seed), true);
    }

    /** "s" + the seed in base 36: short, and never a long run of digits (ids must not look like card numbers). */
    public static String defaultRunId(long seed) {
        return "s" + Long.toString(Math.abs(seed) % 2_000_000_000L, 36);
    }

    public Instant end() {
        return start.plus(Duration.ofDays(days));
    }

    public GeneratorOptions withStart(Instant newStart) {
        return new GeneratorOptions(seed, teams, agents, interactions, newStart, days, runId, plantScenarios);
    }

    public GeneratorOptions withRunId(String newRunId) {
        return new GeneratorOptions(seed, teams, agents, interactions, start, days, newRunId, plantScenarios);
    }
}
