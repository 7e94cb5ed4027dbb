package io.wem.demo.generator;

import java.util.List;
import java.util.Map;

/**
 * Output of the generator: the signals in time order (in a measured week led by the monitoring of the agent at the
 * monitoring cap, which lies after the week; see Scenarios), the roster behind them and the planted scenarios.
 *
 * @param outcomes for a follow-up week: coached agent → whether they improved; empty for a first week
 */
public record GeneratedWeek(GeneratorOptions options, List<AgentProfile> roster, List<PlantedScenario> scenarios,
                            List<Signal> signals, Map<String, Boolean> outcomes) {

    public GeneratedWeek {
        roster = List.copyOf(roster);
        scenarios = List.copyOf(scenarios);
        signals = List.copyOf(signals);
        outcomes = Map.copyOf(outcomes);
    }

    public <T extends Signal> List<T> ofType(Class<T> type) {
        return signals.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public PlantedScenario scenario(String id) {
        return scenarios.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no planted scenario " + id));
    }
}
