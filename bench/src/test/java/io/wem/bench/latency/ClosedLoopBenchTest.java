package io.wem.bench.latency;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClosedLoopBenchTest {

    @Test
    void aProbeIsAnsweredByItsOwnInterventionOrAsAnAffectedAgentOfTeamLevelWork() throws Exception {
        // The shape of coaching-service's GET /api/v1/interventions (InterventionView), reduced to what is read.
        String listing = """
                [{"id":"i1","agentId":"agent-p0","affectedAgentIds":[]},
                 {"id":"i2","agentId":null,"affectedAgentIds":["agent-p13","agent-p14","agent-p0"]},
                 {"id":"i3","affectedAgentIds":null}]""";
        Map<String, Boolean> answered = ClosedLoopBench.answered(new ObjectMapper().readTree(listing));
        assertEquals(Map.of("agent-p0", false, "agent-p13", true, "agent-p14", true), answered);
    }
}
