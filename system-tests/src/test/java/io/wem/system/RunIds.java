package io.wem.system;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Unique ids for one run of the suite, so a rerun on a stack that already holds data from earlier runs (or from
 * the demo) asserts only on what it created itself.
 */
public final class RunIds {

    /** e.g. {@code st1k2j3h4x}: base-36 time plus a random suffix, short enough for agent ids. */
    public static final String RUN = "st" + Long.toString(System.currentTimeMillis() / 1000, 36)
            + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36), 36);

    private static final AtomicInteger SEQ = new AtomicInteger();

    private RunIds() {
    }

    /** {@code <prefix>-<run>-<n>}, unique within and across runs. */
    public static String next(String prefix) {
        return prefix + "-" + RUN + "-" + SEQ.incrementAndGet();
    }

    /**
     * An agent id of this run in a realm team: {@code agent-north-<run>-<label>}. The team part keeps the naming of
     * the realm's agents; the run part keeps every run's agents apart (baselines, gaps, interventions, holds).
     */
    public static String agent(String team, String label) {
        return "agent-" + team.replace("team-", "") + "-" + RUN + "-" + label;
    }
}
