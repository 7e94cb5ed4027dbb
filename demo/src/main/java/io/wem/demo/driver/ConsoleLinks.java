package io.wem.demo.driver;

import io.wem.demo.generator.PlantedScenario;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a planted situation can be seen in the web console (signed in as coach1, who coaches all three demo teams):
 * the team's gaps and wellbeing, the agent's behaviors for a one-agent situation, and the owners' inbox.
 */
final class ConsoleLinks {

    static final String DEFAULT_URL = "http://127.0.0.1:8085";

    private ConsoleLinks() {
    }

    static String markdown(PlantedScenario s, String consoleUrl) {
        List<String> links = new ArrayList<>();
        links.add("[team](" + consoleUrl + "/teams/" + s.teamId() + ")");
        if (s.agentIds().size() == 1) {
            links.add("[agent](" + consoleUrl + "/agents/" + s.agentIds().get(0) + "/behaviors)");
        }
        if (!s.expectedOwnerRoles().isEmpty()) {
            links.add("[inbox](" + consoleUrl + "/inbox)");
        }
        return String.join(" · ", links);
    }
}
