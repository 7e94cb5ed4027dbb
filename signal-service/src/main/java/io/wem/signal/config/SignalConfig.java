package io.wem.signal.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

@ConfigMapping(prefix = "wem.signal")
public interface SignalConfig {

    Ingest ingest();

    Detection detection();

    /**
     * The organisation's own reason, queue and channel names for the categories behaviors filter on (see
     * {@link io.wem.signal.domain.Taxonomy}): {@code wem.signal.taxonomy.contact-reason.complaint=Beschwerde, svc-recovery}.
     */
    TaxonomyNames taxonomy();

    interface TaxonomyNames {
        /** category → comma-separated organisation names */
        Map<String, String> contactReason();

        Map<String, String> queue();

        Map<String, String> channel();
    }

    interface Ingest {
        /** Most signals per REST request. */
        @WithDefault("1000")
        int maxBatch();

        /** Largest REST request body in bytes. */
        @WithDefault("1048576")
        long maxBytes();

        /** Seconds a caller is told to wait (Retry-After) when governance cannot redact. */
        @WithDefault("30")
        int retryAfterSeconds();

        /** Adherence below this percentage is a real-time adherence alert (a monitoring event). */
        @WithDefault("85")
        double adherenceAlertBelow();
    }

    interface Detection {
        /** How often the detector evaluates teams with new signals (the debounce of gap detection). */
        @WithDefault("2s")
        Duration interval();

        /** Share of a team's eligible agents that makes a shared gap a PROCESS gap. */
        @WithDefault("0.4")
        double processShare();

        /** At least this many agents must share a gap before it is a PROCESS gap. */
        @WithDefault("3")
        int processMinAgents();

        /**
         * Occupancy at or above which an interval counts as understaffed even when scheduled >= required: saturation
         * (agents have no time between contacts), not the 85-90% many centres plan for and run at every day.
         */
        @WithDefault("0.95")
        double highOccupancy();

        /**
         * Graded staffing: an interval counts as understaffed from this shortfall (required - scheduled) / required;
         * below it (one agent short of twelve) it is the centre's normal state.
         */
        @WithDefault("0.15")
        double minShortfall();

        /** How many windows before the current one form the agent's own history. */
        @WithDefault("3")
        int historyWindows();

        /** Periodic measurements: how often the job looks for a completed day to publish. */
        @WithDefault("1h")
        Duration measurementsEvery();
    }
}
