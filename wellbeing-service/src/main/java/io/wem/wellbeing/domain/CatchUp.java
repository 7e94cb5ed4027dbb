package io.wem.wellbeing.domain;

/**
 * Has wellbeing recorded every monitoring event of an agent's partition that was in Kafka when the guardrail was
 * asked? {@code target} is the partition's end offset at that moment; {@code recorded} the next offset the consumer
 * recorded in the database (with the facts, in one transaction); {@code committed} the consumer group's committed
 * offset, which also moves past a record parked on the dead-letter topic. Unknown positions count as behind: the
 * guardrail then defers rather than answer on stale intensity.
 */
public final class CatchUp {

    private CatchUp() {
    }

    public static boolean caughtUp(long target, Long recorded, Long committed) {
        return target <= 0 || (recorded != null && recorded >= target) || (committed != null && committed >= target);
    }

    /** Records of the partition not yet recorded (for the reason text); 0 when caught up. */
    public static long behind(long target, Long recorded, Long committed) {
        long best = Math.max(recorded == null ? 0 : recorded, committed == null ? 0 : committed);
        return Math.max(0, target - best);
    }
}
