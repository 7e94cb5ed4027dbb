package io.wem.signal.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.wem.common.directory.AgentPlacement;
import io.wem.common.directory.DirectoryLookup;
import io.wem.signal.api.Signal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Files every agent's signal under the team the organisation directory gives the agent, whatever team the signal
 * names (a connector or a forged message cannot move an agent). Policy (docs/directory.md):
 * <ul>
 *   <li>known agent, different team in the signal: stored under the directory's team, counted as
 *       {@code wem.signal.directory{outcome=team-corrected}};</li>
 *   <li>agent unknown to the directory (or in no team now): stored under the signal's team and counted as
 *       {@code outcome=unknown-agent}; per-agent reads of such an agent are refused to team roles, because scoping
 *       asks the directory, which places the agent nowhere;</li>
 *   <li>directory unavailable: {@link io.wem.common.directory.DirectoryUnavailableException} propagates and nothing
 *       of the batch is stored (REST answers 503; the Kafka consumer fails the record).</li>
 * </ul>
 */
@ApplicationScoped
public class TeamPlacement {
    private static final Logger LOG = Logger.getLogger(TeamPlacement.class);

    @Inject
    DirectoryLookup directory;

    @Inject
    MeterRegistry metrics;

    public List<Signal> place(List<Signal> signals) {
        Map<String, Optional<String>> teams = new HashMap<>();
        List<Signal> out = new ArrayList<>(signals.size());
        int corrected = 0;
        int unknown = 0;
        for (Signal s : signals) {
            String agent = s.agentIdOrNull();
            if (agent == null || s.teamOrNull() == null) {
                out.add(s);
                continue;
            }
            Optional<String> team = teams.computeIfAbsent(agent,
                    a -> directory.agent(a).map(AgentPlacement::teamId));
            if (team.isEmpty()) {
                unknown++;
                out.add(s);
            } else if (!team.get().equals(s.teamOrNull())) {
                corrected++;
                out.add(s.withTeam(team.get()));
            } else {
                out.add(s);
            }
        }
        if (corrected > 0) {
            metrics.counter("wem.signal.directory", "outcome", "team-corrected").increment(corrected);
            LOG.warnf("%d signals named a team other than the directory's; filed under the directory's team", corrected);
        }
        if (unknown > 0) {
            metrics.counter("wem.signal.directory", "outcome", "unknown-agent").increment(unknown);
        }
        return out;
    }
}
