package io.wem.wellbeing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** wellbeing-service settings (wem.wellbeing.*). Guardrail numbers live in team policies, not here. */
@ConfigMapping(prefix = "wem.wellbeing")
public interface WellbeingConfig {

    /** How long a replica may serve a team policy from memory after another replica changed it. */
    @WithDefault("30s")
    Duration policyCacheTtl();

    /**
     * Quiet period per agent and alert kind for pattern alerts (EMOTIONAL_LOAD, COACHING_PRESSURE, MONITORING_CAP)
     * so a standing pattern is reported once a day, not on every event.
     */
    @WithDefault("24h")
    Duration patternAlertCooldown();

    /**
     * How long the intensity index must stay above the team's cap before MONITORING_CAP is raised for it (an on-delay:
     * an ordinary week's mix crosses the index cap for a few hours by chance; docs/wellbeing.md, docs/calibration.md).
     * Kinds' own caps are alerted at once.
     */
    @WithDefault("12h")
    Duration indexAlertDelay();

    /** Period of the team pattern check (emotional load, coaching pressure); "off" disables it. */
    @WithDefault("15m")
    String patternCheckEvery();

    /** Period of the same check for teams with new activity; "off" disables it. */
    @WithDefault("20s")
    String patternCheckActiveEvery();

    /**
     * How long a guardrail request waits for monitoring events of the agent that are already in Kafka but not yet
     * recorded; after that it answers DEFER (fail closed) instead of deciding on a stale intensity index.
     */
    @WithDefault("3s")
    Duration guardrailCatchUpTimeout();
}
