package io.wem.wellbeing.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.wem.common.directory.AgentPlacement;
import io.wem.common.directory.DirectoryLookup;
import io.wem.common.directory.DirectoryUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The team an agent's state is kept under: the organisation directory's, never the team an event names when the
 * directory knows the agent (same policy as signal-service, docs/directory.md). Unknown agents keep the event's
 * team (counted). If the directory does not answer, a known state keeps its team (an event cannot move it) and a
 * new one takes the event's (counted), so an activity is never lost to an outage.
 */
@ApplicationScoped
public class AgentTeams {

    @Inject
    DirectoryLookup directory;

    @Inject
    MeterRegistry metrics;

    public String teamOf(String agentId, String claimed, String current) {
        String fallback = current != null ? current : blankToNull(claimed);
        String team;
        try {
            team = directory.agent(agentId).map(AgentPlacement::teamId).orElse(null);
        } catch (DirectoryUnavailableException e) {
            metrics.counter("wem.wellbeing.directory", "outcome", "unavailable").increment();
            return fallback;
        }
        if (team == null) {
            metrics.counter("wem.wellbeing.directory", "outcome", "unknown-agent").increment();
            return claimed != null && !claimed.isBlank() ? claimed : current;
        }
        if (claimed != null && !claimed.isBlank() && !claimed.equals(team)) {
            metrics.counter("wem.wellbeing.directory", "outcome", "team-corrected").increment();
        }
        return team;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
