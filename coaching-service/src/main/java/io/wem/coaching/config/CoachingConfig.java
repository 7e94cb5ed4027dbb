package io.wem.coaching.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "wem.coaching")
public interface CoachingConfig {

    /** Weekly capacity of an owner without an explicit one (interventions per week). */
    @WithDefault("10")
    int defaultWeeklyCapacity();

    Guardrail guardrail();

    Evaluation evaluation();

    Scheduler scheduler();

    interface Scheduler {
        /** How often due guardrail retries, deferrals and follow-up evaluations are looked for (read by @Scheduled). */
        @WithDefault("5s")
        String every();

        @WithDefault("2s")
        String delay();
    }

    interface Guardrail {
        /** First retry delay while wellbeing is unreachable; doubles per attempt. */
        @WithDefault("PT10S")
        Duration retryBase();

        @WithDefault("PT5M")
        Duration retryMax();

        /** How long one worker holds an intervention while it asks wellbeing (so two workers never both ask). */
        @WithDefault("PT30S")
        Duration claim();
    }

    interface Evaluation {
        /** At most this many uncoached peers are measured as the comparison group. */
        @WithDefault("20")
        int maxPeers();
    }
}
