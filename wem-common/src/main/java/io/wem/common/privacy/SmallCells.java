package io.wem.common.privacy;

/**
 * Small-cell suppression, the one rule for every figure the suite publishes about a group of people (playbook
 * effectiveness, team wellbeing): a figure computed from fewer than {@link #MIN_GROUP} distinct people is withheld,
 * because with two or three people (or one) it is a statement about a person. Counts of people between 1 and
 * {@code MIN_GROUP - 1} are withheld the same way; 0 is shown (it names nobody).
 */
public final class SmallCells {

    /** Smallest number of distinct people a published aggregate may rest on. */
    public static final int MIN_GROUP = 5;

    private SmallCells() {
    }

    /** True when a group of this many distinct people is too small to publish an aggregate of. */
    public static boolean tooSmall(int people) {
        return people < MIN_GROUP;
    }

    /** A count of people, or null when it would single someone out (1 to MIN_GROUP - 1). */
    public static Integer count(int people) {
        return people > 0 && people < MIN_GROUP ? null : people;
    }

    /** Why a figure was withheld, for the response: "fewer than 5 agents". */
    public static String reason(String people) {
        return "fewer than " + MIN_GROUP + " " + people;
    }
}
