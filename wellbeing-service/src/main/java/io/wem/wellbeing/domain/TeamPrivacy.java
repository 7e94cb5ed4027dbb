package io.wem.wellbeing.domain;

/** k-anonymity for team aggregates: below this many agents an aggregate could be reversed into a person. */
public final class TeamPrivacy {
    public static final int MIN_GROUP = 5;

    private TeamPrivacy() {
    }

    public static boolean withheld(int agents) {
        return agents < MIN_GROUP;
    }

    public static String reason() {
        return "fewer than " + MIN_GROUP + " agents";
    }
}
