package io.wem.governance.rest;

/** Request examples of governance's OpenAPI document, in one place (what an integrator copies first). */
final class Examples {
    static final String ROSTER_JSON = "{\"rows\":[{\"teamId\":\"team-north\",\"teamName\":\"North\",\"site\":\"Leeds\","
            + "\"username\":\"supervisor1\",\"displayName\":\"Sam Supervisor\",\"role\":\"supervisor\"},"
            + "{\"teamId\":\"team-north\",\"username\":\"agent1\",\"role\":\"agent\",\"agentId\":\"agent-north-01\"}]}";
    static final String ROSTER_CSV = "team_id,team_name,site,username,display_name,role,agent_id,for_agent\n"
            + "team-north,North,Leeds,supervisor1,Sam Supervisor,supervisor,,\n"
            + "team-north,North,Leeds,agent1,Alex Agent,agent,agent-north-01,\n";

    private Examples() {
    }
}
