package io.wem.coaching.domain;

import java.time.Duration;

/**
 * ISO-8601 durations as people write them (Duration.toString would say PT168H for a week): up to three days in
 * hours (PT24H, PT72H, as deadlines are usually set), whole days beyond that in days (P5D, P7D).
 */
public final class Durations {

    private Durations() {
    }

    public static String format(Duration d) {
        if (d.toSeconds() > 3 * 86400 && d.toSeconds() % 86400 == 0) {
            return "P" + d.toDays() + "D";
        }
        return d.toString();
    }
}
