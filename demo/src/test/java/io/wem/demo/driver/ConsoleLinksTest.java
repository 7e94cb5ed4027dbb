package io.wem.demo.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wem.demo.generator.PlantedScenario;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleLinksTest {

    @Test
    void aOneAgentSituationLinksItsTeamItsAgentAndTheInbox() {
        PlantedScenario s = new PlantedScenario("a", "t", "d", "team-north", List.of("agent-north-01"), "acw-habits",
                "SKILL", List.of("coach"), List.of(), "ALLOW");
        assertEquals("[team](http://c/teams/team-north) · [agent](http://c/agents/agent-north-01/behaviors) · "
                + "[inbox](http://c/inbox)", ConsoleLinks.markdown(s, "http://c"));
    }

    @Test
    void aWellbeingSituationWithoutAnOwnerLinksOnlyWhatShowsIt() {
        PlantedScenario s = new PlantedScenario("e", "t", "d", "team-north", List.of("a1", "a2"), null, null,
                List.of(), List.of("RECOVERY_VIOLATION"), null);
        assertEquals("[team](http://c/teams/team-north)", ConsoleLinks.markdown(s, "http://c"));
    }
}
